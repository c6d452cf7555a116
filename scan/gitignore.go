package scan

import (
	"bufio"
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/kvlint/kvlint/internal/glob"
)

// ignorePattern is one line of a .gitignore file.
type ignorePattern struct {
	segs     []string // slash-separated glob segments; "**" matches any number of segments
	lits     []bool   // lits[i]: segs[i] has no glob metacharacters
	suffix   string   // for an unanchored "*.ext": ".ext" (a fast path)
	negate   bool     // !pattern re-includes
	dirOnly  bool     // pattern/ matches directories only
	anchored bool     // the pattern holds a slash: it matches relative to the .gitignore's directory
}

// ignoreFile is the patterns of one .gitignore, with the directory (slash
// path relative to the walk root, "" for the root) they are relative to.
type ignoreFile struct {
	dir      string
	patterns []ignorePattern
}

// parseGitignore parses the common subset of gitignore syntax: comments,
// blank lines, globs (* ? [...]), "**", a leading "/" that anchors, a
// trailing "/" for directories, "!" negation and "\" escapes of a leading
// "#" or "!".
func parseGitignore(data []byte, dir string) *ignoreFile {
	f := &ignoreFile{dir: dir}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		// Trailing spaces are ignored unless escaped.
		for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, `\ `) {
			line = line[:len(line)-1]
		}
		if line == "" || line[0] == '#' {
			continue
		}
		var p ignorePattern
		if line[0] == '!' {
			p.negate = true
			line = line[1:]
		} else if strings.HasPrefix(line, `\#`) || strings.HasPrefix(line, `\!`) {
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			p.dirOnly = true
			line = strings.TrimRight(line, "/")
		}
		if line == "" {
			continue
		}
		if strings.Contains(line, "/") {
			p.anchored = true
			line = strings.TrimPrefix(line, "/")
		}
		p.segs = strings.Split(line, "/")
		p.lits = make([]bool, len(p.segs))
		for i, seg := range p.segs {
			p.lits[i] = glob.Literal(seg)
		}
		if !p.anchored && len(line) > 1 && line[0] == '*' && glob.Literal(line[1:]) {
			p.suffix = line[1:]
		}
		f.patterns = append(f.patterns, p)
	}
	return f
}

// match reports whether rel (slash path relative to the .gitignore's
// directory) matches the pattern.
func (p *ignorePattern) match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		base := rel
		if i := strings.LastIndexByte(rel, '/'); i >= 0 {
			base = rel[i+1:]
		}
		switch {
		case p.lits[0]:
			return base == p.segs[0]
		case p.suffix != "":
			return strings.HasSuffix(base, p.suffix)
		}
		ok, _ := path.Match(p.segs[0], base)
		return ok
	}
	return glob.Match(p.segs, p.lits, rel)
}

// ignoreStack is the .gitignore files that apply at a point of the walk,
// outermost first.
type ignoreStack []*ignoreFile

// ignored reports whether rel (slash path relative to the walk root) is
// excluded. The last matching pattern of the deepest .gitignore decides.
func (s ignoreStack) ignored(rel string, isDir bool) bool {
	for i := len(s) - 1; i >= 0; i-- {
		f := s[i]
		sub := rel
		if f.dir != "" {
			if !strings.HasPrefix(rel, f.dir+"/") {
				continue
			}
			sub = rel[len(f.dir)+1:]
		}
		for j := len(f.patterns) - 1; j >= 0; j-- {
			if f.patterns[j].match(sub, isDir) {
				return !f.patterns[j].negate
			}
		}
	}
	return false
}

// readGitignore loads dir/.gitignore as the patterns of rel, or nil.
func readGitignore(dir, rel string) *ignoreFile {
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil || len(data) == 0 {
		return nil
	}
	f := parseGitignore(data, rel)
	if len(f.patterns) == 0 {
		return nil
	}
	return f
}

// outerGitignores returns the .gitignore files of root's ancestors up to the
// repository root (the first directory holding .git), outermost first,
// rebased so that their patterns apply to paths relative to root.
func outerGitignores(root string) ignoreStack {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(abs, ".git")); err == nil {
		return nil // root is the repository root
	}
	var chain []string // ancestors, innermost first
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		chain = append(chain, dir)
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			return nil // not in a repository: ancestors' .gitignore files do not apply
		}
	}
	var stack ignoreStack
	for i := len(chain) - 1; i >= 0; i-- {
		anc := chain[i]
		f := readGitignore(anc, "")
		if f == nil {
			continue
		}
		// Rebase: a pattern of anc applies to root's paths prefixed with
		// root's path below anc.
		prefix, err := filepath.Rel(anc, abs)
		if err != nil {
			continue
		}
		stack = append(stack, &ignoreFile{dir: "", patterns: rebase(f.patterns, filepath.ToSlash(prefix))})
	}
	return stack
}

// rebase rewrites anchored patterns of an ancestor .gitignore so that they
// match paths relative to a directory prefix below it. Unanchored patterns
// match base names and need no change.
func rebase(ps []ignorePattern, prefix string) []ignorePattern {
	pre := strings.Split(prefix, "/")
	var out []ignorePattern
	for _, p := range ps {
		if !p.anchored {
			out = append(out, p)
			continue
		}
		segs, ok := stripPrefix(p.segs, pre)
		if !ok {
			continue
		}
		q := p
		q.segs = segs
		q.lits = make([]bool, len(segs))
		for i, seg := range segs {
			q.lits[i] = glob.Literal(seg)
		}
		out = append(out, q)
	}
	return out
}

// stripPrefix removes the literal directory prefix from pattern segments,
// keeping patterns that still can match below it.
func stripPrefix(segs, prefix []string) ([]string, bool) {
	for len(prefix) > 0 {
		if len(segs) == 0 {
			return nil, false
		}
		if segs[0] == "**" {
			return segs, true // "**/x" still matches at any depth
		}
		if ok, _ := path.Match(segs[0], prefix[0]); !ok {
			return nil, false
		}
		segs, prefix = segs[1:], prefix[1:]
	}
	if len(segs) == 0 {
		return []string{"**"}, true // the pattern matched root itself or an ancestor: everything below
	}
	return segs, true
}
