package clientsecretauth

import (
	"context"
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	azid "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

type vault struct {
	cred   azcore.TokenCredential
	client *azsecrets.Client
}

// Fixed: cred is only passed where a TokenCredential is expected.
func fixDefine(s settings, url string) (*azsecrets.Client, error) {
	cred, err := azid.NewClientSecretCredential(s.TenantID, s.ClientID, s.ClientSecret, nil) // want `NewClientSecretCredential authenticates`
	if err != nil {
		return nil, err
	}
	return azsecrets.NewClient(url, cred, nil)
}

// Fixed: stored in a TokenCredential field, a slice of them, and GetToken.
func fixFields(s settings) (*vault, error) {
	cred, err := azid.NewUsernamePasswordCredential(s.TenantID, s.ClientID, s.User, s.Password, nil) // want `NewUsernamePasswordCredential authenticates`
	if err != nil {
		return nil, err
	}
	_, _ = cred.GetToken(context.Background(), policy.TokenRequestOptions{})
	all := []azcore.TokenCredential{cred}
	_ = all
	return &vault{cred: cred}, nil
}

// Fixed: assigned to an existing TokenCredential variable.
func fixAssign(s settings) azcore.TokenCredential {
	var cred azcore.TokenCredential
	var err error
	cred, err = azid.NewOnBehalfOfCredentialWithSecret(s.TenantID, s.ClientID, "assertion", s.ClientSecret, nil) // want `NewOnBehalfOfCredentialWithSecret authenticates`
	if err != nil {
		return nil
	}
	return cred
}

// Fixed: returned as a TokenCredential; unused parameters are fine.
func fixReturn(tenant, client, secret string) (azcore.TokenCredential, error) {
	return azid.NewClientSecretCredential(tenant, client, secret, nil) // want `NewClientSecretCredential authenticates`
}

// Fixed: var declaration; os stays used elsewhere in the file.
func fixVar() {
	var cred, err = azid.NewClientSecretCredential(os.Getenv("T"), os.Getenv("C"), os.Getenv("S"), nil) // want `NewClientSecretCredential authenticates`
	if err == nil {
		use(cred)
	}
}

func use(c azcore.TokenCredential) {}

var args = os.Args

// Not fixed: a method only *ClientSecretCredential has... the concrete type is returned.
func noFixConcrete(s settings) (*azid.ClientSecretCredential, error) {
	cred, err := azid.NewClientSecretCredential(s.TenantID, s.ClientID, s.ClientSecret, nil) // want `NewClientSecretCredential authenticates`
	return cred, err
}

// Not fixed: the secret variable would be left unused.
func noFixUnusedLocal(s settings) {
	secret := s.ClientSecret
	cred, err := azid.NewClientSecretCredential(s.TenantID, s.ClientID, secret, nil) // want `NewClientSecretCredential authenticates`
	if err == nil {
		use(cred)
	}
}

// Not fixed: stored in a field of the concrete type.
type holder struct{ c *azid.ClientSecretCredential }

func noFixConcreteField(s settings) holder {
	cred, _ := azid.NewClientSecretCredential(s.TenantID, s.ClientID, s.ClientSecret, nil) // want `NewClientSecretCredential authenticates`
	return holder{c: cred}
}

// Not fixed: not the right-hand side of an assignment.
func noFixExpr(s settings) {
	use(must(azid.NewClientSecretCredential(s.TenantID, s.ClientID, s.ClientSecret, nil))) // want `NewClientSecretCredential authenticates`
}

func must(c *azid.ClientSecretCredential, err error) *azid.ClientSecretCredential { return c }
