package hardcodedcred

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/rules"
)

//go:embed doc.go
var doc string

// Rules is nil: this analyzer reports the detection engine's rules, which
// analyzers.Rules takes from detect.Builtin (plus any custom rules of the
// configuration, reported under their own IDs).
var Rules []rules.Info

// Analyzer is the hardcodedcred analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer {
	if src == nil {
		src = &config.Source{}
	}
	return &analysis.Analyzer{
		Name:             "hardcodedcred",
		Doc:              extractDoc(doc, "hardcodedcred"),
		URL:              "https://pkg.go.dev/github.com/kvlint/kvlint/analyzers/hardcodedcred",
		Requires:         []*analysis.Analyzer{inspect.Analyzer, lint.Directives},
		RunDespiteErrors: true,
		ResultType:       reflect.TypeOf((*Result)(nil)),
		Run:              func(pass *analysis.Pass) (any, error) { return run(pass, src) },
	}
}

// runner holds the state of one pass.
type runner struct {
	pass        *analysis.Pass
	info        *types.Info
	cfg         *config.Loaded
	eng         *detect.Engine
	ix          *lint.Index
	res         *Result
	buf         []detect.Finding       // reused by every Scan
	calls       map[*types.Func]string // fully qualified callee names, built once per callee
	syntaxCalls map[[2]string]string   // the same from the syntax, when there is no type information
	kept        []span                 // findings of the current expression, for de-duplication
	file        *ast.File
	test        bool // the file is a _test.go file (lint.IsTestFile)
	gen         bool // the file is generated
}

// span is a secret already reported for the current expression.
type span struct {
	id         string
	start, end int
}

func run(pass *analysis.Pass, src *config.Source) (any, error) {
	res := &Result{}
	if len(pass.Files) == 0 {
		return res, nil
	}
	cfg, err := lint.Config(pass, src)
	if err != nil {
		return nil, fmt.Errorf("hardcodedcred: %w", err)
	}
	if cfg == nil || cfg.Engine == nil || !cfg.Enabled(pass.Analyzer.Name) {
		return res, nil
	}
	r := &runner{
		pass: pass,
		info: pass.TypesInfo,
		cfg:  cfg,
		eng:  cfg.Engine,
		res:  res,
	}
	if r.info == nil || r.info.Types == nil || r.info.Uses == nil || r.info.Defs == nil {
		r.info = withMaps(r.info) // a syntax-only driver: everything comes from the syntax
	}
	r.ix, _ = pass.ResultOf[lint.Directives].(*lint.Index)
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)

	for fc := range in.Root().Children() {
		f, ok := fc.Node().(*ast.File)
		if !ok {
			continue
		}
		if lint.Skip(pass.Fset, cfg, f) {
			continue // generated (unless configured) or allowlisted
		}
		r.file = f
		r.gen = lint.IsGenerated(f)
		r.test = lint.IsTestFile(pass.Fset, f)
		r.scanFile(fc)
		r.scanComments(f)
	}
	r.markNeedsConst(in)
	return res, nil
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

// scanFile visits every maximal string constant expression of one file.
func (r *runner) scanFile(fc inspector.Cursor) {
	var lastEnd token.Pos // end of the last expression scanned: everything inside it is done
	for c := range fc.Preorder((*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
		var (
			val string
			ok  bool
		)
		switch n := c.Node().(type) {
		case *ast.BasicLit:
			if n.Kind != token.STRING || n.Pos() < lastEnd {
				continue
			}
			switch c.ParentEdgeKind() {
			case edge.Field_Tag:
				r.scanTag(c, n) // only its default values can be secrets
				continue
			case edge.ImportSpec_Path:
				continue // import paths are never secrets
			}
			val, ok = r.litValue(n)
		case *ast.BinaryExpr:
			if n.Op != token.ADD || n.Pos() < lastEnd {
				continue
			}
			val, ok = r.constString(n)
		}
		if !ok {
			continue
		}
		top, val := r.maximal(c, val)
		lastEnd = top.Node().End()
		if val == "" {
			continue
		}
		r.scanExpr(top, val)
	}
}

// maximal climbs from the constant expression at c through enclosing
// parentheses, constant concatenations and conversions that are themselves
// string constants, and returns the outermost one with its value.
func (r *runner) maximal(c inspector.Cursor, val string) (inspector.Cursor, string) {
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr:
			c = p
			continue
		case *ast.BinaryExpr:
			if pn.Op == token.ADD {
				if v, ok := r.constString(pn); ok {
					c, val = p, v
					continue
				}
			}
		case *ast.CallExpr:
			// Have: Secret("..."), string("...").
			if len(pn.Args) == 1 && c.ParentEdgeKind() == edge.CallExpr_Args {
				if tv, ok := r.info.Types[pn]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
					c, val = p, constant.StringVal(tv.Value)
					continue
				}
			}
		}
		return c, val
	}
}

