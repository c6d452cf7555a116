package azsdk

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
)

// Scope is the configuration that applies to one pass of an Azure analyzer:
// which rules are on and which files are skipped (generated, allowlisted,
// and test files as the test policy and the analyzer's Kind say).
type Scope struct {
	pass *analysis.Pass
	cfg  *config.Loaded
	skip map[*token.File]bool
}

// Kind says how an analyzer treats test files.
type Kind int

// Kinds of analyzer.
const (
	// Security analyzers (a static secret, a secret in a log) judge test
	// files unless the configuration says tests: skip.
	Security Kind = iota
	// Practice analyzers (pinned versions, expiry, per-request reads) judge
	// test files only with tests: scan: tests pin versions and write
	// short-lived secrets to fakes on purpose.
	Practice
)

// Load returns the Scope of pass under src, or nil if the analyzer is turned
// off for the package (or the package has no files). A configuration that
// cannot be loaded is an error of the analyzer, as in the other analyzers.
func Load(pass *analysis.Pass, src *config.Source, kind Kind) (*Scope, error) {
	if len(pass.Files) == 0 {
		return nil, nil
	}
	cfg, err := lint.Config(pass, src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pass.Analyzer.Name, err)
	}
	if cfg == nil {
		cfg = config.Defaults()
	}
	if !cfg.Enabled(pass.Analyzer.Name) {
		return nil, nil
	}
	s := &Scope{pass: pass, cfg: cfg, skip: map[*token.File]bool{}}
	policy := cfg.TestPolicy()
	skipTests := policy == detect.TestsSkip || kind == Practice && policy != detect.TestsScan
	for _, f := range pass.Files {
		if lint.Skip(pass.Fset, cfg, f) || skipTests && lint.IsTestFile(pass.Fset, f) {
			s.skip[pass.Fset.File(f.FileStart)] = true
		}
	}
	return s, nil
}

// Rule reports whether rule id (kebab-case name) is enabled.
func (s *Scope) Rule(id, name string) bool { return s.cfg.RuleEnabled(id, name) }

// Report reports d through lint.Report unless its file is skipped. The
// caller has checked that the rule (d.Category, name) is enabled.
func (s *Scope) Report(d analysis.Diagnostic, name string) {
	if s.skip[s.pass.Fset.File(d.Pos)] {
		return
	}
	lint.Report(s.pass, d, name)
}

// Engine returns the detection engine of the configuration, for analyzers
// that judge a constant the way the hardcoded-credential rules do.
func (s *Scope) Engine() *detect.Engine { return s.cfg.Engine }

// IsTest reports whether pos is in a _test.go file.
func (s *Scope) IsTest(pos token.Pos) bool {
	return strings.HasSuffix(s.pass.Fset.Position(pos).Filename, "_test.go")
}
