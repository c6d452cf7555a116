// Package exported is a test stub of azblob's internal package that
// defines the types its packages export as aliases.
package exported

// SharedKeyCredential contains an account's name and its primary or secondary key.
type SharedKeyCredential struct{}

// NewSharedKeyCredential creates an immutable SharedKeyCredential.
func NewSharedKeyCredential(accountName, accountKey string) (*SharedKeyCredential, error) {
	return &SharedKeyCredential{}, nil
}