// scanExpr judges the value of the maximal constant expression at top.
func (r *runner) scanExpr(top inspector.Cursor, val string) {
	s, skip := r.site(top)
	if skip {
		return
	}
	s.ctx.Test = r.test
	r.buf = r.eng.Scan(val, s.ctx, r.buf[:0])
	whole := len(r.buf)
	if looksStructured(val) {
		ctx := detect.Context{Kind: detect.KindMapKey, Test: r.test}
		pairs(val, func(key string, start, end int) {
			ctx.Name = key
			n := len(r.buf)
			r.buf = r.eng.Scan(val[start:end], ctx, r.buf)
			for i := n; i < len(r.buf); i++ {
				r.buf[i].Start += start
				r.buf[i].End += start
			}
		})
	}
	if len(r.buf) == 0 {
		return
	}
	expr := top.Node().(ast.Expr)
	r.kept = r.kept[:0]
	for i, f := range r.buf {
		if i >= whole && r.overlapsKept(f) {
			continue // a pair inside a JSON/YAML value, already found in the whole value
		}
		secret := val[f.Start:f.End]
		if _, lit := expr.(*ast.BasicLit); !lit && inNamedConst(r.info, expr, secret) {
			continue // the secret is a named constant's value, reported at its declaration
		}
		if !r.keep(f) {
			continue
		}
		r.report(Finding{
			Pos:         expr.Pos(),
			End:         expr.End(),
			Expr:        expr,
			Value:       val,
			SecretStart: f.Start,
			SecretEnd:   f.End,
			Context:     s.ctx,
			Place:       s.place,
		}, f, top, &s)
	}
}

// tagDefaults are the struct tag keys of configuration libraries that give
// a field its default value: envconfig and creasty/defaults (default),
// caarlos0/env (envDefault), cleanenv (env-default).
var tagDefaults = [...]string{"default", "envDefault", "env-default"}

// tagEnvKeys name the environment variable a field is read from.
var tagEnvKeys = [...]string{"env", "envconfig"}

// scanTag judges the default values in the struct tag lit of the field at
// c: Password string `env:"DB_PASSWORD" envDefault:"lit"` hardcodes lit.
// The finding spans the tag; migrate cannot rewrite a tag and leaves it.
func (r *runner) scanTag(c inspector.Cursor, lit *ast.BasicLit) {
	tag, ok := r.litValue(lit)
	if !ok || !strings.Contains(tag, "efault") {
		return
	}
	field, _ := c.Parent().Node().(*ast.Field)
	ctx := detect.Context{Kind: detect.KindField, Test: r.test}
	if field != nil && len(field.Names) > 0 {
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
		at += len(k) + 2
		r.buf = r.eng.Scan(v, ctx, r.buf[:0])
		r.kept = r.kept[:0]
		for _, f := range r.buf {
			if !r.keep(f) {
				continue
			}
			r.report(Finding{
				Pos:         lit.Pos(),
				End:         lit.End(),
				Expr:        lit,
				Value:       tag,
				SecretStart: at + f.Start,
				SecretEnd:   at + f.End,
				Context:     ctx,
				Place:       PlaceOther,
			}, f, inspector.Cursor{}, nil)
		}
	}
}

// keep reports whether f is new for the current expression and records it.
func (r *runner) keep(f detect.Finding) bool {
	for _, k := range r.kept {
		if k.id == f.Rule.ID && k.start == f.Start && k.end == f.End {
			return false
		}
	}
	r.kept = append(r.kept, span{f.Rule.ID, f.Start, f.End})
	return true
}

