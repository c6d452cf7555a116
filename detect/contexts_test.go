package detect

import (
	"encoding/base64"
	"strings"
	"testing"
)

// contextCase is a value with a value context in it. A true positive names
// the secret the context binds; a decoy names the filter that rejects the
// token the context bound ("" when no context binds anything).
type contextCase struct {
	kind   ValueContext
	value  string
	secret string // true positive: the part reported
	filter string // decoy: what rejects it
}

func contextCases() []contextCase {
	s := Fake("ctx-tp", AlphaNum, 24)
	t := Fake("ctx-tp2", AlphaNum+"-_", 32)
	pw := "Qz9!mLr7#vX2"
	return []contextCase{
		// curl -u user:pass and its decoys.
		{kind: CtxUserPass, value: "curl -u admin:" + s + " https://api.example.com/v1", secret: s},
		{kind: CtxUserPass, value: "curl --user 'deploy:" + pw + "' https://example.com", secret: pw},
		{kind: CtxUserPass, value: "wget --user=ci:" + s + " https://example.com/a.tgz", secret: s},
		{kind: CtxUserPass, value: "docker run -u 1000:1000 img", filter: "too short"},
		{kind: CtxUserPass, value: `curl -u "$USER:$API_TOKEN" https://example.com`, filter: "placeholder"},
		{kind: CtxUserPass, value: "git push -u origin main"},
		// Authorization schemes anywhere.
		{kind: CtxAuthScheme, value: `curl -H "Authorization: Bearer ` + t + `" https://api.example.com`, secret: t},
		{kind: CtxAuthScheme, value: "Authorization: Api-Token " + s, secret: s},
		{kind: CtxAuthScheme, value: "use Bearer {access_token} or curl -u x:{password_of_the_user}", filter: "placeholder"},
		{kind: CtxAuthScheme, value: "send it with Bearer " + t + " in the header", secret: t},
		{kind: CtxAuthScheme, value: "req.headers = {'Authorization': 'token " + s + "'}", secret: s},
		{kind: CtxAuthScheme, value: "Authorization: SSWS " + s, secret: s},
		{kind: CtxAuthScheme, value: "the bearer of this letter", filter: "too short"},
		{kind: CtxAuthScheme, value: "Bearer {t}", filter: "too short"},
		{kind: CtxAuthScheme, value: "Authorization: Bearer {{access_token}}", filter: "placeholder"},
		{kind: CtxAuthScheme, value: "Authorization: Bearer $GITHUB_TOKEN", filter: "placeholder"},
		{kind: CtxAuthScheme, value: "token: ${{ secrets.GITHUB_TOKEN }}"},
		{kind: CtxAuthScheme, value: `"Bearer " + token`},
		{kind: CtxAuthScheme, value: "the refresh token expired yesterday", filter: "too short"},
		{kind: CtxAuthScheme, value: "a token Xq7kLm2pRt9v is short", filter: "schemeToken"},
		// Secret flags in scripts.
		{kind: CtxSecretFlag, value: "mysql -h db --password " + s + " app", secret: s},
		{kind: CtxSecretFlag, value: "az login --service-principal -u $APP_ID -p " + s + " --tenant $TENANT", secret: s},
		{kind: CtxSecretFlag, value: "vault login --token=" + t, secret: t},
		{kind: CtxSecretFlag, value: "docker login -u bot -p '" + pw + "' registry.example.com", secret: pw},
		{kind: CtxSecretFlag, value: "New-LocalUser -Name svc -Password " + s, secret: s},
		{kind: CtxSecretFlag, value: "docker run -p 8080:8080 img", filter: "number"},
		{kind: CtxSecretFlag, value: "ssh -p 2222 host", filter: "too short"},
		{kind: CtxSecretFlag, value: "mkdir -p /var/lib/app/data", filter: "path"},
		{kind: CtxSecretFlag, value: `read -p "Enter the database password: " pw`, filter: "text"},
		{kind: CtxSecretFlag, value: `mysql --password "$DB_PASSWORD" app`, filter: "placeholder"},
		{kind: CtxSecretFlag, value: "tool --password --user admin"},
		{kind: CtxSecretFlag, value: "tool --password-file /run/secrets/db"},
		// PowerShell.
		{kind: CtxSecureString, value: `$pw = ConvertTo-SecureString "` + pw + `" -AsPlainText -Force`, secret: pw},
		{kind: CtxSecureString, value: `ConvertTo-SecureString -String '` + s + `' -AsPlainText -Force`, secret: s},
		{kind: CtxSecureString, value: `ConvertTo-SecureString $plain -AsPlainText -Force`},
		{kind: CtxSecureString, value: `$s = ConvertTo-SecureString "` + s + `"`}, // an encrypted standard string
		// .NET, log4net and Spring XML configuration.
		{kind: CtxXMLAttr, value: `<add key="DbPassword" value="` + pw + `" />`, secret: pw},
		{kind: CtxXMLAttr, value: `<param name="Password" value="` + s + `"/>`, secret: s},
		{kind: CtxXMLAttr, value: `<property name="client.secret" value="` + s + `"/>`, secret: s},
		{kind: CtxXMLAttr, value: `<add key="PasswordMinLength" value="12" />`},
		{kind: CtxXMLAttr, value: `<add key="ApiToken" value="$(ApiToken)" />`, filter: "placeholder"},
		{kind: CtxXMLElement, value: `<password>` + pw + `</password>`, secret: pw},
		{kind: CtxXMLElement, value: `<db><host>db</host><secret>` + s + `</secret></db>`, secret: s},
		{kind: CtxXMLElement, value: `<clientSecret type="string">` + s + `</clientSecret>`, secret: s},
		{kind: CtxXMLElement, value: `<password>${env.DB_PASSWORD}</password>`, filter: "placeholder"},
		{kind: CtxXMLElement, value: `<password encrypted="true">` + s + `</password>`},
		{kind: CtxXMLElement, value: `<passwordHint>` + s + `</passwordHint>`},
		// Subscript assignment.
		{kind: CtxSubscript, value: `os.environ["DB_PASSWORD"] = "` + s + `"`, secret: s},
		{kind: CtxSubscript, value: `ENV['API_TOKEN'] = '` + t + `'`, secret: t},
		{kind: CtxSubscript, value: `os.environ["DB_PASSWORD"] = os.getenv("X")`},
		{kind: CtxSubscript, value: `if os.environ["DB_PASSWORD"] == "` + s + `":`},
		{kind: CtxSubscript, value: `os.environ["DB_HOST"] = "` + s + `"`},
		// PowerShell parameters in any order, continued lines.
		{kind: CtxSecureString, value: `ConvertTo-SecureString -AsPlainText -Force -String '` + pw + `'`, secret: pw},
		{kind: CtxSecureString, value: "ConvertTo-SecureString `\n  -String '" + pw + "' `\n  -AsPlainText -Force", secret: pw},
		{kind: CtxSecureString, value: `ConvertTo-SecureString -AsPlainText -Force -String $plain`},
		{kind: CtxSecureString, value: `ConvertTo-SecureString '` + s + `' -Key $key -AsPlainText`},
		{kind: CtxSecureString, value: `(ConvertTo-SecureString $p -AsPlainText -Force), '` + s + `'`},
		// Key and value arguments.
		{kind: CtxKeyArg, value: `os.environ.setdefault("API_TOKEN", "` + t + `")`, secret: t},
		{kind: CtxKeyArg, value: `System.setProperty("db.password", "` + pw + `");`, secret: pw},
		{kind: CtxKeyArg, value: `Environment.SetEnvironmentVariable('CLIENT_SECRET', '` + s + `', 'User')`, secret: s},
		{kind: CtxKeyArg, value: `params.add(new BasicNameValuePair("client_secret","` + s + `"));`, secret: s},
		{kind: CtxKeyArg, value: `os.environ.setdefault("API_TOKEN", "")`},
		{kind: CtxKeyArg, value: `os.environ.setdefault("API_HOST", "` + s + `")`},
		{kind: CtxKeyArg, value: `fields = ["username", "password", "email"]`},
		{kind: CtxKeyArg, value: `fields = ("username", "password", "email")`, filter: "too short"},
		{kind: CtxKeyArg, value: `prompt("password", "Enter your password")`, filter: "text"},
		{kind: CtxKeyArg, value: `set("password", "` + s + `" + suffix)`},
		{kind: CtxKeyArg, value: `x = "password", "` + s + `"`},
		// User and password arguments.
		{kind: CtxAuthPair, value: `r = requests.get(url, auth=("deploy", "` + pw + `"))`, secret: pw},
		{kind: CtxAuthPair, value: `r = requests.get(url, auth=HTTPBasicAuth(user, '` + s + `'))`, secret: s},
		{kind: CtxAuthPair, value: `var c = new NetworkCredential("svc", "` + pw + `");`, secret: pw},
		{kind: CtxAuthPair, value: `new PasswordAuthentication("svc", "` + pw + `".toCharArray())`, secret: pw},
		{kind: CtxAuthPair, value: `r = requests.get(url, auth=(user, password))`},
		{kind: CtxAuthPair, value: `r = requests.get(url, auth=("deploy", os.environ["PW"]))`},
		{kind: CtxAuthPair, value: `auth = ("deploy", "<password>")`, filter: "placeholder"},
		{kind: CtxAuthPair, value: `auth = ("deploy", "pw" + suffix)`},
		// A password echoed into --password-stdin.
		{kind: CtxPasswordStdin, value: `echo "` + s + `" | docker login -u bot --password-stdin registry.example.com`, secret: s},
		{kind: CtxPasswordStdin, value: `echo -n ` + t + ` | helm registry login r.example.com -u bot --password-stdin`, secret: t},
		{kind: CtxPasswordStdin, value: `echo "$REGISTRY_TOKEN" | docker login -u bot --password-stdin`, filter: "placeholder"},
		{kind: CtxPasswordStdin, value: `cat /run/secrets/token | docker login -u bot --password-stdin`},
		{kind: CtxPasswordStdin, value: `echo "logging in" | tee log; docker login --password-stdin`},
		// MySQL's -p<password>.
		{kind: CtxSecretFlag, value: "mysql -uroot -p" + pw + " app < dump.sql", secret: pw},
		{kind: CtxSecretFlag, value: "mysqldump -h db -u app -p" + s + " app", secret: s},
		{kind: CtxSecretFlag, value: "mysql -h db -P3306 -uroot -p app", filter: "too short"},
		{kind: CtxSecretFlag, value: `mysql -uroot -p"$MYSQL_ROOT_PASSWORD" app`, filter: "placeholder"},
	}
}

