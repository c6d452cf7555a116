package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// AI providers' API keys: OpenAI, Anthropic, Hugging Face, Groq, Replicate.

// openAIMarker is base64 of "OpenAI": every OpenAI secret key carries it
// between its two random halves.
const openAIMarker = "T3BlbkFJ"

func init() {
	fakeGenerators["KV500"] = fakeOpenAI
	fakeGenerators["KV501"] = fakeAnthropic
	fakeGenerators["KV502"] = func(seed string) string { return "hf_" + Fake(seed, AlphaNum[10:], 34) }
	fakeGenerators["KV503"] = func(seed string) string { return "gsk_" + Fake(seed, AlphaNum, 52) }
	fakeGenerators["KV504"] = func(seed string) string { return "r8_" + Fake(seed, AlphaNum, 37) }
}

// fakeOpenAI returns a fake project key: sk-proj-, 74 characters, the
// marker, 74 more.
func fakeOpenAI(seed string) string {
	return "sk-proj-" + Fake(seed+"/1", Base64URLChars, 74) + openAIMarker + Fake(seed+"/2", Base64URLChars, 74)
}

// fakeAnthropic returns a fake API key: sk-ant-api03-, 93 characters, AA.
func fakeAnthropic(seed string) string {
	return "sk-ant-api03-" + Fake(seed, Base64URLChars, 93) + "AA"
}