// overlapsKept reports whether f overlaps a finding already kept.
func (r *runner) overlapsKept(f detect.Finding) bool {
	for _, k := range r.kept {
		if f.Start < k.end && k.start < f.End {
			return true
		}
	}
	return false
}

// inNamedConst reports whether secret lies wholly in the value of a named
// constant that expr refers to (X + "suffix").
func inNamedConst(info *types.Info, expr ast.Expr, secret string) bool {
	found := false
	ast.Inspect(expr, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if c, ok := info.Uses[id].(*types.Const); ok && c.Val().Kind() == constant.String &&
				strings.Contains(constant.StringVal(c.Val()), secret) {
				found = true
			}
		}
		return true
	})
	return found
}

// scanComments judges every comment of f.
func (r *runner) scanComments(f *ast.File) {
	ctx := detect.Context{Kind: detect.KindComment, Test: r.test}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text := c.Text
			if len(text) < 10 || strings.HasPrefix(text, "//kvlint:") || strings.HasPrefix(text, "//go:") {
				continue
			}
			r.buf = r.eng.Scan(text, ctx, r.buf[:0])
			r.kept = r.kept[:0]
			for _, df := range r.buf {
				if !r.keep(df) {
					continue
				}
				r.report(Finding{
					Pos:         c.Slash + token.Pos(df.Start),
					End:         c.Slash + token.Pos(df.End),
					Comment:     c,
					Value:       text,
					SecretStart: df.Start,
					SecretEnd:   df.End,
					Context:     ctx,
					Place:       PlaceComment,
				}, df, inspector.Cursor{}, nil)
			}
		}
	}
}

// report completes fin, records it in the result, and reports it unless a
// directive suppresses it or the rule is disabled.
func (r *runner) report(fin Finding, df detect.Finding, top inspector.Cursor, s *site) {
	rule := df.Rule
	if rule == nil || !r.cfg.RuleEnabled(rule.ID, rule.Name) {
		return
	}
	fin.File = r.file
	fin.RuleID, fin.RuleName, fin.Confidence = rule.ID, rule.Name, df.Confidence
	fin.Generated = r.gen
	if s != nil {
		r.bind(&fin, top, s)
	}
	d := analysis.Diagnostic{
		Pos:      fin.Pos,
		End:      fin.End,
		Category: rule.ID,
		Message:  message(rule, fin.Secret(), fin.Place == PlaceComment),
	}
	if r.ix != nil && r.ix.Suppressed(r.pass.Fset, d.Pos, rule.ID, rule.Name) {
		fin.Suppressed = true
	} else {
		lint.Report(r.pass, d, rule.Name)
	}
	r.res.Findings = append(r.res.Findings, fin)
}

// bind fills in the declaration, object and type of an expression finding.
func (r *runner) bind(fin *Finding, top inspector.Cursor, s *site) {
	if tv, ok := r.info.Types[fin.Expr]; ok {
		fin.Type = tv.Type
	}
	for c := range top.Enclosing((*ast.ValueSpec)(nil), (*ast.FuncDecl)(nil)) {
		fin.Decl = c.Node()
		break
	}
	if s.ident != nil {
		switch fin.Place {
		case PlaceConst, PlaceVar, PlaceAssign:
			if obj := r.info.Defs[s.ident]; obj != nil {
				fin.Object = obj
			} else {
				fin.Object = r.info.Uses[s.ident]
			}
		}
	}
}

// markNeedsConst sets NeedsConst on const findings whose constant is used
// where a constant is required: in another constant declaration or an array length.
func (r *runner) markNeedsConst(in *inspector.Inspector) {
	var consts map[types.Object]bool
	for _, f := range r.res.Findings {
		if f.Place == PlaceConst && f.Object != nil {
			if consts == nil {
				consts = make(map[types.Object]bool)
			}
			consts[f.Object] = false
		}
	}
	if consts == nil {
		return
	}
	for c := range in.Root().Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		obj := r.info.Uses[id]
		if need, ok := consts[obj]; !ok || need {
			continue
		}
		if needsConstant(c, id) || r.takesOtherType(c, id, obj) {
			consts[obj] = true
		}
	}
	for i := range r.res.Findings {
		if f := &r.res.Findings[i]; f.Place == PlaceConst && f.Object != nil {
			f.NeedsConst = consts[f.Object]
		}
	}
}

