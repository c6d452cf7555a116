// Package clientsecretauth defines an Analyzer that reports authentication to
// Azure with a static client secret or password.
//
// # Analyzer clientsecretauth
//
// clientsecretauth: report Azure authentication with a static client secret or password
//
// A client secret used to reach Key Vault is itself a secret to protect: it
// has to be stored, rotated and kept out of logs, which is the problem Key
// Vault was meant to solve. Managed identities and workload identity federation
// need no secret at all. The analyzer reports, matched by package path and
// name through go/types (import aliases, dot imports and wrapper functions
// included; a same-named function of another package is not a hit):
//
//   - KV201 client-secret-credential: calls of azidentity.NewClientSecretCredential,
//     references to it as a function value, and azidentity.ClientSecretCredentialOptions
//     literals in a function that does not itself call the constructor.
//   - KV202 username-password-credential: azidentity.NewUsernamePasswordCredential
//     (and its options literal likewise).
//   - KV203 on-behalf-of-secret: azidentity.NewOnBehalfOfCredentialWithSecret.
//   - KV204 msal-cred-from-secret: MSAL confidential.NewCredFromSecret.
//   - KV205 client-secret-env: os.Setenv with the constant key AZURE_CLIENT_SECRET
//     or AZURE_PASSWORD, which arms EnvironmentCredential with a static secret.
//   - KV206 autorest-client-secret: the retired go-autorest and track-1 SDK
//     ways to the same: auth.NewClientCredentialsConfig, adal.NewServicePrincipalToken,
//     auth.ClientCredentialsConfig and adal.ServicePrincipalTokenSecret literals
//     (as the options literals above), and auth.NewAuthorizerFromEnvironment
//     (go-autorest's or services/keyvault/auth's) in a package that spells
//     AZURE_CLIENT_SECRET; elsewhere it may be a managed identity.
//
// Where the secret comes from does not matter (literal, constant, os.Getenv,
// a configuration field, a parameter): the credential type is the problem. A
// literal secret is also reported by hardcodedcred.
//
// Use azidentity.NewDefaultAzureCredential, NewManagedIdentityCredential or
// NewWorkloadIdentityCredential instead; in MSAL code, a confidential client
// takes a federated token through confidential.NewCredFromAssertionCallback.
//
// For KV201-KV203 a suggested fix replaces the call with
// azidentity.NewDefaultAzureCredential(nil) (with the file's own name for the
// package) when the result still type-checks: the call is the right-hand side
// of `cred, err := ...`, `cred, err = ...` or `var cred, err = ...`, or is
// returned from a function whose first result is azcore.TokenCredential, and
// every use of cred needs only an azcore.TokenCredential (an argument, field,
// element, assignment or return of that interface type, or a GetToken call).
// No fix is offered when cred is used as the concrete credential type, or when
// removing the call's arguments would leave a local variable or an import
// unused.
//
// The SDK's own code is not a user of it: nothing is reported inside the
// package (or the module) that defines one of the matched functions, so
// azidentity's constructors, its EnvironmentCredential, its secret
// credentials built on MSAL's NewCredFromSecret and its tests are not
// findings; nor are MSAL's and go-autorest's own code.
//
// Test files are judged too, unless the configuration says tests: skip.
package clientsecretauth
