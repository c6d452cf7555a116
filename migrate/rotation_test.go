package migrate

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// gitCommitAll makes dir a repository (or adds to it) and commits
// everything with a fixed identity and date.
func gitCommitAll(t *testing.T, dir, msg, date string) {
	t.Helper()
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-q", "--allow-empty", "-m", msg}} {
		if args[0] == "init" {
			if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
				continue
			}
		}
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

// historyFixture is the legacy module in a git repository whose history
// holds a GitHub token in a file deleted since.
func historyFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	f := newFixture(t)
	old := detect.FakeCRCToken("ghp_", "rotation-history-only")
	if err := os.WriteFile(filepath.Join(f.dir, "deploy.env"), []byte("GITHUB_TOKEN="+old+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCommitAll(t, f.dir, "legacy", "2024-03-01T10:00:00Z")
	if err := os.Remove(filepath.Join(f.dir, "deploy.env")); err != nil {
		t.Fatal(err)
	}
	gitCommitAll(t, f.dir, "remove deploy.env", "2024-04-01T10:00:00Z")
	return f, old
}

func TestRotationListDryRun(t *testing.T) {
	f, old := historyFixture(t)
	code, stdout, stderr := f.migrate("dry-run", "-vault-url", legacyVault, "-dry-run")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"rotate (",
		"KV112  github token \"ghp_…(40 chars", // detect.Message, as lint and scan say it
		RotateHistoryOnly,
		"deploy.env:1 (first ",
		"2024-03-01",
		"rotate at: GitHub",
		"secret legacy-storage-connection",
		RotatePlanned,
		"az storage account keys renew --account-name <account>",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout+stderr, old) {
		t.Error("dry run output holds the history-only token")
	}
	f.checkOutputs()
}

func TestRotationListReport(t *testing.T) {
	f, old := historyFixture(t)
	report := filepath.Join(t.TempDir(), "report.json")
	code, stdout, stderr := f.migrate("migrate", "-vault-url", legacyVault, "-report", report)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	f.record("report", report)
	var r Report
	if err := json.Unmarshal([]byte(f.outputs["report"]), &r); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	withPlaces := 0
	for _, it := range r.Rotate {
		kinds[it.Status]++
		if it.Where == "" {
			t.Errorf("rotation item %s %s says nowhere to rotate it", it.Rule, it.Finding)
		}
		if it.Status == RotateMigrated && len(it.Places) > 0 && !strings.Contains(it.Places[0], "2024-03-01") {
			t.Errorf("migrated %s: history place %q, want first committed 2024-03-01", it.Name, it.Places[0])
		}
		if it.Status == RotateMigrated && len(it.Places) > 0 {
			withPlaces++
		}
	}
	if kinds[RotateHistoryOnly] != 1 || kinds[RotateMigrated] != 11 {
		t.Errorf("rotation kinds %v, want 1 history-only and 11 migrated", kinds)
	}
	if withPlaces < 8 {
		t.Errorf("only %d migrated secrets matched with their history places", withPlaces)
	}
	if !strings.Contains(stdout, RotateMigrated) {
		t.Errorf("report output lacks the migrated rotation items")
	}
	if strings.Contains(stdout+stderr+f.outputs["report"], old) {
		t.Error("an output holds the history-only token")
	}
	f.checkOutputs()
}

// TestRotationTable: every table entry names a built-in rule; every Azure
// rule has az CLI commands; no command holds anything but placeholders.
func TestRotationTable(t *testing.T) {
	byID := map[string]*detect.Rule{}
	for _, r := range detect.Builtin() {
		byID[r.ID] = r
	}
	for id, rot := range rotations {
		r := byID[id]
		if r == nil {
			t.Errorf("rotations[%s]: no such built-in rule", id)
			continue
		}
		if strings.HasPrefix(r.Name, "azure-") && id != "KV107" && len(rot.Commands) == 0 {
			t.Errorf("%s %s: an Azure credential without az commands", id, r.Name)
		}
		for _, c := range rot.Commands {
			if !strings.HasPrefix(c, "az ") || !strings.Contains(c, "<") {
				t.Errorf("%s: command %q is not an az command with placeholders", id, c)
			}
		}
	}
	for _, r := range detect.Builtin() {
		if got := RotationFor(r.ID, r.Name); got.Where == "" {
			t.Errorf("%s: no advice", r.ID)
		}
	}
	// A rule added later falls back by its name's family, then to generic advice.
	if got := RotationFor("KV150", "azure-storage-queue-key"); got.Where != rotations["KV102"].Where {
		t.Errorf("family fallback: %q", got.Where)
	}
	if got := RotationFor("KV599", "acme-widget"); got.Where != rotateAnywhere.Where {
		t.Errorf("generic fallback: %q", got.Where)
	}
}
