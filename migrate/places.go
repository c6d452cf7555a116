package migrate

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/kvlint/kvlint/detect"
)

// place is one migratable (or manual) occurrence of a secret in the source.
type place struct {
	pkg      *packages.Package
	file     *ast.File
	filename string // absolute
	rel      string // module-relative, slash-separated
	line     int
	col      int
	start    int // byte offsets in the file of the expression (or of the secret in a comment)
	end      int
	exprHash string // detect.Hash of the source text [start, end)

	kind     string // const, var, field, map-value, map-key, element, call-arg, flag-default, conversion, compare, return, assign, comment, expr
	name     string // identifier, field, key or parameter the value is bound to
	ruleID   string
	ruleName string
	value    string // the value to store; never print it

	expr    ast.Expr       // nil for comments
	spec    *ast.ValueSpec // for const and var
	decl    *ast.GenDecl   // for const and var
	conv    string         // type to convert the vault value to ("" for string)
	wrapper string         // "[]byte" when expr is the operand of a []byte conversion (display only)
	impName string         // import name of the run-time package in this file

	manual string // why this place is left for manual work; "" if it is migratable
	status string // outcome: planned, rewritten, manual, skipped
	secret *secret
}

func (p *place) pos() string { return fmt.Sprintf("%s:%d:%d", p.rel, p.line, p.col) }

// secret is one distinct value and the places that hold it.
type secret struct {
	name     string
	value    string // never print it
	hash     string
	ruleID   string
	ruleName string
	places   []*place
	status   string // planned, stored, reused, failed, skipped
	version  string
}

// migratable returns the places of s that can be rewritten.
func (s *secret) migratable() []*place {
	var out []*place
	for _, p := range s.places {
		if p.manual == "" {
			out = append(out, p)
		}
	}
	return out
}

// planner turns analyzer findings into places.
type planner struct {
	opts       *Options
	root       string // module root, absolute
	modPath    string
	runtimePkg string // import path of the run-time package
	fset       *token.FileSet
	pkgs       []*packages.Package
	srcCache   map[string][]byte
	constUses  map[string]bool // positions of constants used where a constant is required
	constReady bool
}

func (pl *planner) source(filename string) ([]byte, error) {
	if b, ok := pl.srcCache[filename]; ok {
		return b, nil
	}
	b, err := os.ReadFile(filename)
	if err != nil {
		return nil, err
	}
	pl.srcCache[filename] = b
	return b, nil
}

// fileOf finds the package and syntax tree holding pos.
func (pl *planner) fileOf(pos token.Pos) (*packages.Package, *ast.File) {
	for _, pkg := range pl.pkgs {
		for _, f := range pkg.Syntax {
			if f.FileStart <= pos && pos <= f.FileEnd {
				return pkg, f
			}
		}
	}
	return nil, nil
}

// places converts findings into places, dropping suppressed, test,
// generated and duplicate ones, in file order.
func (pl *planner) places(findings []rawFinding) ([]*place, []string) {
	var out []*place
	var notes []string
	seen := map[string]bool{}
	for _, f := range findings {
		if f.Suppressed {
			continue
		}
		pkg, file := pl.fileOf(f.Pos)
		if file == nil {
			continue
		}
		filename := pl.fset.File(f.Pos).Name()
		if strings.HasSuffix(filename, "_test.go") && !pl.opts.IncludeTests {
			continue
		}
		if (f.Generated || ast.IsGenerated(file)) && !pl.opts.IncludeGenerated {
			continue
		}
		rel, err := filepath.Rel(pl.root, filename)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, runtimeDir+"/") {
			continue
		}
		p, err := pl.place(pkg, file, filename, rel, f)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: %v", rel, err))
			continue
		}
		if p == nil {
			continue
		}
		key := fmt.Sprintf("%s:%d:%d", p.filename, p.start, p.end)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rel != out[j].rel {
			return out[i].rel < out[j].rel
		}
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end > out[j].end
	})
	// Drop places overlapping an earlier (enclosing) one.
	var kept []*place
	for _, p := range out {
		if n := len(kept); n > 0 && kept[n-1].filename == p.filename && p.start < kept[n-1].end {
			continue
		}
		kept = append(kept, p)
	}
	return kept, notes
}

