// Package lint holds what every kvlint analyzer shares: the suppression
// directive index (one parse per package, reused by all analyzers), reporting
// through it, and access to the configuration that applies to a package.
package lint

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/suppress"
)

// Directives is an analyzer whose result is the package's *Index of
// //kvlint:ignore directives. Every rule analyzer Requires it and reports
// through Report, so suppressions work under every driver (kvlint, go vet,
// golangci-lint, nogo).
var Directives = &analysis.Analyzer{
	Name:       "kvlintdirectives",
	Doc:        "collects //kvlint:ignore directives for the other kvlint analyzers",
	Run:        runDirectives,
	ResultType: reflect.TypeOf((*Index)(nil)),
	// It reads only comments, so it runs on packages that do not type-check,
	// as analyzers that Require it and set RunDespiteErrors need.
	RunDespiteErrors: true,
}

// Directive is one parsed suppression directive in a Go file.
type Directive struct {
	Pos       token.Pos   // start of the comment
	End       token.Pos   // end of the comment
	File      *token.File // the file the comment is in
	Line      int         // line of the comment
	FileWide  bool        // a file-ignore directive: covers the whole file
	Trailing  bool        // code precedes the comment on its line
	Rules     []string    // rule IDs or names it covers
	Reason    string      // the text after the rule list; required, or the directive is malformed
	Malformed string      // why it is malformed (e.g. "a reason is required"); such a directive suppresses nothing

	mu       sync.Mutex
	used     bool
	usedRule []bool // parallel to Rules
}

// Used reports whether the directive suppressed at least one diagnostic.
func (d *Directive) Used() bool { d.mu.Lock(); defer d.mu.Unlock(); return d.used }

// Unused returns the rules of a used directive that suppressed nothing
// (KV124 in "kvlint:ignore KV101,KV124 r" when only KV101 was reported
// there). For a directive that suppressed nothing at all it returns every rule.
func (d *Directive) Unused() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for i, r := range d.Rules {
		if i >= len(d.usedRule) || !d.usedRule[i] {
			out = append(out, r)
		}
	}
	return out
}

// mark records that rule i of d suppressed a diagnostic.
func (d *Directive) mark(i int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.used = true
	if d.usedRule == nil {
		d.usedRule = make([]bool, len(d.Rules))
	}
	d.usedRule[i] = true
}

// Covers reports whether d applies to a diagnostic on line: a file-wide
// directive covers every line; a line directive covers its own line, and,
// when it is alone on its line (not trailing code), the line after it.
func (d *Directive) Covers(line int) bool {
	return d.FileWide || line == d.Line || !d.Trailing && line == d.Line+1
}

// covers returns the index in d.Rules of the rule that makes d suppress a
// diagnostic of rule id/name on line of tf, or -1.
func (d *Directive) covers(tf *token.File, line int, id, name string) int {
	if d.Malformed != "" || d.File != tf || !d.Covers(line) {
		return -1
	}
	for i, r := range d.Rules {
		if (suppress.Directive{Rules: []string{r}}).Covers(id, name) {
			return i
		}
	}
	return -1
}

// Index is the set of directives of one package.
type Index struct {
	All []*Directive // every directive of the package's files, in file order

	mu         sync.Mutex
	suppressed int // diagnostics suppressed, for the driver's summary
}

// SuppressedCount is the number of diagnostics the package's directives
// suppressed.
func (ix *Index) SuppressedCount() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.suppressed
}

func runDirectives(pass *analysis.Pass) (any, error) {
	ix := &Index{}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			continue
		}
		var code map[int]token.Pos // line -> first code position on it, computed on demand
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text, ok := commentText(c.Text)
				if !ok {
					continue
				}
				sd, ok := suppress.Parse(text)
				if !ok {
					continue
				}
				if code == nil {
					code = codeLines(tf, f)
				}
				line := tf.Line(c.Slash)
				first, ok := code[line]
				ix.All = append(ix.All, &Directive{
					Pos:       c.Slash,
					End:       c.End(),
					File:      tf,
					Line:      line,
					Trailing:  ok && first < c.Slash,
					FileWide:  sd.FileWide,
					Rules:     sd.Rules,
					Reason:    sd.Reason,
					Malformed: sd.Malformed,
				})
			}
		}
	}
	return ix, nil
}

