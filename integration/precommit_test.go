package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// repoRoot returns the root of the kvlint repository (the hook repository).
func repoRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Fatalf("git rev-parse --show-toplevel: %v (the tests need kvlint's git checkout)", err)
	}
	return strings.TrimSpace(string(out))
}

// need returns the path of tool, failing with an install hint when it is
// missing (the integration tests run in .ci/run, which installs it).
func need(t *testing.T, tool, hint string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: skipping the test with the real %s", tool)
	}
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Fatalf("%s is not installed: %s", tool, hint)
	}
	return p
}

// gitEnv is the environment for git in throwaway repositories: no user or
// system configuration, a fixed identity.
func gitEnv() []string {
	return append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=kvlint-test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=kvlint-test", "GIT_COMMITTER_EMAIL=test@example.com")
}

func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func mustRun(t *testing.T, dir string, env []string, name string, args ...string) {
	t.Helper()
	if out, err := runIn(t, dir, env, name, args...); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// preCommitEnv runs pre-commit with its own cache directory and git without
// user configuration. The hook's `go install ./...` shares this machine's
// module cache (pre-commit points GOPATH at the hook environment, which
// would otherwise download every module again).
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	return append(gitEnv(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"PRE_COMMIT_COLOR=never",
		"NO_COLOR=1",
	)
}

// preCommitSetup skips the test without pre-commit, runs it in parallel
// and returns pre-commit's path, this checkout's root and the environment
// the tools run with.
func preCommitSetup(t *testing.T) (pc, root string, env []string) {
	t.Helper()
	pc = need(t, "pre-commit", "apt-get install -y pre-commit")
	t.Parallel()
	return pc, repoRoot(t), preCommitEnv(t)
}

// initRepo makes an empty git repository in a fresh temporary directory.
func initRepo(t *testing.T, env []string) string {
	t.Helper()
	work := t.TempDir()
	mustRun(t, work, env, "git", "init", "-q")
	return work
}

// TestPreCommitKvlintFiles runs the kvlint-files hook of this repository
// with the real pre-commit (`pre-commit try-repo`) in a throwaway git
// repository: a staged file with a fake token fails the hook with a
// redacted report; a clean file passes.
func TestPreCommitKvlintFiles(t *testing.T) {
	pc, root, env := preCommitSetup(t)
	work := initRepo(t, env)

	token := detect.FakeCRCToken("ghp_", "precommit-hook-test")
	testfs.Write(t, work, `
-- deploy/app.yaml --
service: app
auth:
  token: `+token+`
-- README.md --
# demo

Set GITHUB_TOKEN in the environment.
`)
	mustRun(t, work, env, "git", "add", ".")

	start := time.Now()
	out, err := runIn(t, work, env, pc, "try-repo", root, "kvlint-files", "--files", "deploy/app.yaml", "README.md")
	t.Logf("pre-commit try-repo (secret): %v", time.Since(start).Round(time.Millisecond))
	if strings.Contains(out, token) {
		t.Fatalf("pre-commit output shows the full token (%s)", detect.Redact(token))
	}
	if err == nil {
		t.Fatalf("kvlint-files passed a staged file with a token; output:\n%s", out)
	}
	for _, want := range []string{"deploy/app.yaml:3:10: KV112", detect.Redact(token), "Failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// A clean file passes.
	out, err = runIn(t, work, env, pc, "try-repo", root, "kvlint-files", "--files", "README.md")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("kvlint-files on a clean file: %v\n%s", err, out)
	}
}

// TestPreCommitKvlint runs the kvlint hook (Go packages of the staged .go
// files, full analyzers) with the real pre-commit.
func TestPreCommitKvlint(t *testing.T) {
	pc, root, env := preCommitSetup(t)
	work := initRepo(t, env)

	token := detect.FakeCRCToken("ghp_", "precommit-kvlint-hook")
	toolToken := detect.FakeCRCToken("ghp_", "precommit-kvlint-hook-tools")
	// tools/ is a second module in the same repository.
	testfs.Write(t, work, `
-- go.mod --
module example.com/demo

go 1.22
-- cmd/app/main.go --
package main

import "fmt"

func main() { fmt.Println("hello") }
-- store/store.go --
package store

// Token authenticates the uploader.
var Token = "`+token+`"
-- store/doc.md --
not Go
-- tools/go.mod --
module example.com/tools

go 1.22
-- tools/release.go --
package tools

var releaseToken = "`+toolToken+`"

var _ = releaseToken
`)
	mustRun(t, work, env, "git", "add", ".")

	out, err := runIn(t, work, env, pc, "try-repo", root, "kvlint", "--files", "store/store.go", "cmd/app/main.go", "store/doc.md", "tools/release.go")
	for _, v := range []string{token, toolToken} {
		if strings.Contains(out, v) {
			t.Fatalf("pre-commit output shows a full token (%s)", detect.Redact(v))
		}
	}
	if err == nil || strings.Count(out, "KV112") != 2 || !strings.Contains(out, "store.go:4:") || !strings.Contains(out, "release.go:3:") {
		t.Errorf("kvlint hook on packages with tokens in two modules: err %v, output:\n%s", err, out)
	}
	out, err = runIn(t, work, env, pc, "try-repo", root, "kvlint", "--files", "cmd/app/main.go")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("kvlint hook on a clean package: %v\n%s", err, out)
	}
	// The hook lints what is committed: an untracked file with a token
	// beside the clean staged file does not fail it.
	wipToken := detect.FakeCRCToken("ghp_", "precommit-kvlint-hook-wip")
	testfs.Write(t, work, "-- cmd/app/wip.go --\npackage main\n\nvar wipToken = \""+wipToken+"\"\n")
	out, err = runIn(t, work, env, pc, "try-repo", root, "kvlint", "--files", "cmd/app/main.go")
	if strings.Contains(out, wipToken) {
		t.Fatalf("pre-commit output shows a full token (%s)", detect.Redact(wipToken))
	}
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("kvlint hook with an untracked file holding a token: %v\n%s", err, out)
	}
}

