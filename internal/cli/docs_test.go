package cli

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/sariftest"
)

// readmeCommands returns the kvlint command lines of README.md
// that start with prefix (after an optional "- run: "), so tests run the
// documented commands verbatim.
func readmeCommands(t *testing.T, prefix string) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cmds []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		line = strings.TrimPrefix(line, "- run: ")
		if strings.HasPrefix(line, prefix) {
			cmds = append(cmds, line)
		}
	}
	if len(cmds) == 0 {
		t.Fatalf("README has no command starting with %q", prefix)
	}
	return cmds
}

// inDir turns a documented kvlint command line into Main's arguments, run
// in dir.
func inDir(line, dir string) []string {
	args := strings.Fields(strings.TrimPrefix(line, "kvlint "))
	if len(args) >= 3 && args[0] == "baseline" {
		return append(append(args[:3:3], "-C", dir), args[3:]...)
	}
	return append([]string{"-C", dir}, args...)
}

func TestREADMEBaselineCommands(t *testing.T) {
	dir := drvModule(t)
	cmds := readmeCommands(t, "kvlint ")
	var ran int
	for _, line := range cmds {
		if !strings.Contains(line, ".kvlint-baseline.yaml") {
			continue
		}
		ran++
		code, out, errs := run(t, inDir(line, dir)...)
		if code != ExitClean {
			t.Errorf("%s: exit %d\n%s%s", line, code, out, errs)
		}
	}
	if ran != 4 {
		t.Errorf("ran %d baseline commands from the README, want 4", ran)
	}
}

func TestREADMECodeScanningCommand(t *testing.T) {
	dir := drvModule(t)
	var line string
	for _, l := range readmeCommands(t, "kvlint -format sarif") {
		line = l
	}
	code, _, errs := run(t, inDir(line, dir)...)
	if code != ExitFindings {
		t.Fatalf("%s: exit %d, want %d (findings)\n%s", line, code, ExitFindings, errs)
	}
	data, err := os.ReadFile(filepath.Join(dir, "kvlint.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	sariftest.Check(t, data)
}
