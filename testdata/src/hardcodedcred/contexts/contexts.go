// Package contexts puts credentials in every place the hardcodedcred
// analyzer understands, with decoys right beside them. Every credential in
// it is a fake, generated for this fixture (GitHub-style tokens carry FAKE
// and a computed checksum; the rest is seeded random text).
package contexts

import (
	"database/sql"
	"flag"
	"net/http"
	"os"
	"os/exec"
)

// Const and var specs.

const dbPassword = "4cCWTjgCzeOgTnvRutl8" // want `^secret "4cCW…\(20 chars, sha256:[0-9a-f]{8}\)" is hardcoded: store it in Azure Key Vault and read it with azsecrets$`

const passwordPrompt = "enter your password" // decoy: UI text

var dbPasswordBytes, dbPasswordCopy = []byte(dbPassword), dbPassword + ""

var apiToken = "I847Z4HuL9TtJD67M4Lu" // want `^secret "I847…\(20 chars`

var nextPageToken = "I847Z4HuL9TtJD67M4Lu" // decoy: a page token is not a secret

// Concatenation: reported once, at the whole expression.
const githubToken = "ghp_FAKE3BsYdLdigjp" + "vPgKzcNdCWOQlCd0GS2g7" // want `^github token "ghp_…\(40 chars, sha256:[0-9a-f]{8}\)" is hardcoded`

// Uses of a named constant are not reported again.
var tokenCopy = githubToken

const tokenHeader = "token " + githubToken

// Constants that only make a secret together are reported where they meet.
const (
	ghPrefix = "ghp_"
	ghBody   = "FAKEARtt8EDM9sGHI7tNOSyeCSFr6e2XMGJn"
)

var joinedToken = ghPrefix + ghBody // want `^github token`

// A constant used where Go needs a constant.
const apiKeyConst = "GcBV8t1eziUaBEXNc8NJ" // want `^secret`

var keyBuf [len(apiKeyConst)]byte

// Conversions.
var signingKey = []byte("GcBV8t1eziUaBEXNc8NJ") // want `^secret "GcBV…`

var greeting = []byte("GcBV8t1eziUaBEXNc8NJ") // decoy: not a secret name

type Secret string

var clientSecret = Secret("jGTKKbUAEhk2GfYIVHvp") // want `^secret "jGTK…`

// An untyped constant that takes a named type where it is used.
const sessionSecret = "Zp4qW9vKx2LmT7rBn5Hs" // want `^secret "Zp4q…`

var typedSession Secret = sessionSecret

var sessionBytes = []byte(sessionSecret)

// Slice elements are named by the slice.
var fallbackTokens = []string{"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"} // want `^github token`

var fallbackRegions = []string{"westeurope", "northeurope"}

// Assignments.
func assign() {
	password := "GJd1wFjQvEEAGdTTwtSs" // want `^secret "GJd1…`
	username := "GJd1wFjQvEEAGdTTwtSs" // decoy: not a secret name
	var cfg struct{ ClientSecret, ClientID string }
	cfg.ClientSecret = "jGTKKbUAEhk2GfYIVHvp" // want `^secret "jGTK…`
	cfg.ClientID = "jGTKKbUAEhk2GfYIVHvp"     // decoy
	m := map[string]string{}
	m["api_key"] = "146H6NaMdnaotO5gMSub" // want `^secret "146H…`
	m["region"] = "146H6NaMdnaotO5gMSub"  // decoy
	var hashedPassword string
	hashedPassword = "146H6NaMdnaotO5gMSub" // decoy: a hash is not the password
	_, _, _, _ = password, username, cfg, hashedPassword
}

// Struct literals, keyed and positional. A struct tag's names are never
// secrets (json:"password"); its default values are hardcoded values.
type Config struct {
	User     string
	Password string `json:"password"`
	Note     string `json:"note" default:"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"` // want `^github token "ghp_…`
}

var cfgKeyed = Config{User: "svc-reporting", Password: "4cCWTjgCzeOgTnvRutl8"} // want `^secret "4cCW…`

var cfgPositional = Config{"svc-reporting", "I847Z4HuL9TtJD67M4Lu", "rotated monthly"} // want `^secret "I847…`

var cfgDecoy = Config{User: "4cCWTjgCzeOgTnvRutl8", Password: "changeme"} // decoy: user name; placeholder

// Map literals are named by the key.
var settings = map[string]string{
	"db_password": "GcBV8t1eziUaBEXNc8NJ", // want `^secret "GcBV…`
	"db_host":     "GcBV8t1eziUaBEXNc8NJ", // decoy
}

