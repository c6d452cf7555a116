package contexts

import "testing"

// Low-entropy values typed by a person are test fixtures, not secrets.
const testPassword = "hunter2-for-tests"

var fixtureAPIKey = "fake-api-key-0001"

var mockClientSecret = "mock-secret-abc123"

// A value that looks generated is reported even in a test file.
var leakedAPIKey = "Zp4qW9vKx2LmT7rBn5Hs" // want `^secret "Zp4q…`

// Provider formats are reported in test files too.
const leakedToken = "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" // want `^github token`

func TestLogin(t *testing.T) {
	password := "correct-horse-battery"
	if password == "" {
		t.Fatal("no password")
	}
	_, _, _ = testPassword, fixtureAPIKey, mockClientSecret
}
