// Package report writes kvlint findings as text, as go/analysis-style JSON
// or as SARIF 2.1.0 for GitHub code scanning, behind one small interface.
//
// Findings carry only what the analyzers put in their messages, which hold
// redacted previews of secrets, never the values. Writers never read source
// files, so they cannot leak a source line either.
package report

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Finding is one diagnostic, ready to be written.
type Finding struct {
	RuleID    string // rule ID, such as "KV101" (the diagnostic's Category)
	RuleName  string // rule name, such as "azure-entra-client-secret"; may be empty for unknown rules
	Analyzer  string // analyzer that reported it, such as "hardcodedcred"
	Package   string // package path, such as "example.com/x/db"
	PackageID string // go/packages ID, such as "example.com/x/db [example.com/x/db.test]"; the JSON key
	Filename  string // absolute file name
	Line, Col int    // 1-based start position (column in bytes)
	// EndLine and EndCol are the 1-based end position; zero when unknown.
	EndLine, EndCol int
	Message         string         // the analyzer's message (already redacted)
	Severity        rules.Severity // effective severity after configuration
	// Fingerprint identifies the finding independently of line numbers (see
	// package baseline); SARIF writes it as partialFingerprints["kvlint/v1"].
	Fingerprint    string
	SuggestedFixes []Fix // fixes offered, which kvlint -fix applies
	// Properties are extra facts SARIF writes in the result's property bag
	// (history mode: the commits that introduced and last held the value).
	Properties map[string]any
}

// Fix is a suggested fix: edits applied together or not at all.
type Fix struct {
	Message string // what the fix does, as a verb phrase
	Edits   []Edit // byte-range edits, applied together
}

// Edit replaces the bytes [Start, End) of Filename with New.
type Edit struct {
	Filename   string // absolute file name
	Start, End int    // byte offsets
	New        string // replacement text
}

// Writer writes findings in one format. rules documents every known rule
// (analyzers.Rules()); writers that describe rules (SARIF) use it.
type Writer interface {
	Write(w io.Writer, findings []Finding, rules []rules.Info) error // writes findings to w, described by rules
}

// Sort orders findings by file, position, rule and message.
func Sort(findings []Finding) {
	slices.SortStableFunc(findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Filename, b.Filename),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Text writes one line per finding:
//
//	path/file.go:12:5: KV101 message (hardcodedcred)
//
// File names are relative to Dir when they are under it.
type Text struct {
	Dir string // usually the working directory; "" keeps absolute names
}

// Write implements Writer.
func (t Text) Write(w io.Writer, findings []Finding, _ []rules.Info) error {
	var b strings.Builder
	for _, f := range findings {
		fmt.Fprintf(&b, "%s:%d:%d: ", RelPath(t.Dir, f.Filename), f.Line, f.Col)
		if f.RuleID != "" {
			b.WriteString(f.RuleID)
			b.WriteByte(' ')
		}
		b.WriteString(f.Message)
		if f.Analyzer != "" {
			fmt.Fprintf(&b, " (%s)", f.Analyzer)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RelPath returns name relative to dir if it lies under dir, else name.
func RelPath(dir, name string) string {
	if dir == "" || !filepath.IsAbs(name) {
		return name
	}
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return rel
}
