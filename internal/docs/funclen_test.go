package docs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// maxFuncLines is the most lines a non-test function may take after the
// line of its func keyword (its body, closing brace included): past it, a
// function is split into named phases (STYLE.md, "Functions read as phases").
const maxFuncLines = 80

// longFuncAllowed names the functions that may stay longer than
// maxFuncLines, as path.Match patterns over "file.go Func" (Recv.Func for
// a method), each with the reason. The list is meant to shrink: once a
// function is split, its entry goes and the test keeps it split.
var longFuncAllowed = map[string]string{
	// Rule tables: data lists, one entry a rule with its samples;
	// splitting them would only scatter the table.
	"detect/rules_*.go *Rules":                  "rule table",
	"detect/rules_generic.go init":              "rule table (the generic rule's samples)",
	"detect/azure_families.go azureFamilyRules": "rule table",
}

// allowedLong is the longFuncAllowed pattern that matches key, or "".
func allowedLong(key string) string {
	for pat := range longFuncAllowed {
		if ok, _ := path.Match(pat, key); ok {
			return pat
		}
	}
	return ""
}

// longFunc is one function longer than maxFuncLines.
type longFunc struct {
	key   string // "path/file.go Func" (Recv.Func for methods)
	lines int
}

// longFuncs lists the non-test functions under root, outside testdata,
// longer than maxFuncLines.
func longFuncs(t *testing.T, root string) []longFunc {
	t.Helper()
	var out []longFunc
	skip := func(_, name string) bool {
		return name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".")
	}
	err := walkGoFiles(root, skip, parser.SkipObjectResolution, func(fset *token.FileSet, rel string, f *ast.File) {
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			n := fset.Position(fn.End()).Line - fset.Position(fn.Pos()).Line
			if n > maxFuncLines {
				out = append(out, longFunc{rel + " " + funcName(fn), n})
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// funcName is fn's name, with its receiver's type for a method (T.M).
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	if recv := receiverName(fn.Recv.List[0].Type); recv != "" {
		return recv + "." + fn.Name.Name
	}
	return fn.Name.Name
}

// TestFunctionLength fails for a non-test function longer than
// maxFuncLines that longFuncAllowed does not name, and for an allow-list
// entry that matches nothing any more (the function was split: remove the
// entry, so the list only shrinks).
func TestFunctionLength(t *testing.T) {
	root := filepath.Join("..", "..")
	used := map[string]bool{}
	for _, f := range longFuncs(t, root) {
		pat := allowedLong(f.key)
		if pat == "" {
			t.Errorf("%s is %d lines, over %d: split it into named phases", f.key, f.lines, maxFuncLines)
			continue
		}
		used[pat] = true
	}
	for pat, why := range longFuncAllowed {
		if !used[pat] {
			t.Errorf("%s (allowed: %s) is no longer over %d lines: remove it from longFuncAllowed", pat, why, maxFuncLines)
		}
	}
}
