package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/kvlint/kvlint/rules"
)

// JSON writes the shape of the go/analysis drivers' -json flag, which tools
// downstream already read:
//
//	{"<package ID>": {"<analyzer>": [{"posn": "/abs/file.go:L:C", "end": "...",
//	  "message": "...", "category": "KV101", "suggested_fixes": [...]}]}}
//
// An analyzer that failed on a package appears as {"error": "..."} in place
// of its list.
type JSON struct {
	Errors []AnalyzerError // analyzers that failed, written in place of their findings
}

// AnalyzerError is an analyzer that failed on a package.
type AnalyzerError struct {
	PackageID string // go/packages ID of the package, the JSON key
	Analyzer  string // name of the analyzer that failed
	Err       string // the analyzer's error text
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonDiagnostic struct {
	Category       string    `json:"category,omitempty"`
	Posn           string    `json:"posn"`
	End            string    `json:"end"`
	Message        string    `json:"message"`
	SuggestedFixes []jsonFix `json:"suggested_fixes,omitempty"`
}

type jsonError struct {
	Err string `json:"error"`
}

// Write implements Writer.
func (j JSON) Write(w io.Writer, findings []Finding, _ []rules.Info) error {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string) map[string]any {
		m, ok := tree[pkg]
		if !ok {
			m = make(map[string]any)
			tree[pkg] = m
		}
		return m
	}
	for _, e := range j.Errors {
		add(e.PackageID, e.Analyzer)[e.Analyzer] = jsonError{e.Err}
	}
	for _, f := range findings {
		id := f.PackageID
		if id == "" {
			id = f.Package
		}
		m := add(id, f.Analyzer)
		list, _ := m[f.Analyzer].([]jsonDiagnostic)
		if _, isErr := m[f.Analyzer].(jsonError); isErr {
			continue
		}
		d := jsonDiagnostic{
			Category: f.RuleID,
			Posn:     fmt.Sprintf("%s:%d:%d", f.Filename, f.Line, f.Col),
			End:      fmt.Sprintf("%s:%d:%d", f.Filename, f.Line, f.Col),
			Message:  f.Message,
		}
		if f.EndLine > 0 {
			d.End = fmt.Sprintf("%s:%d:%d", f.Filename, f.EndLine, f.EndCol)
		}
		for _, fix := range f.SuggestedFixes {
			jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jf.Edits = append(jf.Edits, jsonEdit(e))
			}
			d.SuggestedFixes = append(d.SuggestedFixes, jf)
		}
		m[f.Analyzer] = append(list, d)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