// place works out the expression, kind, name and value of one finding.
func (pl *planner) place(pkg *packages.Package, file *ast.File, filename, rel string, f rawFinding) (*place, error) {
	src, err := pl.source(filename)
	if err != nil {
		return nil, err
	}
	tf := pl.fset.File(f.Pos)
	start, end := tf.Offset(f.Pos), tf.Offset(f.End)
	if start < 0 || end > len(src) || start >= end {
		return nil, fmt.Errorf("finding outside the file")
	}
	posn := pl.fset.Position(f.Pos)
	p := &place{
		pkg: pkg, file: file, filename: filename, rel: rel,
		line: posn.Line, col: posn.Column,
		ruleID: f.RuleID, ruleName: f.RuleName,
	}
	if inComment(file, f.Pos) {
		p.kind = "comment"
		p.start, p.end = start, end
		p.value = string(src[start:end])
		p.exprHash = detect.Hash(p.value)
		p.name = f.RuleName
		if strings.ContainsAny(p.value, "\n") {
			p.manual = "the secret spans several comment lines"
		}
		return p, nil
	}
	info := pkg.TypesInfo
	if info == nil {
		return nil, fmt.Errorf("no type information")
	}
	path, _ := astutil.PathEnclosingInterval(file, f.Pos, f.End)
	if len(path) > 1 {
		// Have: type Config struct { Password string `default:"..."` }
		if lit, ok := path[0].(*ast.BasicLit); ok {
			if field, ok := path[1].(*ast.Field); ok && field.Tag == lit {
				p.kind = "struct-tag"
				p.start, p.end = start, end
				p.value, _ = strconv.Unquote(lit.Value)
				p.exprHash = detect.Hash(string(src[start:end]))
				p.manual = "a default value in a struct tag: a tag cannot read the vault; drop the default and set the field from vaultsecrets in code"
				return p, nil
			}
		}
	}
	// The innermost constant string expression at the finding, widened to
	// the maximal constant expression around it.
	idx := -1
	for i, n := range path {
		if e, ok := n.(ast.Expr); ok && isConstString(info, e) {
			idx = i
			break
		}
	}
	if idx < 0 {
		return nil, nil // not a constant expression (nothing migrate can move)
	}
	for idx+1 < len(path) {
		e, ok := path[idx+1].(ast.Expr)
		if !ok || !isConstString(info, e) {
			break
		}
		idx++
	}
	expr := path[idx].(ast.Expr)
	if id, ok := ast.Unparen(expr).(*ast.Ident); ok {
		// A use of a named constant: its declaration is the place.
		_ = id
		return nil, nil
	}
	p.expr = expr
	p.start, p.end = tf.Offset(expr.Pos()), tf.Offset(expr.End())
	posn = pl.fset.Position(expr.Pos())
	p.line, p.col = posn.Line, posn.Column
	p.exprHash = detect.Hash(string(src[p.start:p.end]))
	p.value = constant.StringVal(info.Types[expr].Value)
	pl.classify(p, info, path[idx:])
	if p.kind == "skip" {
		return nil, nil
	}
	if p.kind != "const" && needsConstant(path[idx:]) {
		p.manual = "the value is used where Go requires a constant"
	}
	if p.manual == "" {
		pl.checkRewritable(p, info, f)
	}
	return p, nil
}

