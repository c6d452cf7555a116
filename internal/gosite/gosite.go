// Package gosite reads what a Go string is bound to. It walks one file and
// yields every string site: the maximal constant string expression (folded
// with go/constant when type information is given, literal concatenations
// folded from the syntax without it), its source span, the detection
// context the construct around it gives (the name, field, map key, callee,
// comparison operand or enclosing function), the kind of place, and the
// identifier it binds; then every struct tag default and every comment.
//
// It is the one reading of a Go string's context: the hardcodedcred
// analyzer (with types), kvlint scan's Go path (syntax only) and kvlint
// migrate all use it, so they agree on what a literal is and where it is.
//
// The span rule: an expression site is reported at the opening quote of
// the outermost expression that produced the value and ends at its end
// (for []byte("lit") that is the literal, since the conversion is not a
// constant); a struct tag default at the tag; a secret in a comment at the
// secret itself.
package gosite

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/detect"
)

// Place is the kind of place a string site is in.
type Place uint8

// Places.
const (
	PlaceOther    Place = iota // anywhere else: a slice element, a map key, an index, a send, a struct tag...
	PlaceConst                 // const X = v: Decl is the *ast.ValueSpec, Object the *types.Const
	PlaceVar                   // var X = v (package or local): Decl is the *ast.ValueSpec, Object the *types.Var
	PlaceAssign                // x = v, x := v, s.F = v, m["k"] = v inside a function
	PlaceField                 // T{F: v} or T{v} for a struct type
	PlaceMapValue              // map[K]V{k: v}
	PlaceCallArg               // f(v), including flag defaults and []byte(v) passed to f
	PlaceCompare               // x == v, x != v, switch x { case v: }
	PlaceReturn                // return v
	PlaceComment               // in a comment: Comment is set, Expr is nil
)

var placeNames = [...]string{
	PlaceOther:    "other",
	PlaceConst:    "const",
	PlaceVar:      "var",
	PlaceAssign:   "assign",
	PlaceField:    "field",
	PlaceMapValue: "map-value",
	PlaceCallArg:  "call-arg",
	PlaceCompare:  "compare",
	PlaceReturn:   "return",
	PlaceComment:  "comment",
}

// String returns the place's lowercase name, such as "call-arg".
func (p Place) String() string {
	if int(p) < len(placeNames) {
		return placeNames[p]
	}
	return "unknown"
}

// Site is one string site of a file. A Site passed to a callback is reused
// for the next one: copy what must outlive the call.
type Site struct {
	// Value is the text judged: the constant value of the expression, a
	// struct tag's default value, or a comment's text (markers included).
	Value string
	// Text holds Value at byte offset Offset: the same as Value, except for
	// a tag default, where it is the whole (unquoted) tag.
	Text   string
	Offset int // byte offset of Value within Text
	// Pos and End delimit what is reported: the maximal expression or the
	// tag literal. For a comment they delimit the comment; Span gives the
	// span of a secret in it.
	Pos, End token.Pos
	// Expr is the maximal constant expression (the tag literal for a tag
	// default); nil for comments.
	Expr ast.Expr
	// Comment is the comment, for comment sites.
	Comment *ast.Comment
	// Ctx is the detection context the site gives (Test as the walk was told).
	Ctx detect.Context
	// Place is the kind of place.
	Place Place
	// Ident is the name the value is bound to: the const or var spec name
	// or the identifier assigned to; nil otherwise.
	Ident *ast.Ident
	// Tag reports a struct tag default.
	Tag bool

	placed bool             // Place is set: the innermost construct wins
	cursor inspector.Cursor // the maximal expression, for Decl and Binding
	w      *Walker
}

// Span returns the source span to report for a secret found at bytes
// [start, end) of s.Text: the secret itself in a comment, else s.Pos and s.End.
func (s *Site) Span(start, end int) (token.Pos, token.Pos) {
	if s.Comment != nil {
		return s.Comment.Slash + token.Pos(start), s.Comment.Slash + token.Pos(end)
	}
	return s.Pos, s.End
}

// Object returns the variable or constant s.Ident denotes for const, var
// and assign sites, when type information is known; nil otherwise.
func (s *Site) Object() types.Object {
	if s.Ident == nil || s.w == nil {
		return nil
	}
	switch s.Place {
	case PlaceConst, PlaceVar, PlaceAssign:
		if obj := s.w.info.Defs[s.Ident]; obj != nil {
			return obj
		}
		return s.w.info.Uses[s.Ident]
	}
	return nil
}

