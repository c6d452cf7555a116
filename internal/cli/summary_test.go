package cli

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestSummaryLine: text output ends with one stderr line saying what was
// checked and found; -q and the machine formats leave it out.
func TestSummaryLine(t *testing.T) {
	useTestSuite(t)
	dir := copyModule(t, "drv")
	_, _, errs := run(t, "-C", dir, "./...")
	want := regexp.MustCompile(`(?m)^kvlint: 2 packages \(\d+ files\) checked: 4 findings, 1 package did not type-check \(syntax-level findings only\)$`)
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

// TestSummaryNamesNotRun: with type-aware analyzers in the suite, the line
// names which of them could not run and in which packages; an analyzer
// turned off is not named, and past maxNamed packages the rest are counted.
func TestSummaryNamesNotRun(t *testing.T) {
	dir := copyModule(t, "drv")
	_, _, errs := run(t, "-C", dir, "-vaultperrequest=false", "./...")
	want := regexp.MustCompile(`(?m)^kvlint: 2 packages \(\d+ files\) checked: .*, clientsecretauth, ignorecheck, pinnedversion, secretexpiry, secretlog, sharedkeyauth did not run in 1 package that does not type-check: example.com/drv/broken$`)
	if !want.MatchString(errs) {
		t.Errorf("stderr lacks the summary line %s:\n%s", want, errs)
	}

	s := summary{packages: 5, files: 9, broken: []string{"a", "b", "c", "d"}, suite: []*analysis.Analyzer{{Name: "secretlog"}, {Name: "hardcodedcred", RunDespiteErrors: true}}}
	var b strings.Builder
	s.print(&b)
	if got, wantLine := b.String(), "kvlint: 5 packages (9 files) checked: 0 findings, secretlog did not run in 4 packages that do not type-check: a, b, c and 1 more\n"; got != wantLine {
		t.Errorf("summary line:\n got %q\nwant %q", got, wantLine)
	}
}
