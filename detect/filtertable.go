package detect

import "strings"

// ValueFilter is one of the generic rule's false-positive filters: a value
// bound to a secret name that the filter rejects is not reported. Each
// filter carries the false positives it exists for and the true positives
// it must let through; TestGenericFilters runs both.
type ValueFilter struct {
	// Name is the filter's name, as explain and the decision trace print it.
	Name string
	// Rejects says in a phrase what the filter rejects.
	Rejects string
	// FalsePositives are values this filter (and no earlier one) rejects.
	FalsePositives []string
	// TruePositives are real-shaped secrets every filter must let through.
	TruePositives []string

	reject func(string) bool
}

// GenericFilters returns the generic rule's false-positive filters in the
// order genericValue applies them. The slice is shared: do not modify it.
func GenericFilters() []ValueFilter { return genericFilters[:] }

// RejectedBy returns the name of the first generic filter that rejects v
// (a placeholder, a name, a reference, ...), or "" when v may be a secret.
func RejectedBy(v string) string { return rejectingFilter(v) }

// rejectingFilter returns the name of the first generic filter that rejects
// v, or "". It does not allocate.
func rejectingFilter(v string) string {
	for i := range genericFilters {
		if genericFilters[i].reject(v) {
			return genericFilters[i].Name
		}
	}
	return ""
}

