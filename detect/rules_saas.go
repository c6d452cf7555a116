package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// twilioKeywords are "sk" followed by a hex digit, so that task, disk and
// ask do not wake the Twilio rule.
var twilioKeywords = func() []string {
	var k []string
	for _, c := range "0123456789abcdef" {
		k = append(k, "sk"+string(c))
	}
	return k
}()

func saasRules() []*Rule {
	slackBot := "xoxb-" + Fake("slack-team", "0123456789", 12) + "-" + Fake("slack-bot", "0123456789", 13) + "-" + Fake("slack-bot-2", AlphaNum, 24)
	slackUser := "xoxp-" + Fake("slack-team", "0123456789", 12) + "-" + Fake("slack-user", "0123456789", 12) + "-" + Fake("slack-user-2", "0123456789", 13) + "-" + Fake("slack-user-3", HexLower, 32)
	hook := "https://hooks.slack.com/services/T" + Fake("slack-t", Base32Upper, 10) + "/B" + Fake("slack-b", Base32Upper, 10) + "/" + Fake("slack-h", AlphaNum, 24)
	stripeLive := "sk_live_" + Fake("stripe-live", AlphaNum, 24)
	stripeRestricted := "rk_live_" + Fake("stripe-rk", AlphaNum, 99)
	stripeTest := "sk_test_" + Fake("stripe-test", AlphaNum, 24)
	whsec := "whsec_" + Fake("stripe-whsec", AlphaNum, 32)
	sendgrid := "SG." + Fake("sendgrid-1", Base64URLChars, 22) + "." + Fake("sendgrid-2", Base64URLChars, 43)
	twilio := "SK" + Fake("twilio", HexLower, 32)
	twilioAuth := Fake("twilio-auth", HexLower, 32)
	google := "AIza" + Fake("google", Base64URLChars, 35)
	npm := FakeCRCToken("npm_", "npm")
	pypi := "pypi-AgEIcHlwaS5vcmc" + Fake("pypi", Base64URLChars, 70)
	dd := Fake("datadog", HexLower, 32)
	return []*Rule{
		{
			Info: info("KV114", "slack-token",
				"a Slack token is hardcoded",
				"Reports Slack bot, user, app, refresh and configuration tokens (xoxb-, xoxp-, xoxa-, "+
					"xoxo-, xoxr-, xoxs-, xoxe-, xapp-).\n\nA token reads and posts in the workspace as its bot or user.",
				`api := slack.New("xoxb-...")`,
				`api := slack.New(os.Getenv("SLACK_BOT_TOKEN"))`,
				rules.SeverityError, 8.0, "slack"),
			Keywords:     []string{"xoxb-", "xoxp-", "xoxa-", "xoxo-", "xoxr-", "xoxs-", "xoxe", "xapp-"},
			Pattern:      `(?:^|[^A-Za-z0-9-])(xox[bpaors]-[0-9A-Za-z-]{10,250}|xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{64})`,
			windowBefore: 6, windowAfter: 300,
			SecretGroup: 1,
			MinEntropy:  3.0,
			Confidence:  High,
			Confirm: func(m Match) Confidence {
				digits := 0
				s := m.Secret()
				for i := 0; i < len(s); i++ {
					if isDigit(s[i]) {
						digits++
					}
				}
				if digits < 8 {
					return 0
				}
				return High
			},
			TruePositives: []Sample{tp(slackBot), tpIn(`token: "`+slackUser+`"`, slackUser)},
			FalsePositives: []Sample{
				fp("xoxb-not-a-real-token"),
				fp("xoxb-your-token-here"),
				fp("xoxb-" + strings.Repeat("1", 12) + "-" + strings.Repeat("2", 12) + "-" + strings.Repeat("x", 24)),
			},
		},
		{
			Noun: "slack webhook url",
			Info: info("KV115", "slack-webhook",
				"a Slack incoming webhook URL is hardcoded",
				"Reports Slack incoming webhook, workflow and trigger URLs (https://hooks.slack.com/...).\n\n"+
					"Anyone with the URL can post to the channel, which makes it a phishing vector.",
				`http.Post("https://hooks.slack.com/services/T.../B.../...", "application/json", body)`,
				`http.Post(os.Getenv("SLACK_WEBHOOK_URL"), "application/json", body)`,
				rules.SeverityError, 6.5, "slack"),
			Keywords:     []string{"hooks.slack.com"},
			Pattern:      `https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_]{8,}/[A-Za-z0-9_]{8,}/[A-Za-z0-9_]{16,}`,
			windowBefore: 40, windowAfter: 200,
			MinEntropy:    3.5,
			Confidence:    High,
			TruePositives: []Sample{tp(hook), tpIn("webhook = "+hook+" # alerts", hook)},
			FalsePositives: []Sample{
				fp("https://hooks.slack.com/services/"),
				fp("https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"),
			},
		},
		{
			Info: info("KV116", "stripe-api-key",
				"a Stripe secret or restricted API key is hardcoded",
				"Reports Stripe secret and restricted keys (sk_live_, rk_live_; test-mode sk_test_ and "+
					"rk_test_ with medium confidence). Publishable keys (pk_) are public and not reported.\n\n"+
					"A live secret key can create charges, refunds and payouts.",
				`stripe.Key = "sk_live_..."`,
				`stripe.Key = os.Getenv("STRIPE_SECRET_KEY")`,
				rules.SeverityError, 9.0, "stripe"),
			Keywords:     []string{"sk_live_", "rk_live_", "sk_test_", "rk_test_"},
			Pattern:      `(?:^|[^A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,247})(?:[^A-Za-z0-9_]|$)`,
			windowBefore: 9, windowAfter: 260,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if strings.Contains(m.Secret()[:8], "test") {
					return Medium
				}
				return High
			},
			TruePositives: []Sample{tp(stripeLive), tp(stripeRestricted), tp(stripeTest)},
			FalsePositives: []Sample{
				fp("pk_live_" + Fake("stripe-pk", AlphaNum, 24)),
				fp("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"),
			},
		},
		token(info("KV117", "stripe-webhook-secret",
			"a Stripe webhook signing secret is hardcoded",
			"Reports Stripe webhook endpoint signing secrets (whsec_).\n\n"+
				"With it anyone can forge webhook events that your endpoint trusts.",
			`event, err := webhook.ConstructEvent(body, sig, "whsec_...")`,
			`event, err := webhook.ConstructEvent(body, sig, os.Getenv("STRIPE_WEBHOOK_SECRET"))`,
			rules.SeverityError, 7.5, "stripe"),
			[]string{"whsec_"}, `(?:^|[^A-Za-z0-9_])(whsec_[A-Za-z0-9+/]{32,})`,
			7, 300, 3.5,
			[]Sample{tp(whsec)},
			fp("whsec_"),
			fp("whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
		token(info("KV118", "sendgrid-api-key",
			"a SendGrid API key is hardcoded",
			"Reports SendGrid API keys (SG.<22>.<43>).\n\nA key sends mail as your domain.",
			`client := sendgrid.NewSendClient("SG....")`,
			`client := sendgrid.NewSendClient(os.Getenv("SENDGRID_API_KEY"))`,
			rules.SeverityError, 7.5, "sendgrid"),
			[]string{"sg."}, `(?:^|[^A-Za-z0-9_.-])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?:[^A-Za-z0-9_-]|$)`,
			4, 70, 4.0,
			[]Sample{tp(sendgrid)},
			fp("SG.example.com"),
			fp("msg.Send()")),
		{
			Info: info("KV119", "twilio-api-key",
				"a Twilio API key or auth token is hardcoded",
				"Reports Twilio API key SIDs (SK followed by 32 hex digits) and 32-hex-digit auth tokens "+
					"bound to a Twilio secret name.\n\nThe key and its secret, or the account's auth token, "+
					"send messages and place calls billed to the account.",
				`client := twilio.NewRestClientWithParams(twilio.ClientParams{Username: "SK...", Password: secret})`,
				`client := twilio.NewRestClient() // reads TWILIO_API_KEY and TWILIO_API_SECRET from the environment`,
				rules.SeverityError, 7.5, "twilio"),
			Keywords:     twilioKeywords,
			NameKeywords: []string{"twilio"},
			Pattern:      `(?:^|[^A-Za-z0-9])(SK[0-9a-fA-F]{32})(?:[^A-Za-z0-9]|$)|(?:^|[^A-Za-z0-9])([0-9a-f]{32})(?:[^A-Za-z0-9]|$)`,
			windowBefore: 4, windowAfter: 34,
			SecretGroup: -1,
			MinEntropy:  3.0,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if strings.HasPrefix(s, "SK") && len(s) == 34 {
					return High
				}
				if m.NameHit && (secretName(m.Context.Name) || secretName(m.Context.Key)) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(twilio),
				tpCtx(twilioAuth, ctxName("twilioAuthToken")),
				tpCtx(twilioAuth, Context{Kind: KindCallArg, Call: "os.Setenv", Key: "TWILIO_AUTH_TOKEN"}),
			},
			FalsePositives: []Sample{
				fp("disk0 task1 ask2"),
				fp(twilioAuth), // bare hex: a digest
				fpCtx(twilioAuth, ctxName("twilioAccountSID")),
			},
		},
		token(info("KV120", "google-api-key",
			"a Google API key is hardcoded",
			"Reports Google Cloud / Firebase / Maps API keys (AIza followed by 35 characters).\n\n"+
				"Unrestricted keys are billed for every call anyone makes with them.",
			`svc, err := youtube.NewService(ctx, option.WithAPIKey("AIza..."))`,
			`svc, err := youtube.NewService(ctx, option.WithAPIKey(os.Getenv("GOOGLE_API_KEY")))`,
			rules.SeverityError, 7.0, "google"),
			[]string{"aiza"}, `(?:^|[^A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?:[^A-Za-z0-9_-]|$)`,
			5, 40, 3.5,
			[]Sample{tp(google), tpIn("https://maps.googleapis.com/maps/api/geocode/json?key="+google, google)},
			fp("AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
			fp("AIza")),
		{
			Info: info("KV121", "npm-token",
				"an npm access token is hardcoded",
				"Reports npm access tokens (npm_ followed by 36 characters; a valid CRC32 checksum gives high "+
					"confidence).\n\nA publish token can push malicious versions of your packages.",
				`npmrc := "//registry.npmjs.org/:_authToken=npm_..."`,
				`npmrc := "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"`,
				rules.SeverityError, 8.0, "npm"),
			Keywords:     []string{"npm_"},
			Pattern:      `(?:^|[^A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?:[^A-Za-z0-9]|$)`,
			windowBefore: 5, windowAfter: 40,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if validCRCToken(m.Secret()) {
					return High
				}
				return Medium
			},
			TruePositives: []Sample{tp(npm), tpIn("//registry.npmjs.org/:_authToken="+npm, npm)},
			FalsePositives: []Sample{
				fp("npm_config_registry"),
				fp("//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
			},
		},
		token(info("KV122", "pypi-token",
			"a PyPI upload token is hardcoded",
			"Reports PyPI API tokens (pypi-AgEIcHlwaS5vcmc..., a macaroon for pypi.org).\n\n"+
				"An upload token can publish releases of your projects.",
			`token := "pypi-AgEIcHlwaS5vcmc..."`,
			`token := os.Getenv("PYPI_API_TOKEN")`,
			rules.SeverityError, 8.0, "pypi"),
			[]string{"pypi-ageichlwas5vcmc"}, `(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})`,
			21, 4096, 4.0,
			[]Sample{tp(pypi)},
			fp("pypi-AgEIcHlwaS5vcmc")),
		{
			Info: info("KV123", "datadog-api-key",
				"a Datadog API or application key is hardcoded",
				"Reports 32-hex-digit Datadog API keys and 40-hex-digit application keys bound to a "+
					"Datadog secret name (DD_API_KEY, datadogAppKey) or in text that names Datadog.\n\n"+
					"An API key submits data to your account; an application key reads and changes it.",
				`cfg.AddDefaultHeader("DD-API-KEY", "0123...")`,
				`cfg.AddDefaultHeader("DD-API-KEY", os.Getenv("DD_API_KEY"))`,
				rules.SeverityError, 6.5, "datadog"),
			Keywords:     []string{"datadog", "dd_api_key", "dd_app_key", "dd-api-key", "dd-application-key", "ddog"},
			NameKeywords: []string{"dd", "datadog", "ddog"},
			Pattern:      `(?:^|[^0-9A-Za-z])([0-9a-f]{32}|[0-9a-f]{40})(?:[^0-9A-Za-z]|$)`,
			windowBefore: 256, windowAfter: 256,
			SecretGroup: 1,
			MinEntropy:  3.0,
			Confirm: func(m Match) Confidence {
				if m.NameHit && (secretName(m.Context.Name) || secretName(m.Context.Key)) {
					return Medium
				}
				if !m.NameHit && m.Near("key", 128) && (m.Near("datadog", 256) || m.Near("dd_", 256) || m.Near("dd-", 256)) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tpCtx(dd, Context{Kind: KindCallArg, Call: "os.Setenv", Key: "DD_API_KEY"}),
				tpCtx(dd, ctxName("datadogAPIKey")),
				tpIn("DD_API_KEY="+dd, dd),
			},
			FalsePositives: []Sample{
				fpCtx(dd, ctxName("ddTraceID")),
				fp(dd),
				fp("https://app.datadoghq.com/dashboard/" + Fake("dd-dash", HexLower, 12)),
			},
		},
	}
}
