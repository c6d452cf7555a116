package detect

//kvlint:file-ignore KV100,KV126 the samples and examples of this rule table are deliberate fakes

import (
	"encoding/base64"

	"github.com/kvlint/kvlint/rules"
)

// genericRule is KV100. The engine judges it itself: its name check and
// value filters are code, not a pattern.
var genericRule = &Rule{
	Noun: "secret",
	Info: info("KV100", "generic-secret",
		"a name that means secret is bound to a value that looks like one",
		"Reports a value bound to a name that says it holds a secret (an identifier, struct field, map key, "+
			"parameter, environment variable or header such as dbPassword, client_secret, apiKey, "+
			"AZURE_CLIENT_SECRET or X-Api-Key; also key=value and \"key\": \"value\" pairs inside a string) "+
			"when the value looks like a credential: long enough, not a placeholder, name, path, URL, UUID, "+
			"digest or text, and with enough entropy. Names are split into words, so bypass is not pass and "+
			"passwordField, tokenURL and secretName are not secret names. In test files low-entropy values "+
			"are taken to be fixtures.\n\nA hardcoded password or token is readable by everyone with the "+
			"source, ends up in builds and logs, and cannot be rotated without a release.",
		`db, err := sql.Open("postgres", "host=db user=app password="+dbPassword)
const dbPassword = "Tr0ub4dor&3-horse"`,
		`dbPassword := os.Getenv("DB_PASSWORD") // set from Key Vault by the deployment`,
		rules.SeverityWarning, 7.0, "generic"),
	MinEntropy: defaultGenericEntropy,
	prio:       -1, // a provider rule's finding of the same span wins
}

