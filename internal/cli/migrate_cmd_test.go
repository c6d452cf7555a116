package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrateCommand: kvlint migrate lives in internal/cli with the one set
// of exit codes, and -C DIR means what it means for lint.
func TestMigrateCommand(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nonexistent")
	for _, c := range []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"-nosuchflag"}, ExitUsage, "flag provided but not defined"},
		{[]string{"-dry-run", "-plan", "p.yaml"}, ExitUsage, "exclude each other"},
		{[]string{"-plan", "p.yaml", "-apply", "q.yaml"}, ExitUsage, "exclude each other"},
		{[]string{"-expires", "-1h"}, ExitUsage, "must be positive"},
		{[]string{"-C", missing, "-dry-run"}, ExitUsage, "directory does not exist"},
		{[]string{"-C", t.TempDir(), "-dry-run", "-vault-url", "https://example.vault.azure.net/"}, ExitError, "not a module root"},
	} {
		code, _, errs := run(t, append([]string{"migrate"}, c.args...)...)
		if code != c.want || !strings.Contains(errs, c.msg) {
			t.Errorf("migrate %q: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.want, c.msg)
		}
	}
	if code, out, _ := run(t, "migrate", "-h"); code != ExitClean || out != "" {
		t.Errorf("migrate -h: exit %d, stdout %q", code, out)
	}
}
