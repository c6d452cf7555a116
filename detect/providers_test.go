package detect

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestProviderFakes checks every provider rule's fake generator: its fakes
// are reported by that rule with high confidence (at least medium for a
// rule that needs a context), and where the format has
// a checksum, a broken one is not reported in a neutral context.
func TestProviderFakes(t *testing.T) {
	e := defaultEngine(t)
	byID := map[string]*Rule{}
	for _, r := range Builtin() {
		byID[r.ID] = r
	}
	n := 0
	for id := range fakeGenerators {
		if id < "KV500" || id > "KV589" {
			continue
		}
		n++
		if byID[id] == nil {
			t.Errorf("fake generator for %s, which is no rule", id)
			continue
		}
		ctx, ok := providerContexts[id]
		if !ok {
			ctx = Context{Kind: KindAssign, Name: "value"}
		}
		for _, seed := range []string{"a", "b", "provider"} {
			good, _ := FakeFor(id, seed)
			want := High
			if ok {
				want = Medium // a value without a prefix: its context makes it a secret
			}
			if got := only(t, e, good, ctx); got == nil || got.Rule.ID != id || got.Confidence < want {
				t.Errorf("%s fake (seed %s): got %s, want %s %s", id, seed, describe(good, e.Scan(good, ctx, nil)), id, want)
			}
			if !providerChecksums[id] {
				continue
			}
			bad := breakLast(good)
			if fs := e.Scan(bad, Context{Kind: KindAssign, Name: "value"}, nil); len(fs) != 0 && fs[0].Confidence == High {
				t.Errorf("%s broken checksum: got %s, want no high finding", id, describe(bad, fs))
			}
		}
	}
	if n < 40 {
		t.Errorf("%d provider fake generators; want at least 40", n)
	}
}

// breakLast changes the last alphanumeric character of v to another of
// its class, which breaks a trailing checksum.
func breakLast(v string) string {
	b := []byte(v)
	for i := len(b) - 1; i >= 0; i-- {
		c := b[i]
		switch {
		case isDigit(c):
			b[i] = '0' + (c-'0'+1)%10
		case 'a' <= c && c <= 'f':
			b[i] = 'a' + (c-'a'+1)%6
		case isLower(c):
			b[i] = 'g' + (c-'g'+1)%20
		case isUpper(c):
			b[i] = 'A' + (c-'A'+1)%26
		default:
			continue
		}
		return string(b)
	}
	return v
}

func TestBech32(t *testing.T) {
	// BIP 173's valid test vectors (checksum only; they carry no age key).
	for _, v := range []string{
		"A12UEL5L",
		"a12uel5l",
		"an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
		"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
		"split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
	} {
		if _, _, ok := decodeBech32(v); !ok {
			t.Errorf("BIP 173 vector %q does not decode", v)
		}
	}
	for _, v := range []string{
		"A12uEL5L",      // mixed case
		"pzry9x0s0muk",  // no separator
		"1pzry9x0s0muk", // empty human-readable part
		"x1b4n0q5v",     // invalid data character
		"li1dgmt3",      // checksum too short
		"A1G7SGD8",      // checksum computed with an uppercase HRP
		"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", // checksum broken
	} {
		if _, _, ok := decodeBech32(v); ok {
			t.Errorf("invalid bech32 %q decodes", v)
		}
	}
	for _, seed := range []string{"1", "2", "3"} {
		k := fakeAgeKey(seed)
		if !validAgeKey(k) || !strings.HasPrefix(k, "AGE-SECRET-KEY-1") || len(k) != 74 {
			t.Errorf("age fake %s does not validate", Redact(k))
		}
		if validAgeKey(breakLast(k)) {
			t.Errorf("age fake with a broken checksum validates")
		}
	}
}

func FuzzBech32(f *testing.F) {
	f.Add("a12uel5l", []byte("data"))
	f.Add(fakeAgeKey("fuzz"), []byte{0, 1, 2})
	f.Add("", []byte{})
	f.Fuzz(func(t *testing.T, s string, data []byte) {
		decodeBech32(s)
		validAgeKey(s)
		enc := encodeBech32(ageHRP, to5Bits(data))
		hrp, got, ok := decodeBech32(enc)
		if !ok || hrp != ageHRP || string(got) != string(to5Bits(data)) {
			t.Fatalf("round trip of %d bytes failed", len(data))
		}
		// A bech32 checksum detects every single-character substitution.
		i := len(ageHRP) + 1 + len(data)%max(1, len(enc)-len(ageHRP)-1)
		if i < len(enc) {
			b := []byte(enc)
			k := strings.IndexByte(bech32Charset, b[i])
			b[i] = bech32Charset[(k+1+len(data)%31)%32]
			if _, _, ok := decodeBech32(string(b)); ok {
				t.Fatalf("substitution at %d not detected", i)
			}
		}
	})
}

