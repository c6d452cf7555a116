package legacy

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"testing"

	"example.com/legacy/notify"
)

func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// TestConfiguredValues checks every configured credential by its SHA-256, so
// it passes both before migration (values in the source) and after it
// (values read from Key Vault at run time), and never shows a value.
func TestConfiguredValues(t *testing.T) {
	fs := flag.NewFlagSet("notify", flag.ContinueOnError)
	opts := notify.Flags(fs)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, got, want string }{
		{"DBPassword", DBPassword, "9f220f248bb47720330ad6fca30c80da39532da6a651da6f37ed25f8a79c420b"},
		{"ServiceSecret", ServiceSecret, "625ca4d86bb68213f89afaa1d7bb090b1bf7e7b45af3799f7463458f10373ceb"},
		{"signingKey", signingKey, "e6945249c89e747f1e706aa555e28468cdc69ac9cf40469b3aadedb21fcb7363"},
		{"APIToken", APIToken, "53d37a3a06d955f1c64b241b4337fdf6ccd7206e19473b5fa2affae31322d1a5"},
		{"StorageConnection", StorageConnection, "467f57e72833c70451650e12f63ee9d49e894ec3b55079780b71859014ced4b5"},
		{"DatabaseURL", DatabaseURL, "f3c3942a8fbbe811d57d7eac7d0f4773d85a655fb73809d8ed4c01ba4af21aa8"},
		{"DefaultSMTP.Password", DefaultSMTP.Password, "d5f415b1f1fa6d74665537051a9452a2f1f2d6d0c2dde16fbd063b987337fa18"},
		{"ProviderKeys[api_key]", ProviderKeys["api_key"], "cd8cc01534fee333c800f37e66a0f461097959c5e4795f24c65ad3655d114335"},
		{"hmacSecret", string(hmacSecret), "6725280b3a37447651a4b12ffd54bad2602c56d4e50bae4d5b71a99d6f170b71"},
		{"AdminSession().password", AdminSession().password, "9f220f248bb47720330ad6fca30c80da39532da6a651da6f37ed25f8a79c420b"},
		{"Primary.Password", Primary.Password, "9f220f248bb47720330ad6fca30c80da39532da6a651da6f37ed25f8a79c420b"},
		{"notify webhook-secret flag", opts.WebhookSecret, "a2633ec7888739ba3de2e9c1b0fff6097cf811040c69529766bc521c954f4d02"},
		{"notify.SQLConnection()", notify.SQLConnection(), "8733de9f630cb536b1c527b0f9ee881dcc48883b4e590f951fc6f5e71782cbb9"},
	}
	for _, c := range cases {
		if got := digest(c.got); got != c.want {
			t.Errorf("%s: sha256 %.12s…, want %.12s…", c.name, got, c.want)
		}
	}
}

func TestBehaviour(t *testing.T) {
	if !IsServiceToken(ServiceSecret) || IsServiceToken("not-the-token") {
		t.Error("IsServiceToken does not recognise exactly the service secret")
	}
	if SigningKeyLen != 32 {
		t.Errorf("SigningKeyLen = %d, want 32", SigningKeyLen)
	}
	if name, retries := Name(); name != "legacy" || retries != 3 {
		t.Errorf("Name() = %q, %d", name, retries)
	}
	if DefaultSMTP.User != "mailer" || ProviderKeys["region"] != "westeurope" {
		t.Error("non-secret settings changed")
	}
	if len(Sign([]byte("x"))) != sha256.Size {
		t.Error("Sign: wrong MAC size")
	}
}