func aiRules() []*Rule {
	openai := fakeOpenAI("tp")
	svc := "sk-svcacct-" + Fake("svc/1", Base64URLChars, 74) + openAIMarker + Fake("svc/2", Base64URLChars, 74)
	legacy := "sk-" + Fake("openai-legacy/1", AlphaNum, 20) + openAIMarker + Fake("openai-legacy/2", AlphaNum, 20)
	noMarker := "sk-proj-" + Fake("openai-nomarker", Base64URLChars, 156)
	ant := fakeAnthropic("tp")
	antAdmin := "sk-ant-admin01-" + Fake("ant-admin", Base64URLChars, 93) + "AA"
	hf := "hf_" + Fake("hf-tp", AlphaNum[10:], 34)
	groq := "gsk_" + Fake("groq", AlphaNum, 52)
	r8 := "r8_" + Fake("replicate", AlphaNum, 37)
	return []*Rule{
		{
			Info: info("KV500", "openai-api-key",
				"an OpenAI API key is hardcoded",
				"Reports OpenAI secret keys: project (sk-proj-), service account (sk-svcacct-), admin "+
					"(sk-admin-) and legacy user keys (sk-...), by the base64 \"OpenAI\" marker (T3BlbkFJ) "+
					"every key carries between its random halves; a long sk-proj- key without it is reported "+
					"with medium confidence.\n\nA key spends the organization's credit and reads its files, "+
					"assistants and fine-tunes.",
				`client := openai.NewClient(option.WithAPIKey("sk-proj-..."))`,
				`client := openai.NewClient() // reads OPENAI_API_KEY`,
				rules.SeverityError, 8.0, "openai", "ai"),
			Keywords:     []string{strings.ToLower(openAIMarker), "sk-proj-", "sk-svcacct-", "sk-admin-"},
			Pattern:      `(?:^|[^A-Za-z0-9_-])(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{80,250})(?:[^A-Za-z0-9_-]|$)`,
			windowBefore: 220, windowAfter: 260,
			SecretGroup: 1,
			MinEntropy:  4.0,
			Confirm: func(m Match) Confidence {
				if strings.Contains(m.Secret(), openAIMarker) {
					return High
				}
				return Medium
			},
			TruePositives: []Sample{
				tp(openai), tp(svc), tp(legacy),
				tpIn("OPENAI_API_KEY="+openai, openai),
				tpIn(`-H "Authorization: Bearer `+legacy+`"`, legacy),
				tp(noMarker),
			},
			FalsePositives: []Sample{
				fp("sk-proj-"),
				fp("sk-proj-abc"),
				fp("sk-" + strings.Repeat("x", 20) + openAIMarker + strings.Repeat("x", 20)),
				fp("task-proj-settings"),
			},
		},
		token(info("KV501", "anthropic-api-key",
			"an Anthropic API key is hardcoded",
			"Reports Anthropic API keys (sk-ant-api03-), admin keys (sk-ant-admin01-) and OAuth tokens "+
				"(sk-ant-oat01-, sk-ant-ort01-): 93 random characters and the fixed AA ending.\n\n"+
				"A key spends the organization's credit; an admin key manages its members and keys.",
			`client := anthropic.NewClient(option.WithAPIKey("sk-ant-api03-..."))`,
			`client := anthropic.NewClient() // reads ANTHROPIC_API_KEY`,
			rules.SeverityError, 8.0, "anthropic", "ai"),
			[]string{"sk-ant-"}, `(?:^|[^A-Za-z0-9_-])(sk-ant-(?:api03|admin01|oat01|ort01)-[A-Za-z0-9_-]{93}AA)(?:[^A-Za-z0-9_-]|$)`,
			16, 120, 4.0,
			[]Sample{tp(ant), tp(antAdmin), tpIn("x-api-key: "+ant, ant)},
			fp("sk-ant-api03-"),
			fp("sk-ant-api03-"+Fake("ant-short", Base64URLChars, 40)+"AA"),
			fp("sk-ant-api03-"+strings.Repeat("x", 93)+"AA")),
		{
			Info: info("KV502", "huggingface-token",
				"a Hugging Face access token is hardcoded",
				"Reports Hugging Face user access tokens (hf_ and 34 letters) and organization API "+
					"tokens (api_org_).\n\nA write token can push models and datasets, including "+
					"poisoned weights, to every repository its user can reach.",
				`api := hub.NewClient("hf_...")`,
				`api := hub.NewClient(os.Getenv("HF_TOKEN"))`,
				rules.SeverityError, 7.5, "huggingface", "ai"),
			Keywords:     []string{"hf_", "api_org_"},
			Pattern:      `(?:^|[^A-Za-z0-9_])((?:hf|api_org)_[A-Za-z]{34})(?:[^A-Za-z0-9_]|$)`,
			windowBefore: 16, windowAfter: 40,
			SecretGroup: 1,
			MinEntropy:  3.8,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				body := s[strings.LastIndexByte(s, '_')+1:]
				if charClasses(body) < 2 {
					return 0 // one case: an identifier
				}
				return High
			},
			TruePositives: []Sample{tp(hf), tpIn(`HF_TOKEN="`+hf+`"`, hf), tp("api_org_" + Fake("hf-org", AlphaNum[10:], 34))},
			FalsePositives: []Sample{
				fp("hf_" + strings.Repeat("a", 34)),
				fp("hf_abcdefghijklmnopqrstuvwxyzabcdefgh"),
				fp("hf_ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH"),
				fp("hf_hub_download"),
			},
		},
		token(info("KV503", "groq-api-key",
			"a Groq API key is hardcoded",
			"Reports Groq API keys (gsk_ and 52 characters).\n\nA key spends the account's inference credit.",
			`client := groq.NewClient("gsk_...")`,
			`client := groq.NewClient(os.Getenv("GROQ_API_KEY"))`,
			rules.SeverityError, 7.0, "groq", "ai"),
			[]string{"gsk_"}, `(?:^|[^A-Za-z0-9_])(gsk_[A-Za-z0-9]{52})(?:[^A-Za-z0-9_]|$)`,
			5, 60, 4.0,
			[]Sample{tp(groq), tpIn("GROQ_API_KEY="+groq, groq)},
			fp("gsk_"+strings.Repeat("X", 52)),
			fp("gsk_settings")),
		token(info("KV504", "replicate-api-token",
			"a Replicate API token is hardcoded",
			"Reports Replicate API tokens (r8_ and 37 characters).\n\nA token runs models billed to the account.",
			`client, _ := replicate.NewClient(replicate.WithToken("r8_..."))`,
			`client, _ := replicate.NewClient(replicate.WithTokenFromEnv())`,
			rules.SeverityError, 7.0, "replicate", "ai"),
			[]string{"r8_"}, `(?:^|[^A-Za-z0-9_])(r8_[A-Za-z0-9]{37})(?:[^A-Za-z0-9_]|$)`,
			4, 45, 4.0,
			[]Sample{tp(r8), tpIn("REPLICATE_API_TOKEN="+r8, r8)},
			fp("r8_"+strings.Repeat("0", 37)),
			fp("var r8_offset = 4")),
	}
}
