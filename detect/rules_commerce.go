package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Commerce and e-mail marketing: Shopify, Square, PayPal / Braintree,
// Mailgun, Mailchimp.

func init() {
	fakeGenerators["KV540"] = func(seed string) string { return "shpat_" + Fake(seed, HexLower, 32) }
	fakeGenerators["KV541"] = func(seed string) string { return "EAAA" + Fake(seed, Base64URLChars, 60) }
	fakeGenerators["KV542"] = func(seed string) string {
		return "access_token$production$" + Fake(seed+"/m", Base32Lower[:26]+"0123456789", 16) + "$" + Fake(seed, HexLower, 32)
	}
	fakeGenerators["KV543"] = func(seed string) string { return "key-" + Fake(seed, HexLower, 32) }
	fakeGenerators["KV544"] = func(seed string) string { return Fake(seed, HexLower, 32) + "-us14" }
	providerContexts["KV543"] = ctxName("mailgunApiKey")
}

func commerceRules() []*Rule {
	shpat := fakeGenerators["KV540"]("tp")
	shpss := "shpss_" + Fake("shopify-ss", HexLower, 32)
	eaaa := fakeGenerators["KV541"]("tp")
	sq0atp := "sq0atp-" + Fake("square-atp", Base64URLChars, 22)
	sq0csp := "sq0csp-" + Fake("square-csp", Base64URLChars, 43)
	bt := fakeGenerators["KV542"]("tp")
	btSandbox := "access_token$sandbox$" + Fake("bt-sb/m", "abcdefghijklmnopqrstuvwxyz0123456789", 16) + "$" + Fake("bt-sb", HexLower, 32)
	mg := fakeGenerators["KV543"]("tp")
	mgNew := Fake("mailgun-new/1", HexLower, 32) + "-" + Fake("mailgun-new/2", HexLower, 8) + "-" + Fake("mailgun-new/3", HexLower, 8)
	mc := fakeGenerators["KV544"]("tp")
	return []*Rule{
		token(info("KV540", "shopify-token",
			"a Shopify access token or shared secret is hardcoded",
			"Reports Shopify Admin API access tokens (shpat_), custom and private app access tokens "+
				"(shpca_, shppa_) and app shared secrets (shpss_), each with 32 hex digits.\n\nA token "+
				"reads and changes the store's orders, customers and products.",
			`client := goshopify.NewClient(app, shop, "shpat_...")`,
			`client := goshopify.NewClient(app, shop, os.Getenv("SHOPIFY_ACCESS_TOKEN"))`,
			rules.SeverityError, 8.5, "shopify"),
			[]string{"shpat_", "shpss_", "shpca_", "shppa_"}, `(?:^|[^A-Za-z0-9_])(shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32})(?:[^A-Za-z0-9_]|$)`,
			8, 40, 3.0,
			[]Sample{tp(shpat), tp(shpss), tpIn("X-Shopify-Access-Token: "+shpat, shpat)},
			fp("shpat_"+strings.Repeat("0", 32)),
			fp("shpat_")),
		{
			Info: info("KV541", "square-token",
				"a Square access token or application secret is hardcoded",
				"Reports Square access tokens (EAAA and 60 characters; the older sq0atp-) and OAuth "+
					"application secrets (sq0csp-).\n\nA production token takes payments and refunds them.",
				`client := square.NewClient(square.WithAccessToken("EAAA..."))`,
				`client := square.NewClient(square.WithAccessToken(os.Getenv("SQUARE_ACCESS_TOKEN")))`,
				rules.SeverityError, 9.0, "square"),
			Keywords:     []string{"eaaa", "sq0atp-", "sq0csp-"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 10, windowAfter: 70,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if strings.HasPrefix(s, "EAAA") && charClasses(s[4:]) < 3 {
					return 0
				}
				return High
			},
			TruePositives: []Sample{tp(eaaa), tp(sq0atp), tp(sq0csp), tpIn("SQUARE_ACCESS_TOKEN="+eaaa, eaaa)},
			FalsePositives: []Sample{
				fp("EAAA" + strings.Repeat("a", 60)),
				fp("EAAA" + Fake("square-long", Base64URLChars, 150)), // longer: not Square's
				fp("sq0atp-"),
			},
		},
		{
			Info: info("KV542", "braintree-access-token",
				"a PayPal / Braintree access token is hardcoded",
				"Reports Braintree (PayPal) gateway access tokens (access_token$production$<merchant>$<32 "+
					"hex>; sandbox tokens with medium confidence).\n\nA production token charges cards and "+
					"issues refunds for the merchant.",
				`gw := braintree.New("access_token$production$...")`,
				`gw := braintree.New(os.Getenv("BRAINTREE_ACCESS_TOKEN"))`,
				rules.SeverityError, 9.0, "paypal", "braintree"),
			Keywords:     []string{"access_token$production$", "access_token$sandbox$"},
			Pattern:      `(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})(?:[^A-Za-z0-9]|$)`,
			windowBefore: 30, windowAfter: 60,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if strings.Contains(m.Secret(), "$sandbox$") {
					return Medium
				}
				return High
			},
			TruePositives: []Sample{tp(bt), tp(btSandbox), tpIn(`braintree.New("`+bt+`")`, bt)},
			FalsePositives: []Sample{
				fp("access_token$production$"),
				fp("access_token$production$" + strings.Repeat("x", 16) + "$" + strings.Repeat("0", 32)),
			},
		},
		{
			Info: info("KV543", "mailgun-api-key",
				"a Mailgun API key is hardcoded",
				"Reports Mailgun private API keys (key- and 32 hex digits, or 32-8-8 hex digits) where the "+
					"name or the text around them says Mailgun. Public validation keys (pubkey-) are not "+
					"reported.\n\nA key sends mail as the account's domains and reads their logs.",
				`mg := mailgun.NewMailgun(domain, "key-...")`,
				`mg := mailgun.NewMailgun(domain, os.Getenv("MAILGUN_API_KEY"))`,
				rules.SeverityError, 7.5, "mailgun"),
			Keywords:     []string{"mailgun"},
			NameKeywords: []string{"mailgun", "mg"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])(key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.0,
			prio:        1,
			Confirm: vendorConfirm("mailgun", func(m Match) bool { return m.NameHit && !namedSecret(m) }, func(m Match) bool {
				return strings.HasPrefix(m.Secret(), "key-") && (m.NameHit || m.Near("mailgun", 160))
			}),
			TruePositives: []Sample{
				tpCtx(mg, ctxName("mailgunApiKey")),
				tpIn("MAILGUN_API_KEY="+mgNew, mgNew),
				tpIn(`mailgun.NewMailgun("mg.example.com", "`+mg+`")`, mg),
			},
			FalsePositives: []Sample{
				fp(mg),
				fpCtx(mg, ctxName("mailgunDomain")),
				fp("mailgun pubkey-" + Fake("mailgun-pub", HexLower, 32)),
			},
		},
		token(info("KV544", "mailchimp-api-key",
			"a Mailchimp API key is hardcoded",
			"Reports Mailchimp Marketing API keys (32 hex digits, -us and the data center number).\n\n"+
				"A key reads the audience lists, with every subscriber's address, and sends campaigns.",
			`client := gochimp3.New("...-us14")`,
			`client := gochimp3.New(os.Getenv("MAILCHIMP_API_KEY"))`,
			rules.SeverityError, 7.0, "mailchimp"),
			[]string{"-us"}, `(?:^|[^A-Za-z0-9_-])([0-9a-f]{32}-us[0-9]{1,2})(?:[^A-Za-z0-9_-]|$)`,
			40, 8, 3.0,
			[]Sample{tp(mc), tpIn("MAILCHIMP_API_KEY="+mc, mc)},
			fp(strings.Repeat("0", 32)+"-us14"),
			fp("the-users-list")),
	}
}
