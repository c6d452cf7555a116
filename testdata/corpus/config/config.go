// Package config holds ehrbridge's settings.
package config

import (
	"flag"
	"os"
	"time"
)

// Environment variable names.
const (
	EnvDBPassword      = "EHRBRIDGE_DB_PASSWORD"   // corpus:decoy
	EnvClientSecret    = "EHRBRIDGE_CLIENT_SECRET" // corpus:decoy
	EnvKeyVaultURL     = "AZURE_KEYVAULT_URL"      // corpus:decoy
	EnvStorageKey      = "EHRBRIDGE_STORAGE_KEY"   // corpus:decoy
	secretNameDBPass   = "ehrbridge-db-password"   // corpus:decoy
	passwordMinLength  = 12
	tokenEndpointPath  = "/oauth2/token"           // corpus:decoy
	passwordResetRoute = "/account/password/reset" // corpus:decoy
)

// Legacy defaults kept "until the vault migration".
const (
	defaultDBUser     = "ehr_app"
	defaultDBPassword = "Xq7!vR2#pL9@S8OA4zCtEA" // corpus:secret
	legacyAdminPwd    = "bfjQP8PneKp2$zQ"        // corpus:secret
	bypassCacheHeader = "X-Bypass-Cache"         // corpus:decoy
	compassHeading    = "north-north-west"       // corpus:decoy
)

// Config is the service configuration.
type Config struct {
	DBHost       string        `json:"db_host" yaml:"dbHost"`
	DBUser       string        `json:"db_user"`
	DBPassword   string        `json:"db_password" yaml:"dbPassword"` // corpus:decoy
	ClientID     string        `json:"client_id"`
	ClientSecret string        `json:"client_secret"` // corpus:decoy
	TokenURL     string        `json:"token_url"`
	Timeout      time.Duration `json:"timeout"`
	VaultURL     string        `json:"vault_url"`
}

// Default returns defaults for local development.
func Default() Config {
	return Config{
		DBHost:       "localhost:5432",
		DBUser:       defaultDBUser,
		DBPassword:   defaultDBPassword,
		ClientID:     "416d18a6-fcfc-3c8a-1457-32f8de16ae16",                                                     // corpus:decoy
		ClientSecret: "Nt38Q~2wIil5k8dl-Gt4zbocfkc8~0bPVE8iXvCL",                                                 // corpus:secret
		TokenURL:     "https://login.microsoftonline.com/3f82e494-8ef4-a95b-510f-7938402c64ca/oauth2/v2.0/token", // corpus:decoy
		Timeout:      30 * time.Second,
		VaultURL:     "https://ehrbridge-prod.vault.azure.net/", // corpus:decoy
	}
}

// FromEnv overrides defaults from the environment.
func FromEnv(c Config) Config {
	if v := os.Getenv(EnvDBPassword); v != "" {
		c.DBPassword = v
	}
	if v := os.Getenv("EHRBRIDGE_CLIENT_SECRET"); v != "" { // corpus:decoy
		c.ClientSecret = v
	}
	return c
}

// Flags registers command-line flags.
func Flags(fs *flag.FlagSet, c *Config) {
	fs.StringVar(&c.DBPassword, "db-password", "", "database password (prefer "+EnvDBPassword+")")    // corpus:decoy
	fs.StringVar(&c.ClientSecret, "client-secret", "f6L91QZADS1X9xQsz4Bn0Hg", "OAuth client secret")  // corpus:secret
	fs.StringVar(&c.TokenURL, "token-url", "https://fhir.example.org/oauth2/token", "token endpoint") // corpus:decoy
}
