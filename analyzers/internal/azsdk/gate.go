package azsdk

import (
	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/config"
)

// gate is a stand-in until lint.Config lands: every rule is on.
// TODO(config): use lint.Config(pass, src) and (*config.Loaded).RuleEnabled.
func gate(pass *analysis.Pass, src *config.Source) func(id, name string) bool {
	return func(string, string) bool { return true }
}
