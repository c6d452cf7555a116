package fixcheck

import (
	"fmt"
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// breaker offers a fix that cannot compile: it renames every os.Setenv call.
var breaker = &analysis.Analyzer{
	Name: "breaker",
	Doc:  "test analyzer whose fixes break the build",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Setenv" {
					pass.Report(analysis.Diagnostic{Pos: sel.Pos(), Message: "x", SuggestedFixes: []analysis.SuggestedFix{{
						Message:   "break",
						TextEdits: []analysis.TextEdit{{Pos: sel.Pos(), End: sel.End(), NewText: []byte("undefinedFunc")}},
					}}})
				}
				return true
			})
		}
		return nil, nil
	},
}

// recorder stops at the first fatal error, as testing.T does.
type recorder struct {
	*testing.T
	fatal string
}

func (r *recorder) Fatal(args ...any) { r.fatal = fmt.Sprint(args...); panic(r) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatal = fmt.Sprintf(format, args...)
	panic(r)
}

func TestRunCatchesBrokenFix(t *testing.T) {
	r := &recorder{T: t}
	func() {
		defer func() {
			if p := recover(); p != nil && p != any(r) {
				panic(p)
			}
		}()
		Run(r, TestDataAt(t, "..", "..", "..", "..", "testdata"), breaker, "clientsecretauth")
	}()
	if !strings.Contains(r.fatal, "do not build") || !strings.Contains(r.fatal, "undefinedFunc") {
		t.Errorf("Run did not report the broken build; got %q", r.fatal)
	}
}

func TestApplyRejectsOverlap(t *testing.T) {
	if _, err := apply([]byte("abcdef"), []edit{{1, 3, nil}, {2, 4, nil}}); err == nil {
		t.Error("overlapping edits were accepted")
	}
	got, err := apply([]byte("abcdef"), []edit{{4, 5, []byte("E")}, {0, 1, []byte("A")}})
	if err != nil || string(got) != "AbcdEf" {
		t.Errorf("apply = %q, %v; want AbcdEf", got, err)
	}
}
