package clientsecretauth

import (
	. "github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

func dotImport(t, c, s string) {
	cred, err := NewClientSecretCredential(t, c, s, nil) // want `NewClientSecretCredential authenticates`
	_, _ = cred, err
}
