package detect

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Observability: Sentry, New Relic, Grafana.

func init() {
	fakeGenerators["KV525"] = fakeSentryOrg
	fakeGenerators["KV526"] = func(seed string) string { return "NRAK-" + Fake(seed, Base32Upper[:26]+"0123456789", 27) }
	fakeGenerators["KV527"] = fakeGrafanaCloud
	fakeGenerators["KV528"] = fakeGrafanaSA
	providerChecksums["KV528"] = true
}

// fakeSentryOrg returns a fake Sentry organization auth token: sntrys_,
// standard base64 of its JSON claims, _ and 43 characters.
func fakeSentryOrg(seed string) string {
	b, _ := json.Marshal(map[string]any{
		"iat": 1700000000, "url": "https://sentry.io", "region_url": "https://us.sentry.io",
		"org": "kvlint-fake-" + Fake(seed+"/org", Base32Lower, 6),
	})
	return "sntrys_" + base64.StdEncoding.EncodeToString(b) + "_" + Fake(seed, AlphaNum, 43)
}

// fakeGrafanaCloud returns a fake Grafana Cloud access policy token: glc_
// and base64 of its JSON (org, name, key, region).
func fakeGrafanaCloud(seed string) string {
	return "glc_" + b64JSONFake(map[string]any{
		"o": Fake(seed+"/o", "0123456789", 6), "n": "kvlint-fake-" + Fake(seed+"/n", Base32Lower, 6),
		"k": Fake(seed, AlphaNum, 24), "m": map[string]string{"r": "prod-eu-west-2"},
	})
}

