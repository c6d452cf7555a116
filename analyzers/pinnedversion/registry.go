package pinnedversion

import "github.com/kvlint/kvlint/rules"

// Each rule of pinnedversion is stated once, in Rules, and registered from here so
// that configuration and directives are checked against it.
func init() { rules.Register(Rules...) }
