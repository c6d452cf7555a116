package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// SARIF schema and version written by the SARIF writer.
const (
	SARIFSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	SARIFVersion = "2.1.0"
	// FingerprintKey is the partialFingerprints key kvlint writes.
	FingerprintKey = "kvlint/v1"
	// InformationURI is kvlint's home page, written as the tool's informationUri.
	InformationURI = "https://github.com/kvlint/kvlint"
)

// SARIF writes a SARIF 2.1.0 log with the fields GitHub code scanning
// requires: rules with help and security-severity, repository-relative
// artifact URIs (uriBaseId %SRCROOT%), regions and partial fingerprints.
type SARIF struct {
	// Root is the directory URIs are made relative to (the repository root).
	// Files outside Root are written as absolute file:// URIs.
	Root string
	// Version is the tool version written as driver.version.
	Version string
	// UTF16Column, if set, converts a 1-based byte column of a line of a
	// file into the 1-based UTF-16 column SARIF viewers expect by default;
	// the log then says columnKind utf16CodeUnits. Without it columns are
	// written as bytes, which is the same for ASCII lines.
	UTF16Column func(filename string, line, col int) int
	// VersionControl, if set, is written as the run's
	// versionControlProvenance: the repository and revision scanned.
	VersionControl []VersionControl
}

// VersionControl is a SARIF versionControlDetails object.
type VersionControl struct {
	RepositoryURI string `json:"repositoryUri"`        // absolute URI of the repository
	RevisionID    string `json:"revisionId,omitempty"` // commit analyzed
	Branch        string `json:"branch,omitempty"`     // branch analyzed
}

