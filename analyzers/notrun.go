package analyzers

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// TypeAware returns the names of the analyzers of suite that need type
// information, sorted: those without RunDespiteErrors, which the drivers
// skip on a package that does not type-check (that package gets only the
// syntax-level findings of hardcodedcred).
func TypeAware(suite []*analysis.Analyzer) []string {
	var names []string
	for _, a := range suite {
		if !a.RunDespiteErrors {
			names = append(names, a.Name)
		}
	}
	slices.Sort(names)
	return names
}

// NotRun says, for a run's summary, which analyzers could not run where:
// the type-aware analyzers of suite in the packages broken (package paths
// that did not type-check), at most limit of them named (0: all). It
// returns "" when no package is broken or no analyzer needs types.
//
//	clientsecretauth, secretlog did not run in 2 packages that do not type-check: example.com/a, example.com/b
func NotRun(suite []*analysis.Analyzer, broken []string, limit int) string {
	names := TypeAware(suite)
	pkgs := slices.Compact(slices.Sorted(slices.Values(broken)))
	if len(names) == 0 || len(pkgs) == 0 {
		return ""
	}
	shown, more := pkgs, ""
	if limit > 0 && len(pkgs) > limit {
		shown, more = pkgs[:limit], fmt.Sprintf(" and %d more", len(pkgs)-limit)
	}
	what := "1 package that does not type-check"
	if len(pkgs) > 1 {
		what = fmt.Sprintf("%d packages that do not type-check", len(pkgs))
	}
	return fmt.Sprintf("%s did not run in %s: %s%s", strings.Join(names, ", "), what, strings.Join(shown, ", "), more)
}
