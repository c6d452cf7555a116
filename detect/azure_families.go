package detect

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Azure key families beyond the first seven rules (rules_azure.go), one rule
// per family, KV130-KV151. The formats and checksums are in azure_keys.go.

// secretNamed is the generic rule's name test: the name, the key or the
// map that holds the value says it is a secret (a weak name such as key or
// auth counts unless its owner says public). A signature-shaped value whose
// checksum fails is reported only when it holds.
func secretNamed(ctx Context) bool {
	if secretName(ctx.Name) || secretName(ctx.Key) || secretsByKey(ctx) {
		return true
	}
	return (weakSecretName(ctx.Name) || weakSecretName(ctx.Key)) && !publicOwner(ctx.Owner)
}

// checked returns a Confirm for a format with a checksum: certain (High)
// when it holds, in any context; Medium under a secret name; dropped
// otherwise.
func checked(valid func(string) bool) func(Match) Confidence {
	return func(m Match) Confidence {
		if valid(m.Secret()) {
			return High
		}
		if secretNamed(m.Context) {
			return Medium
		}
		return 0
	}
}

// Token boundaries: Microsoft's patterns refuse a neighbour from either
// base64 alphabet, and = after the key.
const (
	hisBefore = `(?:^|[^A-Za-z0-9+/_-])`
	hisAfter  = `(?:[^A-Za-z0-9+/=_-]|$)`
)

// pattern is the regular expression of an identifiable key of this kind:
// the characters before the signature, the signature, the character whose
// low bits the generator clears (A-P or A-D), the checksum characters and
// the padding, within token boundaries. Group 1 is the key.
func (f *hisFormat) pattern() string {
	return hisBefore + "(" + f.core() + ")" + hisAfter
}

func (f *hisFormat) core() string {
	cls := `[A-Za-z0-9+/]`
	switch {
	case f.AlphaNum:
		cls = `[A-Za-z0-9]`
	case f.url:
		cls = `[A-Za-z0-9_-]`
	}
	var b strings.Builder
	b.WriteString(cls + "{" + strconv.Itoa(f.sigOffset()) + "}" + regexp.QuoteMeta(f.sig))
	rest := f.encLen() - f.padLen() - f.sigOffset() - len(f.sig)
	switch spill := (f.bytes-4)*8 - (f.sigOffset()+len(f.sig))*6; spill {
	case 2:
		b.WriteString(`[A-P]`)
		rest--
	case 4:
		b.WriteString(`[A-D]`)
		rest--
	}
	if f.padLen() == 2 {
		b.WriteString(cls + "{" + strconv.Itoa(rest-1) + "}[AQgw]==")
	} else {
		b.WriteString(cls + "{" + strconv.Itoa(rest) + "}" + strings.Repeat("=", f.padLen()))
	}
	return b.String()
}

// hisSamples returns a family's standard samples: two checksum-valid fakes
// (alone and in a line), a checksum-failing value under a secret name; and
// as false positives the failing value alone, the signature one place off,
// a character too many, and a truncated key.
func hisSamples(f *hisFormat, id, name string) (tps, fps []Sample) {
	good, other := f.fake(id+"/a"), f.fake(id+"/b")
	bad := breakChecksum(good, f.sigOffset()-3)
	return familySamples(name, good, other, bad, "primaryKey", "keyVaultSecretName",
		good[1:f.sigOffset()+1]+good[f.sigOffset()+1:], // the signature one character early
		good[:f.sigOffset()]+"A"+good[f.sigOffset():],
		good[:len(good)-f.padLen()-2])
}

// familySamples returns the samples a checksummed key family shares: good
// alone, other in a line that names the rule, bad (good with its checksum
// broken) under the secret name named; as false positives bad alone and
// under the name unnamed, and each of the wrong shapes.
func familySamples(name, good, other, bad, named, unnamed string, wrong ...string) (tps, fps []Sample) {
	tps = []Sample{
		tp(good),
		tpIn(`"`+strings.ToLower(name)+`": "`+other+`",`, other),
		tpCtx(bad, ctxName(named)),
	}
	fps = []Sample{fp(bad), fpCtx(bad, ctxName(unnamed))}
	for _, w := range wrong {
		fps = append(fps, fp(w))
	}
	return tps, fps
}

