package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/testfs"
	"golang.org/x/tools/txtar"
)

// stagedRepo is a throwaway git repository with one Go module, a committed
// clean package a, and a temporary directory the checkouts go to.
func stagedRepo(t *testing.T) (dir string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	// Checkouts go to TMPDIR: assert each run removes its own.
	t.Setenv("TMPDIR", t.TempDir())
	dir = t.TempDir()
	git(t, dir, "init", "-q")
	stage(t, dir, `
-- go.mod --
module example.com/m

go 1.22
-- a/clean.go --
package a

// F does nothing.
func F() {}
`)
	git(t, dir, "commit", "-q", "-m", "base")
	return dir
}

// stage writes the files of the txtar archive into the repository dir and
// adds each of them to the index.
func stage(t *testing.T, dir, archive string) {
	t.Helper()
	ar := txtar.Parse([]byte(archive))
	testfs.WriteArchive(t, dir, ar)
	names := []string{"add", "--"}
	for _, f := range ar.Files {
		names = append(names, f.Name)
	}
	git(t, dir, names...)
}

// runStaged runs kvlint scan -go-packages -staged in dir, checks that the
// output holds no secret and no path of the checkout and that the checkout
// is gone, and returns the exit status and outputs.
func runStaged(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	code, out, errs := runScanIn(t, dir, append([]string{"-go-packages", "-staged"}, args...)...)
	noScanSecret(t, "-go-packages -staged output", out+errs)
	if strings.Contains(out+errs, "kvlint-staged-") {
		t.Errorf("%v: output shows the checkout's path:\n%s%s", args, out, errs)
	}
	left, err := os.ReadDir(os.Getenv("TMPDIR"))
	if err != nil || len(left) > 0 {
		t.Errorf("%v: the checkout was not removed: %v %v", args, left, err)
	}
	return code, out, errs
}

// TestStagedUntrackedFileIgnored: an untracked file with a secret beside a
// clean staged file does not block the commit; the work-tree lint sees it.
func TestStagedUntrackedFileIgnored(t *testing.T) {
	dir := stagedRepo(t)
	stage(t, dir, `
-- a/clean.go --
package a

// F does little.
func F() {}
`)
	testfs.Write(t, dir, `
-- a/wip.go --
package a

var githubToken = "`+scanToken+`"
`)
	for _, args := range [][]string{{"a/clean.go"}, nil} { // named by pre-commit, or found in the index
		code, out, errs := runStaged(t, dir, args...)
		if code != ExitClean || out != "" || errs != "kvlint: 1 package (1 file) checked: 0 findings\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 0 and only the summary: the secret is in an untracked file", args, code, out, errs)
		}
	}
	if code, _, _ := runScanIn(t, dir, "-go-packages", "a/clean.go"); code != ExitFindings {
		t.Errorf("without -staged: exit %d; want 3 (the work tree has the secret)", code)
	}
	// Named, but not in the index: said, not linted.
	code, out, errs := runStaged(t, dir, "a/wip.go")
	if code != ExitClean || out != "" || !strings.Contains(errs, "note: "+filepath.Join("a", "wip.go")+" is not in the git index: not linted") {
		t.Errorf("an untracked file named: exit %d, stdout %q, stderr %q; want 0 and a note", code, out, errs)
	}
	// No Go file staged: nothing to lint, silently.
	git(t, dir, "commit", "-q", "-m", "little")
	if code, out, errs := runStaged(t, dir); code != ExitClean || out != "" || errs != "" {
		t.Errorf("nothing staged: exit %d, stdout %q, stderr %q; want a silent 0", code, out, errs)
	}
}

