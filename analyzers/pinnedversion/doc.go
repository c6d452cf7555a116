// Package pinnedversion defines an Analyzer that reports Key Vault secrets
// pinned to one version.
//
// # Analyzer pinnedversion
//
// pinnedversion: report Key Vault secret identifiers and GetSecret calls pinned to a version
//
// A secret read by version never sees a rotation: when the secret is rotated
// in Key Vault (by hand, by Event Grid, or by a rotation function) the program
// keeps using the old value until someone edits and redeploys it, or breaks
// when the old version is disabled. Read the latest version instead, and
// pin only where a rollout really needs it.
//
//   - KV301 pinned-secret-uri: a string constant containing a secret
//     identifier with a version,
//     https://NAME.vault.azure.net/secrets/NAME/<32 hex digits>, in every cloud
//     (vault.azure.net, vault.azure.cn, vault.usgovcloudapi.net,
//     vault.microsoftazure.de; the host is matched case-insensitively). The
//     value is folded through go/constant, so named constants and
//     concatenations of constants are seen, and so is fmt.Sprintf with a
//     constant format using only %s (and %%) and constant arguments. It is
//     reported once, at the outermost expression that builds it, not at every
//     use of a named constant.
//   - KV302 pinned-getsecret-version: (*azsecrets.Client).GetSecret(ctx, name,
//     version, opts) with a constant, non-empty version (a literal or a named
//     constant), reported at the call; the method expression
//     (*azsecrets.Client).GetSecret(c, ...) too.
//
// Not reported: versionless identifiers, GetSecret with "" (latest), and
// versions that come from run-time values (a parameter, a variable,
// configuration).
//
// Suggested fixes: for KV301, when the expression is a single string literal,
// delete the version segment; other shapes get no fix. For KV302, replace the
// version argument with "".
//
// Test files are skipped unless the configuration says tests: scan: tests
// pin versions, write short-lived secrets to fakes and call fakes from
// handlers on purpose.
// Example functions (func ExampleClient_SetSecret() in a _test.go file) are
// documentation that users copy, and are judged as production code.
//
// Every generation of the secrets client is matched: azsecrets
// (sdk/security/keyvault/azsecrets), its deprecated v0.x path
// (sdk/keyvault/azsecrets, where UpdateSecret is UpdateSecretProperties),
// and the track-1 keyvault.BaseClient (services/keyvault/<version>/keyvault:
// GetSecret(ctx, vaultBaseURL, name, version), SetSecret with
// keyvault.SecretSetParameters).
package pinnedversion