// breakChecksum changes one character at i, keeping the alphabet, so that
// a checksum no longer holds.
func breakChecksum(k string, i int) string {
	c := byte('A')
	if k[i] == 'A' {
		c = 'B'
	}
	return k[:i] + string(c) + k[i+1:]
}

// hisRule builds the rule of one identifiable key family.
func hisRule(f *hisFormat, id, name, title, what, risk, bad, good string, score float64, tags ...string) *Rule {
	tps, fps := hisSamples(f, id, name)
	return familyRule(info(id, name, title,
		what+" Reported anywhere when the "+f.sig+" signature and the Marvin32 checksum both hold; "+
			"a value of the shape whose checksum fails only under a secret name.\n\n"+risk,
		bad, good, rules.SeverityError, score, append([]string{"azure"}, tags...)...),
		strings.ToLower(f.sig), f.pattern(), f.encLen()+8, 16, f.valid, tps, fps)
}

// familyRule is the rule of a checksummed key family: the keyword gates the
// pattern, whose first group is the key, confirmed by checked(valid); it
// wins ties over the generic rules. The window in large values reaches
// before bytes back and after bytes on.
func familyRule(in rules.Info, keyword, pattern string, before, after int, valid func(string) bool, tps, fps []Sample) *Rule {
	return &Rule{
		Info: in, Keywords: []string{keyword}, Pattern: pattern, SecretGroup: 1,
		Confirm: checked(valid), prio: 2, TruePositives: tps, FalsePositives: fps,
		windowBefore: before, windowAfter: after,
	}
}

// caskCore is the common annotated key pattern with a provider data and
// signature pattern at offsets 72 and 76.
func caskCore(provData, sig string) string {
	return `[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{12}` + provData + sig + `[A-Za-z0-9]{4}(?:[A-Za-z0-9]{2}==)?`
}

const (
	caskBefore = `(?:^|[^A-Za-z0-9+/])`
	caskAfter  = `(?:[^A-Za-z0-9+/=]|$)`
)

// caskSamples returns a CASK family's standard samples, as hisSamples does.
func caskSamples(id, name, provData, sig string) (tps, fps []Sample) {
	good, other := fakeCASK(id+"/a", provData, sig), fakeCASK(id+"/b", provData, sig)
	return familySamples(name, good, other, breakChecksum(good, 10), "accessKey", "keyName",
		good[1:caskMarkerOff+1]+good[caskMarkerOff+1:], // JQQJ one character early
		"A"+good,
		good[:caskLen-6])
}

// caskRule builds the rule of one common annotated security key family.
func caskRule(id, name, title, what, risk, bad, good, provData, sig string, score float64, tags ...string) *Rule {
	fakeData := "AAAA" // matches every provider data pattern but OpenAI's
	if isAlnumString(provData) {
		fakeData = provData
	}
	tps, fps := caskSamples(id, name, fakeData, sig)
	return familyRule(info(id, name, title,
		what+" Common annotated security keys are 84 (or 88) characters with JQQJ9 at offset 52 and the "+
			"provider signature "+sig+" at offset 76; they are reported anywhere when the Marvin32 checksum "+
			"at offset 80 holds, and only under a secret name when it does not.\n\n"+risk,
		bad, good, rules.SeverityError, score, append([]string{"azure"}, tags...)...),
		"jqqj", caskBefore+`(`+caskCore(provData, `(?i:`+sig+`)`)+`)`+caskAfter, 96, 48, validCASK, tps, fps)
}

// knownCASKProviders are the provider signatures that have their own rule.
var knownCASKProviders = []string{"AZDO", "AZAC", "AZFR", "AZEG", "AZMR", "AZMP", "AZCS", "ACOG", "MSQL"}

const goodKeyVault = `client, _ := azsecrets.NewClient(vaultURL, cred, nil)
resp, err := client.GetSecret(ctx, "%s", "", nil) // or Entra ID auth: no key at all`

