// Package fixture is linted by the custom golangci-lint (kvlint plugin) in
// kvlint's integration tests. The {{...}} placeholders are replaced with
// generated fake credentials at test time; the repository holds none.
package fixture

import "fmt"

// uploadToken is reported: KV112 github-token.
var uploadToken = "{{ghp:upload}}"

// mirrorToken is suppressed by golangci-lint's own directive.
var mirrorToken = "{{ghp:mirror}}" //nolint:kvlint // fixture for the nolint test

// sessionJWT would be KV124 jwt; the settings disable that rule.
var sessionJWT = "{{jwt:session}}"

// fixtureToken comes from internal/fixtures, which the settings allowlist.
var _ = fixtureToken

// Connect is reported: KV100 generic-secret on dbPassword.
func Connect() string {
	dbPassword := "{{fake:dbpw}}"
	return fmt.Sprint(uploadToken, mirrorToken, sessionJWT, dbPassword)
}
