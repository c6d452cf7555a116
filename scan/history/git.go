package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// ErrNoGit is returned when no git executable is on PATH.
var ErrNoGit = errors.New("the git command is not on PATH: kvlint scan -history reads the repository with git")

// repo runs git commands in one repository. Every command is told never to
// fetch: protocol.allow=never makes a lazy fetch of a partial clone's
// missing objects fail (git 2.39 has no other switch for it), and
// GIT_NO_LAZY_FETCH=1 turns lazy fetching off in git 2.44 and later.
type repo struct {
	git  string // path of the git executable
	dir  string // the work tree (or the git directory of a bare repository)
	root string // the directory paths are relative to in findings
}

// baseArgs precede every git command.
var baseArgs = []string{"-c", "core.quotePath=false", "-c", "protocol.allow=never"}

func (r *repo) command(args ...string) *exec.Cmd {
	cmd := exec.Command(r.git, append(slicesClone(baseArgs), args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_NO_LAZY_FETCH=1", "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	return cmd
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// output runs a git command and returns its standard output; a failure
// carries git's message.
func (r *repo) output(args ...string) ([]byte, error) {
	cmd := r.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, gitError(args, &stderr, err)
	}
	return out, nil
}

func gitError(args []string, stderr *bytes.Buffer, err error) error {
	msg := strings.TrimSpace(stderr.String())
	if msg == "" {
		msg = err.Error()
	}
	if len(args) > 3 {
		args = args[:3]
	}
	return fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
}

// stream runs a git command and hands its standard output to read as it
// comes; the command's failure, with git's message, is returned after read.
func (r *repo) stream(read func(io.Reader) error, args ...string) error {
	cmd := r.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	rerr := read(out)
	if rerr != nil {
		_, _ = io.Copy(io.Discard, out)
	}
	if err := cmd.Wait(); err != nil {
		return gitError(args, &stderr, err)
	}
	return rerr
}

// openRepo finds the repository that holds dir.
func openRepo(dir string) (*repo, error) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	r := &repo{git: gitPath, dir: dir}
	out, err := r.output("rev-parse", "--is-bare-repository", "--absolute-git-dir")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git repository: %w", dir, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 {
		return nil, fmt.Errorf("git rev-parse: unexpected output %q", out)
	}
	if lines[0] == "true" {
		r.dir, r.root = lines[1], lines[1]
		return r, nil
	}
	top, err := r.output("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	r.dir = strings.TrimSpace(string(top))
	r.root = r.dir
	return r, nil
}
