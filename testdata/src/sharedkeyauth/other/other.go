// Package other has functions named like the Azure SDK's, and is not it.
package other

import "github.com/Azure/azure-sdk-for-go/sdk/azcore"

// NewClientFromConnectionString is not an Azure SDK constructor.
func NewClientFromConnectionString(cs string) (string, error) { return cs, nil }

// SharedKeyCredential is not an Azure SDK credential.
type SharedKeyCredential struct{}

// NewSharedKeyCredential is not an Azure SDK constructor.
func NewSharedKeyCredential(account, key string) (*SharedKeyCredential, error) {
	return &SharedKeyCredential{}, nil
}

// NewClientWithSharedKeyCredential is not an Azure SDK constructor.
func NewClientWithSharedKeyCredential(url string, cred *SharedKeyCredential) (string, error) {
	return url, nil
}

// KeyCredential is not an Azure SDK credential.
type KeyCredential struct{}

// NewKeyCredential is not an Azure SDK constructor.
func NewKeyCredential(key string) (KeyCredential, error) { return KeyCredential{}, nil }

// NewClientWithKeyCredential takes azcore's KeyCredential, and is not an
// Azure SDK constructor (its service is not known to accept Entra ID).
func NewClientWithKeyCredential(url string, cred *azcore.KeyCredential) (string, error) {
	return url, nil
}
