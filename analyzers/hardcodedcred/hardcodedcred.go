package hardcodedcred

import (
	_ "embed"
	"fmt"
	"go/ast"
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
	"github.com/kvlint/kvlint/internal/engine"
	"github.com/kvlint/kvlint/internal/gosite"
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
	pass  *analysis.Pass
	walk  *gosite.Walker
	info  *types.Info // the walker's: never nil
	judge gosite.Judge
	cfg   *config.Loaded
	eng   *detect.Engine // the configuration's
	ix    *lint.Index
	res   *Result
	file  *ast.File
	gen   bool // the file is generated
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
	if cfg == nil || !cfg.Enabled(pass.Analyzer.Name) {
		return res, nil
	}
	eng, err := engine.For(cfg)
	if err != nil {
		return nil, fmt.Errorf("hardcodedcred: %w", err)
	}
	r := &runner{pass: pass, walk: gosite.New(pass.TypesInfo), cfg: cfg, eng: eng, res: res}
	r.info = r.walk.Info()
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
		r.walk.WalkCursor(fc, lint.IsTestFile(pass.Fset, f), r.site)
	}
	r.markNeedsConst(in)
	return res, nil
}

// site judges one string site and reports what it finds.
func (r *runner) site(s *gosite.Site) {
	for _, f := range r.judge.Site(r.eng, s) {
		r.report(s, f)
	}
}

// report records the finding f of site s in the result, and reports it
// unless a directive suppresses it or the rule is disabled.
func (r *runner) report(s *gosite.Site, df detect.Finding) {
	rule := df.Rule
	if !r.cfg.RuleEnabled(rule.ID, rule.Name) {
		return
	}
	pos, end := s.Span(df.Start, df.End)
	fin := Finding{
		Pos:         pos,
		End:         end,
		File:        r.file,
		Value:       s.Text,
		SecretStart: df.Start,
		SecretEnd:   df.End,
		Context:     s.Ctx,
		Place:       s.Place,
		RuleID:      rule.ID,
		RuleName:    rule.Name,
		Confidence:  df.Confidence,
		Generated:   r.gen,
	}
	if s.Comment != nil {
		fin.Comment = s.Comment
	} else {
		fin.Expr = s.Expr
		if !s.Tag {
			if tv, ok := r.info.Types[s.Expr]; ok {
				fin.Type = tv.Type
			}
			fin.Decl = s.Decl()
			fin.Object = s.Object()
		}
	}
	d := analysis.Diagnostic{
		Pos:      fin.Pos,
		End:      fin.End,
		Category: rule.ID,
		Message:  detect.Message(rule, fin.Secret(), s.Ctx.Kind),
	}
	if r.ix != nil && r.ix.Suppressed(r.pass.Fset, d.Pos, rule.ID, rule.Name) {
		fin.Suppressed = true
	} else {
		lint.Report(r.pass, d, rule.Name)
	}
	r.res.Findings = append(r.res.Findings, fin)
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
		if call := c.Parent().Node().(*ast.CallExpr); len(call.Args) == 1 && r.walk.IsConversion(call) {
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