func init() {
	s := Fake("kv100", AlphaNum, 24)
	b64key := Fake("kv100-b64", Base64Chars, 43) + "="
	genericRule.TruePositives = []Sample{
		tpCtx("Tr0ub4dor&3-horse", ctxName("dbPassword")),
		tpCtx(s, ctxName("client_secret")),
		tpCtx(s, ctxName("APIKey")),
		tpCtx(s, Context{Kind: KindCallArg, Call: "os.Setenv", Key: "AZURE_CLIENT_SECRET"}),
		tpCtx(s, Context{Kind: KindCallArg, Call: "(net/http.Header).Set", Key: "X-Api-Key"}),
		{Value: "Bearer " + s, Context: Context{Kind: KindCallArg, Call: "(net/http.Header).Set", Key: "Authorization"}, Secret: s},
		tpCtx(s, Context{Kind: KindMapKey, Name: "password"}),
		tpCtx(s, Context{Kind: KindField, Name: "AdminPwd"}),
		tpCtx(s, Context{Kind: KindCompare, Name: "userPass"}),
		tpCtx(s, ctxName("GITHUBTOKEN")),
		tpCtx(s, ctxName("signing_key")),
		tpCtx(s, ctxName("privateKeyStr")),
		tpCtx("pass1234", ctxName("password")),
		tpCtx("s3cr3tP4ss", ctxName("DBPass")),
		tpCtx("P@ssw0rd!", ctxName("password")),
		tpCtx("ovVofDtc-emkcufIv-JnAW", Context{Kind: KindField, Name: "Password"}), // letters that make no words
		tpCtx("qzkxwvjtbnmr", ctxName("password")),
		tpCtx("admin123", ctxName("adminPassword")),
		tpCtx("+"+Fake("kv100-plus", Base64Chars, 31), ctxName("signingSecret")), // base64 may start with +
		tpCtx(s, ctxName("githubPAT")),
		tpCtx(s, Context{Kind: KindCompare, Name: "key"}), // a weak name with a generated value
		{Value: `{"user": "app", "password": "` + s + `"}`, Secret: s},
		{Value: "DB_PASSWORD=" + s + "\nDB_HOST=db", Secret: s},
		{Value: "https://api.example.net/v1/items?api_key=" + s + "&page=2", Secret: s},
		{Value: "client_secret: '" + s + "'", Secret: s},
		{Value: "GET /v1/items HTTP/1.1\nAuthorization: Bearer " + s + "\n", Secret: s},
		{Value: `apiKey := "` + s + `"`, Secret: s},
		{Value: "[database]\npassword = " + s + "\nhost = db\n", Secret: s},
		{Value: "github_token: " + FakeCRCToken("ghp_", "kv100-beside") + "\ndb_password: " + s + "\n", Secret: s},
		{Value: s, Context: Context{Kind: KindAssign, Name: "apiKey", Test: true}},
		{Value: "// old password=" + s + " (revoked)", Context: Context{Kind: KindComment}, Secret: s},
		// A weak name's owner that says nothing public leaves it a key; a
		// strong name stays a secret whatever holds it.
		tpCtx(b64key, Context{Kind: KindField, Name: "Key", Owner: "Credentials"}),
		tpCtx(b64key, Context{Kind: KindField, Name: "PrivateKey", Owner: "Certificate"}),
		tpCtx("prod-"+b64key, Context{Kind: KindMapKey, Name: "key"}),
		// Passwords with brackets or slashes, and base64 of a typed password.
		tpCtx("Qz<9>mLp#2vR!", ctxName("password")),
		tpCtx("Xk9/Qz2pLm8RtV4w", ctxName("password")),
		// A map of secrets keyed by user or service.
		tpCtx(s, Context{Kind: KindMapKey, Name: "alice", Owner: "passwords"}),
		tpCtx(s, Context{Kind: KindMapKey, Name: "github", Owner: "apiKeys"}),
		// Hex secrets under strong names: a GitHub OAuth app's client secret,
		// openssl rand -hex 32, a legacy 40-hex token.
		tpCtx(Fake("kv100-hex", HexLower, 40), ctxName("oauthClientSecret")),
		tpCtx(Fake("kv100-hex", HexLower, 64), ctxName("webhookSecret")),
		tpCtx(Fake("kv100-hex", HexLower, 40), Context{Kind: KindMapKey, Name: "access_token"}),
		tpCtx(Fake("kv100-access", AlphaNum, 40), ctxName("accessToken")),
		tpCtx(s, ctxName("privKey")),
		tpCtx(s, ctxName("priv_key")),
		tpCtx(s, ctxName("cryptKey")),
		tpCtx(s, ctxName("privateKeyPEM")),
		tpCtx(s, ctxName("psk")),
		tpCtx(s, ctxName("bearer")),
		tpCtx(s, ctxName("consumerKey")), // "access" alone does not say AWS (KV111)
		tpCtx(base64.StdEncoding.EncodeToString([]byte("Tr0ub4dor&3-horse")), ctxName("dbPasswordB64")),
		// A literal fallback after a variable read is hardcoded.
		{Value: "process.env.PGPASSWORD || '" + s + "'", Context: ctxName("password"), Secret: s},
		{Value: `cfg.Password ?? "` + s + `"`, Context: ctxName("password"), Secret: s},
		{Value: `os.getenv("DB_PASSWORD", "` + s + `")`, Context: ctxName("db_password"), Secret: s},
		{Value: "${PGPASSWORD:-" + s + "}", Context: ctxName("PGPASSWORD"), Secret: s},
	}
	genericRule.FalsePositives = []Sample{
		fpCtx("process.env.PGPASSWORD || ''", ctxName("password")),
		fpCtx("process.env.PGPASSWORD || process.env.PASSWORD", ctxName("password")),
		fpCtx(`os.getenv("DB_PASSWORD", "changeme")`, ctxName("db_password")),
		fpCtx("${DB_PASSWORD:?set DB_PASSWORD}", ctxName("DB_PASSWORD")),
		fpCtx("${DB_PASSWORD:changeme}", ctxName("DB_PASSWORD")),
		fpCtx(s, ctxName("bypass")),
		fpCtx(s, ctxName("compass")),
		fpCtx(s, ctxName("passage")),
		fpCtx(s, ctxName("tokenizer")),
		fpCtx("https://login.example.net/oauth2/token", ctxName("tokenURL")),
		fpCtx("https://login.example.net/oauth2/token", ctxName("token_endpoint")),
		fpCtx("db-password", ctxName("secretName")),
		fpCtx("pw_field_01", ctxName("passwordField")),
		fpCtx("Bearer", ctxName("tokenType")),
		fpCtx(s, ctxName("nextPageToken")),
		fpCtx(s, ctxName("maxTokens")),
		fpCtx(s, ctxName("hashedPassword")),
		fpCtx("changeme", ctxName("password")),
		fpCtx("<password>", ctxName("password")),
		fpCtx("${DB_PASSWORD}", ctxName("password")),
		fpCtx("{{ .Password }}", ctxName("password")),
		fpCtx("$(cat /run/secrets/db)", ctxName("password")),
		fpCtx("%s", ctxName("password")),
		fpCtx("xxxxxxxxxxxx", ctxName("password")),
		fpCtx("************", ctxName("password")),
		fpCtx("REDACTED", ctxName("token")),
		fpCtx("your_api_key_here", ctxName("apiKey")),
		fpCtx("TODO", ctxName("apiKey")),
		fpCtx("3f2504e0-4f89-11d3-9a0c-0305e82c3301", ctxName("clientSecret")),
		fpCtx(Fake("sha", HexLower, 40), ctxName("key")), // a weak name: hex there is a digest
		fpCtx(Fake("sha", HexLower, 64), Context{Kind: KindMapKey, Name: "key"}),
		fpCtx("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ctxName("secret")), // sha256("")
		fpCtx("0123456789abcdef0123456789abcdef", ctxName("apiKey")),                                 // the hex digits in order
		fpCtx("abcdef0123456789abcdef0123456789", ctxName("secret")),
		fpCtx("AZURE_CLIENT_SECRET", ctxName("secretEnv")),
		fpCtx("AZURE_CLIENT_SECRET", ctxName("clientSecret")),
		fpCtx("--password", ctxName("passwordFlag")),
		fpCtx("-token", ctxName("token")),
		fpCtx("invalid password", ctxName("errPassword")),
		fpCtx("enter your token", ctxName("tokenPrompt")),
		fpCtx("SELECT password FROM users WHERE id = $1", ctxName("password")),
		fpCtx("/etc/secrets/token", ctxName("token")),
		fpCtx("secrets/db.pem", ctxName("privateKey")),
		fpCtx("https://vault.example.net/secrets/db", ctxName("secret")),
		fpCtx("clientSecret", ctxName("secret")),
		fpCtx("kv-prod-secret-01", ctxName("secret")),
		fpCtx("password123", Context{Kind: KindAssign, Name: "password", Test: true}),
		fpCtx("test-secret", Context{Kind: KindAssign, Name: "clientSecret", Test: true}),
		fpCtx(`json:"password"`, ctxName("tag")),
		fpCtx(s, Context{Kind: KindStructTag, Name: "password"}),
		fpCtx("2024-01-02", ctxName("token")),
		fpCtx("password=%s", ctxName("dsn")),
		fpCtx("Enter password: ", ctxName("prompt")),
		fp(`{"password": "", "token": "${TOKEN}"}`),
		fp("token=" + "$(TOKEN)"),
		fpCtx("ENC(AbC123xYz9)", ctxName("password")),
		fpCtx("vault:secret/data/db#password", ctxName("password")),
		fpCtx("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)", ctxName("password")),
		fpCtx("ghp_"+Fake("kv100-nochecksum", AlphaNum, 36), ctxName("githubToken")), // fails KV112's checksum
		fp("github_token: ghp_" + Fake("kv100-nochecksum", AlphaNum, 36)),
		fpCtx("$2a$10$"+Fake("kv100-bcrypt", Base64Chars, 53), ctxName("password")), // a bcrypt hash
		fpCtx("1h30m", ctxName("tokenTTL")),
		fpCtx("HS256", ctxName("jwtSecret")),
		fpCtx("oauth2.google.serviceAccount", ctxName("oauth2ServiceAccountKey")),
		fpCtx("Credential=", ctxName("credential")),
		fpCtx("Ec2MetadataSessionToken", ctxName("MockEc2MetadataSessionToken")),
		fpCtx("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*", ctxName("digestPat")),
		fpCtx("#Microsoft.VideoAnalyzer.UsernamePasswordCredentials", ctxName("TypeBasicCredentialsBase")),
		fp("$token = Get-AzAccessToken @params\n$jsonToken = $customToken | ConvertTo-Json"),
		fp("$plainToken = [System.Runtime.InteropServices.Marshal]::PtrToStringBSTR($ssPtr)"),
		fp("\ttoken = int($$Tok1[0])\n"),
		fp("\ttoken = int(x)\n"),
		fp("resp, err := client.GetSecret(ctx, name, \"\", nil)\nsecret := *resp.Value"),
		fp(`token := "pypi-AgEIcHlwaS5vcmc..."`),
		fpCtx("base64.StdEncoding.EncodeToString(raw)", ctxName("token")),
		fpCtx("user:42:profile", Context{Kind: KindAssign, Name: "key"}),
		fpCtx(s, Context{Kind: KindAssign, Name: "cacheKey"}),
		fpCtx("Sup3rPass!2024", Context{Kind: KindAssign, Name: "cacheKey"}),
		fpCtx("Sup3rPass!2024", Context{Kind: KindAssign, Name: "key"}), // weak name: not generated
		// A weak name held by a public or derived owner: PubKey{Key: v}, cert.Key = v.
		fpCtx(b64key, Context{Kind: KindField, Name: "Key", Owner: "PubKey"}),
		fpCtx(b64key, Context{Kind: KindAssign, Name: "Key", Owner: "publicKey"}),
		fpCtx(b64key, Context{Kind: KindField, Name: "Key", Owner: "CertificateBundle"}),
		// A cache key: words joined with a digest.
		fpCtx("Linux-node-"+Fake("kv100-cache", HexLower, 40), Context{Kind: KindMapKey, Name: "key"}),
		fpCtx("build/cache/"+Fake("kv100-cache", HexLower, 64), Context{Kind: KindAssign, Name: "key"}),
		// <name> placeholders anywhere in a value, as in a comment documenting a header.
		fpCtx("// Credential=<access-key-id>/<date>/<aws-region>/<aws-service>/aws4_request", Context{Kind: KindComment}),
		fpCtx("AccountName=<name>;password=<secret-value>", ctxName("dsn")),
		// Property and relative paths of words: the key of a secret, not its value.
		fpCtx("some-array[0].entity", Context{Kind: KindField, Name: "SecretKey"}),
		fpCtx("data[*].credentials.password", Context{Kind: KindField, Name: "SecretKey"}),
		fpCtx(`//	secret2 = "path/secret2"`, Context{Kind: KindComment}),
		// Comments document values: a typed one there is an example.
		fpCtx(`// Put inserts a key-value secret (e.g. {"password": "Hashi123"}) into the`, Context{Kind: KindComment}),
		fpCtx("// connect with postgres://app:Sup3rPass!@db:5432/app", Context{Kind: KindComment}),
		// Short words make a name (my Api Key), not a random string.
		fpCtx("myApiKey", Context{Kind: KindMapKey, Name: "apiKey"}),
		// base64 of plain words.
		fpCtx(base64.StdEncoding.EncodeToString([]byte("great-name")), ctxName("targetSecretValue1")),
		// A provider prefix with a body its rule rejects is a placeholder.
		fpCtx("glpat-123xyz", Context{Kind: KindCallArg, Call: "github.com/xanzy/go-gitlab.NewClient", Name: "token"}),
		fpCtx("xoxb-not-a-real-token-value", ctxName("slackToken")),
		fpCtx("sk_live_"+Fake("kv100-short", AlphaNum, 6), ctxName("stripeKey")),
		// Public by design: a publishable key, a public token.
		fpCtx("pk_live_"+Fake("kv100-pk", AlphaNum, 24), ctxName("apiKey")),
		fpCtx(s, ctxName("publicToken")),
		// The map's other keys: an ID or a region beside the secret.
		fpCtx(s, Context{Kind: KindMapKey, Name: "client_id", Owner: "credentials"}),
		fpCtx(s, Context{Kind: KindMapKey, Name: "Region", Owner: "awsCredentials"}),
		fpCtx(s, Context{Kind: KindMapKey, Name: "alice", Owner: "passwordPolicies"}),
		fpCtx(s, Context{Kind: KindMapKey, Name: "public_token"}),
		fpCtx(base64.StdEncoding.EncodeToString([]byte("CLIENT_SECRET")), ctxName("clientSecret")),
	}
}