func azureFamilyRules() []*Rule {
	rs := []*Rule{
		hisRule(hisEventHubs, "KV130", "azure-event-hubs-key", "an Azure Event Hubs shared access key is hardcoded",
			"Reports Azure Event Hubs identifiable shared access keys (44 characters, +AEh at offset 33).",
			"A namespace or hub key with Manage or Send rights lets anyone publish, read and reconfigure the hub.",
			`conn := "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=...+AEh...="`,
			`client, err := azeventhubs.NewProducerClient("ns.servicebus.windows.net", "hub", cred, nil)`, 8.5),
		hisRule(hisRelay, "KV131", "azure-relay-key", "an Azure Relay shared access key is hardcoded",
			"Reports Azure Relay identifiable shared access keys (44 characters, +ARm at offset 33).",
			"A Relay key lets anyone listen on or send to the relay's hybrid connections.",
			`key := "...+ARm...="`, fmtGood("relay-key"), 8.0),
		hisRule(hisRedis, "KV132", "azure-redis-key", "an Azure Cache for Redis access key is hardcoded",
			"Reports Azure Cache for Redis identifiable access keys (44 characters, AzCa at offset 33).",
			"An access key gives full read and write access to the cache and every value in it.",
			`rdb := redis.NewClient(&redis.Options{Addr: host + ":6380", Password: "...AzCa...="})`,
			`// Use Entra ID authentication for Azure Cache for Redis (redisauth with azidentity).`, 8.0, "redis"),
		hisRule(hisFunctions, "KV133", "azure-functions-key", "an Azure Functions access key is hardcoded",
			"Reports Azure Functions identifiable keys (function, host, master and system keys: 56 URL-safe base64 "+
				"characters, AzFu at offset 44).",
			"A function key lets anyone call the function; the master key administers the whole app.",
			`req.Header.Set("x-functions-key", "...AzFu...==")`, fmtGood("functions-key"), 7.5),
		hisRule(hisSearch, "KV134", "azure-search-key", "an Azure AI Search admin or query key is hardcoded",
			"Reports Azure AI Search (Cognitive Search) identifiable admin and query keys (52 letters and digits, "+
				"AzSe at offset 42), and unsigned 32-hex keys under a name with search and key, or after a key "+
				"such as api-key beside a *.search.windows.net endpoint. A name that names another provider "+
				"(ALGOLIA_SEARCH_KEY, elasticsearchApiKey) binds no key to Azure: an Algolia search-only key is "+
				"public by design.",
			"An admin key can read, change and delete every index; a query key reads every document.",
			`client, _ := azsearch.NewClient(endpoint, "index", azcore.NewKeyCredential("...AzSe..."), nil)`,
			fmtGood("search-key"), 8.0),
		hisRule(hisACR, "KV135", "azure-container-registry-password", "an Azure Container Registry password is hardcoded",
			"Reports Azure Container Registry identifiable passwords and tokens (52 characters, +ACR at offset 42).",
			"A registry password lets anyone pull, and usually push, images: a path into every deployment that runs them.",
			`docker login myregistry.azurecr.io -u myregistry -p "...+ACR..."`,
			`// Use az acr login with an Entra ID identity, or a managed identity with AcrPull.`, 8.0, "docker"),
		hisRule(hisAPIM, "KV136", "azure-apim-key", "an Azure API Management key is hardcoded",
			"Reports Azure API Management identifiable keys (subscription, gateway, direct management and "+
				"repository keys: 88 characters, APIM at offset 76).",
			"A subscription key calls the APIs it is scoped to; a management or gateway key controls the service.",
			`req.Header.Set("Ocp-Apim-Subscription-Key", "...APIM...==")`, fmtGood("apim-key"), 8.0),
		hisRule(hisIoT, "KV137", "azure-iot-key", "an Azure IoT Hub, Device Provisioning or device key is hardcoded",
			"Reports Azure IoT identifiable keys (IoT Hub shared access, Device Provisioning Service and device "+
				"keys: 44 characters, AIoT at offset 33).",
			"A hub key can register devices and send commands; a device key impersonates the device.",
			`conn := "HostName=hub.azure-devices.net;DeviceId=d1;SharedAccessKey=...AIoT...="`,
			`// Provision devices with X.509 certificates or DPS, and keep service keys in Key Vault.`, 8.0, "iot"),
		hisRule(hisBatch, "KV139", "azure-batch-key", "an Azure Batch account key is hardcoded",
			"Reports Azure Batch identifiable account keys (88 characters, +ABa at offset 76).",
			"An account key runs arbitrary jobs on the account's pools.",
			`cred := batch.NewSharedKeyCredential("acct", "...+ABa...==")`, fmtGood("batch-key"), 8.0),
		hisRule(hisMLClassic, "KV140", "azure-ml-classic-key", "an Azure Machine Learning classic web service key is hardcoded",
			"Reports Azure Machine Learning Studio (classic) web service identifiable keys (88 characters, +AMC at offset 76).",
			"The key lets anyone call the scoring web service.",
			`req.Header.Set("Authorization", "Bearer ...+AMC...==")`, fmtGood("ml-key"), 7.0),
		caskRule("KV141", "azure-app-configuration-key", "an Azure App Configuration access key is hardcoded",
			"Reports Azure App Configuration access keys.",
			"A read-write key changes the configuration every client of the store loads.",
			`conn := "Endpoint=https://cfg.azconfig.io;Id=...;Secret=...JQQJ99...AZAC...."`,
			`client, err := azappconfig.NewClient("https://cfg.azconfig.io", cred, nil)`, `[A-Za-z0-9]{4}`, "AZAC", 8.0),
		caskRule("KV142", "azure-fluid-relay-key", "an Azure Fluid Relay key is hardcoded",
			"Reports Azure Fluid Relay tenant keys.",
			"The tenant key signs tokens for any document and user of the tenant.",
			`key := "...JQQJ99...AZFR...."`, fmtGood("fluid-relay-key"), `[A-Za-z0-9]{4}`, "AZFR", 7.5),
		caskRule("KV143", "azure-mixed-reality-key", "an Azure Mixed Reality account key is hardcoded",
			"Reports Azure Mixed Reality (Spatial Anchors, Remote Rendering) account keys.",
			"The account key obtains access tokens for the account's services.",
			`key := "...JQQJ99...AZMR...."`, fmtGood("mixed-reality-key"), `[A-Za-z0-9]{4}`, "AZMR", 7.0),
		caskRule("KV144", "azure-maps-key", "an Azure Maps shared key is hardcoded",
			"Reports Azure Maps shared (subscription) keys.",
			"Anyone with the key can call the account's Maps APIs at its expense.",
			`url := "https://atlas.microsoft.com/search/address/json?subscription-key=...JQQJ99...AZMP...."`,
			`// Use Entra ID or SAS tokens minted at run time for Azure Maps.`, `[A-Za-z0-9]{4}`, "AZMP", 7.0),
		caskRule("KV145", "azure-communication-services-key", "an Azure Communication Services access key is hardcoded",
			"Reports Azure Communication Services access keys.",
			"The key sends SMS, e-mail and calls as the resource, and mints identities and tokens.",
			`conn := "endpoint=https://acs.communication.azure.com/;accesskey=...JQQJ99...AZCS...."`,
			`client, err := azcommunication... // Entra ID auth with azidentity, no access key`, `[A-Za-z0-9]{4}`, "AZCS", 8.0),
		caskRule("KV146", "azure-ai-services-key", "an Azure AI Services (Cognitive Services) key is hardcoded",
			"Reports Azure AI Services / Cognitive Services keys (Speech, Language, Vision, Translator, Document "+
				"Intelligence, Content Safety and the others that share the ACOG signature); Azure OpenAI keys are KV147.",
			"Anyone with the key can call the resource's APIs at its expense.",
			`req.Header.Set("Ocp-Apim-Subscription-Key", "...JQQJ99...ACOG....")`, fmtGood("ai-services-key"),
			`AAA[AC-Za-o]`, "ACOG", 7.5),
		caskRule("KV147", "azure-openai-key", "an Azure OpenAI key is hardcoded",
			"Reports Azure OpenAI keys (the ACOG signature with the OpenAI service code).",
			"Anyone with the key can call the deployments at the resource's expense and read what its assistants hold.",
			`client := openai.NewClient(option.WithAPIKey("...JQQJ99...ACOG...."), option.WithBaseURL(endpoint))`,
			fmtGood("openai-key"), `AAAB`, "ACOG", 8.0, "openai"),
		caskRule("KV148", "azure-sql-cask-key", "an Azure SQL common annotated security key is hardcoded",
			"Reports Azure SQL private default cloud SA common annotated security keys.",
			"The key authenticates to the SQL service as the account it was issued for.",
			`pwd := "...JQQJ99...msql...."`, fmtGood("sql-key"), `[A-Za-z0-9]{4}`, "MSQL", 8.5, "database"),
	}
	rs = append(rs, azureCASKUnclassified(), azureEventGridRule(), teamsWebhookRule(), logicAppURLRule())
	addPlainBranches(rs)
	return rs
}

