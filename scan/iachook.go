package scan

import (
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/rules"
	"github.com/kvlint/kvlint/scan/iac"
)

// iacRules are the IaC practice rules as the worker's hits carry them.
var iacRules = func() map[string]*detect.Rule {
	m := make(map[string]*detect.Rule, len(iac.Rules))
	for _, info := range iac.Rules {
		m[info.ID] = &detect.Rule{Info: info}
	}
	return m
}()

// practices adds the Key Vault practice findings of package iac in a file
// (not Go: the analyzers cover Go) to the worker's hits, and returns iac's
// note about a file it could not parse.
func (w *worker) practices(abs, content string, l *config.Loaded) string {
	if !l.Enabled(iac.Analyzer) {
		return ""
	}
	if w.iac == nil {
		w.iac = &iac.Checker{ReadFile: w.opts.ReadFile}
	}
	fs, note := w.iac.Check(abs, content)
	for _, f := range fs {
		w.hits = append(w.hits, hit{start: f.Start, end: f.End, rule: iacRules[f.Rule.ID], msg: f.Message})
	}
	return note
}

// iacRule returns the full documentation of an IaC practice rule.
func iacRule(id string) (rules.Info, bool) {
	if r, ok := iacRules[id]; ok {
		return r.Info, true
	}
	return rules.Info{}, false
}
