package scan

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kvlint/kvlint/internal/testfs"
)

// gitIn runs git in dir with a configuration of the test's own: no system
// file, and globalCfg (possibly empty) as the global one.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestWalkAsGitSeesIt: inside a work tree, git decides which files a scan
// reads, so .git/info/exclude and core.excludesFile hide files that no
// .gitignore names; a tracked file deleted from disk is no error; a
// submodule's files are scanned; names with spaces and newlines survive.
func TestWalkAsGitSeesIt(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	withFakeEngine(t)
	s := "FAKEKEY_ZZZ\n"
	globalExcludes := filepath.Join(t.TempDir(), "excludes")
	if err := os.WriteFile(globalExcludes, []byte("*.globalx\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	globalCfg := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(globalCfg, []byte("[core]\n\texcludesFile = "+globalExcludes+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", globalCfg)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")

	// local.secret is excluded by .git/info/exclude, dev.globalx by
	// core.excludesFile, ignored.log by .gitignore (still honoured);
	// gone.txt is tracked, then deleted from disk; untracked/u.txt is
	// untracked and not excluded (scanned); vendor/ is never walked into,
	// tracked or not; sub/ is a submodule with its own .gitignore;
	// tracked-ignored.log is tracked despite *.log, so git lists it and it
	// is scanned.
	dir := testfs.Dir(t, `
-- keep.txt --
FAKEKEY_ZZZ
-- local.secret --
FAKEKEY_ZZZ
-- dev.globalx --
FAKEKEY_ZZZ
-- ignored.log --
FAKEKEY_ZZZ
-- .gitignore --
*.log
-- gone.txt --
FAKEKEY_ZZZ
-- with space.txt --
FAKEKEY_ZZZ
-- untracked/u.txt --
FAKEKEY_ZZZ
-- vendor/v.txt --
FAKEKEY_ZZZ
-- sub/inner.txt --
FAKEKEY_ZZZ
-- sub/inner.secret --
FAKEKEY_ZZZ
-- sub/.gitignore --
inner.secret
-- tracked-ignored.log --
FAKEKEY_ZZZ
`)
	// txtar names cannot hold a newline.
	if err := os.WriteFile(filepath.Join(dir, "new\nline.txt"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, filepath.Join(dir, "sub"), "init", "-q")
	gitIn(t, filepath.Join(dir, "sub"), "add", ".")
	gitIn(t, filepath.Join(dir, "sub"), "commit", "-q", "-m", "sub")
	gitIn(t, dir, "init", "-q")
	if err := os.WriteFile(filepath.Join(dir, ".git", "info", "exclude"), []byte("*.secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitIn(t, dir, "add", "keep.txt", "gone.txt", ".gitignore", "with space.txt", "new\nline.txt", "vendor/v.txt", "sub")
	gitIn(t, dir, "add", "-f", "tracked-ignored.log")
	if err := os.Remove(filepath.Join(dir, "gone.txt")); err != nil {
		t.Fatal(err)
	}

	equal(t, runGot(t, dir, Options{}), []string{
		"keep.txt:1:1-12 FAKE1",
		"new\nline.txt:1:1-12 FAKE1",
		"sub/inner.txt:1:1-12 FAKE1",
		"tracked-ignored.log:1:1-12 FAKE1",
		"untracked/u.txt:1:1-12 FAKE1",
		"with space.txt:1:1-12 FAKE1",
	})

	// The same tree outside git: the own parser reads .gitignore files, and
	// the rules only git keeps (info/exclude, core.excludesFile) do not apply.
	if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "sub", ".git")); err != nil {
		t.Fatal(err)
	}
	equal(t, runGot(t, dir, Options{}), []string{
		"dev.globalx:1:1-12 FAKE1",
		"keep.txt:1:1-12 FAKE1",
		"local.secret:1:1-12 FAKE1",
		"new\nline.txt:1:1-12 FAKE1",
		"sub/inner.txt:1:1-12 FAKE1",
		"untracked/u.txt:1:1-12 FAKE1",
		"with space.txt:1:1-12 FAKE1",
	})
}