func fmtGood(name string) string { return strings.Replace(goodKeyVault, "%s", name, 1) }

// azureCASKUnclassified reports common annotated keys of providers without
// their own rule.
func azureCASKUnclassified() *Rule {
	tps, fps := caskSamples("KV149", "azure-cask-key", "AAAA", "TEST")
	r := &Rule{
		Info: info("KV149", "azure-cask-key", "a Microsoft common annotated security key is hardcoded",
			"Reports Microsoft common annotated security keys (84 or 88 characters, JQQJ9 at offset 52) of providers "+
				"that have no rule of their own, when the Marvin32 checksum at offset 80 holds (only under a secret "+
				"name when it does not).\n\nThe format is Microsoft's for access keys: whatever service issued it, it grants access.",
			`key := "...JQQJ99........"`, fmtGood("service-key"), rules.SeverityError, 7.5, "azure"),
		Keywords:     []string{"jqqj"},
		Pattern:      caskBefore + `(` + caskCore(`[A-Za-z0-9]{4}`, `[A-Za-z][A-Za-z0-9]{3}`) + `)` + caskAfter,
		SecretGroup:  1,
		windowBefore: 96, windowAfter: 48,
		Confirm: func(m Match) Confidence {
			s := m.Secret()
			for _, p := range knownCASKProviders {
				if strings.EqualFold(s[caskSigOff:caskSigOff+4], p) {
					return 0
				}
			}
			return checked(validCASK)(m)
		},
		prio:           1,
		TruePositives:  tps,
		FalsePositives: fps,
	}
	return r
}