// needsConstant reports whether the expression path[0] lies where Go
// requires a constant: in a constant declaration or an array length.
func needsConstant(path []ast.Node) bool {
	for i, n := range path {
		switch n := n.(type) {
		case *ast.GenDecl:
			return n.Tok == token.CONST
		case *ast.ArrayType:
			if i > 0 && n.Len == path[i-1] {
				return true
			}
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

func isConstString(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String
}

func inComment(f *ast.File, pos token.Pos) bool {
	for _, cg := range f.Comments {
		if cg.Pos() <= pos && pos < cg.End() {
			return true
		}
	}
	return false
}

// classify sets p.kind, p.name, p.spec, p.decl and p.wrapper from the
// syntax around the expression; path[0] is the expression.
func (pl *planner) classify(p *place, info *types.Info, path []ast.Node) {
	child := path[0]
	for i := 1; i < len(path); i++ {
		switch n := path[i].(type) {
		case *ast.ParenExpr:
			child = n
			continue
		case *ast.ValueSpec:
			decl, _ := path[i+1].(*ast.GenDecl)
			p.spec, p.decl = n, decl
			p.kind = "var"
			if decl != nil && decl.Tok == token.CONST {
				p.kind = "const"
			}
			for j, v := range n.Values {
				if v == child && j < len(n.Names) {
					p.name = n.Names[j].Name
				}
			}
		case *ast.KeyValueExpr:
			lit, _ := path[i+1].(*ast.CompositeLit)
			if n.Key == child {
				p.kind, p.name = "map-key", "key"
				break
			}
			p.kind = "element"
			if lit != nil {
				switch underlying(info.TypeOf(lit)).(type) {
				case *types.Struct:
					p.kind = "field"
				case *types.Map:
					p.kind = "map-value"
				}
			}
			switch k := n.Key.(type) {
			case *ast.Ident:
				p.name = k.Name
			default:
				if tv, ok := info.Types[k]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					p.name = constant.StringVal(tv.Value)
				} else if tv.Value != nil {
					p.name = tv.Value.ExactString()
				}
			}
			if outer := pl.outerName(info, path[i+1:]); outer != "" && (p.kind == "field" || p.kind == "map-value") {
				// DefaultSMTP{Password: v} -> default-smtp-password
				p.name = outer + " " + p.name
			} else if p.name == "" {
				p.name = outer
			}
		case *ast.CompositeLit:
			p.kind = "element"
			if _, ok := underlying(info.TypeOf(n)).(*types.Struct); ok {
				p.kind = "field"
			}
			p.name = pl.outerName(info, path[i:])
		case *ast.CallExpr:
			if child == n.Fun {
				p.kind, p.name = "expr", pl.outerName(info, path[i:])
				break
			}
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				// []byte("...") or another non-constant conversion.
				p.kind, p.wrapper = "conversion", types.ExprString(n.Fun)
				p.name = pl.outerName(info, path[i:])
				break
			}
			argi := -1
			for j, a := range n.Args {
				if a == child {
					argi = j
				}
			}
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pl.runtimePkg {
				p.kind = "skip" // the name argument of vaultsecrets.Get/MustGet
				return
			}
			if flagName, ok := flagDefault(info, fn, n, argi); ok {
				p.kind, p.name = "flag-default", flagName
				break
			}
			p.kind = "call-arg"
			if sig, ok := info.TypeOf(n.Fun).(*types.Signature); ok && argi >= 0 {
				params := sig.Params()
				k := argi
				if sig.Variadic() && k >= params.Len()-1 {
					k = params.Len() - 1
				}
				if k < params.Len() {
					p.name = params.At(k).Name()
				}
			}
			if p.name == "" || p.name == "_" {
				if fn != nil {
					p.name = fn.Name()
				} else {
					p.name = pl.outerName(info, path[i:])
				}
			}
		case *ast.BinaryExpr:
			p.kind = "compare"
			other := n.X
			if other == child {
				other = n.Y
			}
			p.name = exprName(other)
			if p.name == "" {
				p.name = pl.outerName(info, path[i:])
			}
		case *ast.CaseClause:
			p.kind = "compare"
			if sw, ok := path[i+2].(*ast.SwitchStmt); ok && sw.Tag != nil {
				p.name = exprName(sw.Tag)
			}
			if p.name == "" {
				p.name = pl.outerName(info, path[i:])
			}
		case *ast.ReturnStmt:
			p.kind, p.name = "return", pl.outerName(info, path[i:])
		case *ast.AssignStmt:
			p.kind = "assign"
			for j, r := range n.Rhs {
				if r == child && j < len(n.Lhs) {
					p.name = exprName(n.Lhs[j])
				}
			}
		default:
			p.kind, p.name = "expr", pl.outerName(info, path[i:])
		}
		break
	}
	if p.kind == "" {
		p.kind = "expr"
	}
	if p.name == "" {
		p.name = p.ruleName
	}
}

// outerName names an expression by what encloses it: the variable it is
// assigned to, the field or key it is the value of, or the function it is in.
func (pl *planner) outerName(info *types.Info, path []ast.Node) string {
	child := path[0]
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.ValueSpec:
			for j, v := range n.Values {
				if v == child && j < len(n.Names) {
					return n.Names[j].Name
				}
			}
			if len(n.Names) > 0 {
				return n.Names[0].Name
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				return id.Name
			}
			if tv, ok := info.Types[n.Key]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value)
			}
		case *ast.AssignStmt:
			for j, r := range n.Rhs {
				if r == child && j < len(n.Lhs) {
					return exprName(n.Lhs[j])
				}
			}
		case *ast.FuncDecl:
			return n.Name.Name
		}
		child = n
	}
	return ""
}

// exprName names an operand: x, s.Field, f().
func exprName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.CallExpr:
		return exprName(e.Fun)
	case *ast.IndexExpr:
		return exprName(e.X)
	case *ast.StarExpr:
		return exprName(e.X)
	}
	return ""
}

