package config

import "testing"

func TestDefaultHasPassword(t *testing.T) {
	c := Default()
	c.DBPassword = "password123"   // corpus:decoy
	c.ClientSecret = "test-secret" // corpus:decoy
	if c.DBPassword == "" {
		t.Fatal("empty password")
	}
	if c.ClientSecret == "invalid client secret" { // corpus:decoy
		t.Fatal("unexpected")
	}
}
