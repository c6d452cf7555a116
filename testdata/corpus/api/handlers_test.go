package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

const testAPIKey = "test-api-key"   // corpus:decoy
const testPassword = "hunter2"      // corpus:decoy
const testToken = "fake-token-1234" // corpus:decoy

func TestAuthRejects(t *testing.T) {
	h := Auth(http.NotFoundHandler())
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Header.Set("X-Partner-Key", "wrong-key") // corpus:decoy
	req.SetBasicAuth("user", "password")         // corpus:decoy
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("code %d", rec.Code)
	}
	// A token that slipped into a test file is still a leak:
	_ = "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" // corpus:secret
}
