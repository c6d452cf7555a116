package scan

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// gitRoot returns the top directory of the work tree that holds dir.
func gitRoot(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return filepath.Clean(strings.TrimSpace(string(out))), nil
}

// git runs a git command in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-c", "core.quotePath=false"}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out, nil
}

// AddedLines returns the lines that a change adds, by absolute file name:
// with rev == "" the lines staged in the index (git diff --cached), else the
// lines of the work tree added since rev (git diff rev). dir is a directory
// in the work tree.
func AddedLines(dir, rev string) (map[string]LineSet, string, error) {
	root, err := gitRoot(dir)
	if err != nil {
		return nil, "", err
	}
	args := []string{"diff", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/", "-U0", "--diff-filter=AM"}
	if rev == "" {
		args = append(args, "--cached")
	} else {
		if strings.HasPrefix(rev, "-") {
			return nil, "", fmt.Errorf("--diff %q: a revision cannot start with '-'", rev)
		}
		args = append(args, rev, "--")
	}
	out, err := git(root, args...)
	if err != nil {
		return nil, "", err
	}
	added, err := parseDiff(out, root)
	return added, root, err
}

// parseDiff reads a unified diff with zero context lines and returns the
// added line numbers of each new file, by absolute name under root.
func parseDiff(diff []byte, root string) (map[string]LineSet, error) {
	added := map[string]LineSet{}
	var cur LineSet
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil
				continue
			}
			if strings.HasPrefix(name, `"`) {
				uq, err := strconv.Unquote(name)
				if err != nil {
					return nil, fmt.Errorf("git diff: bad file name %s", name)
				}
				name = uq
			}
			name = strings.TrimPrefix(name, "b/")
			abs := filepath.Join(root, filepath.FromSlash(name))
			cur = added[abs]
			if cur == nil {
				cur = LineSet{}
				added[abs] = cur
			}
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			// @@ -a[,b] +c[,d] @@
			f := strings.Fields(line)
			if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
				return nil, fmt.Errorf("git diff: bad hunk header %q", line)
			}
			spec := f[2][1:]
			count := 1
			if i := strings.IndexByte(spec, ','); i >= 0 {
				c, err := strconv.Atoi(spec[i+1:])
				if err != nil {
					return nil, fmt.Errorf("git diff: bad hunk header %q", line)
				}
				count, spec = c, spec[:i]
			}
			start, err := strconv.Atoi(spec)
			if err != nil {
				return nil, fmt.Errorf("git diff: bad hunk header %q", line)
			}
			for l := start; l < start+count; l++ {
				cur[l] = true
			}
		}
	}
	// Files whose only change removes lines add nothing.
	for name, set := range added {
		if len(set) == 0 {
			delete(added, name)
		}
	}
	return added, sc.Err()
}

// StagedReader reads files' staged content (git show :path).
func StagedReader(root string) func(abs string) ([]byte, error) {
	return func(abs string) ([]byte, error) {
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			return nil, err
		}
		return git(root, "show", ":"+filepath.ToSlash(rel))
	}
}
