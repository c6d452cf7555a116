package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
)

// stagedTree is a temporary checkout of a repository's git index (git
// checkout-index), where the kvlint pre-commit hook lints what is being
// committed: untracked files are absent and staged content replaces the
// work tree's. Paths inside it map back to the repository's.
type stagedTree struct {
	root     string // the repository's top directory, spelled as the command's directory is
	rootReal string // root with symbolic links resolved
	tmp      string // the checkout, symbolic links resolved; "" until made

	mu      sync.Mutex // guards tmp's creation and removal against the signal handler
	removed bool
}

// errInterrupted is the error of a checkout begun after an interrupt.
var errInterrupted = errors.New("interrupted")

// signaledError is the error of a git command killed by a signal: an
// interrupt to the hook's process group reaches git too, and git may die
// before kvlint's own handler runs. kvlint then exits as the signal would.
type signaledError struct {
	cmd string
	sig syscall.Signal
}

func (e *signaledError) Error() string { return fmt.Sprintf("git %s: killed by %v", e.cmd, e.sig) }

// exitCode is the status of a process ended by the signal: 128+n.
func (e *signaledError) exitCode() int { return 128 + int(e.sig) }

// findRoot sets the repository's top directory from wd, a directory in
// its work tree.
func (s *stagedTree) findRoot(wd string) error {
	root, err := gitTop(wd)
	if err != nil {
		return err
	}
	s.root, s.rootReal = root, root
	if real, err := filepath.EvalSymlinks(root); err == nil {
		s.rootReal = real
	}
	return nil
}

// checkout writes the index of the repository (findRoot) to a new
// temporary directory. The caller removes it (remove), having installed
// removeOnSignal first so that no interrupt can leave it behind.
func (s *stagedTree) checkout() error {
	if err := s.mkdir(); err != nil {
		return err
	}
	// Large-file filters would fetch content over the network: lint mode
	// makes no network calls, and pointers are no Go source anyway.
	env := []string{"GIT_LFS_SKIP_SMUDGE=1"}
	args := []string{"checkout-index", "--all", "--force", "--prefix=" + filepath.ToSlash(s.tmp) + "/"}
	// Files a sparse checkout leaves out are committed all the same, and
	// the packages linted may import them (the flag is git 2.37's).
	_, err := gitOutput(s.root, env, append(args, "--ignore-skip-worktree-bits")...)
	if err != nil && strings.Contains(err.Error(), "ignore-skip-worktree-bits") {
		_, err = gitOutput(s.root, env, args...)
	}
	return err
}

// mkdir makes the temporary directory of the checkout.
func (s *stagedTree) mkdir() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.removed {
		return errInterrupted
	}
	tmp, err := os.MkdirTemp("", "kvlint-staged-")
	if err != nil {
		return err
	}
	s.tmp = tmp
	if real, err := filepath.EvalSymlinks(tmp); err == nil {
		s.tmp = real
	}
	return nil
}

// gitTop returns the top directory of the work tree holding wd, spelled
// from wd (wd with ".." for each level below the top), so that paths mapped
// back from the checkout are relative to wd as the user's are.
func gitTop(wd string) (string, error) {
	out, err := gitOutput(wd, nil, "rev-parse", "--show-prefix")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return "", fmt.Errorf("-staged: %s is not in a git work tree (the staged content is read from the git index)", wd)
		}
		return "", err
	}
	prefix := strings.TrimSuffix(strings.TrimSpace(string(out)), "/")
	root := wd
	if prefix != "" {
		for range strings.Split(prefix, "/") {
			root = filepath.Dir(root)
		}
	}
	return root, nil
}

// gitOutput runs git in dir with extra environment variables and returns its
// standard output; an error quotes git's first line of complaint.
func gitOutput(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				return nil, &signaledError{cmd: args[0], sig: ws.Signal()}
			}
		}
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// stagedGoFiles returns the absolute names of the files added, copied,
// modified or renamed in the index, as the hook's file list when none is
// given.
func (s *stagedTree) stagedGoFiles() ([]string, error) {
	out, err := gitOutput(s.root, nil, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR")
	if err != nil {
		return nil, err
	}
	var files []string
	for _, name := range strings.Split(string(out), "\x00") {
		if strings.HasSuffix(name, ".go") {
			files = append(files, filepath.Join(s.root, filepath.FromSlash(name)))
		}
	}
	return files, nil
}

// toTmp maps an absolute path in the repository to the checkout; ok is
// false for a path outside the repository.
func (s *stagedTree) toTmp(abs string) (string, bool) {
	rel, ok := s.rel(abs)
	if !ok {
		return "", false
	}
	return filepath.Join(s.tmp, rel), true
}

// rel returns abs relative to the repository's top directory, however
// either is spelled (symbolic links); ok is false outside the repository.
func (s *stagedTree) rel(abs string) (string, bool) {
	inside := func(rel string, err error) bool {
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
	}
	if rel, err := filepath.Rel(s.root, abs); inside(rel, err) {
		return rel, true
	}
	if rel, err := filepath.Rel(s.rootReal, abs); inside(rel, err) {
		return rel, true
	}
	return "", false
}

// toRepo rewrites every path of the checkout in text to the repository's.
func (s *stagedTree) toRepo(text string) string {
	return strings.ReplaceAll(text, s.tmp, s.root)
}

// remove deletes the checkout; it is safe to call more than once and from
// the signal handler.
func (s *stagedTree) remove() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.removed = true
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
}