// Call arguments.
func calls(r *http.Request, h http.Header) {
	os.Setenv("AZURE_CLIENT_SECRET", "GJd1wFjQvEEAGdTTwtSs") // want `^secret "GJd1…`
	os.Setenv("AZURE_CLIENT_ID", "GJd1wFjQvEEAGdTTwtSs")     // decoy
	r.SetBasicAuth("svc-user", "jGTKKbUAEhk2GfYIVHvp")       // want `^secret "jGTK…`
	h.Set("Authorization", "Bearer 146H6NaMdnaotO5gMSub")    // want `^secret "146H…`
	h.Set("Accept", "application/json")
	h.Add("X-Request-Id", "146H6NaMdnaotO5gMSub")                                                   // decoy
	db, _ := sql.Open("postgres", "host=db user=app password=4cCWTjgCzeOgTnvRutl8 sslmode=disable") // want `(^secret|^sql connection string password) "4cCW…`
	_ = db
	flag.String("db-password", "I847Z4HuL9TtJD67M4Lu", "database password") // want `^secret "I847…`
	flag.String("region", "westeurope", "password for the job, such as -password=4cCWTjgCzeOgTnvRutl8")
	var p string
	flag.StringVar(&p, "api-token", "GcBV8t1eziUaBEXNc8NJ", "the API token") // want `^secret "GcBV…`
	flag.StringVar(&p, "api-url", "GcBV8t1eziUaBEXNc8NJ", "the API token")   // decoy
}

// Comparisons.
func compare(token string, r *http.Request) bool {
	if token == "jGTKKbUAEhk2GfYIVHvp" { // want `^secret "jGTK…`
		return true
	}
	if r.Header.Get("X-Api-Key") != "146H6NaMdnaotO5gMSub" { // want `^secret "146H…`
		return false
	}
	switch token {
	case "GJd1wFjQvEEAGdTTwtSs": // want `^secret "GJd1…`
		return true
	}
	key := r.Header.Get("X-Api-Key")   // a variable named by what it holds
	if key == "Zp4qW9vKx2LmT7rBn5Hs" { // want `^secret "Zp4q…`
		return true
	}
	accept := r.Header.Get("Accept")
	if accept == "Zp4qW9vKx2LmT7rBn5Hs" { // decoy
		return true
	}
	mode := r.Method
	return mode == "GcBV8t1eziUaBEXNc8NJ" // decoy
}

// Returns are named by the function.
func defaultPassword() string {
	return "4cCWTjgCzeOgTnvRutl8" // want `^secret "4cCW…`
}

func defaultRegion() string {
	return "4cCWTjgCzeOgTnvRutl8" // decoy
}

// Raw strings holding JSON, YAML and PEM.
const settingsJSON = `{"client_id": "reporting", "client_secret": "I847Z4HuL9TtJD67M4Lu"}` // want `^secret "I847…`

const limitsJSON = `{"password_min_length": "12", "token_url": "https://login.invalid/token"}`

// want +1 `^secret "GcBV…`
const settingsYAML = `
database:
  host: db.internal
  password: GcBV8t1eziUaBEXNc8NJ
`

const limitsYAML = `
database:
  host: db.internal
  password_file: /run/secrets/db
`

// want +1 `^private key "----…`
const signingPEM = `-----BEGIN RSA PRIVATE KEY-----
8/9NRR5CnhgiFaruBqLWS20arcnlAx5Lmb8Rrgp5brxEyF/RdL/M9Dy19WHNAEDo
VmIJOFxmAd2z/BRyuIHZnIQoGDw/rnFm7L18w7omxV4vUWnJLy9GkfrijQD3Tsry
TKQcDVd0d8SyYVp7B9jdCruPYCbwVgyL5zUJLm/RMiZo301rFcUkIlVOLKdfLDBT
HADdktTn1bLElNFQrQUTca7WsOrhp3I8VS8qFbVvkSnZ4xFd
-----END RSA PRIVATE KEY-----
`

const servingCert = `-----BEGIN CERTIFICATE-----
8/9NRR5CnhgiFaruBqLWS20arcnlAx5Lmb8Rrgp5brxEyF/RdL/M9Dy19WHNAEDo
VmIJOFxmAd2z/BRyuIHZnIQoGDw/rnFm7L18w7omxV4vUWnJLy9GkfrijQD3Tsry
-----END CERTIFICATE-----
`

// Comments.

