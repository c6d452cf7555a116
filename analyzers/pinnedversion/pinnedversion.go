package pinnedversion

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/kvlint/kvlint/analyzers/internal/azsdk"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/rules"
)

//go:embed doc.go
var doc string

const name = "pinnedversion"

// Rules documents the rules this analyzer reports.
var Rules = []rules.Info{
	{
		ID: "KV301", Name: "pinned-secret-uri", Analyzer: name,
		Title: "key vault secret identifier pinned to a version",
		Doc: "A secret identifier ending in a 32-hex-digit version (https://VAULT.vault.azure.net/secrets/NAME/VERSION, " +
			"in any Azure cloud) always reads that one version: a rotation never reaches the program, and disabling the old " +
			"version breaks it. Drop the version segment to read the latest.",
		Bad:      `const dbPasswordURI = "https://ehr-prod.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef"`, //kvlint:ignore KV301 the rule's own Bad example
		Good:     `const dbPasswordURI = "https://ehr-prod.vault.azure.net/secrets/db-password"`,
		Severity: rules.SeverityWarning, SecuritySeverity: 4.0, Tags: []string{"azure", "keyvault", "rotation"},
	},
	{
		ID: "KV302", Name: "pinned-getsecret-version", Analyzer: name,
		Title: "getsecret called with a constant version",
		Doc: "(*azsecrets.Client).GetSecret with a constant, non-empty version reads that one version forever, so secret " +
			"rotation never reaches the program. Pass \"\" to read the latest version.",
		Bad:      `resp, err := client.GetSecret(ctx, "db-password", "0123456789abcdef0123456789abcdef", nil)`,
		Good:     `resp, err := client.GetSecret(ctx, "db-password", "", nil)`,
		Severity: rules.SeverityWarning, SecuritySeverity: 4.0, Tags: []string{"azure", "keyvault", "rotation"},
	},
}

// Analyzer is the pinnedversion analyzer with configuration discovered per package.
var Analyzer = New(&config.Source{})

// New returns the analyzer reading its configuration from src.
func New(src *config.Source) *analysis.Analyzer { return def.New(src) }

var def = azsdk.Def{Name: name, Doc: doc, Kind: azsdk.Practice, Rules: Rules, Run: run}

func run(pass *analysis.Pass, scope *azsdk.Scope, insp *inspector.Inspector) (any, error) {
	uriOn := scope.Rule(Rules[0].ID, Rules[0].Name)
	callOn := scope.Rule(Rules[1].ID, Rules[1].Name) && azsdk.Reaches(pass.Pkg, azsdk.AzSecrets)
	info := pass.TypesInfo

	nodes := []ast.Node{(*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil), (*ast.CallExpr)(nil), (*ast.ImportSpec)(nil)}
	insp.Root().Inspect(nodes, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.ImportSpec:
			return false
		case *ast.CallExpr:
			// callOn first: in a package that cannot reach azsecrets (most
			// of them) no call is matched against the SDK's.
			if callOn {
				if sc, ok := azsdk.Secrets(info, n, "GetSecret"); ok {
					checkVersion(pass, scope, n, sc.Version)
				}
			}
		}
		if !uriOn {
			return true
		}
		e := cur.Node().(ast.Expr)
		if lit, ok := e.(*ast.BasicLit); ok && lit.Kind != token.STRING {
			return false
		}
		if f, ok := cur.Parent().Node().(*ast.Field); ok && f.Tag == e {
			return false
		}
		s, ok := eval(info, e)
		if !ok {
			return true // not constant as a whole: look at its parts
		}
		var m []int
		if mayBePinned(s) {
			m = detect.PinnedSecretURI(s)
		}
		if m == nil {
			return false // its constant parts are pieces of s
		}
		version := s[m[2]+1 : m[3]]
		d := analysis.Diagnostic{
			Pos: e.Pos(), End: e.End(), Category: Rules[0].ID,
			Message: "key vault secret identifier is pinned to version " + version[:8] + "...: " +
				"rotations will not reach this code; drop the version segment to read the latest",
		}
		if lit, ok := e.(*ast.BasicLit); ok {
			// Have: "https://v.vault.azure.net/secrets/n/<version>" as one literal.
			if rm := detect.PinnedSecretURI(lit.Value); rm != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message: "drop the version segment",
					TextEdits: []analysis.TextEdit{{
						Pos: lit.Pos() + token.Pos(rm[2]), End: lit.Pos() + token.Pos(rm[3]),
					}},
				}}
			}
		}
		scope.Report(d, Rules[0].Name)
		return false
	})
	return nil, nil
}

// mayBePinned is the cheap test before detect.PinnedSecretURI.
func mayBePinned(s string) bool { return detect.MayHavePinnedSecretURI(s) }

// checkVersion reports GetSecret(ctx, name, version, opts) with a constant,
// non-empty version.
func checkVersion(pass *analysis.Pass, scope *azsdk.Scope, call *ast.CallExpr, arg ast.Expr) {
	tv, ok := pass.TypesInfo.Types[arg]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String || constant.StringVal(tv.Value) == "" {
		return
	}
	scope.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(), Category: Rules[1].ID,
		Message: "GetSecret reads a constant secret version: rotations will not reach this code; pass \"\" to read the latest version",
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   `read the latest version ("")`,
			TextEdits: []analysis.TextEdit{{Pos: arg.Pos(), End: arg.End(), NewText: []byte(`""`)}},
		}},
	}, Rules[1].Name)
}

// eval returns the string value of e if it is constant, or built from
// constants with + and fmt.Sprintf using %s only.
func eval(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := eval(info, e.X)
		if !ok {
			return "", false
		}
		y, ok := eval(info, e.Y)
		return x + y, ok
	case *ast.CallExpr:
		// Have: fmt.Sprintf("https://%s.vault.azure.net/secrets/%s/%s", vault, name, version) with constants.
		// The name first: resolving every call's callee costs more than
		// the whole check on the calls that are not Sprintf.
		if azsdk.CalledName(e.Fun) != "Sprintf" {
			return "", false
		}
		if !azsdk.IsFunc(azsdk.Callee(info, e), "fmt", "Sprintf") || len(e.Args) == 0 || e.Ellipsis.IsValid() {
			return "", false
		}
		format, ok := eval(info, e.Args[0])
		if !ok {
			return "", false
		}
		var args []string
		for _, a := range e.Args[1:] {
			s, ok := eval(info, a)
			if !ok {
				return "", false
			}
			args = append(args, s)
		}
		return sprintfS(format, args)
	}
	return "", false
}

// sprintfS formats with %s and %% only; any other verb, or a count mismatch,
// gives up.
func sprintfS(format string, args []string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", false
		}
		i++
		switch format[i] {
		case '%':
			b.WriteByte('%')
		case 's':
			if len(args) == 0 {
				return "", false
			}
			b.WriteString(args[0])
			args = args[1:]
		default:
			return "", false
		}
	}
	return b.String(), len(args) == 0
}
