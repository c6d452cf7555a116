package cli

import (
	"go/token"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/baseline"
)

// spanKey identifies a diagnostic by rule and range.
type spanKey struct {
	rule     string
	pos, end token.Pos
}

// secretsOf maps the diagnostics of a hardcodedcred action to the secret
// each reports (the detected value, not the literal around it), so that
// lint keys a finding by the same value scan and scan -history do. The
// values are kept in memory only, never printed.
func secretsOf(act *checker.Action) map[spanKey]string {
	res, ok := act.Result.(*hardcodedcred.Result)
	if !ok || res == nil {
		return nil
	}
	m := make(map[spanKey]string, len(res.Findings))
	for i := range res.Findings {
		f := &res.Findings[i]
		m[spanKey{f.RuleID, f.Pos, f.End}] = f.Secret()
	}
	return m
}

// rekeySecret gives dg, a diagnostic of a detected secret, the value key of
// the one fingerprint scheme (baseline.NewSecretKey).
func rekeySecret(dg *diag, secrets map[spanKey]string, rule string, pos, end token.Pos) {
	v, ok := secrets[spanKey{rule, pos, end}]
	if !ok {
		return
	}
	dg.key = baseline.NewSecretKey(dg.key.Rule, dg.key.Package, dg.key.Decl, v)
	dg.f.Fingerprint = dg.key.Fingerprint(baseline.PublicSalt)
}