func TestGrafanaSAChecksum(t *testing.T) {
	k := fakeGrafanaSA("x")
	if !validGrafanaSA(k) || validGrafanaSA(breakLast(k)) || validGrafanaSA(k[:45]) {
		t.Errorf("Grafana service account checksum: fake %s", Redact(k))
	}
}

func FuzzGrafanaSA(f *testing.F) {
	f.Add(fakeGrafanaSA("fuzz"))
	f.Add("glsa_")
	f.Fuzz(func(t *testing.T, s string) {
		if validGrafanaSA(s) && (len(s) != 46 || grafanaSAChecksum(s[5:37]) != s[38:]) {
			t.Fatalf("validGrafanaSA accepted a bad token")
		}
	})
}

func FuzzB64JSON(f *testing.F) {
	f.Add(b64JSONFake(map[string]any{"k": "v"}), "k")
	f.Add("eyJ", "")
	f.Add("e30", "x")
	f.Fuzz(func(t *testing.T, s, key string) {
		if b64JSONObject(s, key) && !b64JSONObject(s) {
			t.Fatalf("an object with a member is not an object")
		}
		validSnowflakeB64(s)
	})
}

// TestDiscordBotStructure checks that a Discord bot token is found by its
// structure alone and that each decoy fails the check named beside it.
func TestDiscordBotStructure(t *testing.T) {
	e, err := New(Options{Enable: []string{"KV550"}})
	if err != nil {
		t.Fatal(err)
	}
	enc := func(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }
	ts, mac := Fake("dstruct-ts", Base64URLChars, 6), Fake("dstruct-mac", Base64URLChars, 38)
	for _, id := range []string{"1" + Fake("d17", "0123456789", 16), "9" + Fake("d18", "0123456789", 17), "1" + Fake("d19", "0123456789", 18), "1" + Fake("d20", "0123456789", 19)} {
		tok := enc(id) + "." + ts + "." + mac
		for _, v := range []string{tok, "`" + tok + "`", "| bot | " + tok + " |", `"` + tok + `"`} {
			if fs := e.Scan(v, Context{}, nil); len(fs) != 1 || fs[0].Confidence != High || fs[0].Secret(v) != tok {
				t.Errorf("%d-digit ID in %q: got %s, want one high KV550 finding", len(id), Redact(v), describe(v, fs))
			}
		}
	}
	for _, d := range []struct{ why, v string }{
		{"first part not digits", enc("1234kvlint-fake-xy") + "." + ts + "." + mac},
		{"first part 16 digits", enc("1"+Fake("d16", "0123456789", 15)) + "." + ts + "." + mac},
		{"first part 21 digits", enc("1"+Fake("d21", "0123456789", 20)) + "." + ts + "." + mac},
		{"leading zero", enc("0"+Fake("d0", "0123456789", 17)) + "." + ts + "." + mac},
		{"timestamp not 6 characters", enc("1"+Fake("dts", "0123456789", 17)) + "." + ts[:5] + "." + mac},
		{"HMAC shorter than 27", enc("1"+Fake("dmac", "0123456789", 17)) + "." + ts + "." + mac[:26]},
		{"JWT", signJWT(`{"alg":"HS256","typ":"JWT"}`, `{"sub":"kvlint-fake"}`, Fake("dstruct-jwt", Base64URLChars, 32))},
	} {
		if validDiscordBot(d.v) {
			t.Errorf("decoy (%s) passes validDiscordBot", d.why)
		}
		if fs := e.Scan(d.v, Context{}, nil); len(fs) != 0 {
			t.Errorf("decoy (%s): got %s, want no finding", d.why, describe(d.v, fs))
		}
	}
}

func FuzzDiscordBot(f *testing.F) {
	f.Add(fakeDiscordBot("fuzz"))
	f.Add("MTIz.abcdef.")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if !validDiscordBot(s) {
			return
		}
		id, _, _ := strings.Cut(s, ".")
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(id, "="))
		if err != nil {
			b, err = base64.StdEncoding.DecodeString(id)
		}
		if err != nil || len(b) < 17 || len(b) > 20 || b[0] < '1' || b[0] > '9' {
			t.Fatalf("validDiscordBot accepted an ID part that is no snowflake")
		}
		for _, c := range b {
			if c < '0' || c > '9' {
				t.Fatalf("validDiscordBot accepted a non-digit ID")
			}
		}
	})
}

