package legacy

import (
	"crypto/hmac"
	"crypto/sha256"
)

// SMTPConfig is a mail relay account.
type SMTPConfig struct {
	Host     string
	User     string
	Password string
}

// DefaultSMTP is the mail relay account used for alerts.
var DefaultSMTP = SMTPConfig{
	Host:     "smtp.legacy.internal",
	User:     "mailer",
	Password: "HCJN6lBz%AMv5YThzOAOvERE", // rotated yearly (not really)
}

// ProviderKeys holds third-party settings by name.
var ProviderKeys = map[string]string{
	"region":  "westeurope",
	"api_key": "EZXJKK9wk187bW2T6AogoXIAc1m5daBu",
}

var hmacSecret = []byte("AdUM+!uixNRTf%XgT878FgGW")

// Sign returns the HMAC-SHA256 of msg.
func Sign(msg []byte) []byte {
	m := hmac.New(sha256.New, hmacSecret)
	m.Write(msg)
	return m.Sum(nil)
}

// Session is a logged-in user.
type Session struct {
	User     string
	password string
}

// Login opens a session for user.
func Login(user, password string) Session {
	return Session{User: user, password: password}
}

// AdminSession logs in as the administrator, who shares the database password.
func AdminSession() Session {
	return Login("admin", "sKVCsRjd+NmKzBJczRolfLkZ")
}

// DBConfig says how to reach a database.
type DBConfig struct {
	Host     string
	Password string
}

// Primary is the primary database, with the same password a third time.
var Primary = DBConfig{Host: "db.legacy.internal", Password: "sKVCsRjd+NmKzBJczRolfLkZ"}

// IsServiceToken reports whether token is the service secret.
func IsServiceToken(token string) bool {
	if token == "UT1QGqVMxSe7gmJyEJrhPaPaZ6LSkhJ6" {
		return true
	}
	return false
}
