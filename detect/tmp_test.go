package detect

import "testing"

func TestTmpExplore(t *testing.T) {
	e := defaultEngine(t)
	type c struct {
		v    string
		name string
		key  string
		test bool
	}
	for _, x := range []c{
		{"P@ssw0rd!", "password", "", false},
		{"my-super-secret-key", "jwtSecret", "", false},
		{"s3cr3tP4ss", "DBPass", "", false},
		{"Zm9vYmFyYmF6cXV4", "secretKey", "", false},
		{"hunter22", "password", "", false},
		{"correct horse battery staple", "passphrase", "", false},
		{"admin123", "adminPassword", "", false},
		{"0123456789abcdef0123456789abcdef", "apiKey", "", false},
		{"ABCD-EFGH-IJKL-MNOP", "licenseKey", "", false},
		{"sk-proj-" + Fake("openai", alnum, 40), "openaiKey", "", false},
		{"sk-proj-" + Fake("openai", alnum, 40), "", "", false},
		{"/run/secrets/db_password", "passwordFile", "", false},
		{"db-password", "value", "db-password", false},
		{"text/plain", "secret", "", false},
		{"SECRET_KEY_BASE", "secretKey", "", false},
		{"api.key.header", "apiKey", "", false},
		{"x-api-key", "apiKeyHeader", "", false},
		{"X-Api-Key", "apiKey", "", false},
		{"Authorization", "token", "", false},
		{"1h30m", "tokenTTL", "", false},
		{"30s", "token", "", false},
		{"RS256", "signingKey", "", false},
		{"HS256", "jwtSecret", "", false},
		{"user:pass", "credentials", "", false},
		{"a1b2c3d4e5", "token", "", true},
		{"github_pat_" + Fake("fine", alnum, 82), "", "", false},
		{"AccountKey", "key", "", false},
		{"ClientSecret", "secretField", "", false},
		{"client_secret", "secretKey", "", false},
		{"$2a$10$" + Fake("bcrypt", b64chars, 53), "password", "", false},
		{"{noop}password", "password", "", false},
		{"ENC(abc123XYZ)", "password", "", false},
		{"vault:secret/data/db#password", "password", "", false},
		{"keyvault://my-vault/db-password", "password", "", false},
		{"@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/x/)", "password", "", false},
		{"akv:db-password", "password", "", false},
		{"Abcdef12", "token", "", false},
		{"12345678-abcd", "token", "", false},
		{"v2.8.1-alpha", "token", "", false},
		{"password123!", "password", "", false},
		{"ghp_" + Fake("nochk", alnum, 36), "githubToken", "", false},
	} {
		fs := e.Scan(x.v, Context{Kind: KindAssign, Name: x.name, Key: x.key, Test: x.test}, nil)
		t.Logf("%-45.45q %-14s -> %s", x.v, x.name, describe(x.v, fs))
	}
}
