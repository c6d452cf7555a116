package baseline

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DeclName returns the name of the top-level declaration of file that
// encloses pos: "Func", "T.Method", "(*T).Method", a type, var or const name
// (several names of one spec joined with ","), or "" when pos is outside
// every declaration (a package comment, say).
func DeclName(file *ast.File, pos token.Pos) string {
	for _, d := range file.Decls {
		start, end := d.Pos(), d.End()
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
			start = fd.Doc.Pos()
		}
		if gd, ok := d.(*ast.GenDecl); ok && gd.Doc != nil {
			start = gd.Doc.Pos()
		}
		if pos < start || pos >= end {
			continue
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			return funcName(d)
		case *ast.GenDecl:
			var first string
			for _, s := range d.Specs {
				name := specName(s)
				if first == "" {
					first = name
				}
				if pos >= s.Pos() && pos < s.End() {
					return name
				}
			}
			return first
		}
	}
	return ""
}

func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	ptr := false
	if st, ok := t.(*ast.StarExpr); ok {
		ptr, t = true, st.X
	}
	switch x := t.(type) { // strip type parameters: T[K, V]
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	recv := "?"
	if id, ok := t.(*ast.Ident); ok {
		recv = id.Name
	}
	if ptr {
		return "(*" + recv + ")." + d.Name.Name
	}
	return recv + "." + d.Name.Name
}

func specName(s ast.Spec) string {
	switch s := s.(type) {
	case *ast.TypeSpec:
		return s.Name.Name
	case *ast.ValueSpec:
		names := make([]string, len(s.Names))
		for i, n := range s.Names {
			names[i] = n.Name
		}
		return strings.Join(names, ",")
	case *ast.ImportSpec:
		return "import"
	}
	return ""
}

// NormalizeValue turns the source text of a diagnostic's range into the
// value a key hashes: a Go string literal is unquoted, anything else
// (including a literal with invalid UTF-8, which unquoting would alter) has
// its white space collapsed, so reformatting keeps the key.
func NormalizeValue(src string) string {
	src = strings.TrimSpace(src)
	if len(src) >= 2 && (src[0] == '"' || src[0] == '`') && utf8.ValidString(src) {
		if s, err := strconv.Unquote(src); err == nil {
			return s
		}
	}
	return strings.Join(strings.Fields(src), " ")
}