// azureEventGridRule reports Event Grid keys in both their formats: the
// identifiable 44-character key (AZEG at 33) and the common annotated key.
func azureEventGridRule() *Rule {
	tps, fps := hisSamples(hisEventGrid, "KV138", "azure-event-grid-key")
	ctps, cfps := caskSamples("KV138", "azure-event-grid-key", "AAAA", "AZEG")
	return &Rule{
		Info: info("KV138", "azure-event-grid-key", "an Azure Event Grid access key is hardcoded",
			"Reports Azure Event Grid topic and namespace access keys in both formats: identifiable keys (44 "+
				"characters, AZEG at offset 33) and common annotated keys (AZEG at offset 76). Reported anywhere when "+
				"the Marvin32 checksum holds, only under a secret name when it does not.\n\n"+
				"The key publishes events that every subscriber trusts.",
			`req.Header.Set("aeg-sas-key", "...AZEG...=")`, fmtGood("event-grid-key"), rules.SeverityError, 7.5, "azure"),
		Keywords: []string{"azeg"},
		Pattern: hisBefore + `(` + hisEventGrid.core() + `)` + hisAfter + `|` +
			caskBefore + `(` + caskCore(`[A-Za-z0-9]{4}`, `(?i:AZEG)`) + `)` + caskAfter,
		SecretGroup:  -1,
		windowBefore: 96, windowAfter: 48,
		Confirm: checked(func(s string) bool {
			if len(s) == hisEventGrid.encLen() {
				return hisEventGrid.valid(s)
			}
			return validCASK(s)
		}),
		prio:           2,
		TruePositives:  append(tps, ctps...),
		FalsePositives: append(fps, cfps...),
	}
}