// structuralCases are the contexts whose structure, not a variable name,
// binds the token (contexts_struct.go), and flags whose last word runs a
// secret word into others.
func structuralCases() []contextCase {
	s := Fake("ctx-struct", AlphaNum, 24)
	t := Fake("ctx-struct2", AlphaNum+"-_", 32)
	pw := "Qz9!mLr7#vX2"
	basic := base64.StdEncoding.EncodeToString([]byte("deploy:" + pw))
	hexOf := func(seed string, n int) string { return Fake(seed, "0123456789ABCDEF", n) }
	vk, dk := hexOf("ctx-vk", 128), hexOf("ctx-dk", 48)
	return []contextCase{
		// Flags whose name runs a secret word into others (redis-server's).
		{kind: CtxSecretFlag, value: "redis-server --requirepass " + s, secret: s},
		{kind: CtxSecretFlag, value: "redis-server --port 6380 --masterauth " + s + " --replicaof db 6379", secret: s},
		{kind: CtxSecretFlag, value: "tool --admin-password=" + pw, secret: pw},
		{kind: CtxKeyArg, value: `command: ["redis-server", "--requirepass", "` + s + `"]`, secret: s},
		{kind: CtxSecretFlag, value: `redis-server --requirepass "$REDIS_PASSWORD"`, filter: "placeholder"},
		{kind: CtxSecretFlag, value: "tool --no-password --user admin"},
		{kind: CtxSecretFlag, value: "docker login -u bot --password-stdin registry.example.com"},
		{kind: CtxSecretFlag, value: "curl --bypass " + s},

		// name/value siblings: YAML sequences of maps, JSON, CloudFormation.
		{kind: CtxNameValue, value: "variables:\n  - name: buildConfiguration\n    value: Release\n  - name: sqlPassword\n    value: " + pw, secret: pw},
		{kind: CtxNameValue, value: "env:\n- name: API_TOKEN\n  value: \"" + t + "\"", secret: t},
		{kind: CtxNameValue, value: `[{"name": "DB_PASSWORD", "value": "` + pw + `", "slotSetting": false}]`, secret: pw},
		{kind: CtxNameValue, value: "{\n  \"Name\": \"ClientSecret\",\n  \"Value\": \"" + s + "\"\n}", secret: s},
		{kind: CtxNameValue, value: "--parameters ParameterKey=DbPassword,ParameterValue=" + pw, secret: pw},
		{kind: CtxNameValue, value: "set {\n  name = \"auth.password\"\n  value = \"" + pw + "\"\n}", secret: pw},
		{kind: CtxNameValue, value: "- name: buildConfiguration\n  value: Release"},
		{kind: CtxNameValue, value: "- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password"},
		{kind: CtxNameValue, value: "- name: password-secret-name\n  value: " + s},
		{kind: CtxNameValue, value: "- name: DB_PASSWORD\n- name: HOST\n  value: " + s},
		{kind: CtxNameValue, value: "- name: DB_PASSWORD\n  value: $(DbPassword)", filter: "placeholder"},

		// Docker config auth: base64 of user:password, by structure.
		{kind: CtxDockerAuth, value: `{"auths":{"registry.gitlab.com":{"auth":"` + basic + `"}}}`, secret: basic},
		{kind: CtxDockerAuth, value: "//registry.npmjs.org/:_auth=" + basic, secret: basic},
		{kind: CtxDockerAuth, value: `{"auths":{"r.example.com":{"auth":"` + base64.StdEncoding.EncodeToString([]byte("no-colon-here-"+s)) + `"}}}`, filter: "validBasicAuth"},
		{kind: CtxDockerAuth, value: `{"auths":{"r.example.com":{"auth":"` + base64.StdEncoding.EncodeToString([]byte("user:password")) + `"}}}`, filter: "validBasicAuth"},
		{kind: CtxDockerAuth, value: `{"auths":{"r.example.com":{"auth":""}}}`},
		{kind: CtxDockerAuth, value: `{"auths":{"r.example.com":{}},"credsStore":"desktop"}`},

		// A generic field qualified by its type's name.
		{kind: CtxTypedInit, value: `services.AddSingleton(new ApiKeyOptions { HeaderName = "X-Api-Key", Key = "` + pw + `" });`, secret: pw},
		{kind: CtxTypedInit, value: "var o = new SecretSettings()\n{\n    Value = \"" + s + "\",\n};", secret: s},
		{kind: CtxTypedInit, value: `val opts = ApiKeyOptions(header = "X-Api-Key", key = "` + s + `")`, secret: s},
		{kind: CtxTypedInit, value: `var d = new Dictionary<string, string> { Key = "` + s + `" };`},
		{kind: CtxTypedInit, value: `var p = new KeyValuePair<string, string>(key: "` + s + `", value: "` + s + `");`},
		{kind: CtxTypedInit, value: `var o = new SortOptions { Key = "createdAt" };`},
		{kind: CtxTypedInit, value: `var o = new PublicKeyOptions { Key = "` + s + `" };`},
		{kind: CtxTypedInit, value: `new ApiKeyOptions { Key = "{ApiKey}" }`, filter: "placeholder"},
		{kind: CtxTypedInit, value: `{"variables": {"sqlPassword": {"value": "` + pw + `", "isSecret": true}}}`, secret: pw},
		{kind: CtxTypedInit, value: `{"variables": {"buildConfiguration": {"value": "` + pw + `"}}}`},
		{kind: CtxTypedInit, value: `{"sqlPassword": {"value": "$(SqlPassword)"}}`, filter: "placeholder"},

		// ASP.NET machineKey.
		{kind: CtxMachineKey, value: `<machineKey validationKey="` + vk + `" decryptionKey="AutoGenerate,IsolateApps" validation="HMACSHA256" />`, secret: vk},
		{kind: CtxMachineKey, value: `<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="` + dk + `" decryption="AES" />`, secret: dk},
		{kind: CtxMachineKey, value: `<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />`},
		{kind: CtxMachineKey, value: `<machineKey validationKey="` + strings.Repeat("0", 64) + `" />`, filter: "hexKeyOK"},
		{kind: CtxMachineKey, value: `<machineKey decryptionKey="ABCDEF0123" />`},

		// Prose after a secret word.
		{kind: CtxProse, value: "Shared test account: user `qa-bot`, password `" + pw + "`.", secret: pw},
		{kind: CtxProse, value: "The admin password is " + pw + ".", secret: pw},
		{kind: CtxProse, value: "The deploy token is `" + t + "` until Friday.", secret: t},
		{kind: CtxProse, value: "Send the password `{api-key}` in the header.", filter: "placeholder"},
		{kind: CtxProse, value: "Its password is in Key Vault.", filter: "too short"},
		{kind: CtxProse, value: "Enter the password `<your password>` twice.", filter: "text"},
		{kind: CtxProse, value: "the password field is required"},
		{kind: CtxProse, value: "if password is None:", filter: "too short"},

		// Windows commands.
		{kind: CtxWinCmd, value: `net use \\fs01\share /user:CONTOSO\svc ` + pw, secret: pw},
		{kind: CtxWinCmd, value: `net use Z: \\fs01\share ` + pw + ` /user:CONTOSO\svc /persistent:no`, secret: pw},
		{kind: CtxWinCmd, value: `cmdkey /generic:fs01 /user:svc /pass:` + pw, secret: pw},
		{kind: CtxWinCmd, value: `net use Z: \\fs01\share /user:CONTOSO\svc *`},
		{kind: CtxWinCmd, value: `net use Z: /delete`},
		{kind: CtxWinCmd, value: `net use \\fs01\share /user:svc %SHARE_PW%`, filter: "placeholder"},
		{kind: CtxWinCmd, value: `cmdkey /generic:fs01 /user:svc /pass:"%SHARE_PW%"`, filter: "placeholder"},
		{kind: CtxWinCmd, value: `schtasks /create /tn backup /tr c:\backup.cmd /sc daily /ru CONTOSO\svc /rp ` + pw, secret: pw},
		{kind: CtxWinCmd, value: `net user deploy ` + pw + ` /add`, secret: pw},
		{kind: CtxWinCmd, value: `schtasks /create /tn backup /ru CONTOSO\svc /rp *`},
		{kind: CtxWinCmd, value: `net user deploy /add`},
		{kind: CtxWinCmd, value: `net user deploy * /add`},
		{kind: CtxWinCmd, value: `net user deploy %DEPLOY_PW% /add`, filter: "placeholder"},
	}
}