// TestPreCommitExampleConfig runs `pre-commit run` with the README's
// .pre-commit-config.yaml (precommit.example.yaml, verbatim but for the
// repository, which points at this checkout, and rev, its HEAD commit).
func TestPreCommitExampleConfig(t *testing.T) {
	pc, root, env := preCommitSetup(t)
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatalf("git rev-parse HEAD: %v", err)
	}
	example, err := os.ReadFile(filepath.Join(root, "integration", "precommit.example.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(string(example), "repo: https://github.com/kvlint/kvlint", "repo: "+root, 1)
	cfg = regexp.MustCompile(`rev: \S+`).ReplaceAllString(cfg, "rev: "+strings.TrimSpace(string(head)))
	if cfg == string(example) || !strings.Contains(cfg, "id: kvlint-files") {
		t.Fatalf("precommit.example.yaml does not have the expected shape:\n%s", example)
	}

	work := initRepo(t, env)
	token := detect.FakeCRCToken("ghp_", "precommit-example-config")
	goToken := detect.FakeCRCToken("ghp_", "precommit-example-config-go")
	testfs.Write(t, work, "-- .pre-commit-config.yaml --\n"+cfg+`-- ci/deploy.sh --
#!/bin/sh
curl -H "Authorization: token `+token+`" https://api.example.com/
-- go.mod --
module example.com/demo

go 1.22
-- release/release.go --
package release

var uploadToken = "`+goToken+`"
`)
	mustRun(t, work, env, "git", "add", ".")
	// Both hooks, on every staged file: each file is reported by one hook.
	out, err := runIn(t, work, env, pc, "run")
	for _, v := range []string{token, goToken} {
		if strings.Contains(out, v) {
			t.Fatalf("pre-commit output shows a full token (%s)", detect.Redact(v))
		}
	}
	if err == nil || strings.Count(out, "ci/deploy.sh:2:") != 1 || strings.Count(out, "release.go:3:") != 1 || strings.Count(out, "KV112") != 2 {
		t.Errorf("pre-commit run with the example config: err %v; want ci/deploy.sh:2 (kvlint-files) and release.go:3 (kvlint) once each; output:\n%s", err, out)
	}
	// A suppression in the file's own comment syntax makes it pass.
	testfs.Write(t, work, `
-- ci/deploy.sh --
#!/bin/sh
# kvlint:ignore KV112 revoked token kept for the incident write-up
curl -H "Authorization: token `+token+`" https://api.example.com/
`)
	mustRun(t, work, env, "git", "add", ".")
	if out, err := runIn(t, work, env, pc, "run", "kvlint-files", "--files", "ci/deploy.sh"); err != nil {
		t.Errorf("kvlint-files with a kvlint:ignore comment: %v\n%s", err, strings.ReplaceAll(out, token, detect.Redact(token)))
	}
}
