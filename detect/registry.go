package detect

import "github.com/kvlint/kvlint/rules"

// The built-in rules join the rule registry like every analyzer's, so that
// config resolves references to them (rules.enable, severity, directives)
// without knowing the engine: a binary that links the engine hands config
// its rules.
func init() {
	rules.RegisterFunc(func() []rules.Info {
		var infos []rules.Info
		for _, r := range builtin() {
			infos = append(infos, r.Info)
		}
		return infos
	})
}