func observabilityRules() []*Rule {
	sntrys := fakeSentryOrg("tp")
	sntryu := "sntryu_" + Fake("sentry-user", HexLower, 64)
	nrak := fakeGenerators["KV526"]("tp")
	nrii := "NRII-" + Fake("nr-insert", Base64URLChars, 32)
	nral := Fake("nr-license", HexLower, 36) + "NRAL"
	nralEU := "eu01xx" + Fake("nr-license-eu", HexLower, 30) + "NRAL"
	lic := Fake("nr-legacy", HexLower, 40)
	licEU := "eu01xx" + Fake("nr-legacy-eu", HexLower, 34)
	glc := fakeGrafanaCloud("tp")
	legacyKey := base64.StdEncoding.EncodeToString([]byte(`{"k":"` + Fake("grafana-k", AlphaNum, 32) + `","n":"kvlint-fake","id":1}`))
	glsa := fakeGrafanaSA("tp")
	glsaBad := breakLastHex(glsa)
	return []*Rule{
		{
			Info: info("KV525", "sentry-auth-token",
				"a Sentry auth token is hardcoded",
				"Reports Sentry organization auth tokens (sntrys_ and base64 of JSON claims, which are "+
					"checked, then the secret) and user auth tokens (sntryu_ and 64 hex digits). DSNs are "+
					"public by design and not reported.\n\nA token uploads releases and source maps and "+
					"reads the organization's events, which carry user data.",
				`cmd := exec.Command("sentry-cli", "--auth-token", "sntrys_...", "releases", "new", v)`,
				`cmd := exec.Command("sentry-cli", "releases", "new", v) // reads SENTRY_AUTH_TOKEN`,
				rules.SeverityError, 7.0, "sentry"),
			Keywords:     []string{"sntrys_", "sntryu_"},
			Pattern:      `(?:^|[^A-Za-z0-9_])(sntrys_eyJ[A-Za-z0-9+/=]{40,600}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64})(?:[^A-Za-z0-9+/_]|$)`,
			windowBefore: 10, windowAfter: 700,
			SecretGroup: 1,
			prio:        1, // wins a tie with the generic rule under a secret name
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if strings.HasPrefix(s, "sntryu_") {
					return High
				}
				body := s[len("sntrys_"):strings.LastIndexByte(s, '_')]
				return byChecksum(b64JSONObject(body), m)
			},
			TruePositives: []Sample{tp(sntrys), tp(sntryu), tpIn("SENTRY_AUTH_TOKEN="+sntrys, sntrys)},
			FalsePositives: []Sample{
				fp("sntrys_eyJ" + Fake("sentry-garbage", AlphaNum, 60) + "_" + Fake("sentry-g2", AlphaNum, 43)), // not JSON
				fp("sntryu_" + strings.Repeat("0", 64)),
			},
		},
		{
			Info: info("KV526", "new-relic-key",
				"a New Relic API, insert, query or license key is hardcoded",
				"Reports New Relic user API keys (NRAK-), Insights insert and query keys (NRII-, NRIQ-) "+
					"and ingest license keys: 40 characters ending in NRAL anywhere, and the legacy 40 hex "+
					"digits (eu01xx and 34 hex digits for an EU account) where the name says New Relic and "+
					"license or key (NEW_RELIC_LICENSE_KEY, newrelic.license_key) or the text says newrelic "+
					"beside a license key. Browser keys (NRJS-) are public and not reported.\n\nA user key "+
					"reads and changes the account's data and configuration; an ingest key sends data billed to it.",
				`cfg := newrelic.ConfigLicense("...NRAL")`,
				`cfg := newrelic.ConfigLicense(os.Getenv("NEW_RELIC_LICENSE_KEY"))`,
				rules.SeverityError, 6.5, "newrelic"),
			Keywords:     []string{"nrak-", "nrii-", "nriq-", "nral", "newrelic", "new_relic", "new-relic", "new relic"},
			NameKeywords: []string{"newrelic", "relic"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])(NRAK-[A-Z0-9]{27}|NRI[IQ]-[A-Za-z0-9_-]{32}|(?:[a-z]{2}[0-9]{2}xx[a-f0-9]{30}|[a-f0-9]{36})NRAL|[a-z]{2}[0-9]{2}xx[a-f0-9]{34}|[a-f0-9]{40})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.3,
			Confirm:     confirmNewRelic,
			TruePositives: []Sample{
				tp(nrak), tp(nrii), tp(nral), tp(nralEU), tpIn("license_key: "+nral, nral),
				tpCtx(lic, ctxName("NEWRELIC_LICENSE")),
				tpCtx(lic, ctxName("NEW_RELIC_LICENSE_KEY")),
				tpCtx(lic, Context{Kind: KindLine, Name: "newrelic.license_key"}),
				tpCtx(licEU, ctxName("newRelicLicenseKey")),
				tpIn("newrelic:\n  license_key: '"+lic+"'", lic),
				tpIn("-Dnewrelic.config.license_key="+lic, lic),
			},
			FalsePositives: []Sample{
				fp("NRJS-" + Fake("nr-browser", HexLower, 19)),
				fp("NRAK-" + strings.Repeat("X", 27)),
				fp("license: MIT"),
				fpCtx("MIT", ctxName("license")),
				fpCtx("enterprise-edition", ctxName("LICENSE_KEY")),
				fp("newrelic agent version " + lic), // a commit id beside the word, under no license key
				fpCtx(lic, ctxName("NEW_RELIC_APP_COMMIT")),
				fpCtx(lic, ctxName("NEWRELIC_LICENSE_KEY_FILE")), // a key of the name, not the key
			},
		},
		{
			Info: info("KV527", "grafana-token",
				"a Grafana Cloud token or Grafana API key is hardcoded",
				"Reports Grafana Cloud access policy tokens (glc_ and base64 of JSON) and legacy Grafana "+
					"API keys (base64 of a JSON object with a key member, {\"k\":...); the JSON is checked.\n\n"+
					"A token reads and writes the stack's dashboards, data sources and telemetry.",
				`req.Header.Set("Authorization", "Bearer glc_...")`,
				`req.Header.Set("Authorization", "Bearer "+os.Getenv("GRAFANA_CLOUD_TOKEN"))`,
				rules.SeverityError, 7.0, "grafana"),
			Keywords:     []string{"glc_eyj", "eyjrijoi"},
			Pattern:      `(?:^|[^A-Za-z0-9_+/=-])(glc_eyJ[A-Za-z0-9+/=_-]{40,600}|eyJrIjoi[A-Za-z0-9+/=_-]{40,200})(?:[^A-Za-z0-9+/=_-]|$)`,
			windowBefore: 12, windowAfter: 700,
			SecretGroup: 1,
			prio:        1, // wins a tie with the generic rule under a secret name
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				return byChecksum(b64JSONObject(strings.TrimPrefix(m.Secret(), "glc_"), "k"), m)
			},
			TruePositives: []Sample{tp(glc), tp(legacyKey), tpIn("Authorization: Bearer "+glc, glc)},
			FalsePositives: []Sample{
				fp("glc_eyJ" + Fake("glc-garbage", AlphaNum, 60)),
				fp(b64JSONFake(map[string]any{"kind": "dashboard", "title": "kvlint overview", "uid": 12})),
			},
		},
		{
			Info: info("KV528", "grafana-service-account-token",
				"a Grafana service account token is hardcoded",
				"Reports Grafana service account tokens (glsa_, 32 characters, _ and an 8-hex-digit CRC32 "+
					"checksum); a checksum that does not hold gives medium confidence.\n\nA token acts in "+
					"Grafana with its service account's role.",
				`client := goapi.NewHTTPClientWithConfig(nil, &goapi.TransportConfig{APIKey: "glsa_..."})`,
				`client := goapi.NewHTTPClientWithConfig(nil, &goapi.TransportConfig{APIKey: os.Getenv("GRAFANA_SA_TOKEN")})`,
				rules.SeverityError, 7.0, "grafana"),
			Keywords:     []string{"glsa_"},
			Pattern:      `(?:^|[^A-Za-z0-9_])(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?:[^A-Za-z0-9_]|$)`,
			windowBefore: 8, windowAfter: 50,
			SecretGroup: 1,
			prio:        1, // wins a tie with the generic rule under a secret name
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if validGrafanaSA(m.Secret()) {
					return High
				}
				return Medium
			},
			TruePositives: []Sample{tp(glsa), tp(glsaBad), tpIn("GRAFANA_TOKEN="+glsa, glsa)},
			FalsePositives: []Sample{
				fp("glsa_" + strings.Repeat("x", 32) + "_00000000"),
				fp("glsa_"),
			},
		},
	}
}