// TestStagedSecretReportedAtRepoPath: a staged secret that an unstaged edit
// removes is still reported, at its staged line and repository path, in
// every format; an untracked .kvlint.yaml that would turn the rule off does
// not apply (the configuration is read from the index).
func TestStagedSecretReportedAtRepoPath(t *testing.T) {
	dir := stagedRepo(t)
	stage(t, dir, `
-- a/s.go --
package a

var githubToken = "`+scanToken+`"
`)
	testfs.Write(t, dir, `
-- a/s.go --
package a

// The token is read at run time.

var githubToken = lookup()

func lookup() string { return "" }
-- .kvlint.yaml --
version: 1
rules:
  disable: [KV112, KV100]
`)
	code, out, errs := runStaged(t, dir, "a/s.go")
	want := filepath.Join("a", "s.go") + ":3:19: KV112 "
	if code != ExitFindings || !strings.HasPrefix(out, want) || strings.Count(out, "\n") != 1 {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s\nwant one finding %q", code, out, errs, want)
	}
	if !strings.Contains(errs, "kvlint: 1 package (2 files) checked: 1 finding") {
		t.Errorf("stderr %q lacks the summary of the staged package", errs)
	}
	// From a subdirectory (-C): paths relative to it.
	if _, out, _ := runStaged(t, dir, "-C", "a", "s.go"); !strings.HasPrefix(out, "s.go:3:19: KV112 ") {
		t.Errorf("-C a: stdout %q; want s.go:3:19", out)
	}
	_, out, _ = runStaged(t, dir, "-format", "json", "a/s.go")
	var byPkg map[string]map[string][]struct{ Posn string }
	if err := json.Unmarshal([]byte(out), &byPkg); err != nil {
		t.Fatalf("-format json: %v\n%s", err, out)
	}
	if got := byPkg["example.com/m/a"]["hardcodedcred"]; len(got) != 1 || got[0].Posn != filepath.Join(dir, "a", "s.go")+":3:19" {
		t.Errorf("-format json: %+v; want %s:3:19", byPkg, filepath.Join(dir, "a", "s.go"))
	}
	_, out, _ = runStaged(t, dir, "-format", "sarif", "a/s.go")
	if !strings.Contains(out, `"uri": "a/s.go"`) {
		t.Errorf("-format sarif: no artifact a/s.go:\n%s", out)
	}
}

// TestStagedCleanWorkTreeSecret: the staged version of a file is clean, the
// work tree adds a secret to it that is not staged: nothing to report.
func TestStagedCleanWorkTreeSecret(t *testing.T) {
	dir := stagedRepo(t)
	stage(t, dir, `
-- a/clean.go --
package a

// F does more.
func F() {}
`)
	testfs.Write(t, dir, `
-- a/clean.go --
package a

var githubToken = "`+scanToken+`"

// F does more.
func F() {}
`)
	if code, out, errs := runStaged(t, dir, "a/clean.go"); code != ExitClean || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0: the secret is not staged", code, out, errs)
	}
}

// TestStagedOnlyNamedFiles: a secret in a file of the same package that is
// not staged (committed earlier) is not reported unless -whole-packages.
func TestStagedOnlyNamedFiles(t *testing.T) {
	dir := stagedRepo(t)
	stage(t, dir, `
-- a/old.go --
package a

var password = "`+scanPassword+`"
`)
	git(t, dir, "commit", "-q", "-m", "old secret")
	stage(t, dir, `
-- a/new.go --
package a

// G does nothing.
func G() {}
`)
	if code, out, errs := runStaged(t, dir, "a/new.go"); code != ExitClean || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 0: old.go is not staged", code, out, errs)
	}
	code, out, errs := runStaged(t, dir, "-whole-packages", "a/new.go")
	if code != ExitFindings || !strings.HasPrefix(out, filepath.Join("a", "old.go")+":3:") {
		t.Errorf("-whole-packages: exit %d, stdout %q, stderr %q; want old.go:3", code, out, errs)
	}
}

// TestStagedNotARepository: -staged outside a git work tree is an error
// that says so (exit 1).
func TestStagedNotARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	testfs.Write(t, dir, `
-- go.mod --
module example.com/m

go 1.22
-- a.go --
package m
`)
	code, out, errs := runScanIn(t, dir, "-go-packages", "-staged", "a.go")
	if code != ExitError || out != "" || !strings.Contains(errs, "is not in a git work tree") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 and a message", code, out, errs)
	}
}

