package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
)

// lintFlags holds the flags of kvlint [packages].
type lintFlags struct {
	format    string
	json      bool
	fix       bool
	diff      bool
	config    string
	context   int
	tests     bool
	baseline  string
	prune     bool
	output    string
	severity  string
	generated bool
	dir       string
	quiet     bool
	toggles   map[string]*triState // per-analyzer -NAME flags
	// src is the configuration source of suite; -config sets its Path after
	// parsing. The suite is built before parsing so that each analyzer's own
	// flags are defined as -NAME.FLAG, as go vet does.
	src   *config.Source
	suite []*analysis.Analyzer
	// view, when set, is the staged checkout being linted (scan
	// -go-packages -staged); not a flag.
	view *lintView
}

// newLintFlags returns the flag set of kvlint [packages] (also used by
// kvlint baseline). The analyzers are those whose -NAME flags it defines.
func newLintFlags(stderr io.Writer) (*flag.FlagSet, *lintFlags) {
	fs := flag.NewFlagSet("kvlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &lintFlags{toggles: map[string]*triState{}}
	fs.StringVar(&o.format, "format", "text", "output format: text, json or sarif")
	fs.BoolVar(&o.json, "json", false, "emit go/analysis JSON, exiting 0 with findings as go/analysis drivers do (-format json exits 3)")
	fs.BoolVar(&o.fix, "fix", false, "apply suggested fixes to the files")
	fs.BoolVar(&o.diff, "diff", false, "print suggested fixes as a unified diff; write nothing")
	fs.StringVar(&o.config, "config", "", "configuration `file` for all packages (default: .kvlint.yaml found by walking up from each package)")
	fs.IntVar(&o.context, "c", -1, "accepted for go/analysis compatibility; kvlint never prints source lines, which could hold secrets")
	fs.BoolVar(&o.tests, "test", true, "also lint test files")
	fs.BoolVar(&o.tests, "tests", true, "same as -test")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline `file`")
	fs.BoolVar(&o.prune, "baseline-prune", false, "with -baseline, report baseline entries that match no finding (stale) on stderr and exit 3 if there are any")
	fs.StringVar(&o.output, "o", "", "write the report to `file` instead of standard output")
	fs.StringVar(&o.severity, "severity", "info", "minimum severity to report: info, warning or error")
	fs.BoolVar(&o.generated, "generated", false, `also lint files marked "Code generated ... DO NOT EDIT."`)
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything")
	fs.BoolVar(&o.quiet, "q", false, "no summary line on stderr after text output")
	// Per-analyzer switches, go vet style: if any -NAME is true only those
	// run; otherwise every analyzer but those set to false runs.
	o.src = &config.Source{}
	o.suite = suiteFor(o.src)
	for _, a := range o.suite {
		ts := new(triState)
		o.toggles[a.Name] = ts
		fs.Var(ts, a.Name, fmt.Sprintf("enable the %s analyzer (-%s=false turns it off)", a.Name, a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return fs, o
}

// enabled reports whether analyzer name's findings are reported.
func (o *lintFlags) enabled(name string) bool {
	var hasTrue bool
	for _, ts := range o.toggles {
		if *ts == setTrue {
			hasTrue = true
		}
	}
	ts, ok := o.toggles[name]
	if !ok {
		return !hasTrue
	}
	if hasTrue {
		return *ts == setTrue
	}
	return *ts != setFalse
}

// validate checks flag combinations; it returns a usage error.
func (o *lintFlags) validate() error {
	if o.json {
		o.format = "json"
	}
	switch o.format {
	case "text", "json", "sarif":
	default:
		return fmt.Errorf("unknown -format %q (want text, json or sarif)", o.format)
	}
	if _, ok := severityRank[rules.Severity(o.severity)]; !ok {
		return fmt.Errorf("unknown -severity %q (want info, warning or error)", o.severity)
	}
	if o.fix && o.diff {
		return errors.New("-fix and -diff cannot be used together: -diff shows what -fix would write")
	}
	if o.prune && o.baseline == "" {
		return errors.New("-baseline-prune needs -baseline FILE")
	}
	return nil
}

var severityRank = map[rules.Severity]int{rules.SeverityInfo: 0, rules.SeverityWarning: 1, rules.SeverityError: 2}

func runLint(args []string, stdout, stderr io.Writer) int {
	return runLintIn(args, nil, stdout, stderr)
}

// runLintIn is runLint over a staged checkout when view is not nil: the
// findings it reports and every path are those of view.
func runLintIn(args []string, view *lintView, stdout, stderr io.Writer) int {
	o, patterns, code := parseLintArgs(args, view, stderr)
	if o == nil {
		return code
	}
	res, code := analyze(o, patterns, stderr)
	if res == nil {
		return code
	}
	if o.view != nil {
		o.view.apply(res)
	}

	before := len(res.findings(false))
	stale, err := o.applyBaseline(res)
	if err != nil {
		errorf(stderr, "%v", err)
		return ExitError
	}

	// The worst outcome wins: error, then findings, then clean.
	status := code
	findings := res.findings(false)
	unfixed := len(findings)
	res.sum.findings, res.sum.baselined = len(findings), before-len(findings)
	if o.fix || o.diff {
		fixed, err := o.fixes(res, stdout, stderr)
		if err != nil {
			errorf(stderr, "%v", err)
			status = worse(status, ExitError)
		}
		unfixed -= fixed
	}

	if !o.diff {
		if err := writeReport(o, res, stdout); err != nil {
			errorf(stderr, "%v", err)
			return ExitError
		}
	}
	if o.prune && len(stale) > 0 {
		o.reportStale(stale, stderr)
		status = worse(status, ExitFindings)
	}
	// -json keeps go/analysis' convention (exit 0 with findings);
	// -format json exits like text and SARIF.
	if unfixed > 0 && !o.json {
		status = worse(status, ExitFindings)
	}
	if o.format == "text" && !o.quiet && !o.diff {
		res.sum.print(stderr)
	}
	return status
}

// worse is the worse of two exit statuses: an error wins over findings,
// findings over clean.
func worse(status, s int) int {
	if status != ExitError && (s == ExitError || s > status) {
		return s
	}
	return status
}

// parseLintArgs parses the lint command line into its flags and package
// patterns, for a run over view (nil outside a staged checkout); on bad
// usage or -help it returns nil flags and the exit code.
func parseLintArgs(args []string, view *lintView, stderr io.Writer) (*lintFlags, []string, int) {
	fs, o := newLintFlags(stderr)
	o.view = view
	fs.Usage = usageFunc(fs, usageText, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, ExitClean
		}
		return nil, nil, ExitUsage
	}
	if err := o.validate(); err != nil {
		errorf(stderr, "%v", err)
		return nil, nil, ExitUsage
	}
	if o.context >= 0 {
		errorf(stderr, "note: -c is ignored: kvlint never prints source lines, which could hold secrets")
	}
	return o, fs.Args(), ExitClean
}

// applyBaseline drops from res the findings the -baseline file (relative
// to the run's directory) records, and returns its entries that matched
// none.
func (o *lintFlags) applyBaseline(res *result) ([]baseline.Entry, error) {
	if o.baseline == "" {
		return nil, nil
	}
	path := o.baseline
	if !filepath.IsAbs(path) {
		path = filepath.Join(res.wd, path)
	}
	bl, err := baseline.Load(path)
	if err != nil {
		return nil, err
	}
	return res.filterBaseline(bl), nil
}

// fixes applies (-fix) or prints as a diff (-diff) the suggested fixes of
// res's findings, and returns how many findings -fix fixed.
func (o *lintFlags) fixes(res *result, stdout, stderr io.Writer) (int, error) {
	out := stdout
	if o.fix {
		out = nil
	}
	fixed, err := applyFixes(res, out, stderr, o.diff)
	if !o.fix {
		fixed = 0
	}
	return fixed, err
}

// reportStale says each baseline entry that matched no finding, and how
// to drop them.
func (o *lintFlags) reportStale(stale []baseline.Entry, stderr io.Writer) {
	for _, e := range stale {
		where := e.Decl
		if where == "" {
			where = "(file level)"
		}
		errorf(stderr, "baseline %s: stale entry: %s in %s %s (recorded in %s) matches no finding (x%d)", o.baseline, e.Rule, e.Package, where, e.File, e.Count)
	}
	errorf(stderr, "baseline %s: %d stale entries; run kvlint baseline prune %s to drop them", o.baseline, len(stale), o.baseline)
}

// repoPaths maps the paths of a staged checkout in s to the repository's.
func (o *lintFlags) repoPaths(s string) string {
	if o.view == nil {
		return s
	}
	return o.view.tree.toRepo(s)
}

// writeReport writes the findings in the chosen format to -o or stdout.
func writeReport(o *lintFlags, res *result, stdout io.Writer) error {
	var w report.Writer
	findings := res.findings(o.format == "json")
	switch o.format {
	case "json":
		w = report.JSON{Errors: res.errs}
	case "sarif":
		w = report.SARIF{Root: report.RepoRoot(res.wd), Version: moduleVersion(), UTF16Column: res.files.utf16Column}
	default:
		w = report.Text{Dir: res.wd}
	}
	if o.output == "" {
		return w.Write(stdout, findings, rulesFor())
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, findings, rulesFor()); err != nil {
		return err
	}
	out := o.output
	if !filepath.IsAbs(out) {
		out = filepath.Join(res.wd, out)
	}
	return baseline.WriteFileAtomic(out, buf.Bytes(), 0o644)
}

// A diag is one diagnostic with what kvlint derives from it.
type diag struct {
	f       report.Finding
	key     baseline.Key
	dedup   string // identifies copies of one diagnostic in a package and its test variant
	primary bool   // the first copy
	matched bool   // in the baseline
	// secret is the source text of a hardcodedcred finding's range, kept only
	// to mask it in what kvlint prints (-diff, type-check notes, analyzer
	// errors); never printed itself.
	secret string
	edits  []report.Edit // the first suggested fix, in file offsets
}

// result is what one analysis run found.
type result struct {
	wd    string
	diags []*diag
	errs  []report.AnalyzerError
	// pkgs are the package paths analyzed in full: their baseline entries
	// can be stale. (A package that does not type-check gets syntax-level
	// findings only, so its entries are left alone.)
	pkgs map[string]bool
	// hidden are the secrets of findings filtered out by -severity: not
	// reported, still masked.
	hidden []string
	files  *fileCache // the sources read for findings
	sum    summary
}

// findings returns the reportable findings: every copy (the JSON shape is
// per package ID) or one per diagnostic, sorted.
func (r *result) findings(all bool) []report.Finding {
	var out []report.Finding
	for _, d := range r.diags {
		if d.matched || (!all && !d.primary) {
			continue
		}
		out = append(out, d.f)
	}
	report.Sort(out)
	return out
}

// secrets returns the source texts of the findings whose ranges are
// secrets, for masking.
func (r *result) secrets() []string {
	out := slices.Clone(r.hidden)
	for _, d := range r.diags {
		if d.secret != "" {
			out = append(out, d.secret)
		}
	}
	return out
}

// filterBaseline marks the diagnostics the baseline covers and returns the
// stale entries of the analyzed packages.
func (r *result) filterBaseline(bl *baseline.File) []baseline.Entry {
	m := bl.Matcher()
	matched := map[string]bool{}
	for _, d := range r.diags {
		if d.primary && m.Match(d.key) {
			matched[d.dedup] = true
		}
	}
	for _, d := range r.diags {
		d.matched = matched[d.dedup]
	}
	var stale []baseline.Entry
	for _, e := range m.Stale() {
		if r.pkgs[e.Package] {
			stale = append(stale, e)
		}
	}
	return stale
}

// loadMode is the lightest go/packages mode checker.Analyze accepts for
// analyzers without facts: syntax and types of the packages named, types of
// dependencies from export data.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// analyze loads the packages named by patterns, runs the suite and collects
// the diagnostics of the root actions. A nil result comes with the exit status.
func analyze(o *lintFlags, patterns []string, stderr io.Writer) (*result, int) {
	wd, err := commandDir(o.dir)
	if err != nil {
		errorf(stderr, "%v", err)
		return nil, ExitUsage
	}
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	src, err := o.configSource(wd)
	if err != nil {
		errorf(stderr, "%v", err)
		return nil, ExitError
	}
	suite := o.suite
	pkgs, err := o.load(wd, src, suite, patterns)
	if err != nil {
		errorf(stderr, "%v", o.repoPaths(err.Error()))
		return nil, ExitError
	}
	if len(pkgs) == 0 {
		errorf(stderr, "warning: %q matched no packages", o.repoPaths(strings.Join(patterns, " ")))
		return &result{wd: wd, pkgs: map[string]bool{}}, ExitClean
	}
	// Notes are printed after the analysis, masked: a type error can quote
	// a literal, and the literal can be a secret.
	ok, notes, status := analyzable(pkgs)
	kept := len(ok)
	ok = dropBadConfig(src, ok, &notes)
	if len(ok) < kept {
		status = ExitError
	}
	if o.generated {
		includeGenerated(src, ok)
	}

	graph, err := checker.Analyze(suite, ok, &checker.Options{})
	if err != nil {
		errorf(stderr, "%v", err)
		return nil, ExitError
	}
	res, status := collect(o, src, graph, wd, status, &notes)
	o.summarize(res, pkgs, graph)
	m := newMasker(res.secrets())
	for _, n := range notes {
		errorf(stderr, "%s", m.mask(o.repoPaths(n)))
	}
	for i := range res.errs {
		res.errs[i].Err = m.mask(res.errs[i].Err)
	}
	return res, status
}

// configSource is the configuration source of a run in wd: o.src, with
// the -config file (relative to wd) checked and set as its Path when one
// is named.
func (o *lintFlags) configSource(wd string) (*config.Source, error) {
	src := o.src
	if o.config == "" {
		return src, nil
	}
	path := o.config
	if !filepath.IsAbs(path) {
		path = filepath.Join(wd, path)
	}
	if _, err := config.Load(path); err != nil {
		return src, err
	}
	src.Path = path
	return src, nil
}

// load loads the packages of patterns in wd, with their dependencies when
// an analyzer of suite needs facts; in a staged view (o.view), from the
// view's tree, which becomes src's root.
func (o *lintFlags) load(wd string, src *config.Source, suite []*analysis.Analyzer, patterns []string) ([]*packages.Package, error) {
	mode := loadMode
	if needFacts(suite) {
		mode |= packages.NeedDeps
	}
	cfg := &packages.Config{Mode: mode, Tests: o.tests, Dir: wd}
	if o.view != nil {
		cfg.Env = append(os.Environ(), o.view.env...)
		src.Root = o.view.tree.tmp
	}
	return packages.Load(cfg, patterns...)
}

// analyzable is the packages of pkgs to analyze: not the generated test
// mains, nor those whose syntax does not parse (an error, with a note);
// one that does not type-check stays, with a note, for the syntax-level
// findings.
func analyzable(pkgs []*packages.Package) (ok []*packages.Package, notes []string, status int) {
	status = ExitClean
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue // the generated test main package
		}
		if len(p.Errors) > 0 && !syntaxOK(p) {
			notes = append(notes, fmt.Sprintf("%s: %s", p.ID, firstError(p)))
			status = ExitError
			continue
		}
		if len(p.Errors) > 0 || p.IllTyped {
			notes = append(notes, fmt.Sprintf("%s: does not type-check: %s; syntax-level findings only", p.ID, firstError(p)))
		}
		ok = append(ok, p)
	}
	return ok, notes, status
}

// includeGenerated makes the analyzers read generated files too: they
// take it from the configuration, which src caches per directory.
func includeGenerated(src *config.Source, pkgs []*packages.Package) {
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 {
			if l, err := src.ForDir(filepath.Dir(p.GoFiles[0])); err == nil && l != nil {
				l.File.Generated = true
			}
		}
	}
}

