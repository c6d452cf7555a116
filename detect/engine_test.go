package detect

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/kvlint/kvlint/internal/cputime"
	"github.com/kvlint/kvlint/rules"
)

func TestFalsePositiveCorpus(t *testing.T) {
	e := defaultEngine(t)
	for i, v := range commonValues {
		for j, c := range append(slices.Clone(commonContexts), secretNameContexts...) {
			if fs := e.Scan(v, c, nil); len(fs) > 0 {
				t.Errorf("value %d in context %d (%q): %s", i, j, c.Name+c.Key, describe(v, fs))
			}
		}
	}
	for i, v := range base64Values {
		for j, c := range commonContexts {
			if fs := e.Scan(v, c, nil); len(fs) > 0 {
				t.Errorf("base64 value %d in context %d (%q): %s", i, j, c.Name+c.Key, describe(v, fs))
			}
		}
	}
}

func TestZeroAllocsNonMatching(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	e := defaultEngine(t)
	vals, ctxs := benchMix(1000)
	var keep []int
	for i := range vals {
		if len(e.Scan(vals[i], ctxs[i], nil)) == 0 {
			keep = append(keep, i)
		}
	}
	if len(keep) < 900 {
		t.Fatalf("only %d of %d mix values are non-secrets", len(keep), len(vals))
	}
	dst := make([]Finding, 0, 8)
	allocs := testing.AllocsPerRun(20, func() {
		for _, i := range keep {
			dst = e.Scan(vals[i], ctxs[i], dst[:0])
		}
		for _, v := range commonValues {
			for _, c := range commonContexts {
				dst = e.Scan(v, c, dst[:0])
			}
		}
	})
	if allocs > 0 {
		t.Errorf("scanning %d non-secret values allocates %v times per run; want 0", len(keep)+len(commonValues)*len(commonContexts), allocs)
	}
}

func TestBuiltinMetadata(t *testing.T) {
	all := Builtin()
	ids := map[string]bool{}
	defer func() {
		for n := 100; n <= 127; n++ {
			if id := fmt.Sprintf("KV%d", n); !ids[id] {
				t.Errorf("Builtin() lacks %s (KV100-KV127 must all be there)", id)
			}
		}
	}()
	lowerStart := regexp.MustCompile(`^[a-z]`)
	for i, r := range all {
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("rules not ordered by ID: %s before %s", all[i-1].ID, r.ID)
		}
		if ids[r.ID] || ids[r.Name] {
			t.Errorf("duplicate rule %s/%s", r.ID, r.Name)
		}
		ids[r.ID], ids[r.Name] = true, true
		if !strings.HasPrefix(r.ID, "KV1") && !strings.HasPrefix(r.ID, "KV5") {
			t.Errorf("%s: ID not in the KV1xx or KV5xx (providers) range", r.ID)
		}
		if r.Analyzer != "hardcodedcred" || r.Name == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: incomplete info %+v", r.ID, r.Info)
		}
		if !lowerStart.MatchString(r.Title) || strings.HasSuffix(r.Title, ".") {
			t.Errorf("%s: title %q must be lowercase without a trailing period", r.ID, r.Title)
		}
		if !strings.Contains(r.Doc, "Azure Key Vault") || !strings.Contains(r.Doc, "azsecrets") {
			t.Errorf("%s: doc does not say what to do", r.ID)
		}
		if r.Severity != rules.SeverityError && r.Severity != rules.SeverityWarning {
			t.Errorf("%s: severity %q", r.ID, r.Severity)
		}
		if r.SecuritySeverity <= 0 || r.SecuritySeverity > 10 {
			t.Errorf("%s: security severity %v", r.ID, r.SecuritySeverity)
		}
		if r != genericRule && len(r.Keywords) == 0 {
			t.Errorf("%s: no keywords", r.ID)
		}
		for _, k := range r.Keywords {
			if k != strings.ToLower(k) {
				t.Errorf("%s: keyword %q is not lowercase", r.ID, k)
			}
		}
	}
	e := defaultEngine(t)
	if got := e.Rules(); len(got) != len(all) {
		t.Errorf("default engine has %d rules; want %d", len(got), len(all))
	}
}

