package detect

import "strings"

// Azure keys without a signature (88-character storage and Cosmos keys,
// 32-hex AI Services, OpenAI, Search and APIM keys, function keys, ACR
// passwords) are found by the name or the key that holds them. These
// helpers read that context; the family rules add a plain branch that
// uses them.

// precededBy reports whether the text just before the secret is key
// followed by = or : (with optional quotes and spaces): AccountKey=...,
// "x-functions-key": "...". The key must start at a word boundary.
func precededBy(m Match, key string) bool {
	i := pairKeyEnd(m)
	if i < len(key) || !strings.EqualFold(m.Value[i-len(key):i], key) {
		return false
	}
	return i == len(key) || !isAlnum(m.Value[i-len(key)-1])
}

// keyNamed reports whether the name or key that holds the value ends in
// the word key (cognitiveServicesKey, SEARCH_KEY) or is a secret name: with
// a family's name keyword among its words, that names the family's key.
func keyNamed(ctx Context) bool {
	return secretNamed(ctx) || lastWordIs(ctx.Name, "key", "keys") || lastWordIs(ctx.Key, "key", "keys")
}

func lastWordIs(name string, words ...string) bool {
	var buf [1]span
	if wordsOf(name, buf[:]) == 0 {
		return false
	}
	w := name[buf[0].s:buf[0].e]
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// otherVendors are words that name a provider other than Azure in a
// variable or key name. Azure's unsigned families bind a key by their words
// (search, speech, vision, function, openai) and the word key; a name that
// also names another provider (ALGOLIA_SEARCH_KEY, elasticsearchApiKey,
// GOOGLE_VISION_KEY) names that provider's key, not Azure's. The list
// holds search engines and AI, cloud and SaaS vendors whose key names share
// Azure's words; Bing is not one: Bing Search keys are Azure resource keys
// (32 hex, Ocp-Apim-Subscription-Key).
var otherVendors = []string{
	"algolia", "elastic", "elasticsearch", "opensearch", "typesense", "meili", "meilisearch",
	"solr", "coveo", "swiftype", "google", "gcp", "gcloud", "firebase", "serp", "serpapi",
	"serper", "tavily", "brave", "yandex", "baidu", "pinecone", "weaviate", "qdrant", "aws", "amazon",
	"alibaba", "aliyun", "tencent", "ibm", "watson", "oracle", "deepl", "cohere", "mistral",
	"anthropic", "groq", "huggingface", "replicate", "assemblyai", "deepgram", "elevenlabs",
	"mapbox", "stripe", "twilio", "sendgrid", "mailgun", "datadog", "newrelic", "relic", "sentry",
	"github", "gitlab", "slack", "discord", "okta", "auth0", "shopify", "heroku", "netlify",
	"vercel", "supabase", "cloudflare", "digitalocean", "atlassian", "notion", "linear",
}

// namesOtherVendor reports whether the context's name or key names a
// provider other than Azure: a word of otherVendors that is none of the
// family's own words (own), and no word azure beside it.
func namesOtherVendor(ctx Context, own []string) bool {
	return nameOfOtherVendor(ctx.Name, own) || nameOfOtherVendor(ctx.Key, own)
}

func nameOfOtherVendor(name string, own []string) bool {
	other := false
	for i := 0; ; {
		s, e := nextWord(name, i)
		if s == e {
			return other
		}
		i = e
		w := name[s:e]
		switch {
		case strings.EqualFold(w, "azure") || strings.EqualFold(w, "az"):
			return false
		case eqAny(w, own):
			continue
		case eqAny(w, otherVendors):
			other = true
		}
	}
}

// keyBefore returns the name of the key=value or key: value pair the secret
// is the value of, inside the scanned value (SEARCH_API_KEY=..., api-key:
// ...), or "" when the secret follows no such key.
func keyBefore(m Match) string {
	i := pairKeyEnd(m)
	if i < 0 {
		return ""
	}
	end := i
	for i > 0 && (isAlnum(m.Value[i-1]) || strings.IndexByte("_-.", m.Value[i-1]) >= 0) {
		i--
	}
	return m.Value[i:end]
}

// pairKeyEnd returns where the key ends of the key=value or key: value pair
// (quotes and spaces allowed around the = or :) whose value the secret is,
// or -1 when no = or : comes before the secret.
func pairKeyEnd(m Match) int {
	i := m.Start
	for i > 0 && strings.IndexByte(` "'`, m.Value[i-1]) >= 0 {
		i--
	}
	if i == 0 || (m.Value[i-1] != '=' && m.Value[i-1] != ':') {
		return -1
	}
	i--
	for i > 0 && strings.IndexByte(` "'`, m.Value[i-1]) >= 0 {
		i--
	}
	return i
}

// keyNearEndpoint is the plain-branch test of a key that sits beside its
// service's endpoint in the same text: the key it is the value of ends in
// the word key (api-key:, SEARCH_API_KEY=) and names no other provider, and
// host (.search.windows.net) occurs within 512 bytes.
func keyNearEndpoint(m Match, host string, own []string) bool {
	k := keyBefore(m)
	return k != "" && lastWordIs(k, "key") && !nameOfOtherVendor(k, own) && m.Near(host, 512)
}

// hex32 is a 32-hex-digit token: the keys of AI Services, Azure OpenAI,
// Search and API Management subscriptions that carry no signature.
const hex32 = `(?:^|[^0-9A-Za-z])([0-9a-fA-F]{32})(?:[^0-9A-Za-z]|$)`

// withPlainBranch extends a family rule with a second alternative for the
// family's keys without signature, reported at medium confidence when
// plain(m) says the context names them; the rule's checksum logic still
// judges what the first alternative matches.
func withPlainBranch(r *Rule, plainPattern string, nameKeywords, keywords []string, plain func(Match) bool, tps, fps []Sample) *Rule {
	signed := r.Confirm
	r.Pattern = r.Pattern + "|" + plainPattern
	r.SecretGroup = -1
	r.NameKeywords = append(r.NameKeywords, nameKeywords...)
	r.Keywords = append(r.Keywords, keywords...)
	own := r.NameKeywords
	r.Confirm = func(m Match) Confidence {
		if c := signed(m); c != 0 {
			return c
		}
		// A name that names another provider binds nothing to this family;
		// a key context in the value (x-functions-key:, AccountKey=) still does.
		if m.NameHit && namesOtherVendor(m.Context, own) {
			m.NameHit = false
		}
		if plain(m) {
			return Medium
		}
		return 0
	}
	// The context keyword (x-functions-key, azurecr.io) comes before the key.
	r.windowBefore, r.windowAfter = max(r.windowBefore, 256), max(r.windowAfter, 256)
	r.TruePositives = append(r.TruePositives, tps...)
	r.FalsePositives = append(r.FalsePositives, fps...)
	return r
}

// hexUnderName is the plain-branch test of the 32-hex families: the rule ran
// because a family word is in the name, and the name says key.
func hexUnderName(m Match) bool { return m.NameHit && keyNamed(m.Context) && len(m.Secret()) == 32 }

// addPlainBranches gives the families whose keys also come without a
// signature their context branch.
func addPlainBranches(rs []*Rule) {
	for _, r := range rs {
		if add, ok := plainBranches[r.ID]; ok {
			add(r)
		}
	}
}

// plainBranches are the families with a context branch, by rule ID.
var plainBranches = map[string]func(*Rule){
	"KV133": plainFunctions,
	"KV134": plainSearch,
	"KV136": plainAPIM,
	"KV146": plainAIServices,
	"KV147": plainOpenAI,
	"KV135": plainACR,
}

// Fakes of the shapes the plain branches' samples use.
var (
	fakePlainHex = Fake("plain-hex", HexLower, 32)
	fakePlainFn  = Fake("plain-functions", Base64URLChars, 54) + "=="
	fakePlainACR = Fake("plain-acr", Base64Chars, 52)
)

// plainHeaderSet is the header setter the samples' call contexts name.
const plainHeaderSet = "(net/http.Header).Set"

// plainFunctions is KV133's plain branch: Azure Functions keys: an x-functions-key header or ?code= on a function URL, or a function key name.
func plainFunctions(r *Rule) {
	fn := fakePlainFn
	hdr := plainHeaderSet
	withPlainBranch(r, hisBefore+`([A-Za-z0-9+/_-]{40,86}={0,2})`+hisAfter,
		[]string{"functions", "function"}, []string{"x-functions-key", "azurewebsites.net"},
		func(m Match) bool {
			c := m.Context
			return precededBy(m, "x-functions-key") || strings.EqualFold(c.Key, "x-functions-key") ||
				strings.EqualFold(c.Name, "x-functions-key") ||
				(m.NameHit && keyNamed(c) && (hasWordSeq(c.Name, "function", "key") || hasWordSeq(c.Name, "functions", "key"))) ||
				(precededBy(m, "code") && m.Near(".azurewebsites.net/api/", 256))
		},
		[]Sample{
			tpCtx(fn, Context{Kind: KindCallArg, Call: hdr, Key: "x-functions-key"}),
			tpIn(`curl -H "x-functions-key: `+fn+`" https://kvlintfake.azurewebsites.net/api/run`, fn),
			tpIn("https://kvlintfake.azurewebsites.net/api/run?code="+fn, fn),
			tpCtx(fn, ctxName("functionKey")),
		},
		[]Sample{
			fp("https://kvlintfake.azurewebsites.net/api/run?name=" + fn),
			fpCtx(fn, ctxName("functionName")),
		})
}

// plainSearch is KV134's plain branch: Azure AI Search admin and query keys: 32 hex under a search key name or beside a *.search.windows.net endpoint.
func plainSearch(r *Rule) {
	hex := fakePlainHex
	own := []string{"search", "cognitivesearch"}
	withPlainBranch(r, hex32, own, []string{".search.windows.net"},
		func(m Match) bool {
			return len(m.Secret()) == 32 && (hexUnderName(m) || keyNearEndpoint(m, ".search.windows.net", own))
		},
		[]Sample{
			tpCtx(hex, ctxName("searchAdminKey")), tpCtx(hex, ctxName("AZURE_SEARCH_KEY")),
			tpCtx(hex, ctxName("SEARCH_API_KEY")),
			tpIn("SEARCH_ENDPOINT=https://kvlintfake.search.windows.net\nSEARCH_API_KEY="+hex, hex),
			tpIn(`curl -H "api-key: `+hex+`" "https://kvlintfake.search.windows.net/indexes?api-version=2023-11-01"`, hex),
			tpCtx(hex, ctxName("AZURE_ALGOLIA_SEARCH_KEY")), // azure in the name: Azure's
			tpCtx(hex, ctxName("BING_SEARCH_KEY")),          // Bing Search is an Azure resource
		},
		[]Sample{
			fpCtx(hex, ctxName("searchIndexID")), fpCtx(hex, ctxName("searchKeyword")),
			// Another provider's search key; an Algolia search-only key is
			// public by design (KV537 does not report it either).
			fpCtx(hex, Context{Kind: KindLine, Name: "ALGOLIA_SEARCH_KEY"}),
			fpCtx(hex, ctxName("searchOnlyKeyIndex")),
		})
}

// plainAPIM is KV136's plain branch: API Management subscription keys: 32 hex under an APIM name or the Ocp-Apim-Subscription-Key header.
func plainAPIM(r *Rule) {
	hex := fakePlainHex
	hdr := plainHeaderSet
	withPlainBranch(r, hex32, []string{"apim"}, []string{"ocp-apim-subscription-key"},
		func(m Match) bool {
			return len(m.Secret()) == 32 && (hexUnderName(m) || precededBy(m, "ocp-apim-subscription-key"))
		},
		[]Sample{
			tpCtx(hex, Context{Kind: KindCallArg, Call: hdr, Key: "Ocp-Apim-Subscription-Key"}),
			tpIn(`curl -H "Ocp-Apim-Subscription-Key: `+hex+`" https://kvlintfake.azure-api.net/echo`, hex),
			tpCtx(hex, ctxName("apimKey")),
		},
		[]Sample{fpCtx(hex, ctxName("apimRevision")), fp("Ocp-Apim-Trace-Location: " + hex)})
}

// plainAIServices is KV146's plain branch: Azure AI Services (Cognitive Services) keys: 32 hex under a name of one of its services.
func plainAIServices(r *Rule) {
	hex := fakePlainHex
	withPlainBranch(r, hex32, []string{"cognitive", "cognitiveservices", "speech", "translator", "aiservices", "luis", "vision", "textanalytics"}, nil, hexUnderName,
		[]Sample{tpCtx(hex, ctxName("cognitiveServicesKey")), tpCtx(hex, ctxName("SPEECH_KEY")), tpCtx(hex, ctxName("AZURE_VISION_KEY"))},
		[]Sample{
			fpCtx(hex, ctxName("speechRegion")), fpCtx(hex, ctxName("visionModelVersion")),
			fpCtx(hex, ctxName("GOOGLE_VISION_KEY")), fpCtx(hex, ctxName("deeplTranslatorKey")),
			fpCtx(hex, ctxName("DEEPGRAM_SPEECH_KEY")),
		})
}

// plainOpenAI is KV147's plain branch: Azure OpenAI keys: 32 hex under an OpenAI name.
func plainOpenAI(r *Rule) {
	hex := fakePlainHex
	withPlainBranch(r, hex32, []string{"openai", "aoai"}, nil, hexUnderName,
		[]Sample{tpCtx(hex, ctxName("AZURE_OPENAI_API_KEY")), tpCtx(hex, ctxName("OPENAI_KEY"))},
		[]Sample{fpCtx(hex, ctxName("openaiDeploymentID")), fpCtx(hex, ctxName("CLOUDFLARE_OPENAI_GATEWAY_KEY"))})
}

// plainACR is KV135's plain branch: Container Registry passwords: 32-52 base64 characters after a password flag or field beside azurecr.io, or under an ACR key name.
func plainACR(r *Rule) {
	acr := fakePlainACR
	withPlainBranch(r, `(?:^|[^A-Za-z0-9+/])([A-Za-z0-9+/=]{32,52})(?:[^A-Za-z0-9+/=]|$)`, []string{"acr"}, []string{"azurecr.io"},
		func(m Match) bool {
			named := precededBy(m, "password") || precededBy(m, "pwd") || strings.HasSuffix(m.Value[:m.Start], "-p ") ||
				strings.HasSuffix(m.Value[:m.Start], "--password ")
			return (named && m.Near("azurecr.io", 256)) || (m.NameHit && keyNamed(m.Context))
		},
		[]Sample{
			tpIn("docker login kvlintfake.azurecr.io -u kvlintfake -p "+acr, acr),
			tpIn("Registry=kvlintfake.azurecr.io;Username=kvlintfake;Password="+acr, acr),
			tpCtx(acr, ctxName("acrPassword")),
		},
		[]Sample{fp("docker pull kvlintfake.azurecr.io/app:" + acr[:40]), fpCtx(acr, ctxName("acrLoginServer"))})
}