// genericFilters is the table. Order matters only for which filter is named
// in a trace; a value is rejected when any filter rejects it.
var genericFilters = [...]ValueFilter{
	{Name: "encrypted", Rejects: "values encrypted at rest: SOPS ENC[AES256_GCM,...], Ansible Vault, jasypt ENC(...), Sealed Secrets ciphertext",
		FalsePositives: []string{"ENC[AES256_GCM,data:q1Ws9fXk,iv:Zm9vYmFy4k2PqL7x,tag:c2VjcmV0dGFn,type:str]",
			"$ANSIBLE_VAULT;1.1;AES256\n6136643137356161",
			"ENC(G7kq2Lx9mWp4Zr8t)",
			"Ag" + strings.Repeat("Bx7Kq2mZp9Lw4Rt8", 22)},
		TruePositives: []string{"AgK9xQ2mpLr7Wz4tYb8n", "EncX9q2mLr7#Wp4z"}, reject: isEncrypted},
	{Name: "pem armor", Rejects: "PEM armor lines, whole or mangled (-----BEGIN RSA PRIVATE KEY-----, ----END PRIVATE KEY): KV125 judges a key block by its structure",
		FalsePositives: []string{"-----BEGIN RSA PRIVATE KEY-----", "----BEGIN PRIVATE KEY----MIIEvQIBADAN", "-----END OPENSSH PRIVATE KEY-----"},
		TruePositives:  []string{"-----Xq9#mLr7Wp", "---BEGINx9Q#mLr7"}, reject: isPEMArmor},
	{Name: "sas without signature", Rejects: "shared access signature fields without sig= (sv=...&se=...&sp=...): the signature is the credential, and it is not there",
		FalsePositives: []string{"?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2030-01-01T00:00:00Z&spr=https",
			"sv=2021-08-06&sr=c&sp=rl&se=2031-05-01"},
		TruePositives: []string{"se=Xq9#mLr7Wp4Zx", "sv=K9#xQ2*mpLr7&x=1"}, reject: isSASWithoutSig},
	{Name: "text", Rejects: "prose: UI and error text, SQL, anything with a space",
		FalsePositives: []string{"Please enter your password", "select * from users where id = ?"},
		TruePositives:  []string{"Tr0ub4dor&3-horse"}, reject: isText},
	{Name: "masked", Rejects: "masked or truncated values: a run of four or more *, #, • or x, or an ellipsis",
		FalsePositives: []string{"xoxb-1234-####", "sk-****************abcd", "AKIA...", "Tr0ub…"},
		TruePositives:  []string{"K9#xQ2*mpLr7", "Xx9qLm2#Pw7z"}, reject: isMasked},
	{Name: "placeholder", Rejects: "placeholders and defaults: changeme, ${VAR}, {{ .Token }}, $(cmd), %s, <your key>, {ClientSecret}, [token], REDACTED, well-known default passwords, one repeated character",
		FalsePositives: []string{"changeme", "${DB_PASSWORD}", "<storage-account-key>", "{ClientSecret}", "[password]", "%DB_PASS%", "aaaaaaaa",
			"#{ApiKey}#", "#{Db.Password}", "__DbPassword__"},
		TruePositives: []string{"[Tr0ub4dor&3-horse", "{Tr0ub4dor&3}", "<Tr0ub4dor&3", "$Tr0ub4dor&3-horse"}, reject: IsPlaceholder},
	{Name: "known public", Rejects: "credentials published in documentation and emulators (Azurite, Cosmos DB emulator, AWS docs example key, RFC 7617's example)",
		FalsePositives: []string{knownPublic[0], knownPublic[1]},
		TruePositives:  []string{"Zr8tG7kq2Lx9mWp4Qa3nVb6c"}, reject: isKnownPublic},
	{Name: "uuid", Rejects: "UUIDs (ids, not secrets, under a generic name)",
		FalsePositives: []string{"3f2504e0-4f89-11d3-9a0c-0305e82c3301"},
		TruePositives:  []string{"3f2504e0x4f89#11d3"}, reject: isUUID},
	{Name: "env name", Rejects: "environment variable names (AZURE_CLIENT_SECRET)",
		FalsePositives: []string{"AZURE_CLIENT_SECRET"},
		TruePositives:  []string{"9QZXK2MPL7W#"}, reject: isEnvName},
	{Name: "flag name", Rejects: "command-line flag names (--api-key)",
		FalsePositives: []string{"--client-secret"},
		TruePositives:  []string{"-Xq9#mLr7Wp"}, reject: isFlagName},
	{Name: "path", Rejects: "file paths, URLs without credentials, Windows paths, file names",
		FalsePositives: []string{"/etc/app/secrets/db.txt", `C:\keys\prod`, "./secrets/token", "client-secret.json",
			"$HOME/.copilot", `$env:APPDATA\gh\hosts`},
		TruePositives: []string{`Tr0ub\4dor&3`, "K9xQ2/mpLr7+Wz", "$ecr3t/K9xQ2#mL"}, reject: isPathLike},
	{Name: "identifier", Rejects: "names rather than values: clientSecret, kv-prod-secret-01, data[0].name",
		FalsePositives: []string{"clientSecretValue", "kv-prod-secret-01", "Ec2MetadataAccessKey"},
		TruePositives:  []string{"ovVofDtc-emkcufIv", "Passw0rd9xQ#"}, reject: isIdentifierLike},
	{Name: "markdown name", Rejects: "names set in Markdown emphasis or code marks, as docs tables write types and fields (\\*_credentials.Credentials_, *clientSecret*)",
		FalsePositives: []string{`\*_credentials.Credentials_`, "*options.ClientSecret*"},
		TruePositives:  []string{"_K9xQ2#mLr7_", "*Tr0ub4dor&3*"}, reject: isMarkdownName},
	{Name: "other-script words", Rejects: "words in a non-Latin script with no ASCII letters, digits or symbols (пароль, 日本語のテキスト)",
		FalsePositives: []string{"пароль", "日本語のテキスト"},
		TruePositives:  []string{"пароль#9xQ2mL"}, reject: isOtherScript},
	{Name: "number", Rejects: "numbers, dates, versions, IP addresses: digits and . - : / , + _ only",
		FalsePositives: []string{"2024-01-02", "10.0.0.1", "1,234,567"},
		TruePositives:  []string{"8#2!94$@17", "9%4!2#7&1*"}, reject: isNumberLike},
	{Name: "time layout", Rejects: "Go time layouts made of layout tokens only",
		FalsePositives: []string{"2006-01-02T15:04:05Z07:00", "02-Jan-2006"},
		TruePositives:  []string{"Xy2006q01!", "Kq15:04mLr7#"}, reject: isTimeLayout},
	{Name: "host:port", Rejects: "host names with a port",
		FalsePositives: []string{"db.internal:5432"},
		TruePositives:  []string{"Tr0ub4dor&3:horse"}, reject: isHostPort},
	{Name: "email", Rejects: "e-mail addresses and scp-style Git remotes",
		FalsePositives: []string{"ops@contoso.org", "git@github.com:org/repo"},
		TruePositives:  []string{"K9@xQ2#mpLr7"}, reject: isEmailLike},
	{Name: "secret reference", Rejects: "references to a secret store: vault:, akv:, arn:, op://, @Microsoft.KeyVault(...)",
		FalsePositives: []string{"vault:secret/data/db#password", "@Microsoft.KeyVault(VaultName=v;SecretName=db)"},
		TruePositives:  []string{"vaultX9q#mLr7Wp"}, reject: isSecretReference},
	{Name: "named placeholder", Rejects: "a name standing in for a secret: myPassword, YourSecretKey",
		FalsePositives: []string{"yourStrong(!)Password"},
		TruePositives:  []string{"Xq9mySecret#7"}, reject: isNamedPlaceholder},
	{Name: "numbered sample", Rejects: "sample values of words and an ordinal, as parameter files number them: secretValue2, adminPassword1",
		FalsePositives: []string{"secretValue2", "secretVaule1", "adminPassword1", "mySecret01"},
		TruePositives:  []string{"Secret2024!x", "Tr0ub4dor&3", "secretValue2024", "xQ9mSecret1", "Kq9mLr7Wp4Zx2"}, reject: isNumberedSample},
	{Name: "code", Rejects: "code: regular expressions, shell and PowerShell expressions, calls, variable references",
		FalsePositives: []string{"[System.Convert]::FromBase64String", "(Get-Item)", "^[A-Za-z0-9]{32}$",
			"os.Getenv(\"X\")", "$customToken", "$$HOME", "Foo::bar()", "+dbPassword)",
			`os.environ["DB_PASSWORD"]`, "config['db']['password'])", "os.environ["},
		TruePositives: []string{"(Tr0ub4dor&3-horse", "[Tr0ub4dor&3-horse", "K9::xQ2#mpLr7", "Pa.*9xQ#mLr7",
			"Tr0ub4$$dor&3-horse", "Xq9()mLr7#W", "Xq9[mLr7]#W", "K9xQ[\"mpLr7\"]", "Kx9mLr7["}, reject: isCodeLike},
	{Name: "json fragment", Rejects: "a JSON or struct-literal fragment (\"key\":\"value\")",
		FalsePositives: []string{`{"user":"app"}`},
		TruePositives:  []string{`K9:"xQ2#mpLr7`}, reject: isJSONFragment},
	{Name: "digest", Rejects: "sha256:<hex> image digests and bcrypt hashes ($2a$10$...)",
		FalsePositives: []string{"sha256:" + strings.Repeat("ab12", 16), "$2a$10$" + strings.Repeat("Kq9mLr7Wp4Zx", 4) + "abcdefg"},
		TruePositives:  []string{"$2xQ9#mLr7Wp", "sha256:Xq9#mLr7"}, reject: isHashDigest},
	{Name: "jwt shaped", Rejects: "JSON Web Tokens: KV124 judges them by header and signature",
		FalsePositives: []string{"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"},
		TruePositives:  []string{"eyK9xQ2mpLr7Wz4t"}, reject: isJWTShaped},
	{Name: "provider prefix", Rejects: "tokens with a provider's prefix: their rule judges them, and one it does not report is truncated or a placeholder",
		FalsePositives: []string{"ghp_123xyz", "xoxb-12345"},
		TruePositives:  []string{"gh_K9xQ2mpLr7Wz4t"}, reject: hasProviderPrefix},
	{Name: "base64 text", Rejects: "base64 of readable text, or a placeholder word followed by base64 of a word",
		FalsePositives: []string{"Z3JlYXQtbmFtZQ==", "test-aGVsbG93b3JsZA=="},
		TruePositives:  []string{"K9xQ2mpLr7Wz4tYb8nQ=", "test-" + "Kq9mLr7Wp4Zx2Tb8"}, reject: encodesPlainTextAny},
	{Name: "percent-encoded text", Rejects: "percent-encoded values that decode to a placeholder or readable words (p%40ssw0rd)",
		FalsePositives: []string{"p%40ssw0rd", "my%20secret%20value"},
		TruePositives:  []string{"Xk%2F9q%3DmLr7%40Zp"}, reject: percentEncodesText},
	{Name: "prose word", Rejects: "one dictionary-shaped word with closing punctuation, no digits (Hello!, Welcome.)",
		FalsePositives: []string{"Hello!", "Welcome!!"},
		TruePositives:  []string{"xQ#9mL", "Hel9o!"}, reject: isProseWord},
	{Name: "cut placeholder", Rejects: "placeholders a configuration format interpolates or a line parser cut short: %(NAME)s, %(NAME, <generate, {api-key",
		FalsePositives: []string{"%(SNOWFLAKE_PASSWORD)s", "%(SNOWFLAKE_PASSWORD", "<generate", "{api-key"},
		TruePositives:  []string{"%(Tr0ub4dor&3", "<Xq9mLr7Wp", "{Xq9#mLr7Wp4zK2}"}, reject: isCutPlaceholder},
	{Name: "ciphertext", Rejects: "encrypted values in other shapes: SOPS cut at its comma (ENC[AES256_GCM), Spring Cloud Config {cipher}..., Maven {base64}",
		FalsePositives: []string{"ENC[AES256_GCM", "{cipher}9f3a7c21be04d8e6", "{COQLCE6DU6GtcS5P=}"},
		TruePositives:  []string{"ENC[Tr0ub4dor&3", "{Xq9mLr7#Wp4zK2b8}"}, reject: isCiphertext},
	{Name: "public token", Rejects: "tokens their provider documents as public, for browsers and apps: Mapbox pk.",
		FalsePositives: []string{"pk.eyJ1IjoiY29udG9zbyIsImEiOiJjbDl4cTJtIn0.Xq9mLr7Wp4zK2Tb8nQ4Yw"},
		TruePositives:  []string{"pk.Xq9mLr7Wp4zK2Tb8", "sk.eyJ1Ijoia3ZsaW50In0.Xq9mLr7Wp4zK2Tb8"}, reject: isPublicToken},
	{Name: "non-null reference", Rejects: "TypeScript non-null assertions on a dotted name (process.env.TOKEN!)",
		FalsePositives: []string{"process.env.SLACK_SIGNING_SECRET!"},
		TruePositives:  []string{"Xq9.mLr7Wp4z!"}, reject: isNonNullRef},
}

