package azsdk

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/engine"
)

// Scope is the configuration that applies to one pass of an Azure analyzer:
// which rules are on and which files are skipped (generated, allowlisted,
// and test files as the test policy and the analyzer's Kind say).
//
// Example functions of test files (func ExampleClient_SetSecret()) are
// documentation that users copy: they are judged as production code, also
// in a test file the test policy skips.
type Scope struct {
	pass     *analysis.Pass
	cfg      *config.Loaded
	skip     map[*token.File]bool
	examples []*ast.FuncDecl // Example functions of the package's test files
	eng      *detect.Engine  // the configuration's detection engine
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
	eng, err := engine.For(cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pass.Analyzer.Name, err)
	}
	s := &Scope{pass: pass, cfg: cfg, eng: eng, skip: map[*token.File]bool{}}
	policy := cfg.TestPolicy()
	skipTests := policy == config.TestsSkip || kind == Practice && policy != config.TestsScan
	for _, f := range pass.Files {
		if lint.Skip(pass.Fset, cfg, f) {
			s.skip[pass.Fset.File(f.FileStart)] = true
			continue
		}
		if !lint.IsTestFile(pass.Fset, f) {
			continue
		}
		s.examples = append(s.examples, examples(f)...)
		if skipTests {
			s.skip[pass.Fset.File(f.FileStart)] = true
		}
	}
	return s, nil
}

// examples returns the Example functions of a test file, as go test finds
// them: a top-level func Example, ExampleF, ExampleT_M or Example_suffix
// without parameters or results.
func examples(f *ast.File) []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Body == nil || !isExampleName(fd.Name.Name) {
			continue
		}
		if fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 0 || fd.Type.TypeParams.NumFields() != 0 {
			continue
		}
		out = append(out, fd)
	}
	return out
}

// isExampleName reports whether name is an example's name: "Example" alone
// or followed by a character that is not a lower-case letter (go test's
// rule, so Examples and Exampled are not examples).
func isExampleName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Example")
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(r)
}

// inExample reports whether pos is inside an Example function.
func (s *Scope) inExample(pos token.Pos) bool {
	for _, fd := range s.examples {
		if fd.Pos() <= pos && pos < fd.End() {
			return true
		}
	}
	return false
}

// Rule reports whether rule id (kebab-case name) is enabled.
func (s *Scope) Rule(id, name string) bool { return s.cfg.RuleEnabled(id, name) }

// Report reports d through lint.Report unless its file is skipped. The
// caller has checked that the rule (d.Category, name) is enabled.
func (s *Scope) Report(d analysis.Diagnostic, name string) {
	if s.skip[s.pass.Fset.File(d.Pos)] && !s.inExample(d.Pos) {
		return
	}
	lint.Report(s.pass, d, name)
}

// Config returns the configuration that applies to the package.
func (s *Scope) Config() *config.Loaded { return s.cfg }

// Engine returns the detection engine of the configuration, for analyzers
// that judge a constant the way the hardcoded-credential rules do.
func (s *Scope) Engine() *detect.Engine { return s.eng }

// IsTest reports whether pos is in test code: in a _test.go file, outside
// its Example functions (documentation, judged as production code).
func (s *Scope) IsTest(pos token.Pos) bool {
	return strings.HasSuffix(s.pass.Fset.Position(pos).Filename, "_test.go") && !s.inExample(pos)
}
