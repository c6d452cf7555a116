// Package pinnedversion is a fixture: positives with want, decoys beside them.
package pinnedversion

import (
	"context"
	"fmt"
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// The version in these fixtures is a made-up 32-hex-digit value.

const (
	vault   = "ehr-test"
	secret  = "db-password"
	version = "00112233445566778899aabbccddeeff"
	host    = "https://" + vault + ".vault.azure.net"
)

// Constants.
const pinned = "https://ehr-test.vault.azure.net/secrets/db-password/00112233445566778899aabbccddeeff" // want `key vault secret identifier is pinned to version 00112233\.\.\.: rotations will not reach this code; drop the version segment to read the latest`

const versionless = "https://ehr-test.vault.azure.net/secrets/db-password"

const versionlessSlash = "https://ehr-test.vault.azure.net/secrets/db-password/"

const shortVersion = "https://ehr-test.vault.azure.net/secrets/db-password/0011223344"

const notVault = "https://example.com/secrets/db-password/00112233445566778899aabbccddeeff"

const keyNotSecret = "https://ehr-test.vault.azure.net/keys/signing/00112233445566778899aabbccddeeff"

var (
	china  = "https://ehr-cn.VAULT.Azure.CN/secrets/db-password/00112233445566778899AABBCCDDEEFF"                       // want `pinned to version 00112233`
	gov    = "https://ehr-gov.vault.usgovcloudapi.net/secrets/api-key/ffeeddccbbaa99887766554433221100?api-version=7.4" // want `pinned to version ffeeddcc`
	german = `https://ehr-de.vault.microsoftazure.de/secrets/api-key/ffeeddccbbaa99887766554433221100`                  // want `pinned to version ffeeddcc`

	concat = host + "/secrets/" + secret + "/" + version                                     // want `pinned to version 00112233`
	sprint = fmt.Sprintf("https://%s.vault.azure.net/secrets/%s/%s", vault, secret, version) // want `pinned to version 00112233`

	// Decoys: run-time values, other verbs, versionless.
	runtime   = fmt.Sprintf("https://%s.vault.azure.net/secrets/%s/%s", vault, secret, os.Getenv("V"))
	otherVerb = fmt.Sprintf("https://%s.vault.azure.net/secrets/%s/%x", vault, secret, 42)
	latest    = host + "/secrets/" + secret
	usesConst = pinned // a use of the constant is not a second finding
)

type config struct {
	URI string `default:"https://ehr-test.vault.azure.net/secrets/db-password/00112233445566778899aabbccddeeff"`
}

func get(ctx context.Context, c *azsecrets.Client, v string) {
	_, _ = c.GetSecret(ctx, "db-password", "00112233445566778899aabbccddeeff", nil) // want `GetSecret reads a constant secret version: rotations will not reach this code; pass "" to read the latest version`
	_, _ = c.GetSecret(ctx, secret, version, nil)                                   // want `GetSecret reads a constant secret version`
	_, _ = c.GetSecret(ctx, secret, "v"+"1", nil)                                   // want `GetSecret reads a constant secret version`

	// Decoys: latest, run-time versions.
	_, _ = c.GetSecret(ctx, secret, "", nil)
	_, _ = c.GetSecret(ctx, secret, v, nil)
	_, _ = c.GetSecret(ctx, secret, os.Getenv("SECRET_VERSION"), nil)
	var s fakeClient
	s.GetSecret(ctx, secret, version, nil)
}

// fakeClient has a method of the same name: not azsecrets.Client.
type fakeClient struct{}

func (fakeClient) GetSecret(ctx context.Context, name, version string, opts any) {}

func methodExpr(ctx context.Context, c *azsecrets.Client) {
	_, _ = (*azsecrets.Client).GetSecret(c, ctx, secret, version, nil) // want `GetSecret reads a constant secret version`
	_, _ = (*azsecrets.Client).GetSecret(c, ctx, secret, "", nil)
}
