package secretlog

import "testing"

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