// The old token 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 was revoked. // want `^github token "ghp_…\(40 chars, sha256:[0-9a-f]{8}\)" is in a comment: remove it, rotate it, and keep it in Azure Key Vault$`

// Rotate the password every 90 days; the token lives in Key Vault.

/* connect with password=GJd1wFjQvEEAGdTTwtSs until the vault is ready // want `^secret "GJd1…\(20 chars, sha256:[0-9a-f]{8}\)" is in a comment` */

// Suppressed.

//kvlint:ignore KV112 rotated fake for docs
const docsToken = "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"

// Non-UTF-8 bytes around a secret.
var framedToken = "\xff\xfe\x00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\x80" // want `^github token "ghp_…`

var latin1Password = "p\xe4ss-4cCWTjgCzeOgTnvRutl8" // want `^secret`

var latin1Label = "gr\xfc\xdfe aus K\xf6ln"

// A "key" field is judged with what holds it: a public key's key is public.
type PubKey struct{ ID, Key string }

type SigningCreds struct{ ID, Key string }

var repoPublicKey = PubKey{ID: "123", Key: "82sIrNNCAEMiALXSG7JTXWABhS2Nofr0uXA0MNqBTLY="} // decoy: a public key

var repoSigning = SigningCreds{ID: "123", Key: "82sIrNNCAEMiALXSG7JTXWABhS2Nofr0uXA0MNqBTLY="} // want `^secret "82sI…`

var signingByPos = &SigningCreds{"123", "82sIrNNCAEMiALXSG7JTXWABhS2Nofr0uXA0MNqBTLY="} // want `^secret "82sI…`

func setKeys(pk *PubKey, sc *SigningCreds) {
	pk.Key = "82sIrNNCAEMiALXSG7JTXWABhS2Nofr0uXA0MNqBTLY=" // decoy: a public key
	sc.Key = "82sIrNNCAEMiALXSG7JTXWABhS2Nofr0uXA0MNqBTLY=" // want `^secret "82sI…`
}

// A cache entry's key is words joined with a digest; an encryption key is random.
const cacheEntryJSON = `{
	"id": 505,
	"key": "Linux-node-3fe04891c3cdb059d397516d89b11d6c0908faae",
	"ref": "refs/heads/main"
}`

// want +1 `^secret "zLeK…`
const keyringJSON = `{
	"id": 506,
	"key": "zLeKx9w8jc4FgblhfVFwEcexP+AJ1ReDk43IVN6n"
}`

// A value after a flag, or after a key in a list of pairs, is named by it.
func login() {
	_ = exec.Command("docker", "login", "--username", "ci", "--password", "w4ALjhxLAq7dcJqj") // want `^secret "w4AL…`
	_ = exec.Command("docker", "run", "--name", "w4ALjhxLAq7dcJqj")                           // decoy: a container name
}

var redisAuthArgs = []string{"AUTH", "default", "password", "w4ALjhxLAq7dcJqj"} // want `^secret "w4AL…`

var labelArgs = []string{"label", "w4ALjhxLAq7dcJqj"} // decoy

var storagePaths = []string{"mysecret", "nested-secret", "w4ALjhxLAq7dcJqj"} // decoy: a list of names, not pairs

// A key parameter names the value parameter beside it.
func setDefault(key string, value any) {}

func configure() {
	setDefault("database.password", "K9r21aPjQAT99oog") // want `^secret "K9r2…`
	setDefault("database.host", "K9r21aPjQAT99oog")     // decoy
}

// A map named for secrets holds them under any key that names no other thing.
var userPasswords = map[string]string{
	"alice": "Pw7EggsG6gGgAqZL", // want `^secret "Pw7E…`
}

var serviceCredentials = map[string]string{
	"client_id":     "Pw7EggsG6gGgAqZL", // decoy: an ID beside the secret
	"client_secret": "Pw7EggsG6gGgAqZL", // want `^secret "Pw7E…`
}

// Default values in configuration struct tags are hardcoded values.
type DBConfig struct {
	Host     string `env:"DB_HOST" envDefault:"db.internal"`
	Password string `env:"DB_PASSWORD" envDefault:"abPfKFs9StMcDRUk"` // want `^secret "abPf…`
	Token    string `default:"abPfKFs9StMcDRUk" json:"token"`         // want `^secret "abPf…`
	Label    string `default:"abPfKFs9StMcDRUk"`                      // decoy: not a secret name
	APIKey   string `json:"api_key"`                                  // decoy: no default
	Secret   string `envconfig:"APP_SECRET" default:"${APP_SECRET}"`  // decoy: a placeholder
}