// Decl returns the *ast.ValueSpec enclosing an expression site (even when it
// is nested in a composite literal there), else the enclosing *ast.FuncDecl,
// else nil.
func (s *Site) Decl() ast.Node {
	if s.Expr == nil || s.Tag {
		return nil
	}
	for c := range s.cursor.Enclosing((*ast.ValueSpec)(nil), (*ast.FuncDecl)(nil)) {
		return c.Node()
	}
	return nil
}

// Path returns the syntax from the site's expression out to the file,
// innermost first, as astutil.PathEnclosingInterval does; nil for comments.
func (s *Site) Path() []ast.Node {
	if s.Expr == nil {
		return nil
	}
	var path []ast.Node
	for c := s.cursor; c.Node() != nil; c = c.Parent() {
		path = append(path, c.Node())
	}
	return path
}

// Walker walks files for string sites. It keeps caches from file to file:
// use one per goroutine and package (type information).
type Walker struct {
	info        *types.Info
	file        *ast.File
	calls       map[*types.Func]string // fully qualified callee names, built once per callee
	syntaxCalls map[[2]string]string   // the same from the syntax, when there is no type information
	site        Site
}

// New returns a walker reading the files of a package with info, which may
// be nil or partial (a syntax-only driver, kvlint scan): then everything
// comes from the syntax.
func New(info *types.Info) *Walker {
	if info == nil || info.Types == nil || info.Uses == nil || info.Defs == nil {
		info = withMaps(info)
	}
	return &Walker{info: info}
}

// withMaps returns a copy of info (or an empty Info) whose maps are not nil,
// as typeutil.Callee requires.
func withMaps(info *types.Info) *types.Info {
	var cp types.Info
	if info != nil {
		cp = *info
	}
	if cp.Types == nil {
		cp.Types = map[ast.Expr]types.TypeAndValue{}
	}
	if cp.Defs == nil {
		cp.Defs = map[*ast.Ident]types.Object{}
	}
	if cp.Uses == nil {
		cp.Uses = map[*ast.Ident]types.Object{}
	}
	return &cp
}

// Info returns the type information the walker reads (never nil; empty
// maps in syntax-only mode).
func (w *Walker) Info() *types.Info { return w.info }

// Walk calls yield for every string site of f: see WalkCursor.
func (w *Walker) Walk(f *ast.File, test bool, yield func(*Site)) {
	in := inspector.New([]*ast.File{f})
	for fc := range in.Root().Children() {
		w.WalkCursor(fc, test, yield)
	}
}

// WalkCursor calls yield for every string site of the file at fc (a cursor
// of a shared inspector, as the inspect analyzer gives): each maximal
// constant string expression with a non-empty value, except import paths
// and values that are never secrets (a flag's name or usage text), then
// each default value of a struct tag, in source order; then each comment
// of 10 bytes or more that is not a //go: or //kvlint: directive. test is
// the Test of every site's context.
func (w *Walker) WalkCursor(fc inspector.Cursor, test bool, yield func(*Site)) {
	f, ok := fc.Node().(*ast.File)
	if !ok {
		return
	}
	w.file = f
	var lastEnd token.Pos // end of the last expression: everything inside it is done
	for c := range fc.Preorder((*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
		n := c.Node()
		if n.Pos() < lastEnd {
			continue
		}
		var (
			val string
			ok  bool
		)
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				continue
			}
			switch c.ParentEdgeKind() {
			case edge.Field_Tag:
				w.tag(c, n, test, yield) // only its default values can be secrets
				continue
			case edge.ImportSpec_Path:
				continue // import paths are never secrets
			}
			val, ok = w.litValue(n)
		case *ast.BinaryExpr:
			if n.Op != token.ADD {
				continue
			}
			val, ok = w.constString(n)
		}
		if !ok {
			continue
		}
		top, val := w.maximal(c, val)
		lastEnd = top.Node().End()
		if val == "" {
			continue
		}
		s := w.reset()
		if w.context(s, top) {
			continue
		}
		expr := top.Node().(ast.Expr)
		s.Value, s.Text = val, val
		s.Pos, s.End, s.Expr, s.cursor = expr.Pos(), expr.End(), expr, top
		s.Ctx.Test = test
		yield(s)
	}
	w.comments(f, test, yield)
}

// reset clears the reused site.
func (w *Walker) reset() *Site {
	w.site = Site{w: w}
	return &w.site
}

