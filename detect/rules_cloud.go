package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Cloud platforms and their services: DigitalOcean, Heroku, Cloudflare,
// Okta, Confluent, Firebase, Algolia, Mapbox.

func init() {
	fakeGenerators["KV530"] = func(seed string) string { return "dop_v1_" + Fake(seed, HexLower, 64) }
	fakeGenerators["KV531"] = func(seed string) string { return "HRKU-AA" + Fake(seed, Base64URLChars, 58) }
	fakeGenerators["KV532"] = func(seed string) string {
		return "v1.0-" + Fake(seed+"/1", HexLower, 24) + "-" + Fake(seed+"/2", HexLower, 146)
	}
	fakeGenerators["KV533"] = func(seed string) string { return Fake(seed, Base64URLChars, 40) }
	fakeGenerators["KV534"] = func(seed string) string { return "00" + Fake(seed, Base64URLChars, 40) }
	fakeGenerators["KV535"] = func(seed string) string { return Fake(seed, Base64Chars, 64) }
	fakeGenerators["KV536"] = func(seed string) string {
		return "AAAA" + Fake(seed+"/id", Base64URLChars, 7) + ":APA91b" + Fake(seed, Base64URLChars, 134)
	}
	fakeGenerators["KV537"] = func(seed string) string { return Fake(seed, HexLower, 32) }
	fakeGenerators["KV538"] = fakeMapbox
	providerContexts["KV533"] = ctxName("cloudflareApiToken")
	providerContexts["KV534"] = ctxName("oktaApiToken")
	providerContexts["KV535"] = ctxName("confluentApiSecret")
	providerContexts["KV537"] = ctxName("algoliaAdminKey")
}

// fakeMapbox returns a fake Mapbox secret token: sk., base64 of its JSON
// claims (user, token id), a dot and the signature.
func fakeMapbox(seed string) string {
	return "sk." + b64JSONFake(map[string]any{"u": "kvlint-fake", "a": Fake(seed+"/a", Base32Lower, 25)}) +
		"." + Fake(seed, Base64URLChars, 22)
}

// secretNear reports whether a secret word occurs near the match.
func secretNear(m Match) bool {
	for _, w := range [...]string{"key", "token", "secret", "password", "auth"} {
		if m.Near(w, 64) {
			return true
		}
	}
	return false
}

