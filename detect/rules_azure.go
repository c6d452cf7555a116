package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Azure credential formats follow Microsoft's security-utilities rules
// (SEC101/xxx). Identifiable keys carry a fixed signature at a fixed offset
// and a Marvin32 checksum (azure_keys.go): +ASt storage, ACDb Cosmos, +ASb
// Service Bus; the other families are in azure_families.go.

const (
	b64Run    = `[A-Za-z0-9+/]`
	notB64    = `(?:[^A-Za-z0-9+/=]|$)`
	b64Before = `(?:^|[^A-Za-z0-9+/])`
)

// storageKeyName reports whether the context names a storage key: a word
// storage, accountkey or storagekey, or the words "account key".
func storageKeyName(ctx Context) bool {
	for _, n := range [...]string{ctx.Name, ctx.Key, ctx.Call} {
		if hasWordSeq(n, "storage") || hasWordSeq(n, "accountkey") || hasWordSeq(n, "storagekey") ||
			hasWordSeq(n, "account", "key") {
			return true
		}
	}
	return false
}

func azureRules() []*Rule {
	entra := fakeEntraSecret("entra")
	entraNoSum := breakChecksum(entra, 20)
	entraLegacy := Fake("entra7", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 3) + "7Q~" +
		Fake("entra7-body", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-", 31)
	storageID := hisStorage.fake("storage")
	storageBad := breakChecksum(storageID, 40)
	storagePlain := Fake("storage-plain", Base64Chars, 86) + "=="
	cosmosID := hisCosmos.fake("cosmos")
	cosmosBad := breakChecksum(cosmosID, 40)
	cosmosPlain := Fake("cosmos-plain", Base64Chars, 86) + "=="
	sbID := hisServiceBus.fake("servicebus")
	sbBad := breakChecksum(sbID, 20)
	sbPlain := Fake("sb-plain", Base64Chars, 43) + "="
	sig := strings.NewReplacer("+", "%2B", "/", "%2F").Replace(Fake("sas", Base64Chars, 43)) + "%3D"
	adoPAT := fakeCASK("ado", "AAAA", "AZDO")
	adoBad := breakChecksum(adoPAT, 10)
	adoLegacy := Fake("ado-legacy", Base32Lower, 52)
	adoLegacyOK := fakeADOLegacyPAT("ado-legacy")

	return []*Rule{
		{
			Info: info("KV101", "azure-entra-client-secret",
				"a Microsoft Entra ID (Azure AD) client secret is hardcoded",
				"Reports Microsoft Entra ID application client secrets by their format: three characters, "+
					"a version digit 7 or 8, the Q~ marker and 31-34 more characters, anywhere. Current (8Q~) secrets "+
					"whose last three characters are their Marvin32 checksum are certain (high confidence); other "+
					"secrets of the format are reported at medium confidence.\n\n"+
					"A client secret lets anyone act as the application in every tenant it is registered in.",
				`cred, err := azidentity.NewClientSecretCredential(tenantID, clientID, "abc8Q~...", nil)`,
				`cred, err := azidentity.NewDefaultAzureCredential(nil) // managed identity, no secret`,
				rules.SeverityError, 9.0, "azure"),
			Keywords:     []string{"q~"},
			Pattern:      `(?:^|[^~.A-Za-z0-9_-])([~.A-Za-z0-9_-]{3}[78]Q~[~.A-Za-z0-9_-]{31,34})(?:[^~.A-Za-z0-9_-]|$)`,
			windowBefore: 8, windowAfter: 40,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if validEntraSecret(m.Secret()) {
					return High
				}
				return Medium
			},
			TruePositives: []Sample{
				tp(entra),
				tpIn(`AZURE_CLIENT_SECRET="`+entra+`"`, entra),
				tp(entraNoSum),
				tp(entraLegacy),
			},
			FalsePositives: []Sample{
				fp("abc8Q~" + strings.Repeat("a", 34)),
				fp(entra[:20]),
				fp("https://example.net/?q~=search"),
				fp("abc7Q~short"),
			},
		},
		{
			Info: info("KV102", "azure-storage-account-key",
				"an Azure Storage account key is hardcoded",
				"Reports Azure Storage account keys: 86 base64 characters and ==. Identifiable keys "+
					"(the +ASt signature at offset 76 and a Marvin32 checksum that holds) are reported anywhere; "+
					"a +ASt key whose checksum fails only under a secret name; other 88-character base64 "+
					"values only when their name mentions storage or an account key.\n\n"+
					"An account key grants full control of every blob, queue, table and file share in the account.",
				`const storageKey = "...+ASt....=="`,
				`cred, _ := azidentity.NewDefaultAzureCredential(nil)
client, err := azblob.NewClient(accountURL, cred, nil) // Entra ID auth, no key`,
				rules.SeverityError, 9.0, "azure"),
			Keywords:     []string{"+ast", "accountkey"},
			NameKeywords: []string{"storage", "accountkey", "storagekey", "account"},
			Pattern:      b64Before + `(` + b64Run + `{86}==)` + notB64,
			windowBefore: 84, windowAfter: 100, // +ASt is at 76; AccountKey= comes before the key
			SecretGroup: 1,
			MinEntropy:  4.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if s[76:80] == "+ASt" {
					if hisStorage.valid(s) {
						return High
					}
					if secretNamed(m.Context) || storageKeyName(m.Context) {
						return Medium
					}
					return 0
				}
				if (m.NameHit && storageKeyName(m.Context)) || precededBy(m, "accountkey") {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(storageID),
				tpIn("AccountKey: "+storagePlain, storagePlain),
				tpIn(`"AccountKey": "`+storagePlain+`"`, storagePlain),
				tpIn(`"key": "`+storageID+`"`, storageID),
				tpCtx(storageBad, ctxName("accountKey")),
				tpCtx(storagePlain, ctxName("storageAccountKey")),
				tpCtx(storagePlain, Context{Kind: KindCallArg, Call: "os.Setenv", Key: "AZURE_STORAGE_KEY"}),
				tpCtx(storagePlain, Context{Kind: KindField, Name: "AccountKey"}), // Azure's own name for it
			},
			FalsePositives: []Sample{
				fp(storagePlain), // 64 random bytes, no signature, no name: could be any digest
				fp("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="),
				fpCtx(storagePlain, ctxName("sha512Digest")),
				fp("DiskKey=" + storagePlain),
				fp(storageBad),                       // +ASt whose checksum fails, no name
				fp(storageID[1:77] + storageID[77:]), // the signature one character early
				fp(storageID[:86]),                   // truncated
				fp("A" + storageID),                  // one character too many
			},
		},
		{
			Info: info("KV103", "azure-storage-connection-string",
				"an Azure Storage connection string with an account key is hardcoded",
				"Reports Azure Storage connection strings (DefaultEndpointsProtocol=...;AccountName=...;"+
					"AccountKey=...). The emulator's UseDevelopmentStorage=true and the public Azurite key are allowed.\n\n"+
					"The account key in it grants full control of the storage account.",
				`conn := "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=...==;EndpointSuffix=core.windows.net"`,
				`client, err := azblob.NewClient("https://acct.blob.core.windows.net/", cred, nil)`,
				rules.SeverityError, 9.0, "azure"),
			Keywords:    []string{"accountkey"},
			Requires:    []string{"accountname=", "defaultendpointsprotocol=", ".core.windows.net", "blobendpoint=", "endpointsuffix="},
			Pattern:     `(?i:accountkey)\s*=\s*(` + b64Run + `{40,}={0,2})`,
			SecretGroup: 1,
			MinEntropy:  4.0,
			Confidence:  High,
			prio:        1,
			TruePositives: []Sample{
				tpIn("DefaultEndpointsProtocol=https;AccountName=kvlintfake;AccountKey="+storagePlain+";EndpointSuffix=core.windows.net", storagePlain),
				tpIn("AccountName=kvlintfake;AccountKey="+storageID, storageID),
			},
			FalsePositives: []Sample{
				fp("UseDevelopmentStorage=true"),
				fp("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"),
				fp("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${STORAGE_KEY};EndpointSuffix=core.windows.net"),
				fp("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=<key>"),
			},
		},
		{
			Info: info("KV104", "azure-sas-token",
				"an Azure shared access signature (SAS) is hardcoded",
				"Reports shared access signatures: a query string or SharedAccessSignature with sig= and "+
					"the SAS fields (sv=, se=, sp=, sr=, skn=).\n\n"+
					"Anyone holding the URL has the access it grants until it expires, and SAS tokens are often "+
					"issued with long expiries.",
				`url := "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&se=2030-01-01&sig=..."`,
				`// Use a user delegation SAS minted at run time, or Entra ID auth.
client, err := azblob.NewClient(accountURL, cred, nil)`,
				rules.SeverityError, 8.0, "azure"),
			Keywords:    []string{"sig="},
			Requires:    []string{"sv=", "se=", "sp=", "sr=", "skn=", "sharedaccesssignature"},
			Pattern:     `(?:^|[?&;\s])sig=([A-Za-z0-9%+/]{30,}(?:%3[dD]|=){0,2})`,
			SecretGroup: 1,
			MinEntropy:  4.0,
			Confidence:  High,
			prio:        1,
			TruePositives: []Sample{
				tpIn("https://kvlintfake.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&sig="+sig, sig),
				tpIn("SharedAccessSignature sr=kvlintfake.servicebus.windows.net&sig="+sig+"&se=1900000000&skn=RootManageSharedAccessKey", sig),
			},
			FalsePositives: []Sample{
				fp("https://example.net/?sig=abc&sv=1"),
				fp("sig=" + sig), // no SAS fields: some other signature
				fp("https://kvlintfake.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=%s"),
			},
		},
		{
			Info: info("KV105", "azure-shared-access-key",
				"an Azure Service Bus, Event Hubs or Relay shared access key is hardcoded",
				"Reports SharedAccessKey= (44 base64 characters: 32 bytes) in Service Bus, Event Hubs, Relay and "+
					"IoT Hub connection strings, and identifiable Service Bus keys (+ASb at offset 33 and a Marvin32 checksum "+
					"that holds) anywhere; a +ASb key whose checksum fails only under a secret name. Identifiable "+
					"Event Hubs and Relay keys are KV130 and KV131.\n\n"+
					"A namespace key with Manage rights lets anyone send, receive and reconfigure the namespace.",
				`conn := "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=..."`,
				`client, err := azservicebus.NewClient("ns.servicebus.windows.net", cred, nil)`,
				rules.SeverityError, 8.5, "azure"),
			Keywords:     []string{"sharedaccesskey", "+asb"},
			Pattern:      `(?i:sharedaccesskey)\s*=\s*(` + b64Run + `{43}=)` + notB64 + `|` + hisServiceBus.pattern(),
			windowBefore: 64, windowAfter: 64,
			SecretGroup: -1,
			MinEntropy:  3.8,
			prio:        1,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if hisServiceBus.valid(s) {
					return High
				}
				if m.Start > 0 && (m.Value[m.Start-1] == '=' || m.Value[m.Start-1] == ' ') && m.Near("sharedaccesskey", 24) {
					return High // the connection string names it
				}
				if secretNamed(m.Context) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tpIn("Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="+sbPlain, sbPlain),
				tpIn("Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey="+sbID+";EntityPath=q", sbID),
				tp(sbID),
				tpIn("key: "+sbID, sbID),
				tpCtx(sbBad, ctxName("sharedAccessKey")),
			},
			FalsePositives: []Sample{
				fp(sbBad),
				fp(sbID[1:34] + sbID[34:]),
				fp(sbID[:40]),
				fp("Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"),
				fp("SharedAccessKeyName=RootManageSharedAccessKey"),
			},
		},
		{
			Noun: "azure cosmos db key",
			Info: info("KV106", "azure-cosmos-key",
				"an Azure Cosmos DB account key is hardcoded",
				"Reports Cosmos DB keys: identifiable keys (ACDb signature at offset 76 and a Marvin32 checksum "+
					"that holds) anywhere, ACDb keys whose checksum fails under a secret name, and "+
					"AccountKey= in Cosmos connection strings (AccountEndpoint=https://...documents.azure.com). "+
					"The public emulator key is allowed.\n\nA primary key allows reading and writing every database in the account.",
				`client, err := azcosmos.NewClientWithKey(endpoint, azcosmos.NewKeyCredential("...ACDb...=="), nil)`,
				`client, err := azcosmos.NewClient(endpoint, cred, nil) // Entra ID auth`,
				rules.SeverityError, 9.0, "azure"),
			Keywords:     []string{"acdb", "documents.azure.com", "accountendpoint"},
			NameKeywords: []string{"cosmos", "cosmosdb", "documentdb"},
			Pattern:      b64Before + `(` + b64Run + `{76}ACDb` + b64Run + `{5}[AQgw]==)` + notB64 + `|(?i:accountkey)\s*=\s*(` + b64Run + `{86}==)|` + b64Before + `(` + b64Run + `{86}==)` + notB64,
			SecretGroup:  -1,
			MinEntropy:   4.5,
			prio:         1,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				switch {
				case s[76:80] == "ACDb" && hisCosmos.valid(s):
					return High
				case m.Near("documents.azure.com", 512) || m.Near("accountendpoint=", 512):
					return High
				case m.NameHit:
					return Medium
				case s[76:80] == "ACDb" && secretNamed(m.Context):
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(cosmosID),
				tpIn("primary_key = "+cosmosID, cosmosID),
				tpCtx(cosmosBad, ctxName("masterKey")),
				tpIn("AccountEndpoint=https://kvlintfake.documents.azure.com:443/;AccountKey="+cosmosPlain+";", cosmosPlain),
				tpCtx(cosmosPlain, ctxName("cosmosKey")),
			},
			FalsePositives: []Sample{
				fp("AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="),
				fp("https://kvlintfake.documents.azure.com:443/"),
				fp(cosmosBad),
				fp(cosmosID[1:77] + cosmosID[77:]),
				fp(cosmosID[:84]),
			},
		},
		{
			Noun: "azure devops personal access token",
			Info: info("KV107", "azure-devops-pat",
				"an Azure DevOps personal access token is hardcoded",
				"Reports Azure DevOps personal access tokens: the 84-character common annotated format (JQQJ9 at "+
					"offset 52, AZDO at 76) anywhere when its Marvin32 checksum holds, and under a secret name when "+
					"it does not; the legacy 52-character base32 format when the name or the value says Azure DevOps "+
					"(certain when its embedded CRC32 holds; one whose checksum fails only under a name).\n\nA PAT acts as its user on every "+
					"organization it is scoped to.",
				`req.SetBasicAuth("", "...JQQJ99...AZDO....")`,
				`// Use a service principal or managed identity with Entra ID tokens for Azure DevOps.`,
				rules.SeverityError, 8.5, "azure", "azure-devops"),
			Keywords:     []string{"jqqj", "azdo", "dev.azure.com", "visualstudio.com"},
			NameKeywords: []string{"pat", "ado", "devops", "azdo", "vsts"},
			Pattern:      `(?:^|[^0-9A-Za-z])(` + caskCore(`[A-Za-z0-9]{4}`, `(?i:AZDO)`) + `|[2-7a-z]{52})(?:[^0-9A-Za-z]|$)`,
			windowBefore: 256, windowAfter: 256,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if len(s) != 52 {
					if validCASK(s) {
						return High
					}
					if m.NameHit || secretNamed(m.Context) {
						return Medium
					}
					return 0
				}
				// The rule ran on the name or on dev.azure.com nearby; a
				// legacy PAT whose checksum fails needs the name.
				if validADOLegacyPAT(s) {
					return High
				}
				if m.NameHit || secretNamed(m.Context) {
					return Medium
				}
				return 0
			},
			prio: 2,
			TruePositives: []Sample{
				tp(adoPAT),
				tpCtx(adoLegacyOK, ctxName("azdoToken")),
				tpIn("https://dev.azure.com/kvlintfake/_apis/projects?pat="+adoLegacyOK, adoLegacyOK),
				tpIn("AZURE_DEVOPS_EXT_PAT="+adoPAT, adoPAT),
				tpCtx(adoBad, ctxName("adoPAT")),
				tpCtx(adoLegacy, ctxName("adoPAT")),
			},
			FalsePositives: []Sample{
				fp(adoLegacy), // 52 base32 characters alone: not enough
				fp("https://dev.azure.com/kvlintfake/_apis/projects?pat=" + adoLegacy), // checksum fails, no name
				fpCtx(strings.Repeat("abcd", 13), ctxName("adoPAT")),
				fp(adoBad),
				fp(adoPAT[1:53] + adoPAT[53:]),
				fp(adoPAT[:80]),
			},
		},
	}
}
