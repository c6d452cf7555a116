package labelledtest

import (
	"encoding/base64"

	"github.com/kvlint/kvlint/detect"
)

// heldOutFakes are the generators the held-out set (testdata/heldout) adds
// to fakes: shapes of secrets written from how projects store them, not
// from kvlint's rules, so some have no rule of their own (a crates.io
// token, a Kubernetes Secret's base64 password, a UUID-shaped token).
var heldOutFakes = map[string]func(seed string) string{
	"uuid-secret": func(s string) string {
		h := detect.Fake(s, detect.HexLower, 32)
		return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
	},
	"b64pw":       func(s string) string { return base64.StdEncoding.EncodeToString([]byte(fakePassword(s))) },
	"b64-32":      func(s string) string { return detect.Fake(s, detect.Base64Chars, 43) + "=" },
	"b64-64":      func(s string) string { return detect.Fake(s, detect.Base64Chars, 64) },
	"wp-salt":     func(s string) string { return detect.Fake(s, detect.AlphaNum+"!@#%^&*()-_[]{}<>~+=,.;:/?|", 64) },
	"stripe-test": func(s string) string { return "sk_test_" + detect.Fake(s, detect.AlphaNum, 24) },
	"openai-legacy": func(s string) string {
		return "sk-" + detect.Fake(s, detect.AlphaNum, 20) + "T3BlbkFJ" + detect.Fake(s+"/2", detect.AlphaNum, 20)
	},
	"gcp-oauth":   func(s string) string { return "GOCSPX-" + detect.Fake(s, detect.Base64URLChars, 28) },
	"crates-io":   func(s string) string { return "cio" + detect.Fake(s, detect.AlphaNum, 32) },
	"aws-session": func(s string) string { return "IQoJb3JpZ2luX2Vj" + detect.Fake(s, detect.Base64Chars, 300) },
	"ado-legacy":  func(s string) string { return detect.Fake(s, "abcdefghijklmnopqrstuvwxyz234567", 52) },
	"dockercfg":   fakeDockerConfig,
}

// fakeDockerConfig returns the base64 of a Docker config.json whose auth
// entry holds a fake user:password, as a kubernetes.io/dockerconfigjson
// Secret stores it.
func fakeDockerConfig(s string) string {
	enc := base64.StdEncoding.EncodeToString
	pw := fakePassword(s)
	return enc([]byte(`{"auths":{"contoso.azurecr.io":{"username":"contoso-pull","password":"` + pw +
		`","auth":"` + enc([]byte("contoso-pull:"+pw)) + `"}}}`))
}

func init() {
	for name, g := range heldOutFakes {
		if _, dup := fakes[name]; dup {
			panic("labelledtest: generator " + name + " defined twice")
		}
		fakes[name] = g
	}
}
