package azsdk_test

import (
	"regexp"
	"testing"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

// TestRules checks the documentation every Azure rule carries: the README
// table, SARIF rule descriptors and `kvlint rules` are generated from it.
func TestRules(t *testing.T) {
	ids := map[string][]string{ // each Azure analyzer's rules, in order
		"clientsecretauth": {"KV201", "KV202", "KV203", "KV204", "KV205", "KV206"},
		"sharedkeyauth":    {"KV220", "KV221", "KV222"},
		"pinnedversion":    {"KV301", "KV302"},
		"secretexpiry":     {"KV401", "KV402"},
		"secretlog":        {"KV410", "KV411"},
		"vaultperrequest":  {"KV420"},
	}
	byAnalyzer := map[string][]rules.Info{}
	for _, r := range analyzers.Rules() {
		byAnalyzer[r.Analyzer] = append(byAnalyzer[r.Analyzer], r)
	}
	type set struct {
		analyzer string
		doc      string
		rules    []rules.Info
		ids      []string
	}
	var sets []set
	for _, a := range analyzers.RuleAnalyzers(&config.Source{}) {
		if want, ok := ids[a.Name]; ok {
			sets = append(sets, set{a.Name, a.Doc, byAnalyzer[a.Name], want})
			delete(ids, a.Name)
		}
	}
	if len(ids) != 0 {
		t.Errorf("analyzers not in the suite: %v", ids)
	}
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, s := range sets {
		if len(s.doc) < 100 {
			t.Errorf("%s: Doc is %d bytes; the doc.go section is missing", s.analyzer, len(s.doc))
		}
		if len(s.rules) != len(s.ids) {
			t.Errorf("%s: %d rules, want %v", s.analyzer, len(s.rules), s.ids)
			continue
		}
		for i, r := range s.rules {
			if r.ID != s.ids[i] || r.Analyzer != s.analyzer || !kebab.MatchString(r.Name) {
				t.Errorf("%s: rule %d is %s %q of %q", s.analyzer, i, r.ID, r.Name, r.Analyzer)
			}
			if r.Title == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || r.Bad == r.Good {
				t.Errorf("%s: title, doc, bad and good examples are required and differ", r.ID)
			}
			switch r.Severity {
			case rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo:
			default:
				t.Errorf("%s: severity %q", r.ID, r.Severity)
			}
			if r.SecuritySeverity <= 0 || r.SecuritySeverity > 10 {
				t.Errorf("%s: security severity %v out of (0, 10]", r.ID, r.SecuritySeverity)
			}
			if !config.Defaults().RuleEnabled(r.ID, r.Name) {
				t.Errorf("%s: not enabled by default", r.ID)
			}
		}
	}
}