// takesOtherType reports whether the untyped constant obj, used at id, takes
// a type other than string there (var s Secret = X), so that a string
// variable in its place would not compile. Conversions (Secret(X),
// []byte(X)) accept a variable and do not count.
func (r *runner) takesOtherType(c inspector.Cursor, id *ast.Ident, obj types.Object) bool {
	if b, ok := obj.Type().(*types.Basic); !ok || b.Info()&types.IsUntyped == 0 {
		return false // a typed constant becomes a variable of the same type
	}
	tv, ok := r.info.Types[id]
	if !ok || tv.Type == nil {
		return false
	}
	if b, ok := tv.Type.(*types.Basic); ok && (b.Kind() == types.String || b.Kind() == types.UntypedString) {
		return false
	}
	if c.ParentEdgeKind() == edge.CallExpr_Args {
		if call := c.Parent().Node().(*ast.CallExpr); len(call.Args) == 1 && r.isConversion(call) {
			return false
		}
	}
	return true
}

// needsConstant reports whether the identifier at c is used where Go requires a constant.
func needsConstant(c inspector.Cursor, id *ast.Ident) bool {
	within := func(e ast.Expr) bool { return e != nil && e.Pos() <= id.Pos() && id.End() <= e.End() }
	for e := range c.Enclosing((*ast.ArrayType)(nil), (*ast.ValueSpec)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := e.Node().(type) {
		case *ast.ArrayType:
			if within(n.Len) {
				return true // [len(X)]byte
			}
		case *ast.ValueSpec:
			if gd, ok := e.Parent().Node().(*ast.GenDecl); ok && gd.Tok == token.CONST {
				for _, v := range n.Values {
					if within(v) {
						return true // const Y = X + "..."
					}
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}

// message says what was found, with a redacted preview, and what to do.
func message(rule *detect.Rule, secret string, inComment bool) string {
	noun := ruleNoun(rule)
	if inComment {
		return fmt.Sprintf("%s %q is in a comment: remove it, rotate it, and keep it in Azure Key Vault", noun, detect.Redact(secret))
	}
	return fmt.Sprintf("%s %q is hardcoded: store it in Azure Key Vault and read it with azsecrets", noun, detect.Redact(secret))
}

// nouns names what each built-in rule finds, as the subject of a message.
var nouns = map[string]string{
	"KV100": "secret",
	"KV101": "azure entra client secret",
	"KV102": "azure storage account key",
	"KV103": "azure storage connection string",
	"KV104": "azure sas token",
	"KV105": "azure shared access key",
	"KV106": "azure cosmos db key",
	"KV107": "azure devops personal access token",
	"KV108": "sql connection string password",
	"KV109": "redis password",
	"KV110": "aws access key id",
	"KV111": "aws secret access key",
	"KV112": "github token",
	"KV113": "gitlab token",
	"KV114": "slack token",
	"KV115": "slack webhook url",
	"KV116": "stripe api key",
	"KV117": "stripe webhook secret",
	"KV118": "sendgrid api key",
	"KV119": "twilio api key",
	"KV120": "google api key",
	"KV121": "npm token",
	"KV122": "pypi token",
	"KV123": "datadog api key",
	"KV124": "json web token",
	"KV125": "private key",
	"KV126": "password in url",
	"KV127": "basic auth credentials",
}

// ruleNoun returns the message subject for rule: built-in rules have a fixed
// noun, custom rules use their name.
func ruleNoun(rule *detect.Rule) string {
	if n, ok := nouns[rule.ID]; ok {
		return n
	}
	if rule.Name != "" {
		return strings.ReplaceAll(rule.Name, "-", " ")
	}
	return "secret (" + rule.ID + ")"
}

// extractDoc returns the part of a package doc comment (the Go source of
// doc.go) that follows "# Analyzer name", without comment markers.
func extractDoc(src, name string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "//") {
			if in {
				break
			}
			continue
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		if !in {
			in = text == "# Analyzer "+name
			continue
		}
		b.WriteString(text)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}
