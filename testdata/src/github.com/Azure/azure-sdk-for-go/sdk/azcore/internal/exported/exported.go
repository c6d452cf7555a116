// Package exported is a test stub of azcore's internal package that
// defines the types azcore exports as aliases.
package exported

// KeyCredential contains an authentication key used to authenticate to an Azure service.
type KeyCredential struct{ key string }

// NewKeyCredential creates a new instance of KeyCredential with the specified values.
func NewKeyCredential(key string) *KeyCredential { return &KeyCredential{key} }

// SASCredential contains a shared access signature used to authenticate to an Azure service.
type SASCredential struct{ sas string }

// NewSASCredential creates a new instance of SASCredential with the specified values.
func NewSASCredential(sas string) *SASCredential { return &SASCredential{sas} }
