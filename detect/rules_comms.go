package detect

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Messaging and workspaces: Discord, Telegram, Notion, and the Slack
// shapes KV114 and KV115 do not cover.

func init() {
	fakeGenerators["KV550"] = fakeDiscordBot
	fakeGenerators["KV551"] = func(seed string) string {
		return "https://discord.com/api/webhooks/1" + Fake(seed+"/id", "0123456789", 18) + "/" + Fake(seed, Base64URLChars, 68)
	}
	fakeGenerators["KV552"] = func(seed string) string {
		return "6" + Fake(seed+"/id", "0123456789", 9) + ":AA" + Fake(seed, Base64URLChars, 33)
	}
	fakeGenerators["KV553"] = func(seed string) string {
		return "ntn_" + Fake(seed+"/n", "0123456789", 11) + Fake(seed, AlphaNum, 35)
	}
	fakeGenerators["KV554"] = func(seed string) string {
		return "xoxc-" + Fake(seed+"/1", "0123456789", 12) + "-" + Fake(seed+"/2", "0123456789", 12) + "-" +
			Fake(seed+"/3", "0123456789", 13) + "-" + Fake(seed, HexLower, 64)
	}
	providerContexts["KV550"] = ctxName("discordBotToken")
}

// fakeDiscordBot returns a fake Discord bot token: base64 of an 18-digit
// snowflake, a dot, 6 characters, a dot and 38 characters.
func fakeDiscordBot(seed string) string {
	return discordBotFor("1"+Fake(seed+"/id", "0123456789", 17), seed)
}

// discordBotFor returns a fake bot token for the user ID id.
func discordBotFor(id, seed string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(id)) + "." + Fake(seed+"/ts", Base64URLChars, 6) + "." + Fake(seed, Base64URLChars, 38)
}

// discordIDPrefixes returns the first four characters of base64 of every
// decimal ID: the encodings of its first three digits, 100 to 999.
func discordIDPrefixes() []string {
	out := make([]string, 0, 900)
	for n := 100; n <= 999; n++ {
		out = append(out, strings.ToLower(base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(n)))))
	}
	return out
}

