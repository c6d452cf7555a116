package scan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// walkDir emits the files below the directory abs that a scan looks at.
// Inside a git work tree git says which they are (gitFiles), so that
// .git/info/exclude, core.excludesFile and every gitignore rule git knows
// apply; outside one, walkTree reads the .gitignore files itself.
func walkDir(abs string, emit func(string)) error {
	rels, ok := gitFiles(abs)
	if !ok {
		return walkTree(abs, outerGitignores(abs), emit)
	}
	var errs []error
	for _, rel := range rels {
		if underSkipDir(rel) {
			continue
		}
		name := filepath.Join(abs, filepath.FromSlash(strings.TrimSuffix(rel, "/")))
		fi, err := os.Lstat(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// Deleted from the work tree but still in the index: nothing to read.
		case err != nil:
			errs = append(errs, fmt.Errorf("scan: %w", err))
		case fi.Mode().IsRegular():
			emit(name)
		case fi.IsDir():
			// A submodule (a gitlink in the index) or a repository nested
			// in the work tree (listed as "dir/"): git lists its files
			// itself. One not checked out has no .git and nothing to scan.
			if _, err := os.Lstat(filepath.Join(name, ".git")); err == nil {
				errs = append(errs, walkDir(name, emit))
			}
		}
		// Symbolic links are not followed, as in walkTree.
	}
	return errors.Join(errs...)
}

// gitFiles lists the files below dir as git sees them: tracked ones (in the
// index) and untracked ones that no exclude rule hides, as slash paths
// relative to dir in the order walkTree visits them. ok is false when dir is
// not in a git work tree or git cannot be run; then the caller walks the
// directory itself. -z keeps names with spaces, quotes or newlines intact.
func gitFiles(dir string) (rels []string, ok bool) {
	out, err := git(dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
	if err != nil {
		return nil, false
	}
	for rel := range bytes.SplitSeq(out, []byte{0}) {
		if len(rel) > 0 {
			rels = append(rels, string(rel))
		}
	}
	// Walk order: by path segment, so "a/x" comes before "a.go". An
	// unmerged file is listed once a stage: keep one.
	slices.SortFunc(rels, func(a, b string) int {
		return strings.Compare(strings.ReplaceAll(a, "/", "\x00"), strings.ReplaceAll(b, "/", "\x00"))
	})
	return slices.Compact(rels), true
}

// underSkipDir reports whether a directory of the slash path rel is one that
// scans never walk into (skipDirs), tracked or not.
func underSkipDir(rel string) bool {
	dirs := strings.Split(strings.TrimSuffix(rel, "/"), "/")
	for _, d := range dirs[:len(dirs)-1] {
		if skipDirs[d] {
			return true
		}
	}
	return false
}