// TestAzureNameOfOtherVendor checks the filter namesOtherVendor: a name
// that names another provider binds no key to an unsigned Azure family,
// and the names the filter must let through still bind.
func TestAzureNameOfOtherVendor(t *testing.T) {
	e := defaultEngine(t)
	hex := Fake("other-vendor", HexLower, 32)
	for _, c := range []struct {
		name, family string
	}{
		{"ALGOLIA_SEARCH_KEY", "KV134"}, {"elasticsearchApiKey", "KV134"},
		{"MEILI_SEARCH_KEY", "KV134"}, {"typesenseSearchKey", "KV134"}, {"google_search_key", "KV134"},
		{"GOOGLE_VISION_KEY", "KV146"}, {"deeplTranslatorKey", "KV146"}, {"awsSpeechKey", "KV146"},
		{"CLOUDFLARE_OPENAI_GATEWAY_KEY", "KV147"},
	} {
		if !namesOtherVendor(Context{Name: c.name}, nil) {
			t.Errorf("namesOtherVendor(%s) = false, want true", c.name)
		}
		for _, kind := range []Kind{KindAssign, KindLine} {
			for _, f := range e.Scan(hex, Context{Kind: kind, Name: c.name}, nil) {
				if f.Rule.ID == c.family {
					t.Errorf("%s under %s (kind %d): reported as %s, want filter namesOtherVendor to reject it", Redact(hex), c.name, kind, f.Rule.ID)
				}
			}
		}
	}
	// The true positives the filter lets through.
	for _, c := range []struct{ name, family string }{
		{"AZURE_SEARCH_KEY", "KV134"}, {"SEARCH_API_KEY", "KV134"}, {"searchAdminKey", "KV134"},
		{"AZURE_ALGOLIA_SEARCH_KEY", "KV134"}, {"BING_SEARCH_KEY", "KV134"}, {"SPEECH_KEY", "KV146"}, {"AZURE_OPENAI_API_KEY", "KV147"},
	} {
		if namesOtherVendor(Context{Name: c.name}, nil) {
			t.Errorf("namesOtherVendor(%s) = true, want false", c.name)
		}
		if got := only(t, e, hex, ctxName(c.name)); got == nil || got.Rule.ID != c.family {
			t.Errorf("%s under %s: got %s, want %s", Redact(hex), c.name, describe(hex, e.Scan(hex, ctxName(c.name), nil)), c.family)
		}
	}
	// The key context in the text binds whatever the name says.
	v := `curl -H "api-key: ` + hex + `" https://kvlintfake.search.windows.net/indexes`
	if fs := e.Scan(v, Context{Kind: KindLine, Name: "ALGOLIA_URL"}, nil); len(fs) != 1 || fs[0].Rule.ID != "KV134" {
		t.Errorf("api-key header beside a Search endpoint: got %s, want KV134", describe(v, fs))
	}
}

func FuzzKeyBefore(f *testing.F) {
	f.Add("SEARCH_API_KEY="+Fake("fz", HexLower, 32), 15)
	f.Add(`"api-key": "x"`, 12)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, v string, start int) {
		if start < 0 || start > len(v) {
			return
		}
		m := Match{Value: v, Start: start, End: len(v)}
		k := keyBefore(m)
		if k != "" && !strings.Contains(v[:start], k) {
			t.Fatalf("keyBefore returned text that is not before the secret")
		}
		keyNearEndpoint(m, ".search.windows.net", nil)
		if nameOfOtherVendor(v, nil) {
			found := false
			for i := 0; ; {
				s, e := nextWord(v, i)
				if s == e {
					break
				}
				found = found || eqAny(v[s:e], otherVendors)
				i = e
			}
			if !found {
				t.Fatalf("nameOfOtherVendor true without a vendor word")
			}
		}
	})
}

func FuzzNewRelicName(f *testing.F) {
	f.Add("NEW_RELIC_LICENSE_KEY", Fake("fz-nr", HexLower, 40))
	f.Add("newrelic.license_key", "eu01xx"+Fake("fz-nr-eu", HexLower, 34))
	f.Add("", "")
	f.Fuzz(func(t *testing.T, name, v string) {
		if newRelicLicenseName(name) && !hasWordSeq(name, "newrelic") && !hasWordSeq(name, "new", "relic") {
			t.Fatalf("newRelicLicenseName true without New Relic in the name")
		}
		m := Match{Value: v, Start: 0, End: len(v), Context: Context{Name: name}, NameHit: true}
		if c := confirmNewRelic(m); c == High && !strings.HasPrefix(v, "NR") && !strings.HasSuffix(v, "NRAL") {
			t.Fatalf("high confidence for an unprefixed key")
		}
		m.NameHit = false
		confirmNewRelic(m)
	})
}
