package config

import (
	"maps"
	"strings"
	"sync"

	"github.com/kvlint/kvlint/rules"
)

// DetectAnalyzer is the analyzer that reports the detection engine's rules,
// built-in and custom.
const DetectAnalyzer = "hardcodedcred"

// ruleTable resolves rule references (ID or name, any case) to rules.
type ruleTable map[string]rules.Info

func (t ruleTable) add(info rules.Info) {
	if info.ID == "" {
		return
	}
	if info.Analyzer == "" {
		info.Analyzer = DetectAnalyzer
	}
	t[strings.ToLower(info.ID)] = info
	if info.Name != "" {
		t[strings.ToLower(info.Name)] = info
	}
}

func (t ruleTable) lookup(ref string) (rules.Info, bool) {
	info, ok := t[strings.ToLower(strings.TrimSpace(ref))]
	return info, ok
}

// builtinTable returns a copy of the table of the registered rules.
func builtinTable() ruleTable { return maps.Clone(builtinOnce()) }

// builtinOnce is the table of the registered rules (rules.Registered: every
// analyzer, the IaC rules and the detection engine register their own, so
// the binary that links them hands config its registry). Packages register
// from init, before any lookup.
var builtinOnce = sync.OnceValue(func() ruleTable {
	reg := rules.Registered()
	t := make(ruleTable, 2*len(reg))
	for _, info := range reg {
		t.add(info)
	}
	return t
})

// knownAnalyzers are the analyzer names the analyzers section accepts: those
// of the registered rules and the detection engine's.
func knownAnalyzers() map[string]bool {
	m := map[string]bool{DetectAnalyzer: true}
	for _, name := range rules.Analyzers() {
		m[name] = true
	}
	return m
}

// KnownRule resolves a built-in rule reference, an ID ("KV101") or a name
// ("azure-entra-client-secret") in any case. Custom rules are resolved by
// (*Loaded).Rule.
func KnownRule(ref string) (rules.Info, bool) {
	return builtinOnce().lookup(ref)
}
