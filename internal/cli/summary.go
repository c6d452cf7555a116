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
	packages   int                  // distinct package paths analyzed
	files      int                  // distinct Go files in them
	broken     []string             // paths of the packages that did not type-check (syntax-level findings only) or did not load
	suite      []*analysis.Analyzer // the analyzers enabled, for naming those that could not run
	findings   int                  // reported
	suppressed int                  // hidden by kvlint:ignore / nolint directives
	baselined  int                  // hidden by -baseline
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
	s.packages, s.files = len(paths), len(files)
	s.broken = slices.Sorted(maps.Keys(brokenPaths))
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
	if len(s.broken) > 0 {
		// Have: "clientsecretauth, secretlog did not run in 2 packages that
		// do not type-check: example.com/a, example.com/b": which analyzers
		// could not run where, not only that some did not.
		if notRun := analyzers.NotRun(s.suite, s.broken, maxNamed); notRun != "" {
			extra = append(extra, notRun)
		} else {
			extra = append(extra, plural(len(s.broken), "package")+" did not type-check (syntax-level findings only)")
		}
	}
	if len(extra) > 0 {
		line += ", " + strings.Join(extra, ", ")
	}
	fmt.Fprintln(w, line)
}

// maxNamed is how many packages the summary line names.
const maxNamed = 3

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
