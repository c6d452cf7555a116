// Package config loads the EHR integration service's settings from the
// environment. It holds no secret values: only the names of the Key Vault
// secrets the service reads at run time.
package config

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"
)

// Config is the service configuration.
type Config struct {
	Addr          string
	VaultURL      string
	FHIRBaseURL   string
	FHIRClientID  string
	SecretTTL     time.Duration
	LogLevel      string
	SecretNames   SecretNames
	RotationEvery time.Duration
}

// SecretNames are the Key Vault secret names the service reads.
type SecretNames struct {
	FHIRClientSecret string
	WebhookSigning   string
	DBPassword       string
}

// Default secret names; they can be overridden per environment.
const (
	defaultFHIRSecretName    = "fhir-client-secret"
	defaultWebhookSecretName = "webhook-signing-key"
	defaultDBSecretName      = "ehr-db-password"
)

// Load reads the configuration from the environment.
func Load() (*Config, error) {
	cfg := &Config{
		Addr:         getenv("EHR_ADDR", ":8080"),
		VaultURL:     os.Getenv("EHR_KEY_VAULT_URL"),
		FHIRBaseURL:  getenv("EHR_FHIR_BASE_URL", "https://fhir.example.org/r4"),
		FHIRClientID: os.Getenv("EHR_FHIR_CLIENT_ID"),
		LogLevel:     getenv("EHR_LOG_LEVEL", "info"),
		SecretNames: SecretNames{
			FHIRClientSecret: getenv("EHR_FHIR_SECRET_NAME", defaultFHIRSecretName),
			WebhookSigning:   getenv("EHR_WEBHOOK_SECRET_NAME", defaultWebhookSecretName),
			DBPassword:       getenv("EHR_DB_SECRET_NAME", defaultDBSecretName),
		},
	}
	ttl, err := duration("EHR_SECRET_TTL", 15*time.Minute)
	if err != nil {
		return nil, err
	}
	cfg.SecretTTL = ttl
	every, err := duration("EHR_ROTATION_INTERVAL", 30*24*time.Hour)
	if err != nil {
		return nil, err
	}
	cfg.RotationEvery = every
	if cfg.VaultURL == "" {
		return nil, errors.New("config: EHR_KEY_VAULT_URL is required (for example https://ehr-prod.vault.azure.net)")
	}
	return cfg, nil
}

func getenv(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

func duration(key string, def time.Duration) (time.Duration, error) {
	v := os.Getenv(key)
	if v == "" {
		return def, nil
	}
	if secs, err := strconv.Atoi(v); err == nil {
		return time.Duration(secs) * time.Second, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("config: %s: %w", key, err)
	}
	return d, nil
}