// TestStagedTypeChecksAsTheRepo: the checkout type-checks as the work tree
// does when what it needs is not committed: an untracked go.work (the
// workspace's other module resolves) and an untracked vendor directory
// (the vendored dependency resolves, with no module cache or network).
func TestStagedTypeChecksAsTheRepo(t *testing.T) {
	secret := "package main\n\nimport \"example.com/%s\"\n\nvar githubToken = \"" + scanToken + "\"\n\nvar _ = %s.X\n\nfunc main() {}\n"
	for name, archive := range map[string]string{
		"go.work": `
-- go.work --
go 1.22

use (
	./app
	./lib
)
-- app/go.mod --
module example.com/app

go 1.22
-- lib/go.mod --
module example.com/lib

go 1.22
-- lib/lib.go --
package lib

// X is one.
const X = 1
-- app/main.go --
` + strings.ReplaceAll(secret, "%s", "lib"),
		"vendor": `
-- app/go.mod --
module example.com/app

go 1.22

require example.com/dep v1.0.0
-- app/vendor/modules.txt --
# example.com/dep v1.0.0
## explicit
example.com/dep
-- app/vendor/example.com/dep/dep.go --
package dep

// X is one.
const X = 1
-- app/main.go --
` + strings.ReplaceAll(secret, "%s", "dep"),
	} {
		t.Run(name, func(t *testing.T) {
			dir := stagedRepo(t)
			testfs.Write(t, dir, archive)
			if _, _, errs := runScanIn(t, dir, "-go-packages", "app/main.go"); strings.Contains(errs, "does not type-check") {
				t.Fatalf("the work tree does not type-check: %s", errs)
			}
			git(t, dir, "add", "app/go.mod", "app/main.go")
			if name == "go.work" {
				git(t, dir, "add", "lib") // committed; go.work is not
			}
			code, out, errs := runStaged(t, dir, "app/main.go")
			if code != ExitFindings || !strings.HasPrefix(out, filepath.Join("app", "main.go")+":5:") || strings.Contains(errs, "does not type-check") {
				t.Errorf("exit %d, stdout %q, stderr %q; want app/main.go:5 type-checked", code, out, errs)
			}
		})
	}
}

// TestStagedSparseCheckout: a package that a sparse checkout leaves out of
// the work tree is in the checkout of the index, so the staged package that
// imports it type-checks.
func TestStagedSparseCheckout(t *testing.T) {
	dir := stagedRepo(t)
	stage(t, dir, `
-- lib/lib.go --
package lib

// X is one.
const X = 1
`)
	git(t, dir, "commit", "-q", "-m", "lib")
	git(t, dir, "sparse-checkout", "set", "--no-cone", "/*", "!/lib/")
	if _, err := os.Stat(filepath.Join(dir, "lib")); err == nil {
		t.Skip("this git keeps lib/ in the work tree")
	}
	stage(t, dir, `
-- a/s.go --
package a

import "example.com/m/lib"

var githubToken = "`+scanToken+`"

var _ = lib.X
`)
	code, out, errs := runStaged(t, dir, "a/s.go")
	if code != ExitFindings || !strings.HasPrefix(out, filepath.Join("a", "s.go")+":5:") || strings.Contains(errs, "does not type-check") {
		t.Errorf("exit %d, stdout %q, stderr %q; want a/s.go:5 type-checked", code, out, errs)
	}
}

// TestStagedGoEnv: the go command in the checkout keeps the environment's
// GOFLAGS, adds -trimpath once, and uses no workspace when the work tree has
// none, or one outside the repository (with a note).
func TestStagedGoEnv(t *testing.T) {
	dir := stagedRepo(t)
	tree := &stagedTree{}
	defer tree.remove()
	if err := tree.findRoot(dir); err != nil {
		t.Fatal(err)
	}
	if err := tree.checkout(); err != nil {
		t.Fatal(err)
	}
	for _, flags := range []string{"-mod=mod", "-trimpath -mod=mod"} {
		t.Setenv("GOFLAGS", flags)
		t.Setenv("GOWORK", "")
		env, note, err := tree.goEnv(dir)
		want := []string{"GOWORK=off", "GOFLAGS=" + flags}
		if flags == "-mod=mod" {
			want[1] += " -trimpath"
		}
		if err != nil || note != "" || strings.Join(env, " ") != strings.Join(want, " ") {
			t.Errorf("GOFLAGS=%s: %q, note %q, err %v; want %q", flags, env, note, err, want)
		}
	}
	outside := filepath.Join(t.TempDir(), "go.work")
	testfs.Write(t, filepath.Dir(outside), "-- go.work --\ngo 1.22\n\nuse "+dir+"\n")
	t.Setenv("GOWORK", outside)
	if env, note, err := tree.goEnv(dir); err != nil || env[0] != "GOWORK=off" || !strings.Contains(note, "is outside the repository") {
		t.Errorf("go.work outside: %q, note %q, err %v", env, note, err)
	}
}
