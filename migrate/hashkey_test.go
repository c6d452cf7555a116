package migrate

import (
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// TestKeyedHashes: a plan's hashes are keyed per plan, so the same value in
// two plans hashes differently and neither is the value's plain SHA-256,
// while each plan still tells its value from another one.
func TestKeyedHashes(t *testing.T) {
	value := detect.Fake("keyed-hash-test", "abcdefghijklmnopqrstuvwxyz0123456789", 16)
	s := &secret{name: "db-password", value: value, ruleID: "KV100"}
	s.places = []*place{{rel: "config.go", line: 3, col: 9, kind: "var", exprHash: detect.Hash(`"` + value + `"`)}}
	a, err := buildPlan("https://kv.vault.azure.net/", "example.com/m", []*secret{s})
	if err != nil {
		t.Fatal(err)
	}
	b, err := buildPlan("https://kv.vault.azure.net/", "example.com/m", []*secret{s})
	if err != nil {
		t.Fatal(err)
	}
	ha, hb := a.Secrets[0].ValueHash, b.Secrets[0].ValueHash
	if ha == hb || a.HashKey == b.HashKey {
		t.Errorf("two plans of one value share a hash or key: %s", ha)
	}
	plain := strings.TrimPrefix(detect.Hash(value), "sha256:")
	for _, h := range []string{ha, hb, a.Secrets[0].Places[0].ExprHash} {
		if !strings.HasPrefix(h, keyedPrefix) || strings.Contains(h, plain) {
			t.Errorf("hash %s is not keyed", h)
		}
	}
	key, err := parseHashKey(a.HashKey)
	if err != nil {
		t.Fatal(err)
	}
	if !key.matches(ha, detect.Hash(value)) {
		t.Error("the plan's own key does not verify its value")
	}
	if key.matches(ha, detect.Hash(value+"x")) {
		t.Error("a changed value verifies")
	}
	if key.matches(hb, detect.Hash(value)) {
		t.Error("another plan's hash verifies under this plan's key")
	}
	if _, err := parseHashKey("abc"); err == nil {
		t.Error("a short key is accepted")
	}
}