func commsRules() []*Rule {
	bot := fakeDiscordBot("tp")
	bot17 := discordBotFor("1"+Fake("dbot17", "0123456789", 16), "dbot17")
	bot19 := discordBotFor("1"+Fake("dbot19", "0123456789", 18), "dbot19")
	shortID := discordBotFor("1"+Fake("dbot16", "0123456789", 15), "dbot16")
	unsigned := b64JSONFake(map[string]any{"alg": "none", "typ": "JWT"}) + "." + b64JSONFake(map[string]any{"sub": "kvlint-fake"}) + "."
	digitsThenText := base64.RawURLEncoding.EncodeToString([]byte("1234kvlint-fake-xy")) + "." + Fake("dbot-ts", Base64URLChars, 6) + "." + Fake("dbot-x", Base64URLChars, 38)
	notSnowflake := base64.RawURLEncoding.EncodeToString([]byte("kvlint-fake-bot-xy")) + "." + Fake("dbot-ts", Base64URLChars, 6) + "." + Fake("dbot-x", Base64URLChars, 38)
	hook := fakeGenerators["KV551"]("tp")
	tg := fakeGenerators["KV552"]("tp")
	ntn := fakeGenerators["KV553"]("tp")
	notionLegacy := "secret_" + Fake("notion-legacy", AlphaNum, 43)
	xoxc := fakeGenerators["KV554"]("tp")
	legacyHook := "https://kvlint.slack.com/services/hooks/incoming-webhook?token=" + Fake("slack-legacy-hook", AlphaNum, 24)
	return []*Rule{
		{
			Info: info("KV550", "discord-bot-token",
				"a Discord bot token is hardcoded",
				"Reports Discord bot tokens by their structure, in any context: base64url of the bot's user "+
					"ID (a decimal snowflake of 17 to 20 digits, which is decoded and checked), a dot, a "+
					"6-character timestamp, a dot and an HMAC of 27 or more characters. Three base64 parts "+
					"whose first does not decode to a snowflake (a JWT, a dotted version) are not reported."+
					"\n\nA token acts as the bot in every server it has joined.",
				`dg, _ := discordgo.New("Bot " + "...")`,
				`dg, _ := discordgo.New("Bot " + os.Getenv("DISCORD_BOT_TOKEN"))`,
				rules.SeverityError, 7.5, "discord"),
			// The token has no fixed prefix, but base64 of a decimal ID
			// does: its first four characters encode the ID's first three
			// digits, one of 900 keywords the one pass finds. (The 90
			// three-character prefixes of two digits occur in words such
			// as content and Authentication, and each hit costs a value
			// the fast path: 17% on values that match nothing.) A base64
			// blob holds four-character prefixes too (NTE5 in
			// ssh-ed25519's) but no dot: the regexp runs only where a dot
			// is too (Requires). The pattern stays small (no counted
			// repeats), so that a miss is cheap; validDiscordBot checks
			// the lengths.
			Keywords:     discordIDPrefixes(),
			Requires:     []string{"."},
			NameKeywords: []string{"discord"},
			Pattern:      `(?:^|[^A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(?:[^A-Za-z0-9_.-]|\.(?:[^A-Za-z0-9_-]|$)|$)`,
			windowBefore: 8, windowAfter: 80,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if validDiscordBot(m.Secret()) {
					return High
				}
				return 0
			},
			TruePositives: []Sample{
				tp(bot), // by structure: no name, no context
				tpIn("* Discord bot: `"+bot+"`", bot),
				tpCtx(bot, ctxName("discordBotToken")),
				tpIn("Authorization: Bot "+bot, bot),
				tpIn("DISCORD_TOKEN="+bot, bot),
				tp(bot17), tp(bot19),
				tpIn("The bot signs in with "+bot+". Rotate it monthly.", bot), // a sentence's full stop
			},
			FalsePositives: []Sample{
				fp("discord bot " + notSnowflake), // the first part is no user ID
				fp("`" + notSnowflake + "`"),
				fp(shortID),        // 16 digits: no snowflake
				fp(unsigned),       // a JWT whose alg is none
				fp(digitsThenText), // decodes to digits, then text
				fp("build " + base64.RawURLEncoding.EncodeToString([]byte("1.24.3-release")) + ".abcdef." + Fake("dbot-ver", Base64URLChars, 30)),
			},
		},
		{
			Noun: "discord webhook url",
			Info: info("KV551", "discord-webhook",
				"a Discord webhook URL is hardcoded",
				"Reports Discord webhook URLs (discord.com or discordapp.com /api/webhooks/<id>/<token>).\n\n"+
					"Anyone with the URL can post to the channel as the webhook.",
				`http.Post("https://discord.com/api/webhooks/.../...", "application/json", body)`,
				`http.Post(os.Getenv("DISCORD_WEBHOOK_URL"), "application/json", body)`,
				rules.SeverityError, 6.0, "discord"),
			Keywords:     []string{"/api/webhooks/"},
			Pattern:      `https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}`,
			windowBefore: 50, windowAfter: 100,
			MinEntropy:    3.5,
			Confidence:    High,
			TruePositives: []Sample{tp(hook), tpIn("webhook: "+hook+" # alerts", hook)},
			FalsePositives: []Sample{
				fp("https://discord.com/api/webhooks/"),
				fp("https://discord.com/api/webhooks/123456789012345678/" + strings.Repeat("x", 68)),
			},
		},
		token(info("KV552", "telegram-bot-token",
			"a Telegram bot token is hardcoded",
			"Reports Telegram Bot API tokens (the bot's numeric ID, :AA and 33 characters).\n\n"+
				"A token reads the bot's messages and sends as it.",
			`bot, _ := tgbotapi.NewBotAPI("123...:AA...")`,
			`bot, _ := tgbotapi.NewBotAPI(os.Getenv("TELEGRAM_BOT_TOKEN"))`,
			rules.SeverityError, 6.5, "telegram"),
			[]string{":aa"}, `(?:^|[^0-9A-Za-z_:-]|bot)([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?:[^A-Za-z0-9_-]|$)`,
			16, 40, 3.5,
			[]Sample{tp(tg), tpIn("https://api.telegram.org/bot"+tg+"/getMe", tg)},
			fp("00:AA:BB:CC:DD:EE"),
			fp("123456789:AA"+strings.Repeat("x", 33))),
		{
			Info: info("KV553", "notion-token",
				"a Notion integration token is hardcoded",
				"Reports Notion integration tokens (ntn_, 11 digits and 35 characters) and, where the name or "+
					"the text around them says Notion, the older internal integration secrets (secret_ and 43 "+
					"characters).\n\nA token reads and edits every page shared with the integration.",
				`client := notionapi.NewClient("ntn_...")`,
				`client := notionapi.NewClient(notionapi.Token(os.Getenv("NOTION_TOKEN")))`,
				rules.SeverityError, 6.5, "notion"),
			Keywords:     []string{"ntn_", "secret_"},
			NameKeywords: []string{"notion"},
			Pattern:      `(?:^|[^A-Za-z0-9_])(ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?:[^A-Za-z0-9_]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.5,
			prio:        1,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if strings.HasPrefix(s, "ntn_") {
					return High
				}
				if charClasses(s[7:]) >= 3 && (m.NameHit && namedSecret(m) || !m.NameHit && m.Near("notion", 160)) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(ntn),
				tpCtx(notionLegacy, ctxName("notionToken")),
				tpIn("NOTION_API_KEY="+notionLegacy, notionLegacy),
			},
			FalsePositives: []Sample{
				fp(notionLegacy), // no Notion context
				fp("ntn_" + strings.Repeat("1", 11) + strings.Repeat("x", 35)),
			},
		},
		token(info("KV554", "slack-legacy-token",
			"a Slack session token or legacy webhook URL is hardcoded",
			"Reports the Slack credentials KV114 and KV115 do not: browser session tokens (xoxc-), "+
				"session cookies (xoxd-) and the legacy incoming webhook URLs with a token query "+
				"(https://<team>.slack.com/services/hooks/...?token=).\n\nA session token or cookie acts "+
				"as the signed-in user; a legacy webhook posts to the workspace.",
			`req.Header.Set("Cookie", "d=xoxd-...")`,
			`req.Header.Set("Cookie", "d="+os.Getenv("SLACK_COOKIE"))`,
			rules.SeverityError, 7.0, "slack"),
			[]string{"xoxc-", "xoxd-", ".slack.com/services/hooks/"}, `(?:^|[^A-Za-z0-9-])(xoxc-[0-9]{6,}-[0-9]{6,}-[0-9]{6,}-[a-f0-9]{64}|xoxd-[A-Za-z0-9%/+=]{50,300}|https://[a-z0-9-]+\.slack\.com/services/hooks/[a-z_-]+\?token=[A-Za-z0-9]{24})`,
			100, 320, 3.5,
			[]Sample{tp(xoxc), tp(legacyHook), tp("xoxd-" + Fake("slack-cookie", Base64Chars, 120))},
			fp("xoxc-not-a-token"),
			fp("https://kvlint.slack.com/services/hooks/incoming-webhook?token=XXXXXXXXXXXXXXXXXXXXXXXX")),
	}
}
