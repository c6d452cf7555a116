package secretlog

import (
	"context"
	"fmt"
	"log"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	hvault "github.com/hashicorp/vault/api"
)

// Names of secrets held in secret-named variables: the data flow says so.

// Have: dapr's vault getSecret(ctx, secret, version), whose every call in
// the package passes the name of a secret (req.Name, a key of a listing).
func (s *store) getSecret(ctx context.Context, secret, version string) error {
	log.Printf("getSecret %s failed", secret)
	return fmt.Errorf("getSecret %s version %s failed", secret, version)
}

type store struct{}

type getRequest struct{ Name string }

func (s *store) GetSecret(ctx context.Context, req getRequest) error {
	return s.getSecret(ctx, req.Name, "0")
}

func (s *store) BulkGetSecret(ctx context.Context, keys []string) error {
	for _, key := range keys {
		if err := s.getSecret(ctx, key, "0"); err != nil {
			return err
		}
	}
	return nil
}

// Decoys: the same shape where one call passes a value (login(ctx,
// cfg.Password)), and an exported function, whose callers are not all seen.
func login(ctx context.Context, password string) error {
	return fmt.Errorf("login with %s failed", password) // want `the secret-named password flows into fmt.Errorf`
}

type loginConfig struct{ UserName, Password string }

func logins(ctx context.Context, cfg loginConfig) {
	_ = login(ctx, cfg.UserName)
	_ = login(ctx, cfg.Password)
}

// Connect is exported: a caller elsewhere may pass a secret.
func Connect(token string) error {
	return fmt.Errorf("connect with %s failed", token) // want `the secret-named token flows into fmt.Errorf`
}

func connects(serverName string) { _ = Connect(serverName) }

// Decoy: a function also passed on as a value is called where this
// package cannot see.
func checkKey(apiKey string) { log.Print(apiKey) } // want `the secret-named apiKey flows into log.Print`

func checks(keyName string, run func(func(string))) {
	checkKey(keyName)
	run(checkKey)
}

// Have: a secret-named variable passed where a callee takes a name or a
// path is the name: GetSecret(ctx, name, ...), Logical().Read(path).
func readNamed(ctx context.Context, c *azsecrets.Client, v *hvault.Client, secret, token string) error {
	if _, err := c.GetSecret(ctx, secret, "", nil); err != nil {
		return fmt.Errorf("get secret %s: %w", secret, err)
	}
	if _, err := v.Logical().Read(token); err != nil {
		log.Printf("read %s: %v", token, err)
	}
	return nil
}

// Decoys: a token passed as a value (an HTTP header, a basic-auth user
// name, a Write's data) is still a secret.
func sendToken(req *http.Request, v *hvault.Client, token, password string) {
	req.Header.Set("Authorization", token)
	req.SetBasicAuth(password, "x-oauth-basic")
	_, _ = v.Logical().Write("secret/data/app", map[string]interface{}{"token": token})
	log.Printf("sent %s", token)    // want `the secret-named token flows into log.Printf`
	log.Printf("auth %s", password) // want `the secret-named password flows into log.Printf`
}

// Have: every value stored in it is a name (secret := req.Name); decoy: a
// value stored beside a name.
func storedNames(req getRequest, load func() string) {
	secret := req.Name
	log.Printf("reading %s", secret)
	token := req.Name
	if token == "" {
		token = load()
	}
	log.Printf("token %s", token) // want `the secret-named token flows into log.Printf`
}

// Names by their own words are no secrets at all (secretPath, tokenName,
// keyVaultSecretName), nor is a constant the credential rules do not flag.
func pathsAndNames(secretPath, tokenName, keyVaultSecretName string) {
	log.Printf("%s %s %s", secretPath, tokenName, keyVaultSecretName)
	secret := "secret/data/app"
	log.Printf("reading %s", secret)
}
