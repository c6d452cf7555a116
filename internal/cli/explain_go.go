package cli

import (
	"fmt"
	"github.com/kvlint/kvlint/internal/engine"
	"go/ast"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/gosite"
	"github.com/kvlint/kvlint/suppress"
)

const goSiteSource = "Go string site"

// typed explains a .go file as kvlint lint reads it: its package loaded
// with go/packages and type-checked, gosite walking the file with the
// package's type information, the engine traced, and the verdicts taken
// from the hardcodedcred analyzer's own result over the package. ok is
// false when the package does not load or type-check: the caller then
// reads the file syntax only, as kvlint scan does.
func (x *explainer) typed() (ok bool, err error) {
	pkg := x.loadPackage()
	if pkg == nil {
		return false, nil
	}
	file := syntaxOf(pkg, x.p.abs)
	l, err := x.src.ForDir(filepath.Dir(x.p.abs))
	if err != nil {
		return false, err
	}
	x.rep.Mode = "type-aware, as kvlint lint does"
	x.rep.Config = relTo(x.wd, l.Path)
	x.disabled()
	if why := lintSkips(l, file, x.p.abs); why != "" {
		x.rep.Skipped = why
		return true, nil
	}
	res, err := analyzerResult(pkg, x.src)
	if err != nil {
		return false, err
	}
	x.walkTyped(pkg, file, l, res)
	return true, nil
}

// loadPackage loads the package of the file with type information, or
// returns nil (with a note) when none holds it or it does not type-check.
func (x *explainer) loadPackage() *packages.Package {
	cfg := &packages.Config{Mode: loadMode, Dir: filepath.Dir(x.p.abs), Tests: strings.HasSuffix(x.p.abs, "_test.go")}
	pkgs, err := packages.Load(cfg, "file="+x.p.abs)
	if err != nil {
		x.rep.Notes = append(x.rep.Notes, "go/packages cannot load the file's package: read syntax only")
		return nil
	}
	broken := false
	for _, p := range pkgs {
		if syntaxOf(p, x.p.abs) == nil {
			continue
		}
		if len(p.Errors) == 0 && !p.IllTyped && p.TypesInfo != nil {
			return p
		}
		broken = true
	}
	// The errors are not quoted: a type error can quote a literal, and the
	// literal can be the secret.
	if broken {
		x.rep.Notes = append(x.rep.Notes, "the file's package does not type-check: read syntax only")
	} else {
		x.rep.Notes = append(x.rep.Notes, "no package holds the file: read syntax only")
	}
	return nil
}

// syntaxOf returns the syntax tree of the file abs in p, or nil.
func syntaxOf(p *packages.Package, abs string) *ast.File {
	for i, name := range p.CompiledGoFiles {
		if filepath.Clean(name) == abs && i < len(p.Syntax) {
			return p.Syntax[i]
		}
	}
	return nil
}

// lintSkips says why the hardcodedcred analyzer reads nothing in the file
// under l, as its driver decides; "" when it reads the file.
func lintSkips(l *config.Loaded, file *ast.File, abs string) string {
	if l == nil {
		return "no detection engine is configured"
	}
	if _, err := engine.For(l); err != nil {
		return "the detection engine could not be built: " + err.Error()
	}
	switch {
	case !l.Enabled("hardcodedcred"):
		return "analyzers.hardcodedcred is off in " + l.Path
	case ast.IsGenerated(file) && !l.File.Generated:
		return "generated file (\"Code generated ... DO NOT EDIT.\"): set generated: true in .kvlint.yaml to lint it"
	case l.PathAllowed(abs):
		return "allow.paths in " + l.Path + " allows this file: nothing in it is reported"
	}
	return ""
}

// analyzerResult runs the hardcodedcred analyzer over pkg, as kvlint lint
// does, and returns its result: every finding, suppressed ones marked.
func analyzerResult(pkg *packages.Package, src *config.Source) (*hardcodedcred.Result, error) {
	a := hardcodedcred.New(src)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	for _, act := range graph.Roots {
		if act.Analyzer != a {
			continue
		}
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %w", pkg.ID, act.Err)
		}
		if r, ok := act.Result.(*hardcodedcred.Result); ok && r != nil {
			return r, nil
		}
	}
	return &hardcodedcred.Result{}, nil
}