// teamsWebhookRule reports Microsoft Teams (Office 365 connector) incoming
// webhook URLs.
func teamsWebhookRule() *Rule {
	hook := fakeTeamsWebhook("KV150")
	legacy := strings.Replace(fakeTeamsWebhook("KV150/legacy"), "kvlintfake.webhook.office.com/webhookb2/", "outlook.office.com/webhook/", 1)
	zeros := "https://contoso.webhook.office.com/webhookb2/00000000-0000-0000-0000-000000000000@00000000-0000-0000-0000-000000000000/IncomingWebhook/00000000000000000000000000000000/00000000-0000-0000-0000-000000000000"
	const guid = `[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}`
	return &Rule{
		Info: info("KV150", "teams-webhook", "a Microsoft Teams incoming webhook URL is hardcoded",
			"Reports Microsoft Teams and Office 365 connector incoming webhook URLs "+
				"(https://<tenant>.webhook.office.com/webhookb2/..., https://outlook.office.com/webhook/...).\n\n"+
				"Anyone with the URL can post to the channel as the connector, which makes it a phishing vector.",
			`http.Post("https://contoso.webhook.office.com/webhookb2/...@.../IncomingWebhook/.../...", "application/json", body)`,
			`http.Post(os.Getenv("TEAMS_WEBHOOK_URL"), "application/json", body)`, rules.SeverityError, 6.5, "teams"),
		Keywords: []string{"webhook.office.com", "outlook.office.com/webhook", "outlook.office365.com/webhook"},
		Pattern: `https://(?:[A-Za-z0-9-]+\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/` +
			guid + `@` + guid + `/IncomingWebhook/([0-9A-Fa-f]{32})/` + guid + `(?:/V2[A-Za-z0-9_-]{20,})?`,
		windowBefore: 64, windowAfter: 256,
		Confirm: func(m Match) Confidence {
			// The 32 hex digits after IncomingWebhook/ are the secret part.
			i := strings.Index(m.Secret(), "/IncomingWebhook/")
			if i < 0 || entropy(m.Secret()[i+17:i+49]) < 3.0 {
				return 0
			}
			return High
		},
		TruePositives: []Sample{tp(hook), tpIn(`TEAMS_WEBHOOK="`+legacy+`"`, legacy)},
		FalsePositives: []Sample{
			fp(zeros),
			fp("https://contoso.webhook.office.com/webhookb2/"),
			fp("https://outlook.office.com/webhook/{group}@{tenant}/IncomingWebhook/{id}/{connector}"),
		},
	}
}

// logicAppURLRule reports Logic Apps and Power Automate HTTP trigger URLs
// that carry their sig= signature: the URL alone runs the workflow.
func logicAppURLRule() *Rule {
	u := fakeLogicAppURL("KV151")
	pa := strings.Replace(fakeLogicAppURL("KV151/pa"), "prod-00.westeurope.logic.azure.com:443/workflows/",
		"kvlintfake7c1e.12.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/", 1)
	noSig := u[:strings.Index(u, "&sig=")]
	return &Rule{
		Info: info("KV151", "logic-app-trigger-url", "a Logic Apps or Power Automate trigger URL with its signature is hardcoded",
			"Reports Azure Logic Apps and Power Automate HTTP trigger URLs (.../workflows/<id>/triggers/<name>/paths/invoke?...&sig=...). "+
				"A trigger URL without sig= is not reported.\n\n"+
				"The sig= signature is the only credential: anyone with the URL runs the workflow with whatever it can reach.",
			`http.Post("https://prod-00.westeurope.logic.azure.com:443/workflows/.../triggers/manual/paths/invoke?api-version=2016-10-01&sp=...&sv=1.0&sig=...", "application/json", body)`,
			`http.Post(os.Getenv("WORKFLOW_TRIGGER_URL"), "application/json", body) // or require Entra ID auth on the trigger`,
			rules.SeverityError, 7.0, "azure"),
		Keywords: []string{"logic.azure.", "powerplatform.com"},
		Requires: []string{"sig="},
		Pattern: `https://[A-Za-z0-9.-]+\.(?:logic\.azure\.(?:com|us|cn)|environment\.api\.powerplatform\.com)(?::443)?/` +
			`(?:powerautomate/automations/direct/)?workflows/[0-9A-Fa-f]{32}/triggers/[^/?\s"'<>]+/paths/invoke/?\?` +
			`[^\s"'<>]*?[?&]sig=([A-Za-z0-9_%-]{20,})`,
		windowBefore: 512, windowAfter: 512,
		MinEntropy: 3.5,
		Confirm: func(m Match) Confidence {
			i := strings.LastIndex(m.Secret(), "sig=")
			if i < 0 || entropy(m.Secret()[i+4:]) < 3.5 || IsPlaceholder(m.Secret()[i+4:]) {
				return 0
			}
			return High
		},
		prio:          2,
		TruePositives: []Sample{tp(u), tpIn(`"url": "`+pa+`"`, pa)},
		FalsePositives: []Sample{
			fp(noSig),
			fp(noSig + "&sig={signature}"),
			fp("https://prod-00.westeurope.logic.azure.com/workflows/"),
		},
	}
}