// TestValueContexts runs every context's true positives and decoys through
// Scan (lint's and scan's one entry point) and Explain.
func TestValueContexts(t *testing.T) {
	e := defaultEngine(t)
	ctx := Context{Kind: KindCallArg, Call: "os/exec.Command"}
	tps := map[ValueContext]int{}
	for _, c := range append(contextCases(), structuralCases()...) {
		if checkContextCase(t, e, c, ctx) {
			tps[c.kind]++
		}
	}
	// The kinds of contexts.go; those of contexts_more.go have theirs in
	// TestMoreValueContexts.
	for k := CtxUserPass; k <= CtxWinCmd; k++ {
		if tps[k] == 0 {
			t.Errorf("%v: no true positive", k)
		}
	}
}

// redactAll shows a decoy's words but not long tokens in it.
// checkContextCase runs one case through Scan and Explain in ctx and
// reports whether it is a true positive. Scan and Explain must agree; a true
// positive's secret is reported with a reporting decision of the case's
// kind in the trace; a decoy is not reported, and the filter it names (none:
// no binding at all) is what the kind's decision says rejected it.
func checkContextCase(t *testing.T, e *Engine, c contextCase, ctx Context) bool {
	t.Helper()
	fs := e.Scan(c.value, ctx, nil)
	ex := e.Explain(c.value, ctx)
	if len(ex.Findings) != len(fs) {
		t.Errorf("%v: Explain found %d, Scan %d", c.kind, len(ex.Findings), len(fs))
	}
	var d *Decision
	for i := range ex.Decisions {
		if ex.Decisions[i].Step == StepContext && ex.Decisions[i].Context == c.kind {
			d = &ex.Decisions[i]
		}
	}
	if c.secret != "" {
		found := false
		for _, f := range fs {
			found = found || f.Secret(c.value) == c.secret
		}
		if !found {
			t.Errorf("%v: %s: the secret %s is not reported (%d findings)", c.kind, redactAll(c.value), Redact(c.secret), len(fs))
		}
		if d == nil || d.Confidence == 0 {
			t.Errorf("%v: %s: no reporting %v decision in the trace", c.kind, redactAll(c.value), c.kind)
		}
		return true
	}
	if len(fs) != 0 {
		t.Errorf("%v: decoy %q: reported %s by %s", c.kind, redactAll(c.value), Redact(fs[0].Secret(c.value)), fs[0].Rule.ID)
	}
	switch {
	case c.filter == "" && d != nil:
		t.Errorf("%v: decoy %q: want no binding, the context bound one (filter %q)", c.kind, redactAll(c.value), d.Filter)
	case c.filter != "" && d == nil:
		t.Errorf("%v: decoy %q: want filter %s, the context bound nothing", c.kind, redactAll(c.value), c.filter)
	case c.filter != "" && d.Filter != c.filter:
		t.Errorf("%v: decoy %q: rejected by %q, want %q", c.kind, redactAll(c.value), d.Filter, c.filter)
	}
	return false
}

