package hardcodedcred

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/gosite"
)

// Result is the analyzer's result: every credential found in the package,
// suppressed ones included, in source order per file. kvlint migrate reads it
// through go/analysis/checker to move the values into Azure Key Vault.
type Result struct {
	Findings []Finding // every credential found, suppressed ones included
}

// Finding is one credential found in a constant expression or a comment.
//
// Value holds the full constant value in memory so that migrate can store it;
// it must never be printed, logged, written to a file or put in an error:
// use detect.Redact or detect.Hash on it.
type Finding struct {
	// Pos and End delimit what was reported: the maximal constant expression,
	// or for a comment the secret inside the comment.
	Pos, End token.Pos
	// File is the file the finding is in.
	File *ast.File
	// Expr is the maximal constant expression holding the secret (a literal,
	// a concatenation, a conversion such as Secret("...")); nil for comments.
	// For []byte("...") it is the string literal inside the conversion.
	Expr ast.Expr
	// Comment is the comment holding the secret, for comment findings.
	Comment *ast.Comment

	RuleID     string            // KV1xx, or a custom rule's ID
	RuleName   string            // kebab-case rule name, such as "github-token"
	Confidence detect.Confidence // how sure the engine is that the match is a credential

	// Value is the whole constant value (for comments, the comment text with
	// its // or /* */ markers). Never print it.
	Value string
	// SecretStart and SecretEnd are the byte offsets of the secret in Value.
	SecretStart, SecretEnd int

	// Context is the place as the detection engine saw it.
	Context detect.Context
	// Place says what kind of place holds the expression; migrate rewrites
	// each kind differently.
	Place Place
	// Decl is the enclosing *ast.ValueSpec (const or var declaration, even
	// when the expression is nested in a composite literal there), else the
	// enclosing *ast.FuncDecl, else nil.
	Decl ast.Node
	// Type is the type of Expr in its context: string, a named string type
	// (var s Secret = "..." gives Secret), or nil when unknown. A rewrite
	// to a string-valued call needs a conversion when it is not string.
	Type types.Type
	// Object is the variable or constant the expression is bound to: the
	// name of a const or var spec, or the identifier assigned to. Nil
	// otherwise.
	Object types.Object
	// NeedsConst reports, for PlaceConst, that the constant is used in this
	// package where a constant is required (another constant declaration,
	// an array length), or, being untyped, where it takes a type other than
	// string (var s Secret = X): a string variable in its place would not
	// compile. Uses in other packages are not seen: check Object.Exported() too.
	NeedsConst bool
	// Suppressed reports that a //kvlint:ignore directive covers the finding:
	// it was not reported, and migrate should leave it alone.
	Suppressed bool
	// Generated reports that the file is generated (only scanned when the
	// configuration includes generated files).
	Generated bool
}

// Secret returns the secret within Value. Never print it.
func (f *Finding) Secret() string { return f.Value[f.SecretStart:f.SecretEnd] }

// Place is the kind of place a secret was found in (gosite.Place: the
// walker that reads the sites says it).
type Place = gosite.Place

// Places.
const (
	PlaceOther    = gosite.PlaceOther    // anywhere else: a slice element, a map key, an index, a send...
	PlaceConst    = gosite.PlaceConst    // const X = v: Decl is the *ast.ValueSpec, Object the *types.Const
	PlaceVar      = gosite.PlaceVar      // var X = v (package or local): Decl is the *ast.ValueSpec, Object the *types.Var
	PlaceAssign   = gosite.PlaceAssign   // x = v, x := v, s.F = v, m["k"] = v inside a function
	PlaceField    = gosite.PlaceField    // T{F: v} or T{v} for a struct type
	PlaceMapValue = gosite.PlaceMapValue // map[K]V{k: v}
	PlaceCallArg  = gosite.PlaceCallArg  // f(v), including flag defaults and []byte(v) passed to f
	PlaceCompare  = gosite.PlaceCompare  // x == v, x != v, switch x { case v: }
	PlaceReturn   = gosite.PlaceReturn   // return v
	PlaceComment  = gosite.PlaceComment  // in a comment: Comment is set, Expr is nil
)
