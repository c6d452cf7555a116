package iac

import "github.com/kvlint/kvlint/rules"

// The IaC practice rules are stated once, in Rules, and registered from here
// so that configuration and directives are checked against them.
func init() { rules.Register(Rules...) }
