package azsdk_test

import (
	"regexp"
	"testing"

	"github.com/kvlint/kvlint/analyzers/clientsecretauth"
	"github.com/kvlint/kvlint/analyzers/pinnedversion"
	"github.com/kvlint/kvlint/analyzers/secretexpiry"
	"github.com/kvlint/kvlint/analyzers/secretlog"
	"github.com/kvlint/kvlint/analyzers/sharedkeyauth"
	"github.com/kvlint/kvlint/analyzers/vaultperrequest"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

// TestRules checks the documentation every Azure rule carries: the README
// table, SARIF rule descriptors and `kvlint rules` are generated from it.
func TestRules(t *testing.T) {
	src := &config.Source{}
	sets := []struct {
		analyzer string
		doc      string
		rules    []rules.Info
		ids      []string
	}{
		{clientsecretauth.New(src).Name, clientsecretauth.New(src).Doc, clientsecretauth.Rules, []string{"KV201", "KV202", "KV203", "KV204", "KV205", "KV206"}},
		{sharedkeyauth.New(src).Name, sharedkeyauth.New(src).Doc, sharedkeyauth.Rules, []string{"KV220", "KV221", "KV222"}},
		{pinnedversion.New(src).Name, pinnedversion.New(src).Doc, pinnedversion.Rules, []string{"KV301", "KV302"}},
		{secretexpiry.New(src).Name, secretexpiry.New(src).Doc, secretexpiry.Rules, []string{"KV401", "KV402"}},
		{secretlog.New(src).Name, secretlog.New(src).Doc, secretlog.Rules, []string{"KV410", "KV411"}},
		{vaultperrequest.New(src).Name, vaultperrequest.New(src).Doc, vaultperrequest.Rules, []string{"KV420"}},
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
