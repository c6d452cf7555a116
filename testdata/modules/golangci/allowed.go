package fixture

import "example.com/golangcifixture/internal/fixtures"

// fixtureToken comes from a package the settings allowlist (allow.paths).
var fixtureToken = fixtures.Token