func cloudRules() []*Rule {
	do := fakeGenerators["KV530"]("tp")
	doo := "doo_v1_" + Fake("do-oauth", HexLower, 64)
	hrku := fakeGenerators["KV531"]("tp")
	herokuUUID := fakeGUID("heroku-legacy")
	ca := fakeGenerators["KV532"]("tp")
	cf := fakeGenerators["KV533"]("tp")
	cfGlobal := Fake("cf-global", HexLower, 37)
	okta := fakeGenerators["KV534"]("tp")
	conf := fakeGenerators["KV535"]("tp")
	fcm := fakeGenerators["KV536"]("tp")
	alg := fakeGenerators["KV537"]("tp")
	mapbox := fakeMapbox("tp")
	return []*Rule{
		token(info("KV530", "digitalocean-token",
			"a DigitalOcean token is hardcoded",
			"Reports DigitalOcean personal access, OAuth and refresh tokens (dop_v1_, doo_v1_, dor_v1_ "+
				"and 64 hex digits).\n\nA token creates and destroys droplets, databases and volumes on the account.",
			`client := godo.NewFromToken("dop_v1_...")`,
			`client := godo.NewFromToken(os.Getenv("DIGITALOCEAN_TOKEN"))`,
			rules.SeverityError, 9.0, "digitalocean"),
			[]string{"dop_v1_", "doo_v1_", "dor_v1_"}, `(?:^|[^A-Za-z0-9_])(do[opr]_v1_[a-f0-9]{64})(?:[^A-Za-z0-9_]|$)`,
			10, 70, 3.0,
			[]Sample{tp(do), tp(doo), tpIn("DIGITALOCEAN_ACCESS_TOKEN="+do, do)},
			fp("dop_v1_"+strings.Repeat("0", 64)),
			fp("dop_v1_")),
		{
			Info: info("KV531", "heroku-api-key",
				"a Heroku API key is hardcoded",
				"Reports Heroku API keys: the prefixed format (HRKU-AA and 58 characters) anywhere, and the "+
					"legacy UUID keys where the name or the text around them says Heroku (HEROKU_API_KEY).\n\n"+
					"A key deploys, scales and reads the config vars, and so the other secrets, of every app its user can reach.",
				`os.Setenv("HEROKU_API_KEY", "HRKU-AA...")`,
				`// HEROKU_API_KEY is set by the pipeline from Key Vault`,
				rules.SeverityError, 8.5, "heroku"),
			Keywords:     []string{"hrku-", "heroku"},
			NameKeywords: []string{"heroku"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])(HRKU-AA[A-Za-z0-9_-]{58}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.0,
			prio:        1,
			Confirm:     vendorConfirm("heroku", nil, secretPrefix("HRKU-")),
			TruePositives: []Sample{
				tp(hrku),
				tpCtx(herokuUUID, ctxName("HEROKU_API_KEY")),
				tpIn("export HEROKU_API_KEY="+herokuUUID, herokuUUID),
			},
			FalsePositives: []Sample{
				fp("HRKU-AA" + strings.Repeat("x", 58)),
				fpCtx(herokuUUID, ctxName("herokuAppID")),
				fp("heroku app " + herokuUUID),
			},
		},
		token(info("KV532", "cloudflare-origin-ca-key",
			"a Cloudflare Origin CA key is hardcoded",
			"Reports Cloudflare Origin CA keys (v1.0-<24 hex>-<146 hex>).\n\nA key issues and revokes "+
				"the origin certificates of the account's zones.",
			`api, _ := cloudflare.NewWithUserServiceKey("v1.0-...")`,
			`api, _ := cloudflare.NewWithUserServiceKey(os.Getenv("CLOUDFLARE_ORIGIN_CA_KEY"))`,
			rules.SeverityError, 7.5, "cloudflare"),
			[]string{"v1.0-"}, `(?:^|[^A-Za-z0-9_.-])(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?:[^A-Za-z0-9_-]|$)`,
			8, 180, 3.0,
			[]Sample{tp(ca), tpIn("CLOUDFLARE_ORIGIN_CA_KEY="+ca, ca)},
			fp("v1.0-beta"),
			fp("v1.0-"+strings.Repeat("0", 24)+"-"+strings.Repeat("0", 146))),
		{
			Info: info("KV533", "cloudflare-api-token",
				"a Cloudflare API token or global API key is hardcoded",
				"Reports Cloudflare API tokens (40 characters) and global API keys (37 hex digits) where the "+
					"name or the text around them says Cloudflare (CLOUDFLARE_API_TOKEN, CF_API_KEY); the "+
					"shapes carry no prefix of their own.\n\nA token changes DNS, firewall and Workers of the "+
					"zones it is scoped to; a global key can do everything the user can.",
				`api, _ := cloudflare.NewWithAPIToken("...")`,
				`api, _ := cloudflare.NewWithAPIToken(os.Getenv("CLOUDFLARE_API_TOKEN"))`,
				rules.SeverityError, 8.0, "cloudflare"),
			Keywords:     []string{"cloudflare", "cf_api_"},
			NameKeywords: []string{"cloudflare", "cf"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])([A-Za-z0-9_-]{40}|[a-f0-9]{37})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.5,
			prio:        1,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if len(s) == 40 && charClasses(s) < 3 {
					return 0
				}
				if underContext(m, "cloudflare") || (!m.NameHit && m.Near("cf_api_", 24)) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tpCtx(cf, ctxName("cloudflareApiToken")),
				tpCtx(cfGlobal, ctxName("CF_API_KEY")),
				tpIn("CLOUDFLARE_API_TOKEN="+cf, cf),
			},
			FalsePositives: []Sample{
				fp(cf),
				fpCtx(cf, ctxName("cloudflareZoneID")),
				fp("cloudflare ray " + Fake("cf-ray", HexLower, 37)),
			},
		},
		{
			Info: info("KV534", "okta-api-token",
				"an Okta API token is hardcoded",
				"Reports Okta API tokens (00 and 40 characters) after the SSWS authorization scheme or "+
					"where the name or the text around them says Okta (OKTA_API_TOKEN).\n\nA token acts "+
					"with its administrator's rights on the organization's users, groups and applications.",
				`req.Header.Set("Authorization", "SSWS 00...")`,
				`req.Header.Set("Authorization", "SSWS "+os.Getenv("OKTA_API_TOKEN"))`,
				rules.SeverityError, 9.0, "okta"),
			Keywords:     []string{"okta", "ssws "},
			NameKeywords: []string{"okta"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])(00[A-Za-z0-9_-]{40})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.5,
			prio:        1,
			Confirm: vendorConfirm("okta", fewClasses(0), func(m Match) bool {
				return m.Start >= 5 && strings.EqualFold(m.Value[m.Start-5:m.Start], "SSWS ")
			}),
			TruePositives: []Sample{
				tpCtx(okta, ctxName("oktaApiToken")),
				tpIn("Authorization: SSWS "+okta, okta),
				tpIn("OKTA_API_TOKEN="+okta, okta),
			},
			FalsePositives: []Sample{
				fp(okta),
				fpCtx(okta, ctxName("oktaClientID")),
				fp("https://kvlint.okta.com/app/" + "00" + Fake("okta-app", AlphaNum, 18)),
			},
		},
		{
			Info: info("KV535", "confluent-api-secret",
				"a Confluent Cloud API secret is hardcoded",
				"Reports Confluent Cloud API secrets (64 base64 characters) where the name or the text "+
					"around them says Confluent (CONFLUENT_CLOUD_API_SECRET); the API key (16 characters) is "+
					"its identifier.\n\nThe key and secret produce to and consume from the cluster's topics.",
				`cfg := kafka.ConfigMap{"sasl.username": key, "sasl.password": "..."} // confluent`,
				`cfg := kafka.ConfigMap{"sasl.username": key, "sasl.password": os.Getenv("CONFLUENT_API_SECRET")}`,
				rules.SeverityError, 7.5, "confluent", "kafka"),
			Keywords:     []string{"confluent"},
			NameKeywords: []string{"confluent"},
			Pattern:      `(?:^|[^A-Za-z0-9+/])([A-Za-z0-9+/]{64})(?:[^A-Za-z0-9+/=]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  4.5,
			prio:        1,
			Confirm:     vendorConfirm("confluent", fewClasses(0), nil),
			TruePositives: []Sample{
				tpCtx(conf, ctxName("confluentApiSecret")),
				tpIn("CONFLUENT_CLOUD_API_SECRET="+conf, conf),
			},
			FalsePositives: []Sample{
				fp(conf),
				fpCtx(conf, ctxName("confluentClusterName")),
			},
		},
		token(info("KV536", "firebase-fcm-server-key",
			"a Firebase Cloud Messaging server key is hardcoded",
			"Reports Firebase Cloud Messaging legacy server keys (AAAA, 7 characters, :APA91b and 134 "+
				"characters).\n\nA server key sends push notifications to every installation of the app.",
			`req.Header.Set("Authorization", "key=AAAA...:APA91b...")`,
			`req.Header.Set("Authorization", "key="+os.Getenv("FCM_SERVER_KEY"))`,
			rules.SeverityError, 7.5, "firebase", "google"),
			[]string{":apa91b"}, `(?:^|[^A-Za-z0-9_-])(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?:[^A-Za-z0-9_-]|$)`,
			20, 140, 4.0,
			[]Sample{tp(fcm), tpIn("Authorization: key="+fcm, fcm)},
			fp("AAAA:APA91b"),
			fp("AAAA"+strings.Repeat("x", 7)+":APA91b"+strings.Repeat("x", 134))),
		{
			Info: info("KV537", "algolia-admin-key",
				"an Algolia admin or write API key is hardcoded",
				"Reports Algolia API keys (32 hex digits) where the name or the text around them says "+
					"Algolia, except search-only keys, which are public by design.\n\nAn admin key "+
					"deletes and rewrites every index of the application.",
				`client := search.NewClient(appID, "...")`,
				`client := search.NewClient(appID, os.Getenv("ALGOLIA_ADMIN_KEY"))`,
				rules.SeverityError, 7.5, "algolia"),
			Keywords:     []string{"algolia"},
			NameKeywords: []string{"algolia"},
			Pattern:      `(?:^|[^A-Za-z0-9])([a-f0-9]{32})(?:[^A-Za-z0-9]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.0,
			prio:        1,
			Confirm: vendorConfirm("algolia", func(m Match) bool {
				return containsFold(m.Context.Name, "search") || containsFold(m.Context.Key, "search") ||
					(!m.NameHit && m.Near("search", 48)) // a search-only key is public
			}, nil),
			TruePositives: []Sample{
				tpCtx(alg, ctxName("algoliaAdminKey")),
				tpIn("ALGOLIA_ADMIN_API_KEY="+alg, alg),
			},
			FalsePositives: []Sample{
				fpCtx(alg, ctxName("algoliaIndexVersion")),
				fp("ALGOLIA_SEARCH_API_KEY=" + alg),
				fp(alg),
			},
		},
		{
			Info: info("KV538", "mapbox-secret-token",
				"a Mapbox secret token is hardcoded",
				"Reports Mapbox secret access tokens (sk., base64 of JSON claims, which are checked, and a "+
					"signature). Public tokens (pk.) are meant for clients and not reported.\n\nA secret "+
					"token manages the account's styles, tilesets and tokens.",
				`token := "sk.eyJ1..."`,
				`token := os.Getenv("MAPBOX_SECRET_TOKEN")`,
				rules.SeverityError, 7.0, "mapbox"),
			Keywords:     []string{"sk.eyj"},
			Pattern:      `(?:^|[^A-Za-z0-9_.-])(sk\.(eyJ[A-Za-z0-9_-]{10,})\.[A-Za-z0-9_-]{20,})(?:[^A-Za-z0-9_.-]|$)`,
			windowBefore: 8, windowAfter: 300,
			SecretGroup: 1,
			prio:        1, // wins a tie with the generic rule under a secret name
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				payload := s[3 : 3+strings.IndexByte(s[3:], '.')]
				return byChecksum(b64JSONObject(payload, "u"), m)
			},
			TruePositives: []Sample{tp(mapbox), tpIn("MAPBOX_ACCESS_TOKEN="+mapbox, mapbox)},
			FalsePositives: []Sample{
				fp("pk." + mapbox[3:]),
				fp("sk.eyJ" + Fake("mapbox-garbage", AlphaNum, 30) + "." + Fake("mapbox-g2", AlphaNum, 22)),
			},
		},
	}
}
