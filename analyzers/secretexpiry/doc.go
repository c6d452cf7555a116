// Package secretexpiry defines an Analyzer that reports Key Vault secrets
// written without an expiry date.
//
// # Analyzer secretexpiry
//
// secretexpiry: report Key Vault secrets set without an expiry, or updated to remove it
//
// A secret without an expiry date never forces a rotation: a leaked value
// keeps working until someone notices. Azure Policy and the Microsoft cloud
// security benchmark ask for an expiration date on every Key Vault secret.
//
//   - KV401 secret-without-expiry: (*azsecrets.Client).SetSecret whose
//     azsecrets.SetSecretParameters has no SecretAttributes, or whose
//     SecretAttributes has no Expires (or sets it to nil or
//     azcore.NullValue). The parameters must be a composite literal in the
//     call, or a local variable initialized with one in the same function and
//     not otherwise assigned, field-stored or address-taken; the same holds for
//     a SecretAttributes value. Parameters that come from elsewhere (a function
//     parameter, a call, a global) are not judged.
//   - KV402 expiry-removed: (*azsecrets.Client).UpdateSecretProperties whose
//     SecretAttributes sets Expires to azcore.NullValue[*time.Time](), which
//     sends JSON null and removes the expiry, or to an explicit nil, which the
//     SDK omits (the expiry is kept) but which says the author meant to clear it.
//
// There is no suggested fix: only the author knows the right lifetime.
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
package secretexpiry
