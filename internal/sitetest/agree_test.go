package sitetest

import (
	"testing"
)

// expected names each case where scan, reading the syntax only, cannot know
// what lint knows from the types: file:line rule, which side reports it,
// and why. A difference not named here fails the test, and so does a named
// difference that no longer occurs.
var expected = map[string]string{
	"hardcodedcred/contexts/contexts.go:41 KV112":  "lint: ghPrefix + ghBody folds two named constants, whose values only the type checker knows",
	"hardcodedcred/contexts/contexts.go:55 KV100":  "lint: Secret(\"lit\") is a conversion to a string type; without types it is a call to an unknown function",
	"hardcodedcred/contexts/contexts.go:94 KV100":  "lint: Config{\"user\", \"lit\", ...} names the positional field Password from the struct type",
	"hardcodedcred/contexts/contexts.go:216 KV100": "lint: &SigningCreds{\"123\", \"lit\"} names the positional field Key from the struct type",
	"hardcodedcred/contexts/contexts.go:219 KV100": "scan: pk.Key is a *PubKey's public key (a decoy) only by its type; the syntax sees a field named Key",
	"hardcodedcred/contexts/contexts.go:252 KV100": "lint: setDefault(key, value) names its value by the key parameter, from the local function's signature",
	"legacy/auth.go:50 KV100":                      "lint: Login(user, password) names the argument by the parameter of a function in the same package",
}

func TestLintScanPlannerAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every testdata tree with types")
	}
	root := copyTestdata(t)
	lints, broken := lint(t, root)
	scans := scanGo(t, root)
	for f := range scans {
		if broken[f.File] {
			delete(scans, f)
		}
	}
	for f := range lints {
		if broken[f.File] {
			delete(lints, f)
		}
	}
	same := 0
	for f := range lints {
		if scans[f] {
			same++
		}
	}
	t.Logf("lint %d, scan %d findings in Go files that type-check; identical (rule, file, line, column, message): %d",
		len(lints), len(scans), same)
	seen := map[string]bool{}
	differ := func(side string, f finding) {
		why, ok := expected[f.where()]
		if !ok {
			t.Errorf("%s only: %s: lint and scan must report the same rule, file, line, column and message (or name the difference in expected)", side, f)
			return
		}
		seen[f.where()] = true
		t.Logf("%s only, expected: %s: %s", side, f.where(), why)
	}
	for _, f := range sortedKeys(lints) {
		if !scans[f] {
			differ("lint", f)
		}
	}
	for _, f := range sortedKeys(scans) {
		if !lints[f] {
			differ("scan", f)
		}
	}
	for w := range expected {
		if !seen[w] {
			t.Errorf("expected difference %s (%s) no longer occurs: remove it from expected", w, expected[w])
		}
	}
	plans := planned(t, root)
	pos := map[finding]bool{}
	for f := range lints {
		pos[finding{Rule: f.Rule, File: f.File, Line: f.Line, Col: f.Col}] = true
	}
	inLint := 0
	for _, p := range sortedKeys(plans) {
		if pos[p] {
			inLint++
		} else {
			t.Errorf("planner only: %s: every planned place must be a lint finding's rule, file, line and column", p)
		}
	}
	t.Logf("planner %d places, %d at a lint finding's rule, file, line and column", len(plans), inLint)
}
