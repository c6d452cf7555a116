package detect

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// commonValues are string literals of ordinary Go code: none is a secret.
var commonValues = []string{
	"", "a", "ok", "true", "id", "name", "user_id", "created_at", "application/json", "text/plain; charset=utf-8",
	"Content-Type", "Authorization", "X-Request-ID", "Bearer", "GET", "POST", "localhost:8080", ":8080",
	"https://example.com/api/v1/users?page=2&limit=50", "https://login.microsoftonline.com/common/oauth2/v2.0/token",
	"https://myvault.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef",
	"https://kvlint.blob.core.windows.net/container/blob.txt", "https://github.com/kvlint/kvlint/pull/12",
	"SELECT id, name, password_hash FROM users WHERE email = $1 AND deleted_at IS NULL",
	"INSERT INTO tokens (user_id, token_hash, expires_at) VALUES (?, ?, ?)",
	"UPDATE accounts SET password = ? WHERE id = ?",
	"invalid password", "password must be at least 12 characters", "token expired", "missing API key",
	"enter your password", "Please enter your access token:", "failed to read secret %q: %w",
	"%s: %v", "%d items", "user %s logged in from %s", "error: %w", "%-10s %8.2f",
	"3f2504e0-4f89-11d3-9a0c-0305e82c3301", "550e8400-e29b-41d4-a716-446655440000",
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
	"d41d8cd98f00b204e9800998ecf8427e", "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	"AZURE_CLIENT_SECRET", "AZURE_CLIENT_ID", "DB_PASSWORD", "GITHUB_TOKEN", "--password", "-token", "api-key",
	"clientSecret", "client_secret", "password", "secret", "token", "apiKey", "x-api-key", "access_token",
	"refresh_token", "grant_type", "client_credentials", "authorization_code", "id_token",
	`json:"password"`, `json:"token,omitempty" yaml:"token"`, `{"name": "kvlint", "version": "1.2.3"}`,
	`{"password": "", "token": null}`, "password: ${DB_PASSWORD}", "token={{ .Token }}",
	"/etc/ssl/certs/ca-certificates.crt", "./testdata/key.pem", "C:\\Users\\app\\secrets.json", "~/.ssh/id_rsa",
	"config/secrets.yaml", "github.com/kvlint/kvlint/detect", "golang.org/x/tools/go/analysis",
	"2006-01-02T15:04:05Z07:00", "15:04", "v1.2.3", "1.0.0-rc.1", "192.168.0.1", "::1", "0.0.0.0/0",
	"-----BEGIN CERTIFICATE-----", "-----BEGIN PUBLIC KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
	"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKvlintFakePublicKeyOnlyNotSecret0000000 user@host",
	"UseDevelopmentStorage=true", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	"Server=tcp:db.database.windows.net,1433;Database=app;Authentication=Active Directory Default;",
	"Endpoint=sb://ns.servicebus.windows.net/;Authentication=Managed Identity",
	"postgres://localhost:5432/app?sslmode=disable", "redis://localhost:6379/0", "amqp://broker:5672/",
	"mongodb+srv://cluster0.example.net/app", "git@github.com:kvlint/kvlint.git", "user@example.com",
	"https://user@example.com/repo.git", "http://[::1]:8080/debug/pprof", "Basic realm=\"Restricted\"",
	"The quick brown fox jumps over the lazy dog", "bypass", "compass", "passage", "tokenizer",
	"TokenKind", "skip", "task", "disk", "desk", "asia", "Asia/Tokyo", "Europe/Berlin", "eyJ",
	"sk_", "ghp_", "xoxb-", "AIza", "npm_install", "pypi-", "SG.", "glpat-", "whsec_", "q~",
	"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "xxxxxxxxxxxxxxxxxxxx",
	"****************", "REDACTED", "<redacted>", "changeme", "your-api-key-here", "TODO: set token",
	"kv-prod-db-password", "secrets/db-password", "projects/p/secrets/s/versions/latest",
	"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
	"Microsoft.KeyVault/vaults", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
	"ClientSecretCredential", "NewClientSecretCredential", "azsecrets.GetSecret", "Key Vault",
	"\x00\xff\xfe binary \x80", "日本語のテキスト", "пароль", "🔑 key emoji",
}

