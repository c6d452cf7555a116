package scan

import (
	"path/filepath"
	"slices"
	"strings"
)

// PackagesOf maps file names to the package patterns that hold them, for the
// `kvlint` pre-commit hook: pre-commit passes the staged files, kvlint lints
// their packages with the full type-aware analyzers. Only .go files count;
// files in directories the go command ignores (testdata, vendor, names
// starting with "." or "_") are dropped. Relative names give "./dir"
// patterns ("." for the current directory), absolute names give absolute
// directories. The result is sorted and has no duplicates.
func PackagesOf(files []string) []string {
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