func TestSplitWords(t *testing.T) {
	for in, want := range map[string]string{
		"DBPassword":          "db password",
		"APIKey":              "api key",
		"apiKey":              "api key",
		"AZURE_CLIENT_SECRET": "azure client secret",
		"x-api-key":           "x api key",
		"db.password":         "db password",
		"oauth2Token":         "oauth 2 token",
		"HTTPServer":          "http server",
		"getHTTPSURL":         "get httpsurl",
		"":                    "",
		"__":                  "",
		"Ünïcode_name":        "ünïcode name",
	} {
		if got := strings.Join(SplitWords(in), " "); got != want {
			t.Errorf("SplitWords(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestSecretName(t *testing.T) {
	yes := []string{"password", "Password", "dbPassword", "DBPassword", "db_password", "DB_PASSWORD", "passwd", "pwd",
		"userPass", "user_pass", "secret", "clientSecret", "client_secret", "AZURE_CLIENT_SECRET", "token", "accessToken",
		"access_token", "githubtoken", "GITHUB_TOKEN", "apiKey", "APIKey", "api_key", "apikey", "X-Api-Key",
		"accessKey", "secretKey", "privateKey", "signingKey", "credentials", "credential", "authKey", "Authorization",
		"passwordStr", "tokenValue", "password2", "adminpassword", "storageAccountKey", "sasToken", "connPwd"}
	no := []string{"", "bypass", "compass", "passage", "passthrough", "tokenizer", "tokenURL", "token_endpoint",
		"secretName", "passwordField", "tokenType", "TokenKind", "nextPageToken", "maxTokens", "tokens", "key",
		"primaryKeyColumn", "cacheKey", "mapKey", "keyID", "hashedPassword", "passwordHash", "isSecret",
		"errInvalidPassword", "passwordPrompt", "secretPath", "tokenFile", "passwordEnv", "secretsManager",
		"minPasswordLength", "passwordRegex", "tokenHeader", "passwordLabel", "publicKey", "apiKeyID", "url"}
	checkYesNo(t, "secretName", secretName, strconv.Quote, yes, no)
}

// checkYesNo asserts that is holds for every value of yes and for none of
// no; a failure names the list and index and shows the value as show
// prints it (Redact where a value may look like a secret).
func checkYesNo(t *testing.T, name string, is func(string) bool, show func(string) string, yes, no []string) {
	t.Helper()
	for i, v := range yes {
		if !is(v) {
			t.Errorf("%s(yes[%d] %s) = false; want true", name, i, show(v))
		}
	}
	for i, v := range no {
		if is(v) {
			t.Errorf("%s(no[%d] %s) = true; want false", name, i, show(v))
		}
	}
}

func TestIsPlaceholder(t *testing.T) {
	yes := []string{"", "changeme", "CHANGEME", "<password>", "${DB_PASSWORD}", "{{ .Token }}", "$(pass show db)",
		"%s", "user=%v", "xxxx", "XXXXXXXX", "********", "REDACTED", "example-token", "sample_key", "dummy",
		"your_token_here", "YOUR-API-KEY", "TODO", "$AZURE_CLIENT_SECRET", "%APPDATA%", "aaaaaaaa", "abababab",
		"password", "secret", "hunter2", "[token]", "{secret}"}
	no := []string{Fake("ph", AlphaNum, 24), "Tr0ub4dor&3", "kvlint-9f8a7b", `{"a":"b"}`}
	checkYesNo(t, "IsPlaceholder", IsPlaceholder, Redact, yes, no)
}

func TestRedact(t *testing.T) {
	tok := FakeCRCToken("ghp_", "redact")
	got := Redact(tok)
	if !strings.HasPrefix(got, "ghp_…(40 chars, sha256:") || !strings.HasSuffix(got, ")") || len(got) != len("ghp_…(40 chars, sha256:12345678)") {
		t.Errorf("Redact(github token) = %q", got)
	}
	if strings.Contains(got, tok[4:8]) {
		t.Errorf("Redact shows more than the prefix")
	}
	for n := 0; n <= 64; n++ {
		s := Fake("redact-len", AlphaNum, n)
		r := Redact(s)
		shown := strings.Index(r, "…")
		if shown > 4 || shown > n/4 {
			t.Errorf("Redact of %d chars shows %d leading chars", n, shown)
		}
		if n < 8 && shown > 1 {
			t.Errorf("Redact of %d chars shows %d leading chars; want at most 1", n, shown)
		}
		if n >= 8 && strings.Contains(r, s) {
			t.Errorf("Redact of %d chars contains the secret", n)
		}
		if n > 0 && strings.Contains(r, s[n-min(n, 3):]) && n >= 12 {
			t.Errorf("Redact of %d chars shows trailing chars", n)
		}
	}
	// Multi-byte and control characters are never cut or shown.
	if r := Redact("пароль-пароль-пароль"); !strings.HasPrefix(r, "п") || !strings.Contains(r, "(20 chars") {
		t.Errorf("Redact(cyrillic) = %q", r)
	}
	if r := Redact("\x1b[31mabcdefgh"); strings.ContainsFunc(r, unicode.IsControl) {
		t.Errorf("Redact shows a control character: %q", r)
	}
}

func TestHash(t *testing.T) {
	if got := Hash(""); got != "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Errorf("Hash(\"\") = %q", got)
	}
	a, b := Hash("a"), Hash("b")
	if a == b || len(a) != 7+64 {
		t.Errorf("Hash: %q %q", a, b)
	}
}

func TestOptions(t *testing.T) {
	tok := FakeCRCToken("ghp_", "options")
	pw := Fake("options-pw", AlphaNum, 20)
	pwCtx := Context{Kind: KindAssign, Name: "password"}
	count := func(e *Engine, v string, c Context) int { return len(e.Scan(v, c, nil)) }
	mustNew := func(o Options) *Engine {
		t.Helper()
		e, err := New(o)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}

	if n := count(mustNew(Options{Disable: []string{"KV112"}}), tok, Context{}); n != 0 {
		t.Errorf("disabled KV112 still reports: %d", n)
	}
	if n := count(mustNew(Options{Disable: []string{"github-token"}}), tok, Context{}); n != 0 {
		t.Errorf("disabled by name github-token still reports: %d", n)
	}
	only := mustNew(Options{Enable: []string{"KV112"}})
	if n := count(only, tok, Context{}); n != 1 {
		t.Errorf("enabled KV112: %d findings; want 1", n)
	}
	if n := count(only, pw, pwCtx); n != 0 {
		t.Errorf("only KV112 enabled, generic still reports")
	}
	if len(only.Rules()) != 1 {
		t.Errorf("Rules() = %d; want 1", len(only.Rules()))
	}
	if n := count(mustNew(Options{AllowValues: []string{"^ghp_"}}), tok, Context{}); n != 0 {
		t.Errorf("allow-listed value still reported")
	}
	if n := count(mustNew(Options{AllowValues: []string{"^" + regexp.QuoteMeta(pw) + "$"}}), pw, pwCtx); n != 0 {
		t.Errorf("allow-listed generic value still reported")
	}
	if n := count(mustNew(Options{GenericMinEntropy: 7.9}), pw, pwCtx); n != 0 {
		t.Errorf("generic entropy floor 7.9 still reports a 20-char value")
	}
	custom := &Rule{Keywords: []string{"acme_"}, Pattern: `acme_[a-z0-9]{16}`, MinEntropy: 2}
	custom.ID, custom.Name, custom.Title = "KV901", "acme-token", "an acme token is hardcoded"
	ce := mustNew(Options{Custom: []*Rule{custom}})
	acme := "acme_" + Fake("acme", "abcdefghijklmnopqrstuvwxyz0123456789", 16)
	if fs := ce.Scan("token: "+acme, Context{}, nil); len(fs) != 1 || fs[0].Rule != custom || fs[0].Start != 7 {
		t.Errorf("custom rule: %s", describe("token: "+acme, fs))
	}
	if ce.Rules()[len(ce.Rules())-1] != custom {
		t.Errorf("custom rule not last by ID")
	}
	noKW := &Rule{Pattern: `zz[0-9]{12}zz`}
	noKW.ID = "KV902"
	if fs := mustNew(Options{Custom: []*Rule{noKW}}).Scan("x zz"+Fake("nokw", "0123456789", 12)+"zz", Context{}, nil); len(fs) != 1 {
		t.Errorf("custom rule without keywords: %d findings", len(fs))
	}

	testCtx := Context{Kind: KindAssign, Name: "password", Test: true}
	if n := count(mustNew(Options{Tests: TestsSkip}), tok, testCtx); n != 0 {
		t.Errorf("tests=skip still reports in tests")
	}
	if n := count(mustNew(Options{}), tok, testCtx); n != 1 {
		t.Errorf("tests=fixtures drops a checksummed token in a test")
	}
	if n := count(mustNew(Options{}), "Sup3rPass!2024", testCtx); n != 0 {
		t.Errorf("tests=fixtures reports a low-entropy generic value in a test")
	}
	if n := count(mustNew(Options{Tests: TestsScan}), "Sup3rPass!2024", testCtx); n != 1 {
		t.Errorf("tests=scan does not report a generic value in a test")
	}

	for i, o := range []Options{
		{Enable: []string{"KV999"}},
		{Disable: []string{"no-such-rule"}},
		{AllowValues: []string{"("}},
		{Tests: "sometimes"},
		{GenericMinEntropy: 9},
		{Custom: []*Rule{{Info: rules.Info{ID: "KV903"}, Pattern: "("}}},
		{Custom: []*Rule{{Info: rules.Info{ID: "KV101"}, Pattern: "x"}}},
		{Custom: []*Rule{{Info: rules.Info{ID: "KV904"}}}},
		{Custom: []*Rule{nil}},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("options %d: New succeeded; want an error", i)
		}
	}
}

func TestOverlapsResolved(t *testing.T) {
	e := defaultEngine(t)
	key := Fake("overlap", Base64Chars, 76) + "+ASt" + Fake("overlap2", Base64Chars, 5) + "A=="
	v := "DefaultEndpointsProtocol=https;AccountName=kvlintfake;AccountKey=" + key + ";EndpointSuffix=core.windows.net"
	fs := e.Scan(v, Context{Kind: KindAssign, Name: "storageConnectionString"}, nil)
	if len(fs) != 1 || fs[0].Rule.ID != "KV103" {
		t.Errorf("storage connection string: %s; want one KV103", describe(v, fs))
	}
	// A password slot holding a provider token is the token (KV118), and a
	// password is still the slot's (KV108).
	sg := "SG." + Fake("overlap-sg", Base64URLChars, 22) + "." + Fake("overlap-sg2", Base64URLChars, 43)
	for _, c := range []struct{ v, want string }{
		{`host=smtp.sendgrid.net;user id=apikey;password=` + sg + `;`, "KV118"},
		{`host=db;user id=app;password=` + Fake("overlap-pw", AlphaNum, 14) + `!;`, "KV108"},
	} {
		fs := e.Scan(c.v, Context{}, nil)
		if len(fs) != 1 || fs[0].Rule.ID != c.want {
			t.Errorf("password slot: %s; want one %s", describe(c.v, fs), c.want)
		}
	}
	// Several secrets in one value: ordered, not overlapping.
	multi := "a=" + FakeCRCToken("ghp_", "m1") + " b=AKIA" + Fake("m2", Base32Upper, 16) + " c=" + FakeCRCToken("ghp_", "m3")
	fs = e.Scan(multi, Context{}, nil)
	if len(fs) != 3 {
		t.Fatalf("multi: %s; want 3", describe(multi, fs))
	}
	for i := 1; i < len(fs); i++ {
		if fs[i].Start < fs[i-1].End {
			t.Errorf("findings overlap or are out of order: %s", describe(multi, fs))
		}
	}
	// dst is appended to, not replaced.
	pre := []Finding{{Start: -1}}
	if got := e.Scan(multi, Context{}, pre); len(got) != 4 || got[0].Start != -1 {
		t.Errorf("Scan does not append to dst")
	}
}

// largeValue builds an n-byte value: a base64 blob with code-like text and a
// few secrets mixed in, as in an embedded file or generated data.
func largeValueOf(n int) string {
	var b strings.Builder
	b.Grow(n + 4096)
	text := "url=https://example.com/api?q=1 SELECT id FROM t WHERE x = $1; failed to read %s: %w\n"
	for i := 0; b.Len() < n; i++ {
		b.WriteString(Fake("large"+string(rune('a'+i%26)), Base64Chars, 4000))
		b.WriteString(text)
		if i%100 == 7 {
			b.WriteString(" token ghp_" + Fake("large-tok", AlphaNum, 36) + " \n")
		}
	}
	return b.String()
}

func TestLargeValueLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	if cputime.Process() == 0 {
		t.Skip("no CPU time on this system")
	}
	e := defaultEngine(t)
	small, large := largeValueOf(1<<20), largeValueOf(10<<20)
	// CPU time, not wall time: the machine is shared.
	timeIt := func(v string) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			runtime.GC()
			start := cputime.Process()
			e.Scan(v, Context{}, nil)
			best = min(best, cputime.Process()-start)
		}
		return best
	}
	ts, tl := timeIt(small), timeIt(large)
	ratio := float64(tl) / float64(ts)
	t.Logf("1 MB: %v, 10 MB: %v, ratio %.2f", ts, tl, ratio)
	// Loose bounds: the machine is shared; BenchmarkScanLarge measures precisely.
	if ratio > 25 {
		t.Errorf("10x the input costs %.1fx the time; want about 10x", ratio)
	}
	if tl > 10*time.Second {
		t.Errorf("10 MB value took %v", tl)
	}
	// Keyword-dense text: every rule's keywords every hundred bytes.
	dense := strings.Repeat("password=%s; url=https://example.com/?q=1&sig=abc SELECT 1; eyJ sk_ ghp_ Basic xx :// AccountKey= \n", 20000)
	start := time.Now()
	e.Scan(dense, Context{}, nil)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("2 MB of keyword-dense text took %v", d)
	}
}