// isEncrypted reports a value encrypted at rest: SOPS (ENC[AES256_GCM,...]),
// Ansible Vault ($ANSIBLE_VAULT;1.1;AES256), jasypt ENC(...), or a Sealed
// Secrets ciphertext (base64 starting with Ag, hundreds of characters: an
// RSA-wrapped session key before the data).
func isEncrypted(v string) bool {
	if strings.HasPrefix(v, "ENC[") && strings.HasSuffix(v, "]") && strings.Contains(v, "data:") ||
		strings.HasPrefix(v, "$ANSIBLE_VAULT;") || len(v) > 5 && strings.EqualFold(v[:4], "enc(") && v[len(v)-1] == ')' {
		return true
	}
	if len(v) < 300 || !strings.HasPrefix(v, "Ag") {
		return false
	}
	for i := 0; i < len(v); i++ {
		if b64Value(v[i]) < 0 && v[i] != '=' {
			return false
		}
	}
	return true
}

// isMasked reports a masked or truncated value: a run of four or more of
// one of * # x X, a bullet, or an ellipsis (xoxb-1234-####, sk-****abcd, AKIA...).
func isMasked(v string) bool {
	if strings.Contains(v, "...") || strings.Contains(v, "…") || strings.Contains(v, "••") {
		return true
	}
	run := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c == '*' || c == '#' || c == 'x' || c == 'X') && i > 0 && v[i-1] == c {
			run++
			if run >= 3 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// isJSONFragment reports a JSON or struct-literal fragment: a :" with
// quotes around more than one side ({"user":"app"}).
func isJSONFragment(v string) bool {
	return strings.Contains(v, `:"`) && strings.Count(v, `"`) >= 2
}

// isHashDigest reports sha256:<hex> and a bcrypt hash ($2a$10$...).
func isHashDigest(v string) bool {
	if strings.HasPrefix(v, "sha256:") {
		return len(v) >= 7+32 && allHex(v[7:])
	}
	if len(v) < 7 || v[0] != '$' || v[1] != '2' {
		return false
	}
	i := 2
	if v[i] != '$' {
		i++ // $2a$, $2b$, $2x$, $2y$
	}
	return i+4 <= len(v) && v[i] == '$' && isDigit(v[i+1]) && isDigit(v[i+2]) && v[i+3] == '$'
}

// encodesPlainTextAny reports base64 of readable text, whole or after a
// word and a separator (test-aGVsbG93b3JsZA==: a placeholder word and
// base64 of a word).
func encodesPlainTextAny(v string) bool {
	if encodesPlainText(v) {
		return true
	}
	i := strings.IndexAny(v, "-_:.")
	return i >= 3 && isLetters(v[:i]) && lettersMakeWords(v[:i]) && encodesPlainText(v[i+1:])
}

// percentEncodesText reports a percent-encoded value whose decoding is a
// placeholder, a name or words (p%40ssw0rd, my%20secret%20value). It
// decodes at most 32 bytes on the stack.
func percentEncodesText(v string) bool {
	if strings.IndexByte(v, '%') < 0 || len(v) > 96 {
		return false
	}
	var buf [32]byte
	n, escapes := 0, 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '%' {
			if i+2 >= len(v) || !isHex(v[i+1]) || !isHex(v[i+2]) {
				return false
			}
			c = hexVal(v[i+1])<<4 | hexVal(v[i+2])
			i += 2
			escapes++
		}
		if n == len(buf) {
			return false
		}
		buf[n] = c
		n++
	}
	if escapes == 0 {
		return false
	}
	d := string(buf[:n]) // does not escape
	return isText(d) || IsPlaceholder(d) || isIdentifierLike(d) || isNamedPlaceholder(d) ||
		(isLetters(strings.Map(dropNonLetter, d)) && lettersMakeWords(strings.Map(dropNonLetter, d)) && !hasDigit(d))
}

