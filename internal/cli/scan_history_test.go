package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// historyGit runs git in dir with a fixed identity and date.
func historyGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_AUTHOR_DATE=2024-05-01T00:00:00Z", "GIT_COMMITTER_DATE=2024-05-01T00:00:00Z")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func commitAll(t *testing.T, dir, msg string) string {
	t.Helper()
	historyGit(t, dir, "add", "-A")
	historyGit(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
	return historyGit(t, dir, "rev-parse", "HEAD")
}

func kvlintIn(dir string, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := Main(append([]string{"scan", "-C", dir}, args...), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestScanHistoryLeaksNothing: the planted secrets, committed and then
// deleted, are found in history and no output shows one.
func TestScanHistoryLeaksNothing(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir, planted := plantedModule(t)
	historyGit(t, dir, "init", "-q", "-b", "main")
	commitAll(t, dir, "planted")
	os.Remove(filepath.Join(dir, "planted.go"))
	commitAll(t, dir, "delete planted.go")

	outputs := map[string]string{}
	for _, c := range []struct {
		what string
		args []string
	}{
		{"text", []string{"-history"}},
		{"json", []string{"-history", "-json"}},
		{"sarif", []string{"-history", "-format", "sarif"}},
		{"write-baseline", []string{"-history", "-write-baseline", "hist.yaml"}},
		{"baseline", []string{"-history", "-baseline", "hist.yaml"}},
	} {
		code, out, errs := kvlintIn(dir, c.args...)
		outputs[c.what+" stdout"], outputs[c.what+" stderr"] = out, errs
		want := ExitFindings
		if strings.Contains(c.what, "baseline") {
			want = ExitClean
		}
		if code != want {
			t.Errorf("%s: exit %d, want %d\n%s", c.what, code, want, errs)
		}
	}
	if n := strings.Count(outputs["text stdout"], "removed: in history only"); n < 20 {
		t.Errorf("only %d history-only places: the leak test needs history findings", n)
	}
	data, err := os.ReadFile(filepath.Join(dir, "hist.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	outputs["file hist.yaml"] = string(data)
	noPlantedSecret(t, planted, outputs)
}

// TestScanHistoryCLI: formats, the baseline round trip across scan and scan
// -history, ranges and bad input.
func TestScanHistoryCLI(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	historyGit(t, dir, "init", "-q", "-b", "main")
	old := detect.FakeCRCToken("ghp_", "cli-history-old")
	kept := detect.FakeCRCToken("ghp_", "cli-history-kept")
	testfs.Write(t, dir, "-- old.env --\nTOKEN="+old+"\n-- app.env --\nTOKEN="+kept+"\n")
	first := commitAll(t, dir, "one")
	os.Remove(filepath.Join(dir, "old.env"))
	base := commitAll(t, dir, "two")

	code, out, errs := kvlintIn(dir, "-history", "-json")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatal(err)
	}
	d := tree["old.env"]["scan"]
	if len(d) != 1 || d[0]["posn"] != "old.env:1:7" || d[0]["first_commit"] != first || d[0]["last_commit"] != first || d[0]["at_head"] != false {
		t.Errorf("old.env: %v", d)
	}
	if !strings.Contains(errs, "2 commits") || !strings.Contains(errs, "2 secrets in 2 places, 1 still at HEAD") {
		t.Errorf("summary: %s", errs)
	}
	code, out, _ = kvlintIn(dir, "-history", "-format", "sarif")
	if code != ExitFindings || !strings.Contains(out, `"versionControlProvenance"`) || !strings.Contains(out, `"revisionId": "`+base+`"`) || !strings.Contains(out, `"firstCommit": "`+first+`"`) {
		t.Errorf("SARIF: exit %d\n%s", code, out)
	}

	// One fingerprint scheme: a baseline written from history covers the
	// tree's findings in plain scan, and only new commits fail.
	if code, _, errs := kvlintIn(dir, "-history", "-write-baseline", "kv.yaml"); code != ExitClean {
		t.Fatalf("write baseline: exit %d\n%s", code, errs)
	}
	var bout, berr bytes.Buffer
	if code := Main([]string{"baseline", "write", filepath.Join(dir, "kv2.yaml"), "-history", "-C", dir}, &bout, &berr); code != ExitClean {
		t.Errorf("kvlint baseline write -history: exit %d\n%s", code, berr.String())
	}
	if code, out, errs := kvlintIn(dir, "-baseline", "kv2.yaml", "."); code != ExitClean {
		t.Errorf("plain scan with the history baseline: exit %d\n%s%s", code, out, errs)
	}
	fresh := detect.FakeCRCToken("ghp_", "cli-history-fresh")
	testfs.Write(t, dir, "-- new.env --\nTOKEN="+fresh+"\n-- app.env --\n# moved\nTOKEN="+kept+"\n")
	commitAll(t, dir, "three")
	code, out, errs = kvlintIn(dir, "-history", "-baseline", "kv.yaml", base+"..HEAD")
	if code != ExitFindings || !strings.Contains(out, "new.env:1:7") || strings.Contains(out, "app.env") || strings.Contains(errs, "INCOMPLETE") {
		t.Errorf("range with baseline: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs := kvlintIn(dir, "-history", "-since", "2030-01-01"); code != ExitClean || out != "" {
		t.Errorf("-since in the future: exit %d\n%s%s", code, out, errs)
	}

	// Bad input.
	notRepo := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(notRepo))
	if code, _, errs := kvlintIn(notRepo, "-history"); code != ExitError || !strings.Contains(errs, "not in a git repository") {
		t.Errorf("not a repository: exit %d\n%s", code, errs)
	}
	if code, _, errs := kvlintIn(dir, "-history", "-staged"); code != ExitUsage || !strings.Contains(errs, "do not apply") {
		t.Errorf("-staged: exit %d\n%s", code, errs)
	}
	if code, _, errs := kvlintIn(dir, "-history", "--output=x"); code != ExitUsage {
		t.Errorf("unknown flag: exit %d\n%s", code, errs)
	}
	if code, _, errs := kvlintIn(dir, "-history", "no-such-rev"); code != ExitError || !strings.Contains(errs, "no-such-rev") {
		t.Errorf("bad revision: exit %d\n%s", code, errs)
	}
	oid := historyGit(t, dir, "rev-parse", "HEAD:new.env")
	os.Remove(filepath.Join(dir, ".git", "objects", oid[:2], oid[2:]))
	code, out, errs = kvlintIn(dir, "-history")
	if code != ExitError || !strings.Contains(errs, "INCOMPLETE") || !strings.Contains(errs, oid) || !strings.Contains(out, "app.env") {
		t.Errorf("missing object: exit %d\n%s%s", code, out, errs)
	}
	t.Setenv("PATH", t.TempDir())
	if code, _, errs := kvlintIn(dir, "-history"); code != ExitError || !strings.Contains(errs, "git command is not on PATH") {
		t.Errorf("no git: exit %d\n%s", code, errs)
	}
}
