package sharedkeyauth

import "github.com/kvlint/kvlint/rules"

// Each rule of sharedkeyauth is stated once, in Rules, and registered from here so
// that configuration and directives are checked against it.
func init() { rules.Register(Rules...) }
