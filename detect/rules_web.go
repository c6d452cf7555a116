package detect

//kvlint:file-ignore KV126 the samples and examples of this rule table are deliberate fakes

import (
	"encoding/base64"
	"net/url"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

func urlPassword(m Match) Confidence {
	s := m.Secret()
	// The user is between "://" and ":" before the secret.
	userEnd := m.Start - 1
	i := strings.LastIndex(m.Value[:userEnd], "://")
	if i < 0 {
		return 0
	}
	user := m.Value[i+3 : userEnd]
	if d, err := url.PathUnescape(s); err == nil {
		s = d
	}
	if s == user || IsPlaceholder(s) || isNamedPlaceholder(s) || len(s) < 3 || isEnvName(s) || s[0] == '$' || s[0] == '%' || s[0] == '{' {
		return 0
	}
	// A port where the password would be: proxy.example.net:8080@ is not userinfo.
	if isNumberLike(s) && len(s) <= 5 {
		return 0
	}
	return Medium
}

func webRules() []*Rule {
	pw := Fake("url-pw", AlphaNum, 16)
	basicPW := Fake("basic-pw", AlphaNum, 18)
	basic := base64.StdEncoding.EncodeToString([]byte("kvlint-app:" + basicPW))
	notBasic := base64.StdEncoding.EncodeToString([]byte("no colon here at all"))
	return []*Rule{
		{
			Noun: "password in url",
			Info: info("KV126", "url-password",
				"a URL contains a password",
				"Reports passwords in the userinfo part of URLs (scheme://user:password@host): database, "+
					"broker, proxy and Git remotes. Placeholders, user:user defaults and ports are not reported.\n\n"+
					"URLs are logged, shown in errors and copied around; the password travels with them.",
				`db, err := sql.Open("pgx", "postgres://app:...@db.example.net:5432/app")`,
				`dsn := fmt.Sprintf("postgres://app:%s@db.example.net:5432/app", url.QueryEscape(password)) // password from Key Vault`,
				rules.SeverityError, 7.5, "url"),
			Keywords:     []string{"://"},
			Requires:     []string{"@"},
			Pattern:      `\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:/?#@'"]*:([^\s@/?#'"]+)@[^\s/?#@'"]+`,
			windowBefore: 32, windowAfter: 512,
			SecretGroup: 1,
			Confirm:     urlPassword,
			humanSecret: true,
			TruePositives: []Sample{
				tpIn("postgres://app:"+pw+"@db.internal:5432/app?sslmode=require", pw),
				tpIn("amqp://guest-user:"+pw+"@broker:5672/", pw),
				tpIn("https://deploy:"+pw+"@git.example.net/org/repo.git", pw),
			},
			FalsePositives: []Sample{
				fp("postgres://user:password@localhost:5432/db"),
				fp("postgres://postgres:postgres@localhost:5432/db"),
				fp("postgres://app:${DB_PASSWORD}@db:5432/app"),
				fp("postgres://app:%s@db:5432/app"),
				fp("mysql://app:<password>@db/app"),
				fp("https://user:****@example.net"),
				fp("https://example.net:8443/path"),
				fp("git@github.com:org/repo.git"),
				fp("https://example.net/@user"),
				fp("postgres://app:myPassword@db:5432/app"),
				{Value: "postgres://app:Secret123!@localhost:5432/app", Context: Context{Test: true}},
			},
		},
		{
			Noun: "basic auth credentials",
			Info: info("KV127", "basic-auth-header",
				"an HTTP Basic authorization value is hardcoded",
				"Reports Basic credentials (Basic followed by base64 that decodes to user:password), as in "+
					"an Authorization header.\n\nThe base64 is an encoding, not protection: the password is in plain sight.",
				`req.Header.Set("Authorization", "Basic a3ZsaW50Oi4uLg==")`,
				`req.SetBasicAuth(user, password) // password read from Key Vault`,
				rules.SeverityError, 7.5, "http"),
			Keywords:     []string{"basic "},
			Pattern:      `(?i:\bbasic)\s+([A-Za-z0-9+/]{8,}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
			windowBefore: 7, windowAfter: 1024,
			SecretGroup: 1,
			MinEntropy:  3.0,
			Validate:    validBasicAuth,
			humanSecret: true,
			typed:       basicPassword,
			TruePositives: []Sample{
				tpIn("Basic "+basic, basic),
				tpIn("Authorization: Basic "+basic, basic),
				{Value: "Basic " + basic, Context: Context{Test: true}, Secret: basic}, // a generated password in a test
			},
			FalsePositives: []Sample{
				fp("Basic authentication is required"),
				fp("Basic " + notBasic),
				fp("Basic " + base64.StdEncoding.EncodeToString([]byte("user:password"))),
				fp("Basic realm=\"kvlint\""),
				// Names standing in for the credentials, plain or percent-encoded.
				fp("Basic " + base64.StdEncoding.EncodeToString([]byte("CLIENT_ID:CLIENT_SECRET"))),
				fp("Basic " + base64.StdEncoding.EncodeToString([]byte("CLIENT_ID%3F%3F:CLIENT_SECRET%3F%3F"))),
				// In a test, a typed password is a fixture however random its base64 looks.
				{Value: "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:s3cret")), Context: Context{Test: true}},
				{Value: "Basic " + base64.StdEncoding.EncodeToString([]byte("rbrgnognrhongo3bi4gb9ghg9g:notsosecret")), Context: Context{Test: true}},
			},
		},
	}
}