// summarize counts into res's summary the packages loaded, the enabled
// analyzers that did not run and the findings directives suppressed.
func (o *lintFlags) summarize(res *result, pkgs []*packages.Package, graph *checker.Graph) {
	res.sum.countLoaded(pkgs)
	var enabled []*analysis.Analyzer
	for _, a := range o.suite {
		if o.enabled(a.Name) {
			enabled = append(enabled, a)
		}
	}
	res.sum.countNotRun(enabled)
	res.sum.countSuppressed(graph)
}

// dropBadConfig leaves out the packages whose configuration does not load,
// noting each configuration error once (not once per analyzer and package:
// one typo in .kvlint.yaml is one line).
func dropBadConfig(src *config.Source, pkgs []*packages.Package, notes *[]string) []*packages.Package {
	seen := map[string]bool{}
	var out []*packages.Package
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 {
			if _, err := src.ForDir(filepath.Dir(p.GoFiles[0])); err != nil {
				if msg := err.Error(); !seen[msg] {
					seen[msg] = true
					*notes = append(*notes, msg)
				}
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// collect gathers the diagnostics of the root actions of graph.
func collect(o *lintFlags, src *config.Source, graph *checker.Graph, wd string, status int, notes *[]string) (*result, int) {
	files := newFileCache()
	res := &result{wd: wd, pkgs: map[string]bool{}, files: files}
	ruleInfo := map[string]rules.Info{}
	for _, info := range rulesFor() {
		ruleInfo[info.ID] = info
	}
	minRank := severityRank[rules.Severity(o.severity)]
	seen := map[string]bool{}
	seenErr := map[string]bool{}
	broken := map[string]bool{}
	roots := slices.Clone(graph.Roots)
	sort.SliceStable(roots, func(i, j int) bool { return roots[i].Package.ID < roots[j].Package.ID })
	for _, act := range roots {
		pkg := act.Package
		if !pkg.IllTyped && !broken[pkg.PkgPath] {
			res.pkgs[pkg.PkgPath] = true
		} else {
			broken[pkg.PkgPath] = true // also its test variant
			delete(res.pkgs, pkg.PkgPath)
		}
		if !o.enabled(act.Analyzer.Name) {
			continue
		}
		if act.Err != nil {
			if pkg.IllTyped {
				continue // the note above said so
			}
			res.errs = append(res.errs, report.AnalyzerError{PackageID: pkg.ID, Analyzer: act.Analyzer.Name, Err: act.Err.Error()})
			if k := act.Analyzer.Name + "\x00" + act.Err.Error(); !seenErr[k] {
				seenErr[k] = true
				*notes = append(*notes, fmt.Sprintf("%s: %s: %v", pkg.ID, act.Analyzer.Name, act.Err))
			}
			status = ExitError
			continue
		}
		var conf *config.Loaded
		if len(pkg.GoFiles) > 0 {
			conf, _ = src.ForDir(filepath.Dir(pkg.GoFiles[0]))
		}
		secrets := secretsOf(act)
		for _, d := range act.Diagnostics {
			info, known := ruleInfo[d.Category]
			sev := rules.SeverityWarning
			if known && info.Severity != "" {
				sev = info.Severity
			}
			sev = conf.Severity(d.Category, sev)
			dg := newDiag(pkg, act.Analyzer, d, info, sev, files)
			rekeySecret(dg, secrets, d.Category, d.Pos, d.End)
			if severityRank[sev] < minRank {
				if dg.secret != "" {
					res.hidden = append(res.hidden, dg.secret) // still masked
				}
				continue
			}
			dg.primary = !seen[dg.dedup]
			seen[dg.dedup] = true
			res.diags = append(res.diags, dg)
		}
	}
	return res, status
}

// firstError describes the first error of p, or of the first dependency of
// p with errors.
func firstError(p *packages.Package) string {
	msg := func(e packages.Error) string {
		m := strings.TrimSpace(e.Msg)
		if strings.HasPrefix(m, "# ") { // go list output: "# pkg\nfile:line: msg"
			if _, rest, ok := strings.Cut(m, "\n"); ok {
				m = rest
			}
		}
		m, _, _ = strings.Cut(m, "\n")
		if e.Pos != "" && e.Pos != "-" && !strings.HasPrefix(m, e.Pos) {
			m = e.Pos + ": " + m
		}
		return m
	}
	if len(p.Errors) > 0 {
		return msg(p.Errors[0])
	}
	var found string
	seen := map[*packages.Package]bool{}
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		if found != "" || seen[q] {
			return
		}
		seen[q] = true
		if len(q.Errors) > 0 {
			found = "dependency " + q.PkgPath + ": " + msg(q.Errors[0])
			return
		}
		paths := make([]string, 0, len(q.Imports))
		for path := range q.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			visit(q.Imports[path])
		}
	}
	visit(p)
	if found == "" {
		return "errors in dependencies"
	}
	return found
}

// syntaxOK reports whether a package with errors can still be analyzed:
// it has syntax trees and type information, however partial.
func syntaxOK(p *packages.Package) bool {
	return len(p.Syntax) > 0 && p.Types != nil && p.TypesInfo != nil && p.Fset != nil
}

// needFacts reports whether any analyzer in the graph uses facts, which
// need dependencies loaded from source.
func needFacts(as []*analysis.Analyzer) bool {
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer) bool
	visit = func(a *analysis.Analyzer) bool {
		if seen[a] {
			return false
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		return slices.ContainsFunc(a.Requires, visit)
	}
	return slices.ContainsFunc(as, visit)
}

// newDiag converts one diagnostic.
func newDiag(pkg *packages.Package, a *analysis.Analyzer, d analysis.Diagnostic, info rules.Info, sev rules.Severity, files *fileCache) *diag {
	fset := pkg.Fset
	pos := fset.Position(d.Pos)
	f := report.Finding{
		RuleID:    d.Category,
		RuleName:  info.Name,
		Analyzer:  a.Name,
		Package:   pkg.PkgPath,
		PackageID: pkg.ID,
		Filename:  pos.Filename,
		Line:      pos.Line,
		Col:       pos.Column,
		Message:   d.Message,
		Severity:  sev,
	}
	var text string
	if d.End.IsValid() && d.End >= d.Pos {
		end := fset.Position(d.End)
		f.EndLine, f.EndCol = end.Line, end.Column
		if end.Filename == pos.Filename {
			if src := files.get(pos.Filename); pos.Offset >= 0 && end.Offset <= len(src) && pos.Offset <= end.Offset {
				text = string(src[pos.Offset:end.Offset])
			}
		}
	}
	var decl string
	if file := fileOf(pkg, d.Pos); file != nil {
		decl = baseline.DeclName(file, d.Pos)
	}
	key := baseline.NewKey(d.Category, pkg.PkgPath, decl, baseline.NormalizeValue(text))
	f.Fingerprint = key.Fingerprint(baseline.PublicSalt)
	dg := &diag{
		f:     f,
		key:   key,
		dedup: fmt.Sprintf("%s:%d:%d-%d:%d\x00%s\x00%s\x00%s", f.Filename, f.Line, f.Col, f.EndLine, f.EndCol, a.Name, d.Category, d.Message),
	}
	if maskAnalyzers[a.Name] {
		dg.secret = text
	}
	for i, fix := range d.SuggestedFixes {
		rf := report.Fix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			start := fset.Position(e.Pos)
			endOff := start.Offset
			if e.End.IsValid() {
				endOff = fset.Position(e.End).Offset
			}
			rf.Edits = append(rf.Edits, report.Edit{Filename: start.Filename, Start: start.Offset, End: endOff, New: string(e.NewText)})
		}
		f.SuggestedFixes = append(f.SuggestedFixes, rf)
		if i == 0 {
			dg.edits = rf.Edits
		}
	}
	dg.f = f
	return dg
}

