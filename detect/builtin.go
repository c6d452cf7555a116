package detect

import (
	"slices"
	"strings"
	"sync"
)

// builtin builds the rule table once; the providers' files each add theirs.
var builtin = sync.OnceValue(func() []*Rule {
	var all []*Rule
	all = append(all, genericRule)
	all = append(all, azureRules()...)
	all = append(all, azureFamilyRules()...)
	all = append(all, databaseRules()...)
	all = append(all, awsRules()...)
	all = append(all, vcsRules()...)
	all = append(all, saasRules()...)
	all = append(all, cryptoRules()...)
	all = append(all, webRules()...)
	all = append(all, aiRules()...)
	all = append(all, devtoolsRules()...)
	all = append(all, observabilityRules()...)
	all = append(all, cloudRules()...)
	all = append(all, commerceRules()...)
	all = append(all, commsRules()...)
	all = append(all, ageRules()...)
	slices.SortStableFunc(all, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return all
})

// Builtin returns the built-in rules, ordered by ID. The rules are shared:
// callers must not modify them.
func Builtin() []*Rule { return slices.Clone(builtin()) }