func dropNonLetter(r rune) rune {
	if r < 0x80 && (isLower(byte(r)) || isUpper(byte(r))) {
		return r
	}
	return -1
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

func hexVal(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// isProseWord reports one dictionary-shaped word with closing punctuation
// and no digits (Hello!, Welcome.): a greeting or a sentence's word, not a
// generated password. A short random password (xQ#9mL) has digits or
// symbols inside and is still reported.
func isProseWord(v string) bool {
	i := 0
	for i < len(v) && (isLower(v[i]) || (i == 0 && isUpper(v[i]))) {
		i++
	}
	if i < 4 || i == len(v) || len(v)-i > 3 || !lettersMakeWords(v[:i]) {
		return false
	}
	for _, c := range []byte(v[i:]) {
		if c != '!' && c != '?' && c != '.' {
			return false
		}
	}
	return true
}

// isOtherScript reports a value of non-ASCII characters and separators
// only: words of another script, which the word filters (ASCII) cannot
// judge, and no generated credential is made of.
func isOtherScript(v string) bool {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x80 && c != ' ' && c != '-' && c != '_' && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// isPEMArmor reports a PEM armor line, whole or with its dashes or spaces
// mangled: three or more dashes, then BEGIN or END and a space.
func isPEMArmor(v string) bool {
	i := 0
	for i < len(v) && v[i] == '-' {
		i++
	}
	if i < 3 {
		return false
	}
	i = skipBlanks(v, i)
	return strings.HasPrefix(v[i:], "BEGIN ") || strings.HasPrefix(v[i:], "END ")
}

// sasFields are the query parameters of an Azure shared access signature
// other than sig (Storage, Service Bus and Event Hubs, user delegation).
var sasFields = []string{"sv", "ss", "srt", "sp", "se", "st", "spr", "sip", "sr", "si", "skoid", "sktid", "skt",
	"ske", "sks", "skv", "sdd", "rscc", "rscd", "rsce", "rscl", "rsct", "api-version", "skn", "ses", "saoid", "suoid", "scid"}

// isSASWithoutSig reports a query string made of shared access signature
// fields, sv= or se= among them, and no sig=: a SAS with its signature cut
// off, which grants nothing.
func isSASWithoutSig(v string) bool {
	v = strings.TrimPrefix(v, "?")
	n, core := 0, false
	for v != "" {
		part := v
		if k := strings.IndexByte(v, '&'); k >= 0 {
			part, v = v[:k], v[k+1:]
		} else {
			v = ""
		}
		eq := strings.IndexByte(part, '=')
		if eq <= 0 || !eqAny(part[:eq], sasFields) {
			return false
		}
		core = core || part[:eq] == "sv" || part[:eq] == "se"
		n++
	}
	return n >= 2 && core
}
