package secretlog

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Have: package-local helpers whose result is a hash of their argument:
// sanitizers, by their body (their names say nothing).
func h(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

func tag(key []byte, msg string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(msg))
	return fmt.Sprintf("%x", mac.Sum(nil))
}

// Not sanitizers: a hash computed beside the value returned, and a helper
// that returns its argument (no hash at all).
func withSum(s string) string {
	sum := sha256.Sum256([]byte(s))
	return s + ":" + hex.EncodeToString(sum[:])
}

func quote(s string) string { return "'" + s + "'" }

func hashedHelpers(password string, signingKey []byte) {
	fmt.Println(h(password))               // a hash: no finding
	fmt.Println(tag(signingKey, password)) // an HMAC: no finding
	fmt.Println(withSum(password))         // want `the secret-named password flows into fmt.Println`
	fmt.Println(quote(password))           // want `the secret-named password flows into fmt.Println`
}

// Have: a logger of a package kvlint does not know, by its method set.
type Logger interface {
	Debug(args ...interface{})
	Debugf(format string, args ...interface{})
	Info(args ...interface{})
	Infof(format string, args ...interface{})
	Warn(args ...interface{})
	Error(args ...interface{})
	Errorf(format string, args ...interface{})
}

type metrics struct{}

// Info is not a logger's: metrics has no other level methods.
func (metrics) Info(args ...interface{}) {}

func shapedLogger(log Logger, m metrics, clientSecret string) {
	log.Infof("secret: %s", clientSecret) // want `the secret-named clientSecret flows into \(Logger\).Infof`
	log.Debug(clientSecret)               // want `flows into \(Logger\).Debug`
	log.Info("connected")
	m.Info(clientSecret) // not a logger
}

// NewInternalToken generates a new token.
func NewInternalToken() (string, error) { return "", nil }

// Have: a command that generates a credential and hands it to its user on
// standard output: a note (KV411), not KV410.
func generateInternalToken() error {
	internalToken, err := NewInternalToken()
	if err != nil {
		return err
	}
	fmt.Printf("%s", internalToken)        // want `KV411|a credential generated here is printed by fmt.Printf`
	fmt.Fprintln(os.Stdout, internalToken) // want `a credential generated here is printed by fmt.Fprintln to os.Stdout`
	// To a log or stderr it is still KV410.
	fmt.Fprintln(os.Stderr, internalToken) // want `the secret-named internalToken flows into fmt.Fprintln to os.Stderr`
	return nil
}

// A token read from elsewhere and printed is KV410.
func printToken(load func() string) {
	apiToken := strings.TrimSpace(load())
	fmt.Println(apiToken) // want `the secret-named apiToken flows into fmt.Println`
}

// Have: package-local helpers that parse a connection string and return a
// part of it that is no secret: sanitizers, by their body. Decoys: one
// returns the password part, one the whole string beside the part.
func hubNameOf(connectionString string) string {
	u, err := url.Parse(connectionString)
	if err != nil {
		return ""
	}
	return u.Path
}

func passwordOf(connectionString string) string {
	u, err := url.Parse(connectionString)
	if err != nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}

func withHost(connectionString string) string {
	u, _ := url.Parse(connectionString)
	return u.Host + " " + connectionString
}

func parsedParts(connectionString string) {
	fmt.Println(hubNameOf(connectionString))  // a part that is no secret: no finding
	fmt.Println(passwordOf(connectionString)) // want `the secret-named connectionString flows into fmt.Println`
	fmt.Println(withHost(connectionString))   // want `the secret-named connectionString flows into fmt.Println`
}

// TruncateRunes keeps the first n runes of s (as gitea's util.TruncateRunes).
func TruncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// Pad pads s to n characters.
func Pad(s string, n int) string { return s + strings.Repeat(" ", n) }

// Have: values masked before they are printed: a short prefix (a
// truncating helper with a small constant, a slice) and stars for the rest.
func maskedForms(token string) {
	fmt.Printf("token %q...\n", TruncateRunes(token, 3)) // a 3-rune prefix: no finding
	fmt.Println(token[:4] + strings.Repeat("*", len(token)-4))
	fmt.Println(strings.Repeat("*", len(token)))
	fmt.Println(TruncateRunes(token, 64)) // want `the secret-named token flows into fmt.Println`
	fmt.Println(Pad(token, 3))            // want `the secret-named token flows into fmt.Println`
	fmt.Println(strings.Repeat(token, 2)) // want `the secret-named token flows into fmt.Println`
}