// codeLines maps each line of f that holds code to the first position of
// code on it (comments are not code).
func codeLines(tf *token.File, f *ast.File) map[int]token.Pos {
	m := map[int]token.Pos{}
	note := func(p token.Pos) {
		if !p.IsValid() || int(p) < tf.Base() || int(p) > tf.Base()+tf.Size() {
			return
		}
		l := tf.Line(p)
		if q, ok := m[l]; !ok || p < q {
			m[l] = p
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil:
			return false
		case *ast.Comment, *ast.CommentGroup:
			return false
		}
		note(n.Pos())
		note(n.End() - 1) // the last character: a closing ) or } on its own line
		return true
	})
	return m
}

// commentText strips Go comment markers; a block comment counts only if the
// directive is on its first line.
func commentText(c string) (string, bool) {
	if s, ok := strings.CutPrefix(c, "//"); ok {
		// A tab-indented line is a code block of a doc comment (gofmt's
		// form): an example of a directive, not a directive.
		if strings.HasPrefix(s, "\t") {
			return "", false
		}
		return s, strings.Contains(s, suppress.Prefix)
	}
	if s, ok := strings.CutPrefix(c, "/*"); ok {
		s = strings.TrimSuffix(s, "*/")
		return s, strings.Contains(s, suppress.Prefix)
	}
	return "", false
}

// Suppressed reports whether a diagnostic of rule id (and name) at pos is
// covered by a well-formed directive, marking that directive used. Every
// covering directive is marked, so that none of them is reported as unused.
func (ix *Index) Suppressed(fset *token.FileSet, pos token.Pos, id, name string) bool {
	if ix == nil || len(ix.All) == 0 || !pos.IsValid() {
		return false
	}
	tf := fset.File(pos)
	if tf == nil {
		return false
	}
	line := tf.Line(pos)
	suppressed := false
	for _, d := range ix.All {
		if i := d.covers(tf, line, id, name); i >= 0 {
			d.mark(i)
			suppressed = true
		}
	}
	if suppressed {
		ix.mu.Lock()
		ix.suppressed++
		ix.mu.Unlock()
	}
	return suppressed
}

// Report reports d unless a directive suppresses it. d.Category must be the
// rule ID; name is the rule's kebab-case name (directives may use either).
// The calling analyzer must Require Directives.
func Report(pass *analysis.Pass, d analysis.Diagnostic, name string) {
	if ix, ok := pass.ResultOf[Directives].(*Index); ok && ix.Suppressed(pass.Fset, d.Pos, d.Category, name) {
		return
	}
	pass.Report(d)
}

// Config returns the configuration that applies to the package: the one for
// the directory of its first Go file. A package without files, or a nil src,
// gets the defaults.
func Config(pass *analysis.Pass, src *config.Source) (*config.Loaded, error) {
	if src == nil {
		return config.Defaults(), nil
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil || !strings.HasSuffix(tf.Name(), ".go") {
			continue
		}
		return src.ForDir(filepath.Dir(tf.Name()))
	}
	return config.Defaults(), nil
}

// IsGenerated reports whether file carries the standard "Code generated ...
// DO NOT EDIT." comment.
func IsGenerated(file *ast.File) bool { return ast.IsGenerated(file) }

// IsTestFile reports whether file is a _test.go file.
//
// Files under a testdata directory are deliberately not test files here:
// the go tool never builds them as part of a package, so a Go file under
// testdata is only analyzed when someone points kvlint at it on purpose (an
// analysistest fixture, a sample module), and then it should be judged
// like production code.
func IsTestFile(fset *token.FileSet, file *ast.File) bool {
	tf := fset.File(file.FileStart)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// Skip reports whether analyzers should skip file under cfg: a generated
// file (unless the configuration includes them) or an allowlisted path. The
// test-file policy is left to the analyzers it concerns.
func Skip(fset *token.FileSet, cfg *config.Loaded, file *ast.File) bool {
	if IsGenerated(file) && (cfg == nil || !cfg.File.Generated) {
		return true
	}
	tf := fset.File(file.FileStart)
	return tf != nil && cfg.PathAllowed(tf.Name())
}
