package detect

// fakeGenerators maps a rule ID to a generator of deterministic fakes that
// the rule reports with its highest confidence: checksum-valid where the
// format has a checksum. Each provider file adds its rules' generators in
// an init function (fakeGenerators["KV500"] = ...); FakeFor reads it.
var fakeGenerators = map[string]func(seed string) string{
	"KV101": fakeEntraSecret,
	"KV102": hisStorage.fake,
	"KV105": hisServiceBus.fake,
	"KV106": hisCosmos.fake,
	"KV107": func(seed string) string { return fakeCASK(seed, "AAAA", "AZDO") },
	"KV130": hisEventHubs.fake,
	"KV131": hisRelay.fake,
	"KV132": hisRedis.fake,
	"KV133": hisFunctions.fake,
	"KV134": hisSearch.fake,
	"KV135": hisACR.fake,
	"KV136": hisAPIM.fake,
	"KV137": hisIoT.fake,
	"KV138": hisEventGrid.fake,
	"KV139": hisBatch.fake,
	"KV140": hisMLClassic.fake,
	"KV141": func(seed string) string { return fakeCASK(seed, "AAAA", "AZAC") },
	"KV142": func(seed string) string { return fakeCASK(seed, "AAAA", "AZFR") },
	"KV143": func(seed string) string { return fakeCASK(seed, "AAAA", "AZMR") },
	"KV144": func(seed string) string { return fakeCASK(seed, "AAAA", "AZMP") },
	"KV145": func(seed string) string { return fakeCASK(seed, "AAAA", "AZCS") },
	"KV146": func(seed string) string { return fakeCASK(seed, "AAAA", "ACOG") },
	"KV147": func(seed string) string { return fakeCASK(seed, "AAAB", "ACOG") },
	"KV148": func(seed string) string { return fakeCASK(seed, "AAAA", "msql") },
	"KV149": func(seed string) string { return fakeCASK(seed, "AAAA", "TEST") },
	"KV150": fakeTeamsWebhook,
	"KV151": fakeLogicAppURL,
}

// FakeFor returns a deterministic fake credential, derived from seed, that
// rule ruleID reports with its highest confidence (checksum-valid where the
// format has a checksum), and false when no generator is known for the
// rule. Fakes are for tests and labelled sets: they are generated, never
// real credentials.
func FakeFor(ruleID, seed string) (string, bool) {
	g, ok := fakeGenerators[ruleID]
	if !ok {
		return "", false
	}
	return g(seed), true
}

// fakeGUID returns a GUID-shaped fake derived from seed.
func fakeGUID(seed string) string {
	h := Fake(seed, HexLower, 32)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// fakeTeamsWebhook returns a fake Microsoft Teams incoming webhook URL.
func fakeTeamsWebhook(seed string) string {
	return "https://kvlintfake.webhook.office.com/webhookb2/" + fakeGUID(seed+"/group") + "@" + fakeGUID(seed+"/tenant") +
		"/IncomingWebhook/" + Fake(seed+"/hook", HexLower, 32) + "/" + fakeGUID(seed+"/connector")
}

// fakeLogicAppURL returns a fake Logic Apps / Power Automate HTTP trigger
// URL with its sig= signature.
func fakeLogicAppURL(seed string) string {
	return "https://prod-00.westeurope.logic.azure.com:443/workflows/" + Fake(seed+"/wf", HexLower, 32) +
		"/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" +
		Fake(seed+"/sig", Base64URLChars, 43)
}
