package labelledtest

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// Alphabets of the generated values.
const (
	alnum    = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	b64url   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	hexLower = "0123456789abcdef"
	upperNum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	digits   = "0123456789"
	pwChars  = alnum + "!*-_.+" // safe unquoted in URLs, .env and XML
)

// fakes are the generators of secret values beyond detect.FakeFor (which
// covers every rule ID that has one): the formats of the core rules, and
// the values of Azure keys that carry no signature. Each returns a fake
// derived from seed.
var fakes = map[string]func(seed string) string{
	"aws-id":     func(s string) string { return "AKIA" + detect.Fake(s, upperNum, 16) },
	"aws-sts-id": func(s string) string { return "ASIA" + detect.Fake(s, upperNum, 16) },
	"aws-secret": func(s string) string { return detect.Fake(s, b64chars, 40) },
	"ghp":        func(s string) string { return detect.FakeCRCToken("ghp_", s) },
	"gho":        func(s string) string { return detect.FakeCRCToken("gho_", s) },
	"ghs":        func(s string) string { return detect.FakeCRCToken("ghs_", s) },
	"ghu":        func(s string) string { return detect.FakeCRCToken("ghu_", s) },
	"ghr":        func(s string) string { return detect.FakeCRCToken("ghr_", s) },
	"github-fine": func(s string) string {
		return "github_pat_" + detect.Fake(s, alnum, 22) + "_" + detect.Fake(s+"/2", alnum, 59)
	},
	"glpat": func(s string) string { return "glpat-" + detect.Fake(s, b64url, 20) },
	"slack-bot": func(s string) string {
		return "xoxb-" + detect.Fake(s, digits, 12) + "-" + detect.Fake(s+"/b", digits, 13) + "-" + detect.Fake(s+"/c", alnum, 24)
	},
	"slack-user":   fakeSlackUser,
	"slack-hook":   fakeSlackHook,
	"stripe-live":  func(s string) string { return "sk_live_" + detect.Fake(s, alnum, 24) },
	"stripe-rk":    func(s string) string { return "rk_live_" + detect.Fake(s, alnum, 99) },
	"stripe-whsec": func(s string) string { return "whsec_" + detect.Fake(s, alnum, 32) },
	"sendgrid": func(s string) string {
		return "SG." + detect.Fake(s, b64url, 22) + "." + detect.Fake(s+"/2", b64url, 43)
	},
	"twilio-sk":     func(s string) string { return "SK" + detect.Fake(s, hexLower, 32) },
	"google":        func(s string) string { return "AIza" + detect.Fake(s, b64url, 35) },
	"npm":           func(s string) string { return detect.FakeCRCToken("npm_", s) },
	"pypi":          func(s string) string { return "pypi-AgEIcHlwaS5vcmc" + detect.Fake(s, b64url, 70) },
	"hex32":         func(s string) string { return detect.Fake(s, hexLower, 32) },
	"jwt":           fakeJWT,
	"pw":            fakePassword,
	"storage-plain": func(s string) string { return detect.Fake(s, b64chars, 86) + "==" },
	"sb-plain":      func(s string) string { return detect.Fake(s, b64chars, 43) + "=" },
	"acr-plain":     func(s string) string { return detect.Fake(s, alnum+"+/", 52) },
	"sas-sig":       fakeSASSig,
	"basic": func(s string) string {
		return base64.StdEncoding.EncodeToString([]byte("svc-deploy:" + fakePassword(s)))
	},
	"hex48":    func(s string) string { return detect.Fake(s, hexLower, 48) },
	"hex64":    func(s string) string { return detect.Fake(s, hexLower, 64) },
	"hex128":   func(s string) string { return detect.Fake(s, hexLower, 128) },
	"hex40":    func(s string) string { return detect.Fake(s, hexLower, 40) },
	"sonar":    func(s string) string { return "squ_" + detect.Fake(s, hexLower, 40) },
	"alnum24":  func(s string) string { return detect.Fake(s, alnum, 24) },
	"alnum20":  func(s string) string { return detect.Fake(s, alnum, 20) },
	"alnum40":  func(s string) string { return detect.Fake(s, alnum, 40) },
	"alnum46":  func(s string) string { return detect.Fake(s, alnum, 46) },
	"pem-line": func(s string) string { return detect.Fake(s, b64chars, 64) },
	"pem-tail": func(s string) string { return detect.Fake(s, b64chars, 22) + "==" },
}

// fakeSlackUser returns a fake Slack user token.
func fakeSlackUser(s string) string {
	return "xoxp-" + detect.Fake(s, digits, 12) + "-" + detect.Fake(s+"/b", digits, 12) + "-" +
		detect.Fake(s+"/c", digits, 13) + "-" + detect.Fake(s+"/d", hexLower, 32)
}

// fakeSlackHook returns a fake Slack incoming webhook URL.
func fakeSlackHook(s string) string {
	return "https://hooks.slack.com/services/T" + detect.Fake(s, upperNum, 10) + "/B" +
		detect.Fake(s+"/b", upperNum, 10) + "/" + detect.Fake(s+"/c", alnum, 24)
}

// fakeJWT returns a fake signed JSON Web Token.
func fakeJWT(s string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
		enc([]byte(`{"sub":"kvlint-fake-`+detect.Fake(s, hexLower, 8)+`","iat":1700000000}`)) + "." + detect.Fake(s+"/sig", b64url, 43)
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
	return strings.NewReplacer("+", "%2B", "/", "%2F").Replace(detect.Fake(s, b64chars, 43)) + "%3D"
}

// neutral generators make values that are not secrets (digests, IDs,
// encodings): {{hex:N}}, {{b64:N}}, {{b64url:N}}, {{alnum:N}}, {{digits:N}}, {{uuid}}.
var neutral = map[string]string{"hex": hexLower, "b64": b64chars, "b64url": b64url, "alnum": alnum, "digits": digits}

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
			h := detect.Fake(s, hexLower, 32)
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