func TestNonUTF8AndOddInput(t *testing.T) {
	e := defaultEngine(t)
	tok := FakeCRCToken("ghp_", "utf8")
	for i, v := range []string{"\xff\xfe" + tok + "\x80", "пароль " + tok, tok + "\x00"} {
		fs := e.Scan(v, Context{}, nil)
		if len(fs) != 1 || fs[0].Secret(v) != tok {
			t.Errorf("value %d: %s", i, describe(v, fs))
		}
	}
	var nilEngine *Engine
	if fs := nilEngine.Scan(tok, Context{}, nil); len(fs) != 0 {
		t.Errorf("nil engine reports")
	}
}

// TestLargeValueFindsSamples embeds every context-free true-positive sample
// in a value far over the large-value threshold, so that the windowed regexp
// path must find each one, at the right offset, as the whole-value path does.
func TestLargeValueFindsSamples(t *testing.T) {
	e := defaultEngine(t)
	var b strings.Builder
	type want struct {
		rule       *Rule
		start, end int
	}
	var wants []want
	filler := func(i int) string {
		return " \n" + Fake("filler"+string(rune('a'+i%26)), "abcdefghijklmnopqrstuvwxyz ", 900+i%700) + "\n "
	}
	for _, r := range Builtin() {
		for i, s := range r.TruePositives {
			if s.Context != (Context{}) || r == genericRule {
				continue
			}
			secret := s.Secret
			if secret == "" {
				secret = s.Value
			}
			b.WriteString(filler(i + len(wants)))
			off := b.Len() + strings.Index(s.Value, secret)
			b.WriteString(s.Value)
			wants = append(wants, want{r, off, off + len(secret)})
		}
	}
	b.WriteString(filler(1))
	v := b.String()
	if len(v) <= largeValue {
		t.Fatalf("value of %d bytes is not large", len(v))
	}
	fs := e.Scan(v, Context{}, nil)
	for i, w := range wants {
		found := false
		for _, f := range fs {
			if f.Rule == w.rule && f.Start == w.start && f.End == w.end {
				found = true
			}
		}
		if !found {
			t.Errorf("sample %d of %s at %d:%d not found", i, w.rule.ID, w.start, w.end)
		}
	}
	for _, f := range fs {
		expected := false
		for _, w := range wants {
			if f.Rule == w.rule && f.Start == w.start && f.End == w.end {
				expected = true
			}
		}
		if !expected {
			t.Errorf("unexpected finding %s", describe(v, []Finding{f}))
		}
	}
}

func TestConcurrentScan(t *testing.T) {
	e := defaultEngine(t)
	vals, ctxs := benchMix(300)
	want := 0
	for i := range vals {
		want += len(e.Scan(vals[i], ctxs[i], nil))
	}
	done := make(chan int)
	for range 4 {
		go func() {
			n := 0
			var dst []Finding
			for i := range vals {
				dst = e.Scan(vals[i], ctxs[i], dst[:0])
				n += len(dst)
			}
			done <- n
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent scan found %d; want %d", got, want)
		}
	}
}