func redactAll(v string) string {
	w := strings.Fields(v)
	for i, x := range w {
		if len(x) > 12 {
			w[i] = Redact(x)
		}
	}
	return strings.Join(w, " ")
}

// TestValueContextsZeroAlloc checks that values with a context marker but
// no binding, and values without markers, cost no allocation.
func TestValueContextsZeroAlloc(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under coverage and race")
	}
	e := defaultEngine(t)
	for _, v := range []string{"mkdir -p /var/lib/app", "the bearer of this letter", "git push -u origin main",
		"<p>text</p>", `m["key"] = "v"`, "--verbose --dry-run", "plain text with nothing"} {
		n := testing.AllocsPerRun(50, func() { e.Scan(v, Context{}, nil) })
		if n != 0 {
			t.Errorf("Scan(%q) allocates %v times", v, n)
		}
	}
}

// TestCredIsSecretWord checks "cred" as a head word, and words that merely
// contain it.
func TestCredIsSecretWord(t *testing.T) {
	for name, want := range map[string]bool{"dbCred": true, "CRED": true, "ssh_cred": true, "cred": true,
		"credHelper": false, "credPath": false, "sacred": false, "credit": false, "incredible": false} {
		if got := secretName(name); got != want {
			t.Errorf("secretName(%q) = %v, want %v", name, got, want)
		}
	}
	e := defaultEngine(t)
	s := Fake("cred", AlphaNum, 24)
	if fs := e.Scan("cred="+s, Context{}, nil); len(fs) != 1 {
		t.Errorf("cred=<value> in a value: %d findings, want 1", len(fs))
	}
}

