// Package hardcodedcred defines an Analyzer that reports credentials
// hardcoded in Go source code.
//
// # Analyzer hardcodedcred
//
// hardcodedcred: report credentials hardcoded in string constants and comments
//
// The analyzer folds every string constant expression of a package through
// go/constant, so a secret is seen whether it is written as a literal, a
// named constant, a concatenation such as "ghp_" + "...", or a conversion
// such as []byte("..."). Each maximal constant expression is judged once by
// kvlint's detection engine, together with the place it appears in: the
// identifier, field or map key it is bound to, the call it is passed to
// (os.Setenv, (*net/http.Request).SetBasicAuth, (net/http.Header).Set,
// database/sql.Open, flag defaults), the operand it is compared with, or the
// function it is returned from. Raw strings holding JSON, YAML or PEM are
// scanned whole, and the "key": "value" pairs in them are judged with their
// key as the name. Comments are scanned for provider formats. Struct tags
// and import paths are never scanned; a named constant is reported where it
// is declared, not where it is used.
//
// A finding is reported at the expression (or, in a comment, at the secret),
// with the rule ID as its category and a redacted preview of the value:
//
//	github token "ghp_…(40 chars, sha256:1a2b3c4d)" is hardcoded: store it in Azure Key Vault and read it with azsecrets
//
// Files marked "Code generated ... DO NOT EDIT." are skipped unless the
// configuration sets generated: true, and files under allow.paths are
// skipped. In _test.go files low-entropy values are taken to be test
// fixtures (the tests: setting of the configuration: fixtures, scan or skip). A finding is silenced with
// //kvlint:ignore KV112 reason on its line or the line above.
//
// The analyzer works on packages that do not type-check: where type
// information is missing it reads string literals and their concatenations
// from the syntax.
//
// Its result, a *Result, lists every finding, including suppressed ones,
// with the full value in memory, so that kvlint migrate can move the values
// into Azure Key Vault and rewrite the places that held them.
package hardcodedcred
