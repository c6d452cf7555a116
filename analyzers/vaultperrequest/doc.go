// Package vaultperrequest defines an Analyzer that reports Key Vault reads on
// every HTTP request.
//
// # Analyzer vaultperrequest
//
// vaultperrequest: report GetSecret called directly in an HTTP handler
//
// Reading a secret from Key Vault on every request adds a network round trip
// to each response, fails requests when the vault is slow or throttling, and
// spends the vault's per-vault transaction limit on repeated reads of the
// same value. Read secrets at startup, or through a cache that refreshes them
// in the background or on expiry.
//
// KV420 vault-call-per-request reports (*azsecrets.Client).GetSecret called
// in the body of an HTTP handler, or in a function literal written there:
//
//   - a function or function literal with the signature
//     (http.ResponseWriter, *http.Request), which includes ServeHTTP methods
//     and http.HandlerFunc values;
//   - a gin handler, func(*gin.Context), and an echo handler,
//     func(echo.Context) error (github.com/labstack/echo/v4).
//
// Kept simple on purpose: only calls written in the handler are reported. A
// call in another function the handler calls (a cache's get method, a
// loader) is not reported, whatever it does, and neither is a call in a
// function literal passed to (*sync.Once).Do, sync.OnceFunc, sync.OnceValue
// or sync.OnceValues, which runs once. A call that fills a cache is not
// reported either: it sits in an if statement whose condition reads a place
// that outlives the request (a field of the receiver, a captured or
// package-level variable, a map among them) and whose body stores into that
// place, as in if s.key == "" { ...; s.key = *resp.Value }, or reads a local
// just read from it (v, ok := s.cache[k]; if !ok { ...; s.cache[k] = v }). A cache check
// whose body does not fill the cache, or a local variable, is no cache.
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
package vaultperrequest
