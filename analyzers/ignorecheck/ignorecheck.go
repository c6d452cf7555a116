package ignorecheck

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/rules"
)

//go:embed doc.go
var doc string

// Rule IDs of this analyzer.
const (
	UnusedID    = "KV001"
	MalformedID = "KV002"
)

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{
	{
		ID:       UnusedID,
		Name:     "unused-directive",
		Analyzer: "ignorecheck",
		Title:    "suppression directive that suppresses nothing",
		Doc: "A kvlint:ignore or kvlint:file-ignore directive did not suppress any finding of the rules it names. " +
			"The code it was written for has changed or moved, and a stale directive would silently hide a real " +
			"secret added later on that line. Remove the directive (the suggested fix does), or move it next to the finding.",
		Bad: "//kvlint:ignore KV101 fake value for tests\n" +
			"var timeout = 30 * time.Second",
		Good:             "var timeout = 30 * time.Second",
		Severity:         rules.SeverityWarning,
		SecuritySeverity: 2.0,
		Tags:             []string{"suppression", "maintainability"},
	},
	{
		ID:       MalformedID,
		Name:     "malformed-directive",
		Analyzer: "ignorecheck",
		Title:    "malformed suppression directive",
		Doc: "A kvlint directive must name the rules it suppresses (by ID such as KV101 or by name, comma-separated) " +
			"and give a reason: //kvlint:ignore KV101 why this is not a secret. A directive without a reason, " +
			"with an unknown rule or with an unknown verb suppresses nothing. `kvlint rules` lists the rules.",
		Bad:              `var key = "..." //kvlint:ignore KV101`,
		Good:             `var key = "..." //kvlint:ignore KV101 Azurite emulator key, public by design`,
		Severity:         rules.SeverityWarning,
		SecuritySeverity: 2.0,
		Tags:             []string{"suppression"},
	},
}

// Analyzer is the ignorecheck analyzer with configuration discovered per
// package. It checks directives against no rule analyzers, so it reports
// malformed directives only; use New (or analyzers.Suite) for KV001.
var Analyzer = New(&config.Source{}, nil)

// New returns the analyzer reading its configuration from src. It Requires
// ruleAnalyzers, so it runs after them on the same package and sees which
// directives they used; only directives for their rules are checked for use.
func New(src *config.Source, ruleAnalyzers []*analysis.Analyzer) *analysis.Analyzer {
	c := &checker{src: src}
	for _, a := range ruleAnalyzers {
		c.analyzers = append(c.analyzers, a.Name)
	}
	return &analysis.Analyzer{
		Name:     "ignorecheck",
		Doc:      lint.MustExtractDoc(doc, "ignorecheck"),
		URL:      docURL,
		Requires: append([]*analysis.Analyzer{lint.Directives}, ruleAnalyzers...),
		Run:      c.run,
	}
}

type checker struct {
	src       *config.Source
	analyzers []string // names of the rule analyzers that ran before us
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	ix, _ := pass.ResultOf[lint.Directives].(*lint.Index)
	if ix == nil || len(ix.All) == 0 {
		return nil, nil
	}
	cfg, err := lint.Config(pass, c.src)
	if err != nil {
		return nil, err
	}
	if !cfg.Enabled("ignorecheck") {
		return nil, nil
	}
	ran := map[string]bool{}
	for _, name := range c.analyzers {
		ran[name] = cfg.Enabled(name)
	}
	files := map[*token.File]*ast.File{}
	for _, f := range pass.Files {
		files[pass.Fset.File(f.FileStart)] = f
	}

	for _, d := range ix.All {
		f := files[d.File]
		if f == nil || lint.Skip(pass.Fset, cfg, f) {
			continue
		}
		if msg := malformed(cfg, d); msg != "" {
			if cfg.RuleEnabled(MalformedID, Rules[1].Name) {
				pass.Report(analysis.Diagnostic{
					Pos:      d.Pos,
					End:      d.End,
					Category: MalformedID,
					Message:  "malformed kvlint directive: " + msg,
					URL:      docURL,
				})
			}
			continue
		}
		if cfg.RuleEnabled(UnusedID, Rules[0].Name) {
			checkUnused(pass, cfg, ran, lint.IsTestFile(pass.Fset, f), d)
		}
	}
	return nil, nil
}

// docURL is the documentation page of both rules.
const docURL = "https://pkg.go.dev/github.com/kvlint/kvlint/analyzers/ignorecheck"

