package migrate

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// applyEdits applies non-overlapping edits to src.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.start < last || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("overlapping edits at byte %d", e.start)
		}
		out = append(out, src[last:e.start]...)
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, src[last:]...), nil
}

// importName picks the name under which file refers to the run-time package:
// the name of an existing import of it, else "vaultsecrets" or, when that
// identifier is taken in the file or its package, vaultsecrets2, 3...
func importName(file *ast.File, pkgScope func(string) bool, runtimePkg string) (name string, present bool) {
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == runtimePkg {
			if imp.Name != nil {
				return imp.Name.Name, true
			}
			return "vaultsecrets", true
		}
	}
	used := map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			used[id.Name] = true
		}
		return true
	})
	for _, imp := range file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		used[filepath.Base(p)] = true
	}
	name = "vaultsecrets"
	for i := 2; used[name] || pkgScope(name); i++ {
		name = fmt.Sprintf("vaultsecrets%d", i)
	}
	return name, false
}

// importEdit adds the import of the run-time package to file.
func importEdit(fset *token.FileSet, src []byte, file *ast.File, name, runtimePkg string) edit {
	spec := strconv.Quote(runtimePkg)
	if name != "vaultsecrets" {
		spec = name + " " + spec
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	var last *ast.GenDecl
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			last = g
		}
	}
	switch {
	case last != nil && last.Lparen.IsValid():
		// Our import goes last; a blank line before it starts a group of
		// its own after standard-library imports.
		sep := ""
		if n := len(last.Specs); n > 0 && isStdImport(last.Specs[n-1].(*ast.ImportSpec)) {
			sep = "\n"
		}
		o := off(last.Rparen)
		return edit{o, o, sep + spec + "\n"}
	case last != nil && len(last.Specs) == 1:
		// import "flag" -> import ( "flag" ... )
		is := last.Specs[0].(*ast.ImportSpec)
		sep := "\n"
		if isStdImport(is) {
			sep = "\n\n"
		}
		a, b := off(is.Pos()), off(is.End())
		return edit{a, b, "(\n" + string(src[a:b]) + sep + spec + "\n)"}
	case last != nil:
		o := off(last.End())
		return edit{o, o, "\n\nimport " + spec}
	default:
		o := off(file.Name.End())
		return edit{o, o, "\n\nimport " + spec + "\n"}
	}
}

func isStdImport(is *ast.ImportSpec) bool {
	p, _ := strconv.Unquote(is.Path.Value)
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// rewriteFile computes the new content of one file for its migrated places.
func rewriteFile(fset *token.FileSet, src []byte, file *ast.File, places []*place, runtimePkg string) ([]byte, error) {
	pe := placeEdits(places)
	edits := pe.edits
	for _, d := range pe.declOrder {
		var err error
		if edits, err = constDeclEdits(fset, src, d, pe.byDecl[d], edits); err != nil {
			return nil, err
		}
	}
	if pe.needImport {
		if _, present := importName(file, func(string) bool { return false }, runtimePkg); !present {
			edits = append(edits, importEdit(fset, src, file, pe.impName, runtimePkg))
		}
	}
	out, err := applyEdits(src, edits)
	if err != nil {
		return nil, err
	}
	formatted, err := format.Source(out)
	if err != nil {
		// Never show the error text: it may quote source, secrets included.
		return nil, fmt.Errorf("the rewritten file does not parse")
	}
	return formatted, nil
}

// fileEdits is the first pass over a file's places: the edits of comment
// notes and of expressions outside constant declarations, the constants'
// places by declaration, and whether the runtime package is to be
// imported (as impName).
type fileEdits struct {
	edits      []edit
	byDecl     map[*ast.GenDecl][]*place
	declOrder  []*ast.GenDecl
	needImport bool
	impName    string
}

// placeEdits makes the edits of places outside constant declarations and
// groups the constants by declaration: a whole declaration turns into a
// var declaration; some specs of a block move out into their own var
// declarations after the block (constDeclEdits).
func placeEdits(places []*place) fileEdits {
	pe := fileEdits{byDecl: map[*ast.GenDecl][]*place{}}
	for _, p := range places {
		name := p.secret.name
		if p.kind == "comment" {
			pe.edits = append(pe.edits, edit{p.start, p.end, commentNote(name)})
			continue
		}
		pe.needImport = true
		pe.impName = p.impName
		if p.kind == "const" {
			if pe.byDecl[p.decl] == nil {
				pe.declOrder = append(pe.declOrder, p.decl)
			}
			pe.byDecl[p.decl] = append(pe.byDecl[p.decl], p)
			continue
		}
		pe.edits = append(pe.edits, edit{p.start, p.end, p.replacement(name)})
	}
	return pe
}

// constDeclEdits adds to edits those of the places ps of the constant
// declaration d: const becomes var when the declaration is not a block or
// every spec moves; else each spec of ps moves out of the block, after it.
func constDeclEdits(fset *token.FileSet, src []byte, d *ast.GenDecl, ps []*place, edits []edit) ([]edit, error) {
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	if !d.Lparen.IsValid() || len(ps) == len(d.Specs) {
		o := off(d.TokPos)
		edits = append(edits, edit{o, o + len("const"), "var"})
		for _, p := range ps {
			edits = append(edits, edit{p.start, p.end, p.replacement(p.secret.name)})
		}
		return edits, nil
	}
	// Move each spec out of the block, with its doc and line comments.
	var moved strings.Builder
	for _, p := range ps {
		from := p.spec.Pos()
		if p.spec.Doc != nil {
			from = p.spec.Doc.Pos()
		}
		to := p.spec.End()
		if p.spec.Comment != nil {
			to = p.spec.Comment.End()
		}
		a, b := lineStart(src, off(from)), lineEnd(src, off(to))
		// Edits inside the moved text (the expression, comment notes) go with it.
		specAt := off(p.spec.Pos()) - a
		inner := []edit{{specAt, specAt, "var "}, {p.start - a, p.end - a, p.replacement(p.secret.name)}}
		var rest []edit
		for _, e := range edits {
			if e.start >= a && e.end <= b {
				inner = append(inner, edit{e.start - a, e.end - a, e.text})
			} else {
				rest = append(rest, e)
			}
		}
		edits = rest
		text, err := applyEdits(src[a:b], inner)
		if err != nil {
			return nil, err
		}
		body := dedent(string(text))
		moved.WriteString("\n\n" + strings.TrimRight(body, "\n"))
		edits = append(edits, edit{a, b + 1, ""})
	}
	o := off(d.End())
	return append(edits, edit{o, o, moved.String()}), nil
}

func lineStart(src []byte, o int) int {
	for o > 0 && src[o-1] != '\n' {
		o--
	}
	return o
}

// lineEnd returns the offset of the newline ending the line holding o (or len(src)).
func lineEnd(src []byte, o int) int {
	for o < len(src) && src[o] != '\n' {
		o++
	}
	if o == len(src) {
		return o - 1
	}
	return o
}

func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, " \t")
	}
	return strings.Join(lines, "\n")
}
