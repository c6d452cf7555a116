package clientsecretauth

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// Not fixed: strings is used only inside the call; the fix would leave the import unused.
func noFixImport(s settings) azcore.TokenCredential {
	cred, err := azidentity.NewClientSecretCredential(s.TenantID, s.ClientID, strings.TrimSpace(s.ClientSecret), nil) // want `NewClientSecretCredential authenticates`
	if err != nil {
		return nil
	}
	return cred
}