// removeOnSignal removes the checkout if the process is interrupted
// (SIGINT, SIGTERM) before stop is called, then exits as the signal would
// (128+n). stop restores the default handling.
func (s *stagedTree) removeOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			s.remove()
			code := 130
			if n, ok := sig.(syscall.Signal); ok {
				code = 128 + int(n)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// goEnv returns the environment overrides under which the go command
// type-checks the checkout as it does the repository (the workspace, see
// workspace), and a note when it cannot. GOFLAGS gains -trimpath: build
// cache keys then do not hold the checkout's directory, which is new on
// every run, so that a second commit reuses what the first compiled.
func (s *stagedTree) goEnv(wd string) (env []string, note string, err error) {
	cmd := exec.Command(goBinary(), "env", "GOWORK", "GOFLAGS")
	cmd.Dir = wd
	out, err := cmd.Output()
	if err != nil {
		return nil, "", fmt.Errorf("go env: %v", err)
	}
	work, flags, _ := strings.Cut(string(out), "\n") // one line each, the first empty without a go.work
	workEnv, note, err := s.workspace(strings.TrimSpace(work))
	if err != nil {
		return nil, "", err
	}
	flags = strings.TrimSpace(flags)
	if !slices.Contains(strings.Fields(flags), "-trimpath") {
		flags = strings.TrimSpace(flags + " -trimpath")
	}
	return []string{workEnv, "GOFLAGS=" + flags}, note, nil
}

// workspace returns the GOWORK setting for the checkout given the work
// tree's go.work file (work, "" or "off" for none): a go.work inside the
// repository is used from the checkout (copied from the work tree when it
// is not tracked, since a workspace file is usually local), one outside it
// is not used, which the note says.
func (s *stagedTree) workspace(work string) (env, note string, err error) {
	if work == "" || work == "off" {
		return "GOWORK=off", "", nil
	}
	tmpWork, ok := s.toTmp(work)
	if !ok {
		return "GOWORK=off", fmt.Sprintf("note: %s is outside the repository: the staged checkout is type-checked without it", work), nil
	}
	for _, name := range []string{work, work + ".sum"} {
		to, _ := s.toTmp(name)
		if _, err := os.Stat(to); !errors.Is(err, os.ErrNotExist) {
			continue // tracked: the staged version is there
		}
		data, err := os.ReadFile(name)
		if errors.Is(err, os.ErrNotExist) {
			continue // no go.work.sum yet: nothing to copy
		}
		if err != nil {
			return "", "", err // else GOWORK would name a file the checkout lacks
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			return "", "", err
		}
	}
	return "GOWORK=" + tmpWork, "", nil
}

// goBinary is the go command packages.Load runs.
func goBinary() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

// lintView narrows and rewrites a lint run over a staged checkout: only the
// findings in the files of only are reported, every path is the
// repository's, and output is relative to the command's directory.
type lintView struct {
	tree *stagedTree
	wd   string          // the command's directory
	only map[string]bool // checkout file names whose findings are reported; nil: all
	env  []string        // for the go command (GOWORK)
}

// apply drops the findings outside v.only and maps the checkout's paths in
// res back to the repository's.
func (v *lintView) apply(res *result) {
	kept := res.diags[:0]
	for _, d := range res.diags {
		if v.only != nil && !v.only[d.f.Filename] {
			continue
		}
		d.f.Filename = v.tree.toRepo(d.f.Filename)
		for i := range d.f.SuggestedFixes {
			for j := range d.f.SuggestedFixes[i].Edits {
				e := &d.f.SuggestedFixes[i].Edits[j]
				e.Filename = v.tree.toRepo(e.Filename)
			}
		}
		for j := range d.edits {
			d.edits[j].Filename = v.tree.toRepo(d.edits[j].Filename)
		}
		kept = append(kept, d)
	}
	res.diags = kept
	res.wd = v.wd
	for i := range res.errs {
		res.errs[i].Err = v.tree.toRepo(res.errs[i].Err)
	}
	if res.files != nil {
		// SARIF's UTF-16 columns read the staged content, not the work tree's.
		m := map[string][]byte{}
		for name, data := range res.files.m {
			m[v.tree.toRepo(name)] = data
		}
		res.files.m = m
	}
}

// lintStaged is kvlint scan -go-packages -staged (the kvlint pre-commit
// hook): it lints a checkout of the git index, so that what is linted is
// what is being committed, and reports the findings in the named .go files
// (by default the staged ones; every file of their packages with
// -whole-packages) at their paths in the repository.
func lintStaged(o *scanFlags, wd string, files []string, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		var sig *signaledError
		if errors.As(err, &sig) {
			// interrupted: the deferred remove drops the checkout
			return cmdError(stderr, "scan", sig.exitCode(), err)
		}
		return cmdError(stderr, "scan", ExitError, err)
	}
	tree := &stagedTree{}
	defer tree.removeOnSignal()()
	defer tree.remove()
	if err := tree.findRoot(wd); err != nil {
		return fail(err)
	}
	var err error
	if len(files) == 0 {
		if files, err = tree.stagedGoFiles(); err != nil {
			return fail(err)
		}
	}
	rels := tree.goFiles(wd, files, o.quiet, stderr)
	if len(packagesOf(rels)) == 0 {
		return ExitClean // no Go package to lint: no checkout
	}
	if err := tree.checkout(); err != nil {
		return fail(err)
	}
	view := &lintView{tree: tree, wd: wd}
	env, note, err := tree.goEnv(wd)
	if err != nil {
		return fail(err)
	}
	view.env = env
	if note != "" && !o.quiet {
		fmt.Fprintf(stderr, "kvlint scan: %s\n", note)
	}
	rels, only := tree.inIndex(rels, o.quiet, stderr)
	if !o.wholePkgs {
		view.only = only
	}
	var pkgs []string
	for _, p := range packagesOf(rels) {
		pkgs = append(pkgs, filepath.Join(tree.tmp, p))
	}
	tree.linkVendor(pkgs)
	return lintPackagesOf(pkgs, tree.config(joinDir(wd, o.config)), o.lintArgs(), view, stdout, stderr)
}

