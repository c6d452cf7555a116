package ignorecheck

import "github.com/kvlint/kvlint/rules"

// Each rule of ignorecheck is stated once, in Rules, and registered from here so
// that configuration and directives are checked against it.
func init() { rules.Register(Rules...) }
