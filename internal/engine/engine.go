// Package engine builds the detection engine that a configuration asks for.
// config checks a .kvlint.yaml against the rule registry and keeps the
// result as data; the packages that run the engine (the analyzers, scan,
// the commands) get it here, so config never imports detect.
package engine

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
)

// built caches one engine per configuration: a config.Source caches its
// Loaded values, so each is built once.
var built sync.Map // *config.Loaded -> *entry

type entry struct {
	once sync.Once
	eng  *detect.Engine
	err  error
}

// For returns the detection engine of l: the built-in rules and l's custom
// rules, with l's rules.enable and rules.disable, entropy, allow.values and
// test policy. A nil l, or one that changes none of these, gets Default.
func For(l *config.Loaded) (*detect.Engine, error) {
	if l == nil {
		return Default(), nil
	}
	v, _ := built.LoadOrStore(l, &entry{})
	e := v.(*entry)
	e.once.Do(func() {
		e.eng, e.err = build(l)
		if e.err != nil && l.Path != "" {
			e.err = fmt.Errorf("%s: %w", l.Path, e.err)
		}
	})
	return e.eng, e.err
}

// Default returns the engine of the defaults (no configuration file).
var Default = sync.OnceValue(func() *detect.Engine {
	e, err := detect.New(detect.Options{Tests: detect.TestsFixtures})
	if err != nil {
		panic("kvlint: the built-in detection rules do not compile: " + err.Error())
	}
	return e
})

// build makes the engine of a checked configuration. The engine knows only
// its own rules (built-in and custom): it is passed those of rules.enable
// and rules.disable, and all of them are switched off when rules.enable
// names only rules of other analyzers.
func build(l *config.Loaded) (*detect.Engine, error) {
	custom := rulesOf(l.CustomRules())
	engineIDs := map[string]bool{}
	for _, r := range detect.Builtin() {
		engineIDs[r.ID] = true
	}
	for _, r := range custom {
		engineIDs[r.ID] = true
	}
	own := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if engineIDs[id] && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out
	}
	enableIDs, disableIDs := l.RuleIDs()
	engineEnable, engineDisable := own(enableIDs), own(disableIDs)
	if len(enableIDs) > 0 && len(engineEnable) == 0 {
		engineDisable = slices.Sorted(maps.Keys(engineIDs))
	}
	opts := detect.Options{
		Enable:            engineEnable,
		Disable:           engineDisable,
		Custom:            custom,
		GenericMinEntropy: l.File.Entropy.Generic,
		AllowValues:       l.File.Allow.Values,
		Tests:             detect.TestPolicy(l.TestPolicy()),
	}
	if len(opts.Enable) == 0 && len(opts.Disable) == 0 && len(opts.Custom) == 0 &&
		opts.GenericMinEntropy == 0 && len(opts.AllowValues) == 0 && opts.Tests == detect.TestsFixtures {
		return Default(), nil
	}
	return detect.New(opts)
}

// rulesOf turns checked custom rules into engine rules.
func rulesOf(crs []config.CheckedRule) []*detect.Rule {
	var out []*detect.Rule
	for _, cr := range crs {
		out = append(out, &detect.Rule{Info: cr.Info, Keywords: cr.Keywords, Pattern: cr.Regex, SecretGroup: cr.SecretGroup, MinEntropy: cr.Entropy})
	}
	return out
}
