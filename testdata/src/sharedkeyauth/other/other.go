// Package other has functions named like the Azure SDK's, and is not it.
package other

// NewClientFromConnectionString is not an Azure SDK constructor.
func NewClientFromConnectionString(cs string) (string, error) { return cs, nil }

// SharedKeyCredential is not an Azure SDK credential.
type SharedKeyCredential struct{}

// NewSharedKeyCredential is not an Azure SDK constructor.
func NewSharedKeyCredential(account, key string) (*SharedKeyCredential, error) {
	return &SharedKeyCredential{}, nil
}
