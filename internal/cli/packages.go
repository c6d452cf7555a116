package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// packagesOf maps file names to the package patterns that hold them, for the
// `kvlint` pre-commit hook: pre-commit passes the staged files, kvlint lints
// their packages with the full type-aware analyzers. Only .go files count;
// files in directories the go command ignores (testdata, vendor, names
// starting with "." or "_") are dropped. Relative names give "./dir"
// patterns ("." for the current directory), absolute names give absolute
// directories. The result is sorted and has no duplicates.
func packagesOf(files []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") {
			continue
		}
		dir := filepath.Dir(filepath.Clean(f))
		if ignoredByGo(dir) {
			continue
		}
		pat := dir
		if !filepath.IsAbs(dir) {
			if dir == ".." || strings.HasPrefix(dir, ".."+string(filepath.Separator)) {
				pat = dir
			} else if dir != "." {
				pat = "." + string(filepath.Separator) + dir
			}
		}
		if !seen[pat] {
			seen[pat] = true
			out = append(out, pat)
		}
	}
	slices.Sort(out)
	return out
}

// ignoredByGo reports whether the go command skips packages in dir.
func ignoredByGo(dir string) bool {
	for _, elem := range strings.Split(filepath.ToSlash(dir), "/") {
		if elem == "testdata" || elem == "vendor" || (len(elem) > 0 && elem != "." && elem != ".." && (elem[0] == '.' || elem[0] == '_')) {
			return true
		}
	}
	return false
}

// modGroup is package patterns relative to the root of the module (dir)
// that holds them; dir "" is the working directory (no go.mod found).
type modGroup struct {
	dir  string
	pkgs []string
}

// moduleGroups splits package patterns relative to the working directory by
// the Go module that holds them, rewriting them relative to its root.
func moduleGroups(pkgs []string) []modGroup {
	byRoot := map[string][]string{}
	var roots []string
	cache := map[string]string{}
	for _, p := range pkgs {
		abs, err := filepath.Abs(p)
		root := ""
		if err == nil {
			root = modRoot(abs, cache)
		}
		pat := p
		if root != "" {
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				root = ""
			} else if rel == "." {
				pat = "."
			} else {
				pat = "." + string(filepath.Separator) + rel
			}
		}
		if _, ok := byRoot[root]; !ok {
			roots = append(roots, root)
		}
		byRoot[root] = append(byRoot[root], pat)
	}
	slices.Sort(roots)
	var out []modGroup
	for _, r := range roots {
		out = append(out, modGroup{r, byRoot[r]})
	}
	return out
}

// modRoot returns the directory of the nearest go.mod at or above dir, or "".
func modRoot(dir string, cache map[string]string) string {
	if r, ok := cache[dir]; ok {
		return r
	}
	r := ""
	if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
		r = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		r = modRoot(parent, cache)
	}
	cache[dir] = r
	return r
}
