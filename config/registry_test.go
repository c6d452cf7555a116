package config_test

// The tests of config check rule references against the registry the real
// binaries have: every analyzer and the IaC rules register their own rules
// (rules.Register in their init), so linking them in hands config the
// registry. No test keeps a copy of the rule IDs.
import (
	_ "github.com/kvlint/kvlint/analyzers"
	_ "github.com/kvlint/kvlint/scan/iac"
)
