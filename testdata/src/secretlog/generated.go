package secretlog

import (
	"context"
	"fmt"
	"log"
)

// NewJwtSecretWithBase64 generates a secret, returned raw and in base64.
func NewJwtSecretWithBase64() ([]byte, string) { return nil, "" }

// GeneratePassword generates a password of n characters.
func GeneratePassword(n int) (string, error) { return "", nil }

// AccessToken is a stored access token, its Token filled in by NewAccessToken.
type AccessToken struct{ Name, Token string }

// NewAccessToken creates t and fills in t.Token.
func NewAccessToken(ctx context.Context, t *AccessToken) error { return nil }

// NewAccessRecord stores t: it generates no token.
func NewAccessRecord(ctx context.Context, t *AccessToken) error { return nil }

// Have: gitea's generate commands: a generated value in any result but the
// error, a password generated in one branch and printed there, a token a
// generator filled in.
func generatedForms(ctx context.Context, flagPassword func() (string, bool)) error {
	_, jwtSecretBase64 := NewJwtSecretWithBase64()
	fmt.Printf("%s", jwtSecretBase64) // want `a credential generated here is printed by fmt.Printf`

	var password string
	if p, ok := flagPassword(); ok {
		password = p
	} else {
		var err error
		password, err = GeneratePassword(16)
		if err != nil {
			return err
		}
		fmt.Printf("generated random password is '%s'\n", password) // want `a credential generated here is printed by fmt.Printf`
	}
	fmt.Printf("password %s\n", password) // want `the secret-named password flows into fmt.Printf`

	t := &AccessToken{Name: "cli"}
	if err := NewAccessToken(ctx, t); err != nil {
		return err
	}
	fmt.Printf("Access token was successfully created: %s\n", t.Token) // want `a credential generated here is printed by fmt.Printf`
	log.Printf("token %s", t.Token)                                    // want `the secret-named field Token flows into log.Printf`
	return nil
}

// Decoys: a call that generates nothing of the field's kind, and a value
// stored after it was generated.
func notGenerated(ctx context.Context, t *AccessToken, load func() string) error {
	if err := NewAccessRecord(ctx, t); err != nil {
		return err
	}
	fmt.Printf("%s\n", t.Token) // want `the secret-named field Token flows into fmt.Printf`

	secret, err := GeneratePassword(16)
	if err != nil {
		return err
	}
	secret = load()
	fmt.Println(secret) // want `the secret-named secret flows into fmt.Println`
	return nil
}
