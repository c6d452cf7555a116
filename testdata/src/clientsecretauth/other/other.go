// Package other has functions named like the Azure SDK's: not hits.
package other

// NewClientSecretCredential only shares its name with azidentity's.
func NewClientSecretCredential(tenantID, clientID, secret string, options any) (string, error) {
	return tenantID + clientID, nil
}

// Setenv only shares its name with os.Setenv.
func Setenv(key, value string) error { return nil }