// goFiles returns the .go files among files (relative to wd), relative to
// the repository's top directory; a file outside the repository is noted
// and left out.
func (s *stagedTree) goFiles(wd string, files []string, quiet bool, stderr io.Writer) []string {
	var rels []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") {
			continue
		}
		rel, ok := s.rel(joinDir(wd, f))
		if !ok {
			if !quiet {
				fmt.Fprintf(stderr, "kvlint scan: note: %s is outside the repository: not linted\n", f)
			}
			continue
		}
		rels = append(rels, rel)
	}
	return rels
}

// inIndex returns the files of rels that the checkout holds, and the set of
// their names in it. A file that is not in the index is noted and left
// out: nothing of it is being committed.
func (s *stagedTree) inIndex(rels []string, quiet bool, stderr io.Writer) ([]string, map[string]bool) {
	var kept []string
	only := map[string]bool{}
	for _, rel := range rels {
		name := filepath.Join(s.tmp, rel)
		if _, err := os.Lstat(name); err != nil {
			if !quiet {
				fmt.Fprintf(stderr, "kvlint scan: note: %s is not in the git index: not linted\n", rel)
			}
			continue
		}
		kept = append(kept, rel)
		only[name] = true
	}
	return kept, only
}

// config maps a -config file inside the repository to its staged version
// when the index holds it; "" stays "".
func (s *stagedTree) config(path string) string {
	if path == "" {
		return ""
	}
	if t, ok := s.toTmp(path); ok {
		if _, err := os.Stat(t); err == nil {
			return t
		}
	}
	return path
}

// linkVendor gives each module of pkgs (directories in the checkout) the
// work tree's vendor directory when the index has none (vendor/ is often
// not committed), as a symbolic link, so that the checkout type-checks
// against the dependencies the repository does. Removing the checkout
// removes the link, not the directory.
func (s *stagedTree) linkVendor(pkgs []string) {
	cache := map[string]string{}
	done := map[string]bool{}
	for _, p := range pkgs {
		root := modRoot(p, cache)
		if root == "" || done[root] {
			continue
		}
		done[root] = true
		vendor := filepath.Join(root, "vendor")
		if _, err := os.Lstat(vendor); err == nil {
			continue // committed: the staged one applies
		}
		rel, err := filepath.Rel(s.tmp, vendor)
		if err != nil {
			continue
		}
		real := filepath.Join(s.root, rel)
		if _, err := os.Stat(filepath.Join(real, "modules.txt")); err == nil {
			os.Symlink(real, vendor) // on failure the module cache applies, as go would say
		}
	}
}
