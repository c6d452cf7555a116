package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// gitRepo is a throwaway repository with deterministic commits.
type gitRepo struct {
	t    *testing.T
	dir  string
	tick int
}

func newRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	date := fmt.Sprintf("2024-01-%02dT12:00:00Z", 1+r.tick)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
		"GIT_COMMITTER_EMAIL=t@example.com", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *gitRepo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *gitRepo) remove(name string) { r.git("rm", "-q", name) }

// commit commits everything and returns the commit hash.
func (r *gitRepo) commit(msg string) string {
	r.t.Helper()
	r.tick++
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

func TestSmoke(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-smoke")
	r.write("a.env", "TOKEN="+tok+"\n")
	c1 := r.commit("one")
	r.write("b.env", "X=1\nTOKEN="+tok+"\n")
	r.remove("a.env")
	c2 := r.commit("two")
	res, err := Run(Options{Dir: r.dir})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteText(&b, res.Secrets)
	t.Logf("c1 %s c2 %s\n%s err=%v", c1, c2, b.String(), res.Err)
}