// SARIF document types: only the subset kvlint writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		Results            []sarifResult               `json:"results"`
		ColumnKind         string                      `json:"columnKind,omitempty"`
		VersionControl     []VersionControl            `json:"versionControlProvenance,omitempty"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Version        string      `json:"version,omitempty"`
		SemanticVer    string      `json:"semanticVersion,omitempty"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string             `json:"id"`
		Name                 string             `json:"name,omitempty"`
		ShortDescription     sarifText          `json:"shortDescription"`
		FullDescription      sarifText          `json:"fullDescription"`
		Help                 sarifHelp          `json:"help"`
		DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
		Properties           sarifRuleProps     `json:"properties"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProps struct {
		SecuritySeverity string   `json:"security-severity,omitempty"`
		Precision        string   `json:"precision,omitempty"`
		Tags             []string `json:"tags,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
		Properties          map[string]any    `json:"properties,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

// Write implements Writer.
func (s SARIF) Write(w io.Writer, findings []Finding, known []rules.Info) error {
	var descs []sarifRule
	index := make(map[string]int)
	addRule := func(info rules.Info) int {
		if i, ok := index[info.ID]; ok {
			return i
		}
		index[info.ID] = len(descs)
		descs = append(descs, sarifRuleFor(info))
		return len(descs) - 1
	}
	for _, info := range known {
		addRule(info)
	}
	results := make([]sarifResult, 0, len(findings))
	for _, f := range findings {
		i, ok := index[f.RuleID]
		if !ok {
			// A rule nobody documented (a custom rule from configuration).
			i = addRule(rules.Info{
				ID:       f.RuleID,
				Name:     f.RuleName,
				Analyzer: f.Analyzer,
				Title:    f.RuleName,
				Severity: f.Severity,
			})
		}
		r := sarifResult{
			RuleID:    f.RuleID,
			RuleIndex: i,
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: s.artifact(f.Filename),
				Region:           s.region(f),
			}}},
		}
		r.Properties = f.Properties
		if f.Fingerprint != "" {
			r.PartialFingerprints = map[string]string{FingerprintKey: f.Fingerprint}
		}
		results = append(results, r)
	}
	if descs == nil {
		descs = []sarifRule{}
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "kvlint",
			InformationURI: InformationURI,
			Version:        s.Version,
			Rules:          descs,
		}},
		Results: results,
	}
	run.VersionControl = s.VersionControl
	if s.UTF16Column != nil {
		run.ColumnKind = "utf16CodeUnits"
	}
	if s.Root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{
			"%SRCROOT%": {URI: fileURI(s.Root) + "/"},
		}
	}
	log := sarifLog{Schema: SARIFSchema, Version: SARIFVersion, Runs: []sarifRun{run}}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return fmt.Errorf("encode SARIF: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func (s SARIF) region(f Finding) sarifRegion {
	col, endCol := f.Col, f.EndCol
	if s.UTF16Column != nil {
		col = s.UTF16Column(f.Filename, f.Line, col)
		if f.EndLine > 0 {
			endCol = s.UTF16Column(f.Filename, f.EndLine, endCol)
		}
	}
	r := sarifRegion{StartLine: max(f.Line, 1), StartColumn: max(col, 1), EndLine: f.EndLine, EndColumn: endCol}
	if r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) {
		r.EndLine, r.EndColumn = r.StartLine, r.StartColumn
	}
	return r
}

// artifact returns the location of file: relative to %SRCROOT% when under
// Root, else an absolute file URI.
func (s SARIF) artifact(file string) sarifArtifactLoc {
	if s.Root != "" {
		if rel := RelPath(s.Root, file); rel != file || !filepath.IsAbs(file) {
			return sarifArtifactLoc{URI: escapePath(filepath.ToSlash(rel)), URIBaseID: "%SRCROOT%"}
		}
	}
	if filepath.IsAbs(file) {
		return sarifArtifactLoc{URI: fileURI(file)}
	}
	return sarifArtifactLoc{URI: escapePath(filepath.ToSlash(file)), URIBaseID: "%SRCROOT%"}
}

func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "error"
	case rules.SeverityInfo:
		return "note"
	}
	return "warning"
}

func sarifRuleFor(info rules.Info) sarifRule {
	title := info.Title
	if title == "" {
		title = info.Name
	}
	if title == "" {
		title = info.ID
	}
	full := info.Doc
	if full == "" {
		full = title
	}
	props := sarifRuleProps{
		Precision: "high",
		Tags:      []string{"security"},
	}
	if info.ID == "KV100" {
		props.Precision = "medium" // the generic rule judges by name and entropy
	}
	if info.SecuritySeverity > 0 {
		props.SecuritySeverity = fmt.Sprintf("%.1f", info.SecuritySeverity)
	}
	for _, t := range info.Tags {
		if !slices.Contains(props.Tags, t) {
			props.Tags = append(props.Tags, t)
		}
	}
	sev := info.Severity
	if sev == "" {
		sev = rules.SeverityWarning
	}
	return sarifRule{
		ID:                   info.ID,
		Name:                 info.Name,
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifHelp{Text: helpText(info, full), Markdown: helpMarkdown(info, title, full)},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(sev)},
		Properties:           props,
	}
}

func helpText(info rules.Info, full string) string {
	var b strings.Builder
	b.WriteString(full)
	if info.Bad != "" {
		fmt.Fprintf(&b, "\n\nBad:\n%s", indent(info.Bad))
	}
	if info.Good != "" {
		fmt.Fprintf(&b, "\n\nGood:\n%s", indent(info.Good))
	}
	return b.String()
}

func helpMarkdown(info rules.Info, title, full string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** %s\n\n%s\n", info.ID, title, full)
	if info.Bad != "" {
		fmt.Fprintf(&b, "\nBad:\n\n```go\n%s\n```\n", strings.TrimRight(info.Bad, "\n"))
	}
	if info.Good != "" {
		fmt.Fprintf(&b, "\nGood:\n\n```go\n%s\n```\n", strings.TrimRight(info.Good, "\n"))
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// RepoRoot returns the repository root that encloses dir (the nearest
// directory holding .git), or dir itself: the root SARIF URIs are relative to.
func RepoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
