// Package api serves ehrbridge's partner API.
package api

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

const (
	partnerAPIKey    = "mMNVvARNIe2RXfNxd4g1CAVCCn1tTC5IBy14fDp1" // corpus:secret
	apiKeyHeader     = "X-Partner-Key"                            // corpus:decoy
	passwordField    = "password"                                 // corpus:decoy
	tokenCookie      = "ehr_session_token"                        // corpus:decoy
	placeholderToken = "<insert-token-here>"                      // corpus:decoy
	exampleSecret    = "${PARTNER_SECRET}"                        // corpus:decoy
	maskedSecret     = "****************"                         // corpus:decoy
	redactedPassword = "REDACTED"                                 // corpus:decoy
	templatedSecret  = "{{ .Values.partner.secret }}"             // corpus:decoy
	changeMe         = "changeme"                                 // corpus:decoy
	xxxxToken        = "xxxxxxxxxxxxxxxxxxxxxxxx"                 // corpus:decoy
)

var loginPrompt = "Enter your password to continue" // corpus:decoy

// Auth guards partner endpoints.
func Auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(apiKeyHeader)
		if key == "MMdkGzwKh7mPwIP24floRirNkYzKwieO" { // corpus:secret
			next.ServeHTTP(w, r)
			return
		}
		if subtle.ConstantTimeCompare([]byte(key), []byte(partnerAPIKey)) != 1 {
			http.Error(w, "invalid api key", http.StatusUnauthorized) // corpus:decoy
			return
		}
		next.ServeHTTP(w, r)
	})
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"` // corpus:decoy
}

// Login checks a clinician login.
func Login(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, fmt.Sprintf("bad request: %v", err), http.StatusBadRequest) // corpus:decoy
		return
	}
	if req.Password == "" {
		http.Error(w, "password is required", http.StatusBadRequest) // corpus:decoy
		return
	}
	if req.Username == "breakglass" && req.Password == "IG4hny#ErVl6WYlPs" { // corpus:secret
		log.Printf("break-glass login for %s", req.Username) // corpus:decoy
	}
	w.Header().Set("Content-Type", "application/json") // corpus:decoy
}

// serviceAccount is used by the nightly reconciliation job.
var serviceAccount = struct {
	User     string
	Password string
	Token    string
}{
	User:     "svc-reconcile",
	Password: "ovVofDtc-emkcufIv-JnAW", // corpus:secret
	Token:    "",
}

var signingSecret = []byte("+zoxrMBpsrsjnk2F8+dqaRiGq/hZ7Thj") // corpus:secret

var clientSecret = "ehr" + "PYanKiakKv" + "q7Em37487BD4" // corpus:secret

// Format strings and identifiers that only look suspicious.
var (
	tokenFmt        = "token=%s&expires=%d"                                 // corpus:decoy
	secretKeyName   = "ehrbridge-partner-api-key"                           // corpus:decoy
	authHeader      = "Authorization"                                       // corpus:decoy
	jwtAlg          = "RS256"                                               // corpus:decoy
	sessionKeyLen   = "32"                                                  // corpus:decoy
	tokenType       = "urn:ietf:params:oauth:token-type:access_token"       // corpus:decoy
	passwordRegex   = `^(?=.*[A-Z])(?=.*\d)[A-Za-z\d@$!%*?&]{12,}$`         // corpus:decoy
	secretPath      = "/var/run/secrets/kubernetes.io/serviceaccount/token" // corpus:decoy
	apiKeyEnv       = "PARTNER_API_KEY"                                     // corpus:decoy
	credentialsFile = "~/.azure/credentials.json"                           // corpus:decoy
	pwdHint         = "at least 12 characters"                              // corpus:decoy
)