// flagDefault recognises the default value of a flag package string flag
// (flag.String, flag.StringVar and the FlagSet methods) and returns the
// flag's name.
func flagDefault(info *types.Info, fn *types.Func, call *ast.CallExpr, argi int) (string, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "flag" {
		return "", false
	}
	nameArg := -1
	switch fn.Name() {
	case "String":
		if argi == 1 {
			nameArg = 0
		}
	case "StringVar":
		if argi == 2 {
			nameArg = 1
		}
	}
	if nameArg < 0 || nameArg >= len(call.Args) {
		return "", false
	}
	if tv, ok := info.Types[call.Args[nameArg]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "flag", true
}

// checkRewritable decides whether the place can be rewritten and how: it
// sets p.conv, or p.manual with the reason.
func (pl *planner) checkRewritable(p *place, info *types.Info, f rawFinding) {
	if len(p.value) == 0 {
		p.manual = "empty value"
		return
	}
	if len(p.value) > 25*1024 {
		p.manual = "value larger than Key Vault's 25 KB limit"
		return
	}
	t := info.TypeOf(p.expr)
	if t == nil {
		p.manual = "no type information"
		return
	}
	if b, ok := t.(*types.Basic); !ok || b.Kind() != types.String && b.Kind() != types.UntypedString {
		if _, ok := t.Underlying().(*types.Basic); !ok {
			p.manual = "the value's type is not a string type"
			return
		}
		conv, ok := typeName(t, p.pkg.Types, p.file)
		if !ok {
			p.manual = fmt.Sprintf("its type %s is not reachable from this file", t)
			return
		}
		p.conv = conv
	}
	if p.kind == "map-key" {
		p.manual = "a map key: move the entry out of the literal by hand"
		return
	}
	if p.kind == "const" {
		pl.checkConst(p, info, f)
	}
}

// typeName spells t as seen from file, or reports that it cannot.
func typeName(t types.Type, pkg *types.Package, file *ast.File) (string, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return "", false
	}
	obj := named.Obj()
	if obj.Pkg() == nil || obj.Pkg() == pkg {
		return obj.Name(), true
	}
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != obj.Pkg().Path() {
			continue
		}
		if imp.Name == nil {
			return obj.Pkg().Name() + "." + obj.Name(), true
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return "", false
		}
		return imp.Name.Name + "." + obj.Name(), true
	}
	return "", false
}

// checkConst decides whether a constant can become a variable.
func (pl *planner) checkConst(p *place, info *types.Info, f rawFinding) {
	spec, decl := p.spec, p.decl
	if spec == nil || decl == nil {
		p.manual = "constant declaration not found"
		return
	}
	if len(spec.Names) != 1 || len(spec.Values) != 1 {
		p.manual = "a constant declaration with several names"
		return
	}
	obj := info.Defs[spec.Names[0]]
	if f.NeedsConst || obj != nil && pl.usedAsConst(obj) {
		p.manual = fmt.Sprintf("constant %s is used where Go requires a constant", spec.Names[0].Name)
		return
	}
	if spec.Names[0].Name == "_" {
		p.manual = "a blank constant"
		return
	}
	if decl.Lparen.IsValid() {
		for i, s := range decl.Specs {
			if s == spec && i+1 < len(decl.Specs) {
				if next := decl.Specs[i+1].(*ast.ValueSpec); len(next.Values) == 0 {
					p.manual = "the next constant in the block repeats this one's expression"
					return
				}
			}
		}
		usesIota := false
		ast.Inspect(decl, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == "iota" {
				if _, ok := info.Uses[id].(*types.Const); ok {
					usesIota = true
				}
			}
			return !usesIota
		})
		if usesIota {
			p.manual = "the constant block uses iota"
			return
		}
	}
}

// usedAsConst reports whether the constant obj is used anywhere in the loaded
// packages (tests included) where Go requires a constant: in another
// constant declaration or an array length.
func (pl *planner) usedAsConst(obj types.Object) bool {
	if !pl.constReady {
		pl.constReady = true
		pl.constUses = map[string]bool{}
		for _, pkg := range pl.pkgs {
			if pkg.TypesInfo == nil {
				continue
			}
			var ranges [][2]token.Pos
			for _, f := range pkg.Syntax {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.GenDecl:
						if n.Tok == token.CONST {
							ranges = append(ranges, [2]token.Pos{n.Pos(), n.End()})
							return false
						}
					case *ast.ArrayType:
						if n.Len != nil {
							ranges = append(ranges, [2]token.Pos{n.Len.Pos(), n.Len.End()})
						}
					}
					return true
				})
			}
			for id, o := range pkg.TypesInfo.Uses {
				c, ok := o.(*types.Const)
				if !ok || c.Pkg() == nil {
					continue
				}
				for _, r := range ranges {
					if r[0] <= id.Pos() && id.Pos() < r[1] {
						pl.constUses[objKey(pl.fset, c)] = true
						break
					}
				}
			}
		}
	}
	return pl.constUses[objKey(pl.fset, obj)]
}

// objKey identifies an object across the test and non-test variants of its package.
func objKey(fset *token.FileSet, o types.Object) string {
	return fmt.Sprintf("%s %s", fset.Position(o.Pos()), o.Name())
}

// underlying returns the underlying type of t, through one pointer (for
// elided &T{...} literals); nil for nil.
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem().Underlying()
	}
	return t.Underlying()
}