// base64Values are base64 of ordinary data. Bound to a neutral name they are
// not secrets; bound to a secret name they may well be, so only the neutral
// contexts are checked.
var base64Values = []string{
	"aGVsbG8gd29ybGQ=", base64.StdEncoding.EncodeToString([]byte("just some ordinary text that is encoded")),
	"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
}

// commonContexts are names ordinary code binds non-secret values to, plus
// secret names bound to values that are not secrets.
var commonContexts = []Context{
	{},
	{Kind: KindAssign, Name: "url"},
	{Kind: KindAssign, Name: "query"},
	{Kind: KindField, Name: "Name"},
	{Kind: KindMapKey, Name: "content-type"},
	{Kind: KindCallArg, Call: "fmt.Errorf"},
	{Kind: KindCallArg, Call: "os.Getenv"},
	{Kind: KindAssign, Name: "tokenURL"},
	{Kind: KindAssign, Name: "secretName"},
	{Kind: KindAssign, Name: "passwordField"},
	{Kind: KindAssign, Name: "bypassCache"},
	{Kind: KindComment},
	{Kind: KindStructTag, Name: "Password"},
}

// secretNameContexts bind the common values to secret names: none of the
// values may be reported there either.
var secretNameContexts = []Context{
	{Kind: KindAssign, Name: "password"},
	{Kind: KindAssign, Name: "clientSecret"},
	{Kind: KindField, Name: "APIKey"},
	{Kind: KindCallArg, Call: "(net/http.Header).Set", Key: "Authorization"},
}

// benchMix returns n literal values shaped like a real package's: mostly
// identifiers, messages, URLs, SQL and format strings, with about one in a
// hundred a (fake) secret.
func benchMix(n int) ([]string, []Context) {
	vals := make([]string, 0, n)
	ctxs := make([]Context, 0, n)
	names := []string{"url", "msg", "query", "name", "key", "path", "format", "id", "label", "endpoint", "header", "value"}
	secrets := []string{
		FakeCRCToken("ghp_", "bench"), "AKIA" + Fake("bench-aws", Base32Upper, 16),
		"postgres://app:" + Fake("bench-pw", AlphaNum, 16) + "@db:5432/app",
	}
	for i := 0; len(vals) < n; i++ {
		var v string
		switch i % 10 {
		case 0:
			v = fmt.Sprintf("failed to open %s: %%w", names[i%len(names)])
		case 1:
			v = fmt.Sprintf("https://api.example.com/v%d/%s?page=%d", i%3, names[i%len(names)], i)
		case 2:
			v = fmt.Sprintf("SELECT id, %s FROM t%d WHERE id = $1", names[i%len(names)], i)
		case 3:
			v = names[i%len(names)] + "_" + names[(i+3)%len(names)]
		case 4:
			v = fmt.Sprintf("%%s: %%v (%d)", i)
		case 5:
			v = "application/json"
		case 6:
			v = fmt.Sprintf("github.com/org/repo/pkg%d/%s", i, names[i%len(names)])
		case 7:
			v = fmt.Sprintf(`{"%s": %d, "ok": true}`, names[i%len(names)], i)
		case 8:
			v = strings.Repeat(names[i%len(names)], 1+i%4)
		case 9:
			v = fmt.Sprintf("%s-%d", names[i%len(names)], i)
		}
		if i%100 == 99 {
			v = secrets[(i/100)%len(secrets)]
		}
		vals = append(vals, v)
		ctxs = append(ctxs, Context{Kind: KindAssign, Name: names[(i*7)%len(names)]})
	}
	return vals, ctxs
}