// walkTyped walks the file's string sites with the package's type
// information and explains each site at the place.
func (x *explainer) walkTyped(pkg *packages.Package, file *ast.File, l *config.Loaded, res *hardcodedcred.Result) {
	tf := pkg.Fset.File(file.FileStart)
	base := tf.Base()
	var site *gosite.Site
	var start, end int
	base0, err := engine.For(l)
	if err != nil { // lintSkips said so already
		return
	}
	eng := base0.Traced(func(v string, ctx detect.Context, ex detect.Explanation) {
		x.record(goSiteSource, start, end, v, ctx, ex, site)
	})
	var judge gosite.Judge
	w := gosite.New(pkg.TypesInfo)
	w.Walk(file, strings.HasSuffix(x.p.abs, "_test.go"), func(s *gosite.Site) {
		site, start, end = s, int(s.Pos)-base, int(s.End)-base
		if !x.p.covers(start, end) {
			return
		}
		x.cur = nil // every site is an entry of its own
		kept := judge.Site(eng, s)
		if x.cur == nil {
			x.open(goSiteSource, start, end, s.Value).Place = siteContext(s)
		}
		for _, v := range x.cur.Verdicts {
			x.lintOutcome(v, s, kept, res, l, base)
		}
	})
}

// record adds one traced judgement at [start, end) of the file to the
// report, with the secrets the engine found in it.
func (x *explainer) record(source string, start, end int, value string, ctx detect.Context, ex detect.Explanation, site *gosite.Site) {
	s := x.open(source, start, end, value)
	if site != nil {
		s.Place = siteContext(site)
	}
	s.Judged = append(s.Judged, judgementOf(value, ctx, ex))
	pair := len(s.Judged) > 1 // a pair inside a Go value: its offsets are not known here
	for _, f := range ex.Findings {
		v := &verdict{Rule: f.Rule.ID, RuleName: f.Rule.Name, Confidence: f.Confidence.String(),
			Secret: detect.Redact(value[f.Start:f.End]), start: start + f.Start}
		if site != nil || pair {
			v.start = -1 // the site's span, not the secret's, is reported
		}
		s.addVerdict(v)
	}
}

// lintOutcome says what kvlint lint does with the secret of v found at
// site s: kept are the judge's findings, res the analyzer's.
func (x *explainer) lintOutcome(v *verdict, s *gosite.Site, kept []detect.Finding, res *hardcodedcred.Result, l *config.Loaded, base int) {
	i := slices.IndexFunc(kept, func(f detect.Finding) bool {
		return f.Rule.ID == v.Rule && detect.Redact(s.Text[f.Start:f.End]) == v.Secret
	})
	if i < 0 {
		v.Outcome, v.Reason = "dropped", "the site's judge drops it: a pair already found in the whole value, or a secret in a named constant, reported at the constant's declaration"
		return
	}
	pos, _ := s.Span(kept[i].Start, kept[i].End)
	l1, c1 := x.lineCol(int(pos) - base)
	v.At = fmt.Sprintf("%d:%d", l1, c1)
	for j := range res.Findings {
		f := &res.Findings[j]
		if f.RuleID != v.Rule || f.Pos != pos {
			continue
		}
		v.Outcome = "reported"
		if f.Suppressed {
			v.Outcome, v.Reason = "suppressed", "suppressed by the directive on "+directiveFor(x.data, l1, f.RuleID, f.RuleName)
		} else if x.base != nil && x.base.Has(baseline.NewSecretKey(f.RuleID, "", "", f.Secret())) {
			v.Outcome, v.Reason = "baselined", "recorded in the baseline: not reported with -baseline"
		}
		return
	}
	if !l.RuleEnabled(v.Rule, v.RuleName) {
		v.Outcome, v.Reason = "disabled", "rule disabled by the configuration (rules.enable / rules.disable in "+l.Path+")"
		return
	}
	v.Outcome, v.Reason = "dropped", "not in the analyzer's result"
}

// directiveFor finds the kvlint:ignore directive that covers rule id on
// line of a Go file and returns "line N: directive".
func directiveFor(data []byte, line int, id, name string) string {
	for i, text := range strings.Split(string(data), "\n") {
		d, ok := suppress.FindInLine(strings.TrimRight(text, "\r"))
		if !ok || d.Malformed != "" || !d.Covers(id, name) {
			continue
		}
		if n := i + 1; d.FileWide || n == line || !d.Trailing && n == line-1 {
			return fmt.Sprintf("line %d: %s", n, d.String())
		}
	}
	return "a covering line"
}