// confirmNewRelic decides a New Relic key: the prefixed and NRAL forms
// stand by their shape; legacy 40-hex license keys (and the EU ones) need
// a name that says New Relic and license or key, or a license key in the
// text beside the word newrelic.
func confirmNewRelic(m Match) Confidence {
	s := m.Secret()
	if strings.HasPrefix(s, "NR") || strings.HasSuffix(s, "NRAL") {
		return High
	}
	if m.NameHit {
		if newRelicLicenseName(m.Context.Name) || newRelicLicenseName(m.Context.Key) {
			return Medium
		}
		return 0
	}
	k := keyBefore(m)
	if k == "" || !(hasWordSeq(k, "license") || lastWordIs(k, "key")) {
		return 0
	}
	for _, w := range [...]string{"newrelic", "new_relic", "new-relic", "new relic"} {
		if m.Near(w, 160) {
			return Medium
		}
	}
	return 0
}

// newRelicLicenseName reports whether name says New Relic (newrelic, or
// new relic) and ends in license or key (NEWRELIC_LICENSE,
// newrelic.license_key), or is a secret name beside New Relic.
func newRelicLicenseName(name string) bool {
	if !hasWordSeq(name, "newrelic") && !hasWordSeq(name, "new", "relic") {
		return false
	}
	return lastWordIs(name, "license", "key", "licence") || secretName(name)
}

// breakLastHex changes the last character of a hex-suffixed token.
func breakLastHex(v string) string {
	c := v[len(v)-1]
	r := byte('0')
	if c == '0' {
		r = '1'
	}
	return v[:len(v)-1] + string(r)
}
