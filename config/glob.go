package config

import (
	"path"
	"strings"

	"github.com/kvlint/kvlint/internal/glob"
)

// checkGlob reports whether pattern is a valid allow.paths glob.
func checkGlob(pattern string) error {
	for _, seg := range strings.Split(normGlob(pattern), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

// normGlob normalises a glob: "./" prefixes go, "dir/" means "dir/**", and a
// pattern without a slash matches a file name in any directory ("**/name").
func normGlob(pattern string) string {
	p := strings.TrimSpace(pattern)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	p = strings.TrimPrefix(p, "/")
	if strings.HasSuffix(p, "/") {
		p += "**"
	}
	if !strings.Contains(p, "/") {
		p = "**/" + p
	}
	return p
}

// matchGlob matches a slash-separated relative name against a normalised
// glob with glob.Match, "**" standing for any number of path segments.
func matchGlob(pattern, name string) bool {
	return glob.Match(strings.Split(pattern, "/"), nil, name)
}
