package scan

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
)

// goFile scans a Go file in syntax-only mode: every string literal with the
// context its place in the syntax tree gives (the name it is assigned to,
// the field or map key, the function it is passed to, the operand it is
// compared with, the function it is returned from), and every comment. No
// type information is used. handled is false when the file does not parse:
// the caller then scans it line by line. skip is true for generated files
// that the configuration excludes.
func (w *worker) goFile(abs string, data []byte, content string, eng engine, test bool, l *config.Loaded) (handled, skip bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, abs, data, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return false, false
	}
	if !l.File.Generated && ast.IsGenerated(f) {
		return true, true
	}
	tf := fset.File(f.Pos())
	if tf == nil {
		return false, false
	}
	base := tf.Base()
	g := goScanner{w: w, eng: eng, test: test, base: base, content: content}
	ast.Inspect(f, g.visit)
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			g.comment(c)
		}
		if strings.Contains(cg.Text(), "PRIVATE KEY") {
			// A commented-out key spans lines: read the group's text whole.
			from, to := int(cg.Pos())-base, int(cg.End())-base
			w.pemAt(content[from:to], from, eng, test)
		}
	}
	for i := range w.hits {
		w.hits[i].decl = baseline.DeclName(f, token.Pos(base+w.hits[i].start))
	}
	return true, false
}

type goScanner struct {
	w       *worker
	eng     engine
	test    bool
	base    int    // token.File base: offset = pos - base
	content string // the file
	stack   []ast.Node
	fnames  []string // names of enclosing functions (FuncDecl), "" for literals
}

func (g *goScanner) visit(n ast.Node) bool {
	if n == nil {
		top := g.stack[len(g.stack)-1]
		g.stack = g.stack[:len(g.stack)-1]
		switch top.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			g.fnames = g.fnames[:len(g.fnames)-1]
		}
		return false
	}
	switch n := n.(type) {
	case *ast.ImportSpec, *ast.Field:
		return false // import paths and struct tags are never secrets
	case *ast.FuncDecl:
		g.fnames = append(g.fnames, n.Name.Name)
	case *ast.FuncLit:
		g.fnames = append(g.fnames, "")
	case *ast.BasicLit:
		if n.Kind == token.STRING {
			g.literal(n)
		}
	}
	g.stack = append(g.stack, n)
	return true
}