// TestFlagSecretName checks the flag names that take a secret, and those
// that merely contain a secret word.
func TestFlagSecretName(t *testing.T) {
	for name, want := range map[string]bool{"requirepass": true, "masterauth": true, "admin-password": true,
		"adminpass": true, "client-secret": true, "password": true, "db_pass": true, "apitoken": true,
		"password-file": false, "password-stdin": false, "no-password": false, "bypass": false, "noauth": false,
		"oauth": false, "skipauth": false, "auth": false, "pass2": true, "verbose": false, "compass": false} {
		if got := FlagSecretName(name); got != want {
			t.Errorf("FlagSecretName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSecretOwner checks the type names that qualify a generic field, and
// those that do not.
func TestSecretOwner(t *testing.T) {
	for owner, want := range map[string]string{"ApiKeyOptions": "ApiKey", "SecretSettings": "Secret",
		"KeyVaultSecret": "KeyVaultSecret", "ClientSecretCredentialOptions": "ClientSecretCredential", "SmtpPasswordConfig": "SmtpPassword",
		"SortOptions": "", "KeyValuePair": "", "Dictionary": "", "Options": "", "PublicKeyOptions": "", "CacheKeyOptions": "",
		"TokenCacheOptions": ""} {
		got, ok := SecretOwner(owner)
		if got != want || ok != (want != "") {
			t.Errorf("SecretOwner(%q) = %q, %v; want %q", owner, got, ok, want)
		}
	}
}

// TestSecretOwnerField checks that a Go composite literal's generic field
// of a secret's type is judged as a secret name, in lint as in scan.
func TestSecretOwnerField(t *testing.T) {
	e := defaultEngine(t)
	pw := "Qz9!mLr7#vX2"
	for _, c := range []struct {
		ctx  Context
		want bool
	}{
		{Context{Kind: KindField, Name: "Key", Owner: "ApiKeyOptions"}, true},
		{Context{Kind: KindField, Name: "Value", Owner: "ClientSecretSettings"}, true},
		{Context{Kind: KindField, Name: "Key", Owner: "SortOptions"}, false},
		{Context{Kind: KindField, Name: "Key", Owner: "PublicKeyOptions"}, false},
		{Context{Kind: KindField, Name: "Header", Owner: "ApiKeyOptions"}, false},
	} {
		if got := len(e.Scan(pw, c.ctx, nil)) == 1; got != c.want {
			t.Errorf("%s.%s = %s: reported %v, want %v", c.ctx.Owner, c.ctx.Name, Redact(pw), got, c.want)
		}
	}
}

// TestStructuralContextsZeroAlloc checks that values holding the new
// contexts' markers but binding nothing cost no allocation.
func TestStructuralContextsZeroAlloc(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under coverage and race")
	}
	e := defaultEngine(t)
	for _, v := range []string{"- name: buildConfiguration\n  value: Release", `{"name": "orders", "key": "id"}`,
		`var o = new SortOptions { Key = "createdAt" };`, "the password field is required", "net use Z: /delete",
		`<machineKey validationKey="AutoGenerate,IsolateApps" />`, `{"auths":{},"credsStore":"desktop"}`} {
		n := testing.AllocsPerRun(50, func() { e.Scan(v, Context{}, nil) })
		if n != 0 {
			t.Errorf("Scan(%q) allocates %v times", v, n)
		}
	}
}

// FuzzValueContexts checks that the extractors never panic, bind only
// spans inside the value, and that Explain agrees with Scan.
func FuzzValueContexts(f *testing.F) {
	for _, c := range append(contextCases(), structuralCases()...) {
		f.Add(c.value)
	}
	f.Add("-u ")
	f.Add(`"]`)
	f.Add("</a>")
	f.Add("<add key=")
	e := defaultEngine(f)
	f.Fuzz(func(t *testing.T, v string) {
		eachContext(v, func(c contextCandidate) {
			if c.start < 0 || c.end > len(v) || c.start > c.end {
				t.Fatalf("candidate %d-%d outside a %d-byte value", c.start, c.end, len(v))
			}
		})
		fs := e.Scan(v, Context{}, nil)
		ex := e.Explain(v, Context{})
		if len(fs) != len(ex.Findings) {
			t.Fatalf("Scan found %d, Explain %d", len(fs), len(ex.Findings))
		}
		for i := range fs {
			if fs[i] != ex.Findings[i] {
				t.Fatalf("finding %d differs between Scan and Explain", i)
			}
		}
	})
}
