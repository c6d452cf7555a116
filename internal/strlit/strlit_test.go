package strlit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestAll: every string literal of every file, raw and interpreted, in
// source order with its value; no other literal; a break stops it.
func TestAll(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, src := range []string{
		"package a\nvar x = \"one\\n\" + `two`\nvar n = 3\nvar c = 'c'\n",
		"package b\nfunc f() { g(\"three\", map[string]int{\"four\": 4}) }\nfunc g(...any) {}\n",
	} {
		f, err := parser.ParseFile(fset, "x.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var got []string
	for lit, v := range All(files...) {
		if lit.Kind != token.STRING {
			t.Errorf("yielded a %v literal", lit.Kind)
		}
		got = append(got, v)
	}
	if want := []string{"one\n", "two", "three", "four"}; !slices.Equal(got, want) {
		t.Errorf("All = %q, want %q", got, want)
	}
	// A break must end the iteration: the runtime panics if All goes on.
	for range All(files...) {
		break
	}
}
