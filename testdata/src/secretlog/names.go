package secretlog

import (
	"fmt"
	"log"
	"strings"
)

// Names of secrets, not secrets: the head of the name is not a secret word,
// or a key names the secret beside it.

func switchUser(userWithMissingToken, pathToToken string) error {
	log.Printf("user %s has no token in %s", userWithMissingToken, pathToToken)
	return fmt.Errorf("no token found for %s", userWithMissingToken)
}

func passwordForAdmin(passwordForAdmin string) {
	log.Print(passwordForAdmin) // want `the secret-named passwordForAdmin flows into log.Print`
}

func setSecret(secretKey string, secret []byte) error {
	if len(secret) == 0 {
		return fmt.Errorf("failed to set secret %q: empty", secretKey)
	}
	return nil
}

func setAll(secrets map[string][]byte) {
	for secretKey, secret := range secrets {
		log.Printf("setting %s (%d bytes)", secretKey, len(secret))
	}
}

func s3(accessKey, secretKey string) {
	log.Printf("s3 %s:%d %s", "id", len(accessKey), secretKey) // want `the secret-named secretKey flows into log.Printf`
}

type ref struct {
	Secret    []byte
	SecretKey string
}

type s3creds struct {
	AccessKey string
	SecretKey string
}

func keyFields(r ref, c s3creds) {
	log.Printf("key %s", r.SecretKey)
	log.Printf("key %s", c.SecretKey) // want `the secret-named field SecretKey flows into log.Printf`
}

// Constants: a local that only ever holds constants, and a named constant,
// hold a secret only if the credential rules flag the value.

const dbPassword = "Tr0ub4dor&3-horse"

const passwordPlaceholder = "changeme"

func constants(flag bool) {
	token := "not-set"
	if flag {
		token = "unknown"
	}
	log.Printf("token %s", token)
	log.Printf("password %s", passwordPlaceholder)
	log.Printf("password %s", dbPassword) // want `the hardcoded secret dbPassword flows into log.Printf`
	password := "Tr0ub4dor&3-horse"
	log.Printf("password %s", password) // want `the hardcoded secret password flows into log.Printf`
	var apiKey string
	readInto(&apiKey)
	log.Printf("key %s", apiKey) // want `the secret-named apiKey flows into log.Printf`
}

func readInto(p *string) {}

// Replacing or trimming a secret out of a text removes it.

func scrubbed(body, secret string) {
	log.Print(strings.ReplaceAll(body, secret, "[REDACTED]"))
	log.Print(strings.TrimPrefix(body, secret))
	log.Print(strings.ReplaceAll(body, "{{secret}}", secret)) // want `the secret-named secret flows into log.Print`
}

// A predicate about a secret is not the secret, whatever its type.
func predicates(hasToken, isPasswordSet string) {
	log.Printf("token: %s, password: %s", hasToken, isPasswordSet)
}

// Tokens that are cursors or idempotency keys, not credentials.
type listInput struct {
	PaginationToken    *string
	ClientRequestToken *string
}

func cursors(in listInput) error {
	log.Printf("page %s", *in.PaginationToken)
	return fmt.Errorf("request %s failed", *in.ClientRequestToken)
}

// A secretKey used to index a map is the key of a secret's data.
func extract(data map[string][]byte, secretKey string) ([]byte, error) {
	value, ok := data[secretKey]
	if !ok {
		return nil, fmt.Errorf("secretKey %q not found in secret data", secretKey)
	}
	return value, nil
}

// An apiKey used to index a map is still an API key.
func lookup(clients map[string]int, apiKey string) {
	if _, ok := clients[apiKey]; !ok {
		log.Printf("unknown key %s", apiKey) // want `the secret-named apiKey flows into log.Printf`
	}
}

// Messages about a secret are not the secret.
var errBadServiceAPIKey = "could not get Auth.Apikey.ApiKeyRef: %w"

func messages(accessToken string, err error) error {
	if err != nil {
		return fmt.Errorf(errBadServiceAPIKey, err)
	}
	return fmt.Errorf(accessToken, err) // want `the secret-named accessToken flows into fmt.Errorf`
}
