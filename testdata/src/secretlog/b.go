package secretlog

import (
	"log"
	"net/url"
	"os"
)

func helpers(user, password string) {
	log.Print(buildDSN(user, password))      // want `the secret-named password flows into log.Print`
	log.Print(url.QueryEscape(password))     // want `the secret-named password flows into log.Print`
	log.Print(fingerprint(password))         // a redacting helper
	log.Print(sanitizeForLog(password))      // a redacting helper
	log.Print(describe(user))                // no secret in
	log.Printf("valid: %t", check(password)) // not text
	log.Print(os.Getenv("DB_PASSWORD"))      // want `the environment variable DB_PASSWORD flows into log.Print`
	log.Print(os.Getenv("DB_HOST"))
	dsn := "postgres://app@db/ehr?password=" + os.Getenv("PGPASSWORD")
	log.Print(dsn) // want `the environment variable PGPASSWORD flows into log.Print`
}

func buildDSN(user, password string) string { return user + ":" + password + "@db" }
func fingerprint(s string) string           { return "fp" }
func sanitizeForLog(s string) string        { return "***" }
func describe(s string) string              { return s }
func check(s string) bool                   { return s != "" }