// literal scans a string literal with the context of its parents.
func (g *goScanner) literal(lit *ast.BasicLit) {
	raw := lit.Value
	if len(raw) < 2 {
		return
	}
	value := raw[1 : len(raw)-1]
	exact := raw[0] == '`' || !strings.Contains(value, `\`)
	if !exact {
		v, err := strconv.Unquote(raw)
		if err != nil {
			return
		}
		value = v
	}
	if value == "" {
		return
	}
	ctx := g.context(lit)
	ctx.Test = g.test
	dets := g.eng.Scan(value, ctx, g.w.dets[:0])
	g.w.dets = dets
	off := int(lit.ValuePos) - g.base
	for _, d := range dets {
		if exact {
			g.w.add(hit{start: off + 1 + d.Start, end: off + 1 + d.End, rule: d.Rule, conf: d.Confidence})
		} else {
			// Escapes shift offsets: map the decoded offsets back to the
			// source, and keep the decoded secret for the preview.
			g.w.add(hit{start: off + rawOffset(raw, d.Start), end: off + rawOffset(raw, d.End),
				rule: d.Rule, conf: d.Confidence, secret: value[d.Start:d.End]})
		}
	}
}

// context derives the detection context of a literal from its parents.
func (g *goScanner) context(lit ast.Expr) detect.Context {
	child := lit
	for i := len(g.stack) - 1; i >= 0; i-- {
		switch p := g.stack[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.BinaryExpr:
			switch p.Op {
			case token.ADD: // "a" + "b": the context of the whole
				child = p
				continue
			case token.EQL, token.NEQ:
				other := p.X
				if other == child {
					other = p.Y
				}
				return detect.Context{Kind: detect.KindCompare, Name: exprName(other)}
			}
			return detect.Context{}
		case *ast.AssignStmt:
			for j, r := range p.Rhs {
				if r == child && j < len(p.Lhs) {
					return detect.Context{Kind: detect.KindAssign, Name: exprName(p.Lhs[j])}
				}
			}
			if len(p.Lhs) > 0 {
				return detect.Context{Kind: detect.KindAssign, Name: exprName(p.Lhs[0])}
			}
			return detect.Context{}
		case *ast.ValueSpec:
			for j, v := range p.Values {
				if v == child && j < len(p.Names) {
					return detect.Context{Kind: detect.KindAssign, Name: p.Names[j].Name}
				}
			}
			if len(p.Names) > 0 {
				return detect.Context{Kind: detect.KindAssign, Name: p.Names[0].Name}
			}
			return detect.Context{}
		case *ast.KeyValueExpr:
			if p.Value != child {
				return detect.Context{} // the key itself
			}
			switch k := p.Key.(type) {
			case *ast.Ident:
				return detect.Context{Kind: detect.KindField, Name: k.Name}
			case *ast.BasicLit:
				name := k.Value
				if uq, err := strconv.Unquote(k.Value); err == nil {
					name = uq
				}
				return detect.Context{Kind: detect.KindMapKey, Name: name}
			}
			return detect.Context{Kind: detect.KindField, Name: exprName(p.Key)}
		case *ast.CallExpr:
			// Without types the parameter name is unknown. A setter's name
			// stands for it (SetPassword(v), WithToken(v)); other callee
			// names say nothing about their arguments (NewTokenizer(v)).
			ctx := detect.Context{Kind: detect.KindCallArg, Call: exprString(p.Fun)}
			if name := exprName(p.Fun); strings.HasPrefix(name, "Set") || strings.HasPrefix(name, "With") {
				ctx.Name = name
			}
			// A constant first argument names the others:
			// os.Setenv("AZURE_CLIENT_SECRET", v), h.Set("Authorization", v).
			if len(p.Args) > 1 && p.Args[0] != child {
				if k, ok := p.Args[0].(*ast.BasicLit); ok && k.Kind == token.STRING {
					if uq, err := strconv.Unquote(k.Value); err == nil {
						ctx.Key = uq
					}
				}
			}
			return ctx
		case *ast.ReturnStmt:
			name := ""
			if len(g.fnames) > 0 {
				name = g.fnames[len(g.fnames)-1]
			}
			return detect.Context{Kind: detect.KindReturn, Name: name}
		}
		return detect.Context{}
	}
	return detect.Context{}
}

// exprName is the name an expression binds: x, s.Field, pkg.Func, m["key"].
func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.StarExpr:
		return exprName(e.X)
	case *ast.IndexExpr:
		if k, ok := e.Index.(*ast.BasicLit); ok && k.Kind == token.STRING {
			if uq, err := strconv.Unquote(k.Value); err == nil {
				return uq
			}
		}
		return exprName(e.X)
	case *ast.ParenExpr:
		return exprName(e.X)
	}
	return ""
}

// exprString spells a callee as written: pkg.Func, x.Method, Func.
func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		if x := exprString(e.X); x != "" {
			return x + "." + e.Sel.Name
		}
		return e.Sel.Name
	case *ast.IndexExpr:
		return exprString(e.X)
	case *ast.ParenExpr:
		return exprString(e.X)
	}
	return ""
}

// comment scans a comment line by line.
func (g *goScanner) comment(c *ast.Comment) {
	off := int(c.Slash) - g.base
	text := c.Text
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(text), len(text)
		} else {
			end += start
			next = end + 1
		}
		line := strings.TrimRight(text[start:end], "\r")
		// Drop the comment markers so that "// password: x" reads as a pair.
		skip := 0
		for skip < len(line) && strings.IndexByte("/* \t", line[skip]) >= 0 {
			skip++
		}
		line = strings.TrimSuffix(line[skip:], "*/")
		g.w.line(line, off+start+skip, detect.KindComment, g.eng, g.test)
		start = next
	}
}

// rawOffset maps a byte offset in the decoded value of an interpreted
// string literal to the offset in its source text raw (quotes included).
func rawOffset(raw string, off int) int {
	s := raw[1 : len(raw)-1]
	decoded := 0
	for i := 0; i < len(s); {
		if decoded >= off {
			return 1 + i
		}
		r, multi, tail, err := strconv.UnquoteChar(s[i:], '"')
		if err != nil {
			return 1 + i
		}
		if r < 0x80 || !multi {
			decoded++ // one byte: ASCII or a \xNN or \NNN escape
		} else {
			decoded += len(string(r))
		}
		i = len(s) - len(tail)
	}
	return len(raw) - 1
}
