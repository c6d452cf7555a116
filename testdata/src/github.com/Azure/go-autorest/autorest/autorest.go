// Package autorest is a test stub of go-autorest's Authorizer.
package autorest

import "net/http"

// Authorizer prepares requests with credentials.
type Authorizer interface {
	WithAuthorization() func(*http.Request) (*http.Request, error)
}
