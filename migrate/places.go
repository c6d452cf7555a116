package migrate

import (
	"cmp"
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
	"github.com/kvlint/kvlint/internal/gosite"
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
	sites      map[*ast.File][]gosite.Site // string sites per file, walked on first use
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
	if path, _ := astutil.PathEnclosingInterval(file, f.Pos, f.End); len(path) > 1 {
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
	// The site gosite reads there: the maximal constant string expression
	// holding the finding, with its place and context.
	site := pl.siteAt(pkg, file, f.Pos, f.End)
	if site == nil {
		return nil, nil // not a constant expression (nothing migrate can move)
	}
	expr := site.Expr
	path := site.Path()
	p.expr = expr
	p.start, p.end = tf.Offset(expr.Pos()), tf.Offset(expr.End())
	posn = pl.fset.Position(expr.Pos())
	p.line, p.col = posn.Line, posn.Column
	p.exprHash = detect.Hash(string(src[p.start:p.end]))
	p.value = site.Value
	pl.classify(p, info, site, path)
	if p.kind == "skip" {
		return nil, nil
	}
	if p.kind != "const" && needsConstant(path) {
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

func inComment(f *ast.File, pos token.Pos) bool {
	for _, cg := range f.Comments {
		if cg.Pos() <= pos && pos < cg.End() {
			return true
		}
	}
	return false
}

// classify sets p.kind, p.name, p.spec, p.decl and p.wrapper from the
// site gosite read at the expression; path[0] is the expression.
func (pl *planner) classify(p *place, info *types.Info, site *gosite.Site, path []ast.Node) {
	switch {
	case classifyConversion(p, info, site, path):
	case site.Place == gosite.PlaceCallArg:
		pl.classifyCall(p, info, site, path)
	default:
		classifyPlace(p, site, path)
	}
	if p.kind == "" {
		p.kind = "expr"
	}
	if p.name == "" {
		p.name = p.ruleName
	}
}

// classifyConversion classifies the operand of a conversion that is not a
// constant ([]byte("...")), which the vault value is converted into.
func classifyConversion(p *place, info *types.Info, site *gosite.Site, path []ast.Node) bool {
	i := 1
	for i < len(path) {
		if _, ok := path[i].(*ast.ParenExpr); !ok {
			break
		}
		i++
	}
	call, ok := path[min(i, len(path)-1)].(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if tv, ok := info.Types[call.Fun]; !ok || !tv.IsType() {
		return false
	}
	p.kind, p.wrapper, p.name = "conversion", types.ExprString(call.Fun), site.Outer()
	return true
}

// classifyPlace maps the site's place to migrate's kind of place and names it.
func classifyPlace(p *place, site *gosite.Site, path []ast.Node) {
	name, outer := site.Ctx.Name, site.Outer()
	switch site.Place {
	case gosite.PlaceConst, gosite.PlaceVar:
		p.kind = "var"
		if site.Place == gosite.PlaceConst {
			p.kind = "const"
		}
		p.spec, _ = site.Decl().(*ast.ValueSpec)
		for _, n := range path {
			if gd, ok := n.(*ast.GenDecl); ok {
				p.decl = gd
				break
			}
		}
		p.name = name
	case gosite.PlaceField, gosite.PlaceMapValue:
		// DefaultSMTP{Password: v} -> default-smtp-password
		p.kind = map[gosite.Place]string{gosite.PlaceField: "field", gosite.PlaceMapValue: "map-value"}[site.Place]
		p.name = strings.TrimSpace(outer + " " + name)
	case gosite.PlaceCompare, gosite.PlaceAssign, gosite.PlaceReturn:
		p.kind = site.Place.String()
		p.name = cmp.Or(name, outer)
	default:
		p.kind, p.name = otherKind(path), outer
	}
}

// otherKind is the kind of a place gosite calls other: a map key, an
// element of a slice or array literal, or any other expression.
func otherKind(path []ast.Node) string {
	if len(path) < 2 {
		return "expr"
	}
	switch n := path[1].(type) {
	case *ast.KeyValueExpr:
		if n.Key == path[0] {
			return "map-key"
		}
		return "element"
	case *ast.CompositeLit:
		return "element"
	}
	return "expr"
}

// classifyCall classifies an argument: the name argument of the run-time
// package's getters (skipped), a flag default, or a call argument named by
// its parameter, else by the callee.
func (pl *planner) classifyCall(p *place, info *types.Info, site *gosite.Site, path []ast.Node) {
	call, argi := enclosingCall(path)
	if call == nil {
		p.kind, p.name = "expr", site.Outer()
		return
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pl.runtimePkg {
		p.kind = "skip" // the name argument of vaultsecrets.Get/MustGet
		return
	}
	if flagName, ok := flagDefault(info, fn, call, argi); ok {
		p.kind, p.name = "flag-default", flagName
		return
	}
	p.kind, p.name = "call-arg", site.Ctx.Name
	if p.name == "" || p.name == "_" {
		if fn != nil {
			p.name = fn.Name()
		} else {
			p.name = site.Outer()
		}
	}
}

// enclosingCall returns the call path[0] is an argument of (through
// parentheses) and the argument's index.
func enclosingCall(path []ast.Node) (*ast.CallExpr, int) {
	child := path[0]
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.ParenExpr:
			child = n
			continue
		case *ast.CallExpr:
			for j, a := range n.Args {
				if a == child {
					return n, j
				}
			}
		}
		return nil, -1
	}
	return nil, -1
}

// siteAt returns the string site of file that holds [pos, end), read by
// gosite with the package's types; sites are walked once per file.
func (pl *planner) siteAt(pkg *packages.Package, file *ast.File, pos, end token.Pos) *gosite.Site {
	sites, ok := pl.sites[file]
	if !ok {
		w := gosite.New(pkg.TypesInfo)
		w.Walk(file, false, func(s *gosite.Site) {
			if s.Expr != nil && !s.Tag {
				sites = append(sites, *s)
			}
		})
		if pl.sites == nil {
			pl.sites = map[*ast.File][]gosite.Site{}
		}
		pl.sites[file] = sites
	}
	for i := range sites {
		if s := &sites[i]; s.Pos <= pos && end <= s.End {
			return s
		}
	}
	return nil
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
