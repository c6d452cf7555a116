package cli

import (
	"regexp"
	"strings"
	"testing"
)

// TestSummaryLine: text output ends with one stderr line saying what was
// checked and found; -q and the machine formats leave it out.
func TestSummaryLine(t *testing.T) {
	dir := drvModule(t)
	_, _, errs := run(t, "-C", dir, "./...")
	want := regexp.MustCompile(`(?m)^kvlint: 2 packages \(\d+ files\) checked: 4 findings, 1 package skipped by the type-aware analyzers \(did not type-check\)$`)
	if !want.MatchString(errs) {
		t.Errorf("stderr lacks the summary line %s:\n%s", want, errs)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); !want.MatchString(lines[len(lines)-1]) {
		t.Errorf("the summary is not the last line of stderr:\n%s", errs)
	}
	for _, args := range [][]string{{"-q"}, {"-format", "json"}, {"-format", "sarif"}} {
		_, _, errs := run(t, append(append([]string{"-C", dir}, args...), "./...")...)
		if strings.Contains(errs, "checked:") {
			t.Errorf("%v: summary printed:\n%s", args, errs)
		}
	}
	_, _, errs = run(t, "-C", dir, "-test=false", "./a")
	if !strings.Contains(errs, "kvlint: 1 package (1 file) checked: 2 findings\n") {
		t.Errorf("one clean-typed package: stderr %q", errs)
	}
}

// TestSummaryNamesAnalyzersNotRun: with the real suite, the summary names
// the type-aware analyzers that did not run and the package that did not
// type-check; turning them off leaves nothing to name.
func TestSummaryNamesAnalyzersNotRun(t *testing.T) {
	dir := copyModule(t, "drv")
	_, _, errs := run(t, "-C", dir, "./...")
	want := regexp.MustCompile(`(?m)^kvlint: 2 packages \(\d+ files\) checked: .*; (\w+, )*secretlog(, \w+)* did not run in 1 package that does not type-check: example\.com/drv/broken$`)
	if !want.MatchString(errs) {
		t.Errorf("stderr lacks the summary line %s:\n%s", want, errs)
	}
	_, _, errs = run(t, "-C", dir, "-hardcodedcred", "./...")
	if strings.Contains(errs, "did not run") || !strings.Contains(errs, "1 package skipped by the type-aware analyzers") {
		t.Errorf("-hardcodedcred only: stderr %q; want no analyzer named", errs)
	}
}