// checkUnused reports d when rules it lists found nothing where it
// applies, counting only the rules that ran (ran, by analyzer) and would
// have checked the file (test says a _test.go file): the whole directive,
// with a fix that removes it, when none of its rules was used; the unused
// ones when some were.
func checkUnused(pass *analysis.Pass, cfg *config.Loaded, ran map[string]bool, test bool, d *lint.Directive) {
	verb, where := "ignore", "on this line"
	switch {
	case d.FileWide:
		verb, where = "file-ignore", "in this file"
	case !d.Trailing:
		where = "on the next line"
	}
	if d.Used() {
		// Some rules of the directive did their job; report the others.
		var stale []string
		for _, ref := range d.Unused() {
			if checkable(cfg, ref, ran, test) {
				stale = append(stale, ref)
			}
		}
		if len(stale) > 0 {
			pass.Report(analysis.Diagnostic{
				Pos:      d.Pos,
				End:      d.End,
				Category: UnusedID,
				Message: fmt.Sprintf("kvlint:%s lists %s but there is no such finding %s; remove it from the list",
					verb, strings.Join(stale, ", "), where),
				URL: docURL,
			})
		}
		return
	}
	for _, ref := range d.Rules {
		if !checkable(cfg, ref, ran, test) {
			return
		}
	}
	diag := analysis.Diagnostic{
		Pos:      d.Pos,
		End:      d.End,
		Category: UnusedID,
		Message: fmt.Sprintf("unused kvlint:%s directive: no %s finding %s; remove it",
			verb, strings.Join(d.Rules, ", "), where),
		URL: docURL,
	}
	if edit, ok := removal(pass, d); ok {
		diag.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Remove the unused directive",
			TextEdits: []analysis.TextEdit{edit},
		}}
	}
	pass.Report(diag)
}

// malformed returns why d is not a valid directive under cfg, or "".
func malformed(cfg *config.Loaded, d *lint.Directive) string {
	if d.Malformed != "" {
		return d.Malformed
	}
	for _, ref := range d.Rules {
		info, ok := cfg.Rule(ref)
		if !ok {
			return fmt.Sprintf("unknown rule %q (use a rule ID such as KV101; `kvlint rules` lists them)", ref)
		}
		if info.Analyzer == "ignorecheck" {
			return fmt.Sprintf("%s cannot be suppressed: fix or remove the directive instead", info.ID)
		}
	}
	return ""
}

// checkable reports whether a directive's rule ref could have been used: it
// is enabled and belongs to an analyzer that ran (and reports in this file).
func checkable(cfg *config.Loaded, ref string, ran map[string]bool, test bool) bool {
	info, ok := cfg.Rule(ref)
	if !ok || !ran[info.Analyzer] || !cfg.RuleEnabled(info.ID, info.Name) {
		return false
	}
	return !test || info.Analyzer != config.DetectAnalyzer || cfg.TestPolicy() != config.TestsSkip
}

// removal returns an edit that deletes the directive's comment: the whole
// line when the comment is alone on it, else the comment and the blanks
// before it.
func removal(pass *analysis.Pass, d *lint.Directive) (analysis.TextEdit, bool) {
	if pass.ReadFile == nil {
		return analysis.TextEdit{}, false
	}
	src, err := pass.ReadFile(d.File.Name())
	if err != nil || d.File.Size() != len(src) {
		return analysis.TextEdit{}, false
	}
	start, end := d.File.Offset(d.Pos), d.File.Offset(d.End)
	if end > len(src) || start > end || strings.Contains(string(src[start:end]), "\n") {
		return analysis.TextEdit{}, false // a multi-line block comment: leave it to a human
	}
	lineStart := start
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	lineEnd := end
	for lineEnd < len(src) && src[lineEnd] != '\n' {
		lineEnd++
	}
	before := strings.TrimSpace(string(src[lineStart:start]))
	after := strings.TrimSpace(string(src[end:lineEnd]))
	switch {
	case before == "" && after == "":
		if lineEnd < len(src) {
			lineEnd++ // the newline
		}
		return analysis.TextEdit{Pos: d.File.Pos(lineStart), End: d.File.Pos(lineEnd)}, true
	case after == "":
		from := start
		for from > lineStart && (src[from-1] == ' ' || src[from-1] == '\t') {
			from--
		}
		return analysis.TextEdit{Pos: d.File.Pos(from), End: d.End}, true
	default:
		return analysis.TextEdit{Pos: d.Pos, End: d.End}, true
	}
}
