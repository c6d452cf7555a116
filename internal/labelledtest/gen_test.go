package labelledtest

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// Alphabets of the generated values beyond detect's.
const (
	digits  = "0123456789"
	pwChars = detect.AlphaNum + "!*-_.+" // safe unquoted in URLs, .env and XML
)

// fakes are the generators of secret values beyond detect.FakeFor (which
// covers every rule ID that has one): the formats of the core rules, and
// the values of Azure keys that carry no signature. Each returns a fake
// derived from seed.
var fakes = map[string]func(seed string) string{
	"aws-id":     func(s string) string { return "AKIA" + detect.Fake(s, detect.Base32Upper, 16) },
	"aws-sts-id": func(s string) string { return "ASIA" + detect.Fake(s, detect.Base32Upper, 16) },
	"aws-secret": func(s string) string { return detect.Fake(s, detect.Base64Chars, 40) },
	"ghp":        func(s string) string { return detect.FakeCRCToken("ghp_", s) },
	"gho":        func(s string) string { return detect.FakeCRCToken("gho_", s) },
	"ghs":        func(s string) string { return detect.FakeCRCToken("ghs_", s) },
	"ghu":        func(s string) string { return detect.FakeCRCToken("ghu_", s) },
	"ghr":        func(s string) string { return detect.FakeCRCToken("ghr_", s) },
	"github-fine": func(s string) string {
		return "github_pat_" + detect.Fake(s, detect.AlphaNum, 22) + "_" + detect.Fake(s+"/2", detect.AlphaNum, 59)
	},
	"glpat": func(s string) string { return "glpat-" + detect.Fake(s, detect.Base64URLChars, 20) },
	"slack-bot": func(s string) string {
		return "xoxb-" + detect.Fake(s, digits, 12) + "-" + detect.Fake(s+"/b", digits, 13) + "-" + detect.Fake(s+"/c", detect.AlphaNum, 24)
	},
	"slack-user":   fakeSlackUser,
	"slack-hook":   fakeSlackHook,
	"stripe-live":  func(s string) string { return "sk_live_" + detect.Fake(s, detect.AlphaNum, 24) },
	"stripe-rk":    func(s string) string { return "rk_live_" + detect.Fake(s, detect.AlphaNum, 99) },
	"stripe-whsec": func(s string) string { return "whsec_" + detect.Fake(s, detect.AlphaNum, 32) },
	"sendgrid": func(s string) string {
		return "SG." + detect.Fake(s, detect.Base64URLChars, 22) + "." + detect.Fake(s+"/2", detect.Base64URLChars, 43)
	},
	"twilio-sk":     func(s string) string { return "SK" + detect.Fake(s, detect.HexLower, 32) },
	"google":        func(s string) string { return "AIza" + detect.Fake(s, detect.Base64URLChars, 35) },
	"npm":           func(s string) string { return detect.FakeCRCToken("npm_", s) },
	"pypi":          func(s string) string { return "pypi-AgEIcHlwaS5vcmc" + detect.Fake(s, detect.Base64URLChars, 70) },
	"hex32":         func(s string) string { return detect.Fake(s, detect.HexLower, 32) },
	"jwt":           fakeJWT,
	"pw":            fakePassword,
	"storage-plain": func(s string) string { return detect.Fake(s, detect.Base64Chars, 86) + "==" },
	"sb-plain":      func(s string) string { return detect.Fake(s, detect.Base64Chars, 43) + "=" },
	"acr-plain":     func(s string) string { return detect.Fake(s, detect.AlphaNum+"+/", 52) },
	"sas-sig":       fakeSASSig,
	"basic": func(s string) string {
		return base64.StdEncoding.EncodeToString([]byte("svc-deploy:" + fakePassword(s)))
	},
	"hex48":    func(s string) string { return detect.Fake(s, detect.HexLower, 48) },
	"hex64":    func(s string) string { return detect.Fake(s, detect.HexLower, 64) },
	"hex128":   func(s string) string { return detect.Fake(s, detect.HexLower, 128) },
	"hex40":    func(s string) string { return detect.Fake(s, detect.HexLower, 40) },
	"sonar":    func(s string) string { return "squ_" + detect.Fake(s, detect.HexLower, 40) },
	"alnum24":  func(s string) string { return detect.Fake(s, detect.AlphaNum, 24) },
	"alnum20":  func(s string) string { return detect.Fake(s, detect.AlphaNum, 20) },
	"alnum40":  func(s string) string { return detect.Fake(s, detect.AlphaNum, 40) },
	"alnum46":  func(s string) string { return detect.Fake(s, detect.AlphaNum, 46) },
	"pem-line": func(s string) string { return detect.Fake(s, detect.Base64Chars, 64) },
	"pem-tail": func(s string) string { return detect.Fake(s, detect.Base64Chars, 22) + "==" },
}

