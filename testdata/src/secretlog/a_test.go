package secretlog

import (
	"fmt"
	"net/http"
	"os"
	"testing"
)

func TestLogs(t *testing.T) {
	password := newPassword()
	t.Logf("using %s", password) // want `the secret-named password flows into \(\*testing.T\).Logf`
	t.Logf("using %d chars", len(password))
}

func newPassword() string { return "generated-at-test-time" }

func TestFixtures(t *testing.T) {
	expectedToken, fakePassword := newPassword(), newPassword()
	got := newPassword()
	if got != expectedToken {
		t.Errorf("token: got %q, want %q", got, expectedToken)
	}
	t.Logf("using %s", fakePassword)
}

func TestAssertions(t *testing.T) {
	secret, token := newPassword(), os.Getenv("API_TOKEN")
	if secret != "generated-at-test-time" {
		t.Errorf("secret: got %q", secret)
	}
	if token == "" {
		t.Fatalf("token %q", token) // want `the environment variable API_TOKEN flows into \(\*testing.T\).Fatalf`
	}
	t.Logf("secret %s", secret) // want `the secret-named secret flows into \(\*testing.T\).Logf`
}

const fixtureSecret = "Tr0ub4dor&3-horse"

func TestFakeServer(t *testing.T) {
	srv := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accessToken := r.Header.Get("Authorization")
		fmt.Fprintf(w, `{"login": %q}`, accessToken)
		fmt.Fprintf(w, `{"secret": %q}`, fixtureSecret)
		fmt.Fprintf(w, `{"env": %q}`, os.Getenv("API_TOKEN")) // want `the environment variable API_TOKEN flows into fmt.Fprintf to the http response`
	})
	if got := newPassword(); got != fixtureSecret {
		t.Errorf("got %q, want %q", got, fixtureSecret)
	}
	t.Logf("secret %s", fixtureSecret) // want `the hardcoded secret fixtureSecret flows into \(\*testing.T\).Logf`
	_ = srv
}
