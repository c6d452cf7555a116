// Package azcore is a test stub of the Azure SDK azcore package.
package azcore

import (
	"context"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/internal/exported"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
)

// AccessToken represents an Azure service bearer access token with expiry information.
type AccessToken struct {
	Token     string
	ExpiresOn time.Time
	RefreshOn time.Time
}

// TokenCredential represents a credential capable of providing an OAuth token.
type TokenCredential interface {
	GetToken(ctx context.Context, options policy.TokenRequestOptions) (AccessToken, error)
}

// ClientOptions contains optional settings for a client's pipeline.
type ClientOptions = policy.ClientOptions

// ResponseError is returned when a request is made to a service and the
// service returns a non-success HTTP status code.
type ResponseError struct {
	ErrorCode  string
	StatusCode int
}

// Error implements the error interface.
func (e *ResponseError) Error() string { return e.ErrorCode }

// NullValue is used to send an explicit 'null' within a request.
func NullValue[T any]() T {
	var zero T
	return zero
}

// KeyCredential contains an authentication key (an alias, as in the real azcore).
type KeyCredential = exported.KeyCredential

// NewKeyCredential creates a new instance of KeyCredential with the specified values.
func NewKeyCredential(key string) *KeyCredential { return exported.NewKeyCredential(key) }

// SASCredential contains a shared access signature (an alias, as in the real azcore).
type SASCredential = exported.SASCredential

// NewSASCredential creates a new instance of SASCredential with the specified values.
func NewSASCredential(sas string) *SASCredential { return exported.NewSASCredential(sas) }