// fakeSlackUser returns a fake Slack user token.
func fakeSlackUser(s string) string {
	return "xoxp-" + detect.Fake(s, digits, 12) + "-" + detect.Fake(s+"/b", digits, 12) + "-" +
		detect.Fake(s+"/c", digits, 13) + "-" + detect.Fake(s+"/d", detect.HexLower, 32)
}

// fakeSlackHook returns a fake Slack incoming webhook URL.
func fakeSlackHook(s string) string {
	return "https://hooks.slack.com/services/T" + detect.Fake(s, detect.Base32Upper, 10) + "/B" +
		detect.Fake(s+"/b", detect.Base32Upper, 10) + "/" + detect.Fake(s+"/c", detect.AlphaNum, 24)
}

// fakeJWT returns a fake signed JSON Web Token.
func fakeJWT(s string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"sub":"kvlint-fake-`+detect.Fake(s, detect.HexLower, 8)+`","iat":1700000000}`)) + "." + detect.Fake(s+"/sig", detect.Base64URLChars, 43)
}

// fakePassword returns a fake human-chosen-looking password: letters,
// digits and punctuation, 14 to 21 characters.
func fakePassword(s string) string {
	n := 14 + int(detect.Fake(s+"/n", digits, 1)[0]-'0')%8
	return detect.Fake(s+"/a", "ABCDEFGHJKLMNPQRSTUVWXYZ", 1) + detect.Fake(s, pwChars, n-3) +
		detect.Fake(s+"/d", digits, 1) + detect.Fake(s+"/p", "!*.-", 1)
}

// fakeSASSig returns a fake URL-encoded SAS signature.
func fakeSASSig(s string) string {
	return strings.NewReplacer("+", "%2B", "/", "%2F").Replace(detect.Fake(s, detect.Base64Chars, 43)) + "%3D"
}

// neutral generators make values that are not secrets (digests, IDs,
// encodings): {{hex:N}}, {{b64:N}}, {{b64url:N}}, {{alnum:N}}, {{digits:N}}, {{uuid}}.
var neutral = map[string]string{"hex": detect.HexLower, "b64": detect.Base64Chars, "b64url": detect.Base64URLChars, "alnum": detect.AlphaNum, "digits": digits}

// placeholder is {{fake:NAME}}, {{bad:NAME}} (the fake with its checksum
// broken), {{ALPHABET:N}} or {{uuid}}.
var placeholder = regexp.MustCompile(`\{\{(fake|bad):([A-Za-z0-9-]+)\}\}|\{\{(hex|b64|b64url|alnum|digits):([0-9]+)\}\}|\{\{uuid\}\}`)

// expand replaces the placeholders of one line; seed makes each occurrence
// distinct and stable. Each generated secret is passed to secret.
func expand(line, seed string, secret func(string)) (string, error) {
	var err error
	k := 0
	out := placeholder.ReplaceAllStringFunc(line, func(ph string) string {
		k++
		s := seed + "#" + strconv.Itoa(k)
		m := placeholder.FindStringSubmatch(ph)
		switch {
		case m[1] != "":
			v, ok := fakeValue(m[2], s)
			if !ok {
				err = fmt.Errorf("no generator for %s", ph)
				return ph
			}
			if m[1] == "bad" {
				v = breakChecksum(v)
			}
			secret(v)
			return v
		case m[3] != "":
			n, _ := strconv.Atoi(m[4])
			return detect.Fake(s, neutral[m[3]], n)
		default:
			h := detect.Fake(s, detect.HexLower, 32)
			return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
		}
	})
	return out, err
}

// fakeValue returns the fake of a generator name or a rule ID.
func fakeValue(name, seed string) (string, bool) {
	if g, ok := fakes[name]; ok {
		return g(seed), true
	}
	return detect.FakeFor(name, seed)
}

// breakChecksum changes one character in the body of v (a third of the way
// in, clear of fixed signatures at the end), so its checksum no longer holds.
func breakChecksum(v string) string {
	i := len(v) / 3
	c := byte('A')
	if v[i] == 'A' {
		c = 'B'
	}
	return v[:i] + string(c) + v[i+1:]
}