// maskAnalyzers are the analyzers whose diagnostic ranges are secrets, which
// -diff output masks.
var maskAnalyzers = map[string]bool{"hardcodedcred": true}

// fileOf returns the syntax tree of pkg that holds pos.
func fileOf(pkg *packages.Package, pos token.Pos) *ast.File {
	for _, f := range pkg.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// fileCache reads each source file once.
type fileCache struct{ m map[string][]byte }

func newFileCache() *fileCache { return &fileCache{m: map[string][]byte{}} }

func (c *fileCache) get(name string) []byte {
	if b, ok := c.m[name]; ok {
		return b
	}
	b, _ := os.ReadFile(name)
	c.m[name] = b
	return b
}

// utf16Column converts a 1-based byte column of a line of a file into a
// 1-based column in UTF-16 code units. It returns col unchanged if the file
// or line is unknown.
func (c *fileCache) utf16Column(name string, line, col int) int {
	if c == nil {
		return col
	}
	src := c.get(name)
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return col
		}
		start += i + 1
	}
	end := min(start+col-1, len(src))
	if col < 1 || end < start {
		return col
	}
	n := 0
	for _, r := range string(src[start:end]) {
		n += len(utf16.Encode([]rune{r}))
	}
	return n + 1
}

// triState is a boolean flag that knows whether it was set.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) Set(s string) error {
	switch strings.ToLower(s) {
	case "true", "1", "t":
		*ts = setTrue
	case "false", "0", "f":
		*ts = setFalse
	default:
		return fmt.Errorf("want true or false, not %q", s)
	}
	return nil
}

func (ts *triState) IsBoolFlag() bool { return true }