// maximal climbs from the constant expression at c through enclosing
// parentheses, constant concatenations and conversions that are themselves
// string constants, and returns the outermost one with its value.
func (w *Walker) maximal(c inspector.Cursor, val string) (inspector.Cursor, string) {
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr:
			c = p
			continue
		case *ast.BinaryExpr:
			if pn.Op == token.ADD {
				if v, ok := w.constString(pn); ok {
					c, val = p, v
					continue
				}
			}
		case *ast.CallExpr:
			// Have: Secret("..."), string("...").
			if len(pn.Args) == 1 && c.ParentEdgeKind() == edge.CallExpr_Args {
				if v, ok := w.typedConst(pn); ok {
					c, val = p, v
					continue
				}
			}
		}
		return c, val
	}
}

// tagDefaults are the struct tag keys of configuration libraries that give
// a field its default value: envconfig and creasty/defaults (default),
// caarlos0/env (envDefault), cleanenv (env-default).
var tagDefaults = [...]string{"default", "envDefault", "env-default"}

// tagEnvKeys name the environment variable a field is read from.
var tagEnvKeys = [...]string{"env", "envconfig"}

// tag yields the default values in the struct tag lit of the field at c:
// Password string `env:"DB_PASSWORD" envDefault:"lit"` hardcodes lit. The
// site spans the tag; migrate cannot rewrite a tag and leaves it.
func (w *Walker) tag(c inspector.Cursor, lit *ast.BasicLit, test bool, yield func(*Site)) {
	tag, ok := w.litValue(lit)
	if !ok || !strings.Contains(tag, "efault") {
		return
	}
	ctx := detect.Context{Kind: detect.KindField, Test: test}
	if field, _ := c.Parent().Node().(*ast.Field); field != nil && len(field.Names) > 0 {
		ctx.Name = field.Names[0].Name
	}
	st := reflect.StructTag(tag)
	for _, k := range tagEnvKeys {
		if v, ok := st.Lookup(k); ok {
			ctx.Key, _, _ = strings.Cut(v, ",")
			break
		}
	}
	for _, k := range tagDefaults {
		v, ok := st.Lookup(k)
		if !ok || v == "" {
			continue
		}
		// The value's offset in the tag; tags with escapes in it are skipped.
		at := strings.Index(tag, k+`:"`+v+`"`)
		if at < 0 {
			continue
		}
		s := w.reset()
		s.Value, s.Text, s.Offset = v, tag, at+len(k)+2
		s.Pos, s.End, s.Expr, s.cursor, s.Tag = lit.Pos(), lit.End(), lit, c, true
		s.Ctx, s.Place, s.placed = ctx, PlaceOther, true
		yield(s)
	}
}

// comments yields every comment of f worth judging.
func (w *Walker) comments(f *ast.File, test bool, yield func(*Site)) {
	for _, cg := range f.Comments {
		if w.commentedPEM(cg, test, yield) {
			continue
		}
		for _, c := range cg.List {
			text := c.Text
			if len(text) < 10 || strings.HasPrefix(text, "//kvlint:") || strings.HasPrefix(text, "//go:") {
				continue
			}
			yield(w.commentSite(text, c, c.End(), test))
		}
	}
}

// commentSite returns the site of a comment's text: at comment c, ending at
// end (the group's end for a commented PEM block).
func (w *Walker) commentSite(text string, c *ast.Comment, end token.Pos, test bool) *Site {
	s := w.reset()
	s.Value, s.Text = text, text
	s.Pos, s.End, s.Comment = c.Pos(), end, c
	s.Ctx = detect.Context{Kind: detect.KindComment, Test: test}
	s.Place, s.placed = PlaceComment, true
	return s
}

// commentedPEM yields a comment group that holds a commented-out private
// key (// -----BEGIN RSA PRIVATE KEY----- and its lines) as one site, its
// lines in place and their markers blanked, so that the key is read whole
// (each line alone is not a key), and reports whether it did. The site is
// at the group's first comment; offsets are offsets in the file.
func (w *Walker) commentedPEM(cg *ast.CommentGroup, test bool, yield func(*Site)) bool {
	if !strings.Contains(cg.Text(), "PRIVATE KEY") {
		return false
	}
	first := cg.List[0]
	buf := make([]byte, int(cg.End()-first.Pos()))
	for i := range buf {
		buf[i] = ' '
	}
	for _, c := range cg.List {
		at := int(c.Pos() - first.Pos())
		copy(buf[at:], c.Text)
		if end := at + len(c.Text); end < len(buf) {
			buf[end] = '\n' // comments of a group are on lines of their own
		}
	}
	text, ok := UncommentPEM(string(buf))
	if !ok {
		return false
	}
	yield(w.commentSite(text, first, cg.End(), test))
	return true
}
