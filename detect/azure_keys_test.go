package detect

// Microsoft's published placeholder test vectors below are checksum-valid on purpose.
//kvlint:file-ignore KV130,KV131,KV133,KV134,KV135,KV136,KV137,KV138,KV139,KV140,KV149 published placeholder test vectors

import "testing"

// marvinVectors are the published Marvin32 test values: SymCrypt's standard
// tests and skeeto/marvin32's cases, as Microsoft's security-utilities
// carries them in src/Tests.Microsoft.Security.Utilities.Core/MarvinTests.cs
// and MarvinShared.cs (64-bit results: high word p1, low word p0).
var marvinVectors = []struct {
	seed uint64
	in   string
	want uint64
}{
	{0xd53cd9cecd0893b7, "abc", 0x22c74339492769bf},
	{0xddddeeeeffff000, "abcdefghijklmnopqrstuvwxyz", 0xa128eb7e7260aca2},
	{0x004fb61a001bdbcc, "", 0x30ed35c100cd3c7d},
	{0x004fb61a001bdbcc, "\xaf", 0x48e73fc77d75ddc1},
	{0x004fb61a001bdbcc, "\xe7\x0f", 0xb5f6e1fc485dbff8},
	{0x004fb61a001bdbcc, "\x37\xf4\x95", 0xf0b07c789b8cf7e8},
	{0x004fb61a001bdbcc, "\x86\x42\xdc\x59", 0x7008f2e87e9cf556},
	{0x004fb61a001bdbcc, "\x15\x3f\xb7\x98\x26", 0xe6c08c6da2afa997},
	{0x004fb61a001bdbcc, "\x09\x32\xe6\x24\x6c\x47", 0x6f04bf1a5ea24060},
	{0x004fb61a001bdbcc, "\xab\x42\x7e\xa8\xd1\x0f\xc7", 0xe11847e4f0678c41},
	{0x804fb61a001bdbcc, "", 0x10a9d5d3996fd65d},
	{0x804fb61a001bdbcc, "\xaf", 0x68201f91960ebf91},
	{0x804fb61a001bdbcc, "\xe7\x0f", 0x64b581631f6ab378},
	{0x804fb61a001bdbcc, "\x37\xf4\x95", 0xe1f2dfa6e5131408},
	{0x804fb61a001bdbcc, "\x86\x42\xdc\x59", 0x36289d9654fb49f6},
	{0x804fb61a001bdbcc, "\x15\x3f\xb7\x98\x26", 0x0a06114b13464dbd},
	{0x804fb61a001bdbcc, "\x09\x32\xe6\x24\x6c\x47", 0xd6dd5e40ad1bc2ed},
	{0x804fb61a001bdbcc, "\xab\x42\x7e\xa8\xd1\x0f\xc7", 0xe203987dba252fb3},
	{0x804fb61a801bdbcc, "\x00", 0xa37fb0da2ecae06c},
	{0x804fb61a801bdbcc, "\xff", 0xfecef370701ae054},
	{0x804fb61a801bdbcc, "\x00\xff", 0xa638e75700048880},
	{0x804fb61a801bdbcc, "\xff\x00", 0xbdfb46d969730e2a},
	{0x804fb61a801bdbcc, "\xff\x00\xff", 0x9d8577c0fe0d30bf},
	{0x804fb61a801bdbcc, "\x00\xff\x00", 0x4f9fbdde15099497},
	{0x804fb61a801bdbcc, "\x00\xff\x00\xff", 0x24eaa279d9a529ca},
	{0x804fb61a801bdbcc, "\xff\x00\xff\x00", 0xd3bec7726b057943},
	{0x804fb61a801bdbcc, "\xff\x00\xff\x00\xff", 0x920b62bbca3e0b72},
	{0x804fb61a801bdbcc, "\x00\xff\x00\xff\x00", 0x1d7ddf9dfdf3c1bf},
	{0x804fb61a801bdbcc, "\x00\xff\x00\xff\x00\xff", 0xec21276a17e821a5},
	{0x804fb61a801bdbcc, "\xff\x00\xff\x00\xff\x00", 0x6911a53ca8c12254},
	{0x804fb61a801bdbcc, "\xff\x00\xff\x00\xff\x00\xff", 0xfdfd187b1d3ce784},
	{0x804fb61a801bdbcc, "\x00\xff\x00\xff\x00\xff\x00", 0x71876f2efb1b0ee8},
}

