// Package policy is a test stub of the Azure SDK azcore/policy package: only
// the names kvlint's analyzers and fixtures use, with the real signatures.
package policy

// ClientOptions contains optional settings for a client's pipeline.
type ClientOptions struct {
	APIVersion                      string
	InsecureAllowCredentialWithHTTP bool
}

// TokenRequestOptions contains specific parameter that may be used by credentials types when attempting to get a token.
type TokenRequestOptions struct {
	Claims    string
	EnableCAE bool
	Scopes    []string
	TenantID  string
}
