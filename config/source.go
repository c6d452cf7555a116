package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/kvlint/kvlint/rules"
)

// Loaded is a parsed, validated configuration, ready to use. A nil *Loaded
// behaves as the defaults.
type Loaded struct {
	File File   // the configuration as decoded
	Path string // the file it came from; "" for defaults
	Dir  string // directory that allow.paths are relative to

	table      ruleTable                 // every rule reference (ID and name, lowercase) this configuration knows
	custom     []CheckedRule             // custom-rules, checked
	enableIDs  []string                  // rule IDs rules.enable names, in its order
	disableIDs []string                  // rule IDs rules.disable names, in its order
	enable     map[string]bool           // lowercase IDs and names of rules.enable
	disable    map[string]bool           // lowercase IDs and names of rules.disable
	severity   map[string]rules.Severity // lowercase ID -> overriding severity
	paths      []string                  // normalised allow.paths globs
}

// Enabled reports whether analyzer name is on (analyzers are on unless turned off).
func (l *Loaded) Enabled(analyzer string) bool {
	if l == nil {
		return true
	}
	for k, on := range l.File.Analyzers {
		if strings.EqualFold(k, analyzer) {
			return on
		}
	}
	return true
}

// RuleEnabled reports whether the rule with this ID and name is on. A rule is
// off when rules.disable names it (by ID or name, in any case), or when
// rules.enable is not empty and does not name it: enable is an allowlist.
func (l *Loaded) RuleEnabled(id, name string) bool {
	if l == nil {
		return true
	}
	id, name = strings.ToLower(id), strings.ToLower(name)
	if l.disable[id] || name != "" && l.disable[name] {
		return false
	}
	if len(l.File.Rules.Enable) > 0 {
		return l.enable[id] || name != "" && l.enable[name]
	}
	return true
}

// Severity returns the configured severity of rule id (an ID or a name), or
// def when the configuration does not override it.
func (l *Loaded) Severity(id string, def rules.Severity) rules.Severity {
	if l == nil || len(l.severity) == 0 {
		return def
	}
	if s, ok := l.severity[strings.ToLower(id)]; ok {
		return s
	}
	if info, ok := l.Rule(id); ok {
		if s, ok := l.severity[strings.ToLower(info.ID)]; ok {
			return s
		}
	}
	return def
}

// Rule resolves a rule reference (an ID such as "KV101" or a name such as
// "github-token", in any case) among the built-in rules, every analyzer's
// rules and this configuration's custom rules.
func (l *Loaded) Rule(ref string) (rules.Info, bool) {
	if l == nil || l.table == nil {
		return KnownRule(ref)
	}
	return l.table.lookup(ref)
}

// The test-file policies of the tests key.
const (
	TestsFixtures = "fixtures" // the default: test files are scanned, low-entropy generic values there are fixtures
	TestsScan     = "scan"     // test files are judged like any other
	TestsSkip     = "skip"     // nothing is reported in test files
)

// TestPolicy returns the test-file policy: TestsFixtures when not set,
// else TestsScan or TestsSkip.
func (l *Loaded) TestPolicy() string {
	if l == nil || l.File.Tests == "" {
		return TestsFixtures
	}
	return l.File.Tests
}

// CheckedRule is a custom rule of the configuration after its checks: its
// metadata and what the detection engine needs to run it.
type CheckedRule struct {
	Info        rules.Info // the rule's ID, name, severity and docs as configured
	Keywords    []string   // lowercase; one must occur before the regex runs
	Regex       string     // compiles, and does not match the empty string
	SecretGroup int        // index of the regex's "secret" group, 0 for the whole match
	Entropy     float64    // minimum entropy in bits per byte, 0 for none
}

// CustomRules returns the configuration's custom rules, checked.
func (l *Loaded) CustomRules() []CheckedRule {
	if l == nil {
		return nil
	}
	return l.custom
}

// RuleIDs returns the IDs of the rules that rules.enable and rules.disable
// name, resolved from IDs or names, in the file's order.
func (l *Loaded) RuleIDs() (enable, disable []string) {
	if l == nil {
		return nil, nil
	}
	return l.enableIDs, l.disableIDs
}

// PathAllowed reports whether filename is allowlisted by allow.paths, so that
// nothing in it is reported. filename should be absolute; it is matched
// relative to Dir, with '/' separators. A pattern without a slash matches a
// file name in any directory, "dir/" matches everything below dir, and "**"
// matches any number of directories.
func (l *Loaded) PathAllowed(filename string) bool {
	if l == nil || len(l.paths) == 0 || filename == "" {
		return false
	}
	rel := filepath.Clean(filename)
	if l.Dir != "" {
		if !filepath.IsAbs(rel) {
			if abs, err := filepath.Abs(rel); err == nil {
				rel = abs
			}
		}
		r, err := filepath.Rel(l.Dir, rel)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return false // outside the configuration's tree
		}
		rel = r
	}
	rel = strings.TrimPrefix(filepath.ToSlash(rel), "/")
	for _, p := range l.paths {
		if matchGlob(p, rel) {
			return true
		}
	}
	return false
}

// Source finds the configuration that applies to a package. The zero Source
// discovers .kvlint.yaml by walking up from each package directory; Path names
// one file for all; Fixed supplies an already loaded configuration (the
// golangci-lint plugin). A Source caches what it loads and is safe for
// concurrent use. A nil *Source gives the defaults.
//
// Discovery looks for .kvlint.yaml in the directory and then in each parent,
// and stops at the first one found. It does not go above a directory that
// holds .git (the repository root), so a configuration outside the checkout
// never applies; it walks past go.mod, so one file at the repository root
// covers every module in it. With no file found, the defaults apply.
type Source struct {
	Path  string  // one configuration file for every package, if set
	Fixed *Loaded // a configuration already loaded, used as is, if set
	// Root, when set, is a directory discovery does not go above, as if it
	// held .git: the root of a temporary checkout of a repository's index.
	Root string

	mu    sync.Mutex
	cache map[string]*Loaded
	errs  map[string]error
}

// ForDir returns the configuration that applies to the package in dir.
func (s *Source) ForDir(dir string) (*Loaded, error) {
	if s == nil {
		return Defaults(), nil
	}
	if s.Fixed != nil {
		return s.Fixed, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil {
		s.cache = map[string]*Loaded{}
		s.errs = map[string]error{}
	}
	if s.Path != "" {
		return s.loadLocked(s.Path)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var visited []string
	var (
		l    *Loaded
		lerr error
	)
	for d := abs; ; {
		if c, ok := s.cache["dir:"+d]; ok {
			l, lerr = c, s.errs["dir:"+d]
			break
		}
		visited = append(visited, d)
		p := filepath.Join(d, FileName)
		if _, err := os.Stat(p); err == nil || !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
			l, lerr = s.loadLocked(p)
			break
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil || (s.Root != "" && d == s.Root) {
			l = Defaults()
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			l = Defaults()
			break
		}
		d = parent
	}
	for _, d := range visited {
		s.cache["dir:"+d] = l
		if lerr != nil {
			s.errs["dir:"+d] = lerr
		}
	}
	return l, lerr
}

// loadLocked loads the file at path once; s.mu is held.
func (s *Source) loadLocked(path string) (*Loaded, error) {
	key := "file:" + path
	if l, ok := s.cache[key]; ok {
		return l, s.errs[key]
	}
	l, err := Load(path)
	s.cache[key] = l
	if err != nil {
		s.errs[key] = err
	}
	return l, err
}
