package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers"
)

// summary is what one lint run looked at, for the line text output ends
// with (golangci-lint's habit): on a clean module kvlint prints nothing
// else, and a newcomer could not tell whether anything was checked.
type summary struct {
	packages   int // distinct package paths analyzed
	files      int // distinct Go files in them
	broken     int // packages that did not type-check (syntax-level findings only) or did not load
	findings   int // reported
	suppressed int // hidden by kvlint:ignore / nolint directives
	baselined  int // hidden by -baseline
	// brokenPaths are the package paths counted by broken, sorted.
	brokenPaths []string
	// notRun names the enabled type-aware analyzers that did not run in
	// the broken packages (analyzers.NotRun); "" if none needs types.
	notRun string
}

// countLoaded counts the packages and files handed to the analyzers, and
// those left out or analyzed at the syntax level only.
func (s *summary) countLoaded(pkgs []*packages.Package) {
	paths, files := map[string]bool{}, map[string]bool{}
	brokenPaths := map[string]bool{}
	for _, p := range pkgs {
		if strings.HasSuffix(p.ID, ".test") && p.Name == "main" {
			continue
		}
		if len(p.Errors) > 0 || p.IllTyped {
			brokenPaths[p.PkgPath] = true
		}
		if len(p.Errors) > 0 && !syntaxOK(p) {
			continue
		}
		paths[p.PkgPath] = true
		for _, f := range p.CompiledGoFiles {
			files[f] = true
		}
	}
	s.packages, s.files, s.broken = len(paths), len(files), len(brokenPaths)
	s.brokenPaths = slices.Sorted(maps.Keys(brokenPaths))
}

// countNotRun names the analyzers of suite that did not run in the broken
// packages (at most three packages named); call it after countLoaded.
func (s *summary) countNotRun(suite []*analysis.Analyzer) {
	s.notRun = analyzers.NotRun(suite, s.brokenPaths, 3)
}

// countSuppressed adds the diagnostics that directives suppressed in the
// analyzed packages (the directive index of each package, once per package ID).
func (s *summary) countSuppressed(graph *checker.Graph) {
	seen := map[string]bool{}
	for act := range graph.All() {
		n, ok := analyzers.Suppressed(act.Analyzer, act.Result)
		if !ok || seen[act.Package.ID] {
			continue
		}
		seen[act.Package.ID] = true
		s.suppressed += n
	}
}

// print writes the summary line to w.
func (s *summary) print(w io.Writer) {
	line := fmt.Sprintf("kvlint: %s (%s) checked: %s", plural(s.packages, "package"), plural(s.files, "file"), plural(s.findings, "finding"))
	var extra []string
	if s.suppressed > 0 {
		extra = append(extra, fmt.Sprintf("%d suppressed", s.suppressed))
	}
	if s.baselined > 0 {
		extra = append(extra, fmt.Sprintf("%d in the baseline", s.baselined))
	}
	if s.broken > 0 && s.notRun == "" {
		extra = append(extra, plural(s.broken, "package")+" skipped by the type-aware analyzers (did not type-check)")
	}
	if len(extra) > 0 {
		line += ", " + strings.Join(extra, ", ")
	}
	if s.broken > 0 && s.notRun != "" {
		line += "; " + s.notRun
	}
	fmt.Fprintln(w, line)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
