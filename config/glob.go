package config

import (
	"path"
	"strings"
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
// glob in which "**" matches any number of path segments (including none).
func matchGlob(pattern, name string) bool {
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			// Collapse runs of ** and try every split point.
			for len(pat) > 0 && pat[0] == "**" {
				pat = pat[1:]
			}
			if len(pat) == 0 {
				return true
			}
			for i := range name {
				if matchSegs(pat, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, err := path.Match(pat[0], name[0]); err != nil || !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
