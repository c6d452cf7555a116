// Package analyzers assembles kvlint's analyzers into one suite that every
// driver (the kvlint CLI, go vet, golangci-lint, nogo, migrate) shares.
package analyzers

import (
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/clientsecretauth"
	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/analyzers/ignorecheck"
	"github.com/kvlint/kvlint/analyzers/internal/lint"
	"github.com/kvlint/kvlint/analyzers/pinnedversion"
	"github.com/kvlint/kvlint/analyzers/secretexpiry"
	"github.com/kvlint/kvlint/analyzers/secretlog"
	"github.com/kvlint/kvlint/analyzers/sharedkeyauth"
	"github.com/kvlint/kvlint/analyzers/vaultperrequest"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/rules"
)

// Suite returns kvlint's analyzers, all reading configuration from src: the
// rule analyzers of RuleAnalyzers, then ignorecheck, which reports
// suppression directives that matched nothing.
func Suite(src *config.Source) []*analysis.Analyzer {
	rulesAnalyzers := RuleAnalyzers(src)
	return append(rulesAnalyzers, ignorecheck.New(src, rulesAnalyzers))
}

// RuleAnalyzers returns the analyzers that report kvlint's rules on code
// (hardcodedcred, then the Azure analyzers), all reading configuration from
// src: Suite without ignorecheck.
func RuleAnalyzers(src *config.Source) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		hardcodedcred.New(src),
		clientsecretauth.New(src),
		sharedkeyauth.New(src),
		pinnedversion.New(src),
		secretexpiry.New(src),
		secretlog.New(src),
		vaultperrequest.New(src),
	}
}

// Rules returns the documentation of every built-in rule, ordered by ID.
func Rules() []rules.Info {
	var all []rules.Info
	for _, r := range detect.Builtin() {
		all = append(all, r.Info)
	}
	for _, rs := range [][]rules.Info{ignorecheck.Rules, clientsecretauth.Rules, sharedkeyauth.Rules, pinnedversion.Rules, secretexpiry.Rules, secretlog.Rules, vaultperrequest.Rules} {
		all = append(all, rs...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}

// Suppressed returns the number of diagnostics that suppression directives
// hid in one package, given an action's analyzer and result from a
// go/analysis driver: ok is false unless a is the analyzer that reads the
// directives (a dependency of every kvlint analyzer).
func Suppressed(a *analysis.Analyzer, result any) (n int, ok bool) {
	if a != lint.Directives {
		return 0, false
	}
	ix, _ := result.(*lint.Index)
	if ix == nil {
		return 0, true
	}
	return ix.SuppressedCount(), true
}