func TestMarvinVectors(t *testing.T) {
	for _, v := range marvinVectors {
		if got := marvin64([]byte(v.in), v.seed); got != v.want {
			t.Errorf("marvin64(%q, %#x) = %#x, want %#x", v.in, v.seed, got, v.want)
		}
		if got, want := marvin32([]byte(v.in), v.seed), uint32(v.want>>32)^uint32(v.want); got != want {
			t.Errorf("marvin32(%q, %#x) = %#x, want %#x", v.in, v.seed, got, want)
		}
	}
}

func TestHISSeed(t *testing.T) {
	// IdentifiableMetadata.cs and IdentifiableSecrets.cs give the seeds as
	// numbers; hisSeed derives them from the names they spell.
	for name, want := range map[string]uint64{
		"Default0": 0x44656661756c7430, "Send0000": 0x53656e6430303030, "AadPwd00": 0x4161645077643030,
		"ACRDflt0": 0x41435244666c7430, "SendRecv": 0x53656e6452656376,
	} {
		if got := hisSeed(name); got != want {
			t.Errorf("hisSeed(%q) = %#x, want %#x", name, got, want)
		}
	}
}

// hisVectors are identifiable test keys that Microsoft's security-utilities
// publishes with valid checksums: src/security_utilities_rust/src/
// microsoft_security_utilities_core/identifiable_scans.rs (his_v1 tests) and
// src/Tests.Microsoft.Security.Utilities.Core/SecretMaskerTests.cs
// (SecretMasker_PlaceholderTestSecretsAreMasked). They are placeholders made
// of one repeated character, not credentials.
var hisVectors = []struct {
	f   *hisFormat
	key string
}{
	{hisEventHubs, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+AEhG2s/8w="},
	{hisRelay, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+ARmD7h+qo="},
	{hisServiceBus, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+ASbHpHeAI="},
	{hisIoT, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaAIoTOumzco="},
	{hisEventGrid, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbAZEGLiQbng="},
	{hisSearch, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaAzSeCjhzCu"},
	{hisACR, "dddddddddddddddddddddddddddddddddddddddddd+ACRCUDxQE"},
	{hisACR, "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee+ACRCTB7t/"},
	{hisFunctions, "ddddddddddddddddddddddddddddddddddddddddddddAzFu182vhA=="},
	{hisBatch, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+ABa13FZVQ=="},
	{hisMLClassic, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+AMCFNqWyA=="},
	{hisStorage, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa+ASt5mnCaw=="},
	{hisCosmos, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaACDbOpqrYA=="},
	{hisAPIM, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaAPIMHbKhsQ=="},
}

// caskVectors are common annotated security keys with valid checksums from
// Microsoft's benchmark data (src/security_utilities_rust/test_files/
// bench_data.utf8), in the long form.
var caskVectors = []string{
	"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAJQQJ99AGAAAAAAAAAAAAAAAAABCDTZJ9JA==",
}

func TestHISVectors(t *testing.T) {
	for _, v := range hisVectors {
		if !v.f.valid(v.key) {
			t.Errorf("%s vector %s: checksum does not hold", v.f.sig, Redact(v.key))
		}
		// One changed character in the random part breaks the checksum.
		b := []byte(v.key)
		b[5] ^= 'a' ^ 'b'
		if v.f.valid(string(b)) {
			t.Errorf("%s vector with a changed character still validates", v.f.sig)
		}
	}
	for _, k := range caskVectors {
		if !validCASK(k) {
			t.Errorf("CASK vector %s: checksum does not hold", Redact(k))
		}
		if !validCASK(k[:caskLen-4] + string(caskSumOf(t, k[:caskSumOff]))) {
			t.Errorf("CASK vector in its short form does not validate")
		}
	}
}

// caskSumOf returns the short-form checksum characters of the first 80.
func caskSumOf(t *testing.T, first80 string) []byte {
	t.Helper()
	var buf [60]byte
	if n, ok := decodeB64Into(buf[:], first80, false); !ok || n != 60 {
		t.Fatalf("first 80 characters do not decode")
	}
	s := caskBase62(marvin32(buf[:], hisSeed("Default0")))
	return s[:4]
}

// allHIS lists every identifiable format, for the tests.
var allHIS = []*hisFormat{hisStorage, hisCosmos, hisBatch, hisMLClassic, hisAPIM, hisServiceBus, hisEventHubs,
	hisRelay, hisIoT, hisRedis, hisEventGrid, hisFunctions, hisSearch, hisACR}

func TestHISFakes(t *testing.T) {
	for _, f := range allHIS {
		for _, seed := range []string{"a", "b", "c", "kvlint"} {
			k := f.fake(seed)
			if !f.valid(k) {
				t.Errorf("%s fake %s does not validate", f.sig, Redact(k))
			}
			if k != f.fake(seed) {
				t.Errorf("%s fake is not deterministic", f.sig)
			}
		}
	}
}

func TestFakeFor(t *testing.T) {
	for id := range fakeGenerators {
		a, ok := FakeFor(id, "seed-1")
		b, _ := FakeFor(id, "seed-1")
		c, _ := FakeFor(id, "seed-2")
		if !ok || a == "" || a != b || a == c {
			t.Errorf("FakeFor(%s): want a deterministic value that depends on the seed", id)
		}
	}
	if _, ok := FakeFor("KV999", "x"); ok {
		t.Errorf("FakeFor(KV999) = ok, want false")
	}
	for _, seed := range []string{"a", "b", "c"} {
		if k := fakeEntraSecret(seed); !validEntraSecret(k) || len(k) != 40 {
			t.Errorf("Entra fake %s does not validate", Redact(k))
		}
		if k := fakeADOLegacyPAT(seed); !validADOLegacyPAT(k) || len(k) != 52 {
			t.Errorf("legacy PAT fake %s does not validate", Redact(k))
		}
		if k := fakeCASK(seed, "AAAA", "AZAC"); !validCASK(k) {
			t.Errorf("CASK fake %s does not validate", Redact(k))
		}
	}
}

// TestAzureKeyConfidence checks the confidence each family gives: certain
// (High) for a fake whose checksum holds, in any context; Medium for the
// same value with a broken checksum under a secret name; nothing for it in
// a neutral context. It also covers the context-only keys.
func TestAzureKeyConfidence(t *testing.T) {
	e := defaultEngine(t)
	neutral := Context{Kind: KindAssign, Name: "value"}
	named := Context{Kind: KindAssign, Name: "accessKey"}
	for id := range fakeGenerators {
		if id == "KV150" || id == "KV151" {
			continue // URLs: no checksum
		}
		if id >= "KV500" {
			continue // providers: TestProviderFakes
		}
		good, _ := FakeFor(id, "confidence")
		if got := only(t, e, good, neutral); got == nil || got.Rule.ID != id || got.Confidence != High {
			t.Errorf("%s fake in a neutral context: got %s, want %s high", id, describe(good, e.Scan(good, neutral, nil)), id)
		}
		bad := breakChecksum(good, 10)
		if fs := e.Scan(bad, neutral, nil); len(fs) != 0 && id != "KV101" { // Entra: by format alone
			t.Errorf("%s broken checksum in a neutral context: got %s, want nothing", id, describe(bad, fs))
		}
		if got := only(t, e, bad, named); got == nil || got.Rule.ID != id || got.Confidence != Medium {
			if id != "KV101" { // Entra secrets are reported by format alone
				t.Errorf("%s broken checksum under accessKey: got %s, want %s medium", id, describe(bad, e.Scan(bad, named, nil)), id)
			}
		}
	}
	// The long form of a common annotated key (88 characters) of a provider
	// without its own rule.
	for _, k := range caskVectors {
		if got := only(t, e, k, neutral); got == nil || got.Rule.ID != "KV149" || got.Confidence != High {
			t.Errorf("long-form CASK vector: got %s, want KV149 high", describe(k, e.Scan(k, neutral, nil)))
		}
	}
	st := Fake("ctx-storage", Base64Chars, 86) + "=="
	for _, c := range []struct{ v, id string }{
		{"AccountKey=" + st, "KV102"},
		{"Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=x;SharedAccessKey=" + Fake("ctx-sb", Base64Chars, 43) + "=", "KV105"},
	} {
		if fs := e.Scan(c.v, Context{Kind: KindLine}, nil); len(fs) != 1 || fs[0].Rule.ID != c.id {
			t.Errorf("%s: got %s", c.id, describe(c.v, fs))
		}
	}
}

// only returns the single finding of a scan, or nil.
func only(t *testing.T, e *Engine, v string, ctx Context) *Finding {
	t.Helper()
	fs := e.Scan(v, ctx, nil)
	if len(fs) != 1 {
		return nil
	}
	return &fs[0]
}
