package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Azure credential formats follow Microsoft's security-utilities rules
// (SEC101/xxx). Identifiable keys carry a fixed signature at a fixed offset
// (+ASt storage, ACDb Cosmos, +ASb/+AEh/+ARm Service Bus, Event Hubs, Relay).

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
	entra := Fake("entra", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 3) + "8Q~" +
		Fake("entra-body", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-", 34)
	storageID := Fake("storage", b64chars, 76) + "+ASt" + Fake("storage-tail", b64chars, 5) + "w=="
	storagePlain := Fake("storage-plain", b64chars, 86) + "=="
	cosmosID := Fake("cosmos", b64chars, 76) + "ACDb" + Fake("cosmos-tail", b64chars, 5) + "Q=="
	cosmosPlain := Fake("cosmos-plain", b64chars, 86) + "=="
	sbID := Fake("servicebus", b64chars, 33) + "+ASb" + Fake("sb-tail", b64chars, 5) + "="
	ehID := Fake("eventhubs", b64chars, 33) + "+AEh" + Fake("eh-tail", b64chars, 5) + "="
	sbPlain := Fake("sb-plain", b64chars, 43) + "="
	sig := strings.NewReplacer("+", "%2B", "/", "%2F").Replace(Fake("sas", b64chars, 43)) + "%3D"
	adoPAT := Fake("ado", alnum, 52) + "JQQJ99" + Fake("ado-mid", alnum, 18) + "AZDO" + Fake("ado-tail", alnum, 4)
	adoLegacy := Fake("ado-legacy", base32low, 52)

	return []*Rule{
		{
			Info: info("KV101", "azure-entra-client-secret",
				"a Microsoft Entra ID (Azure AD) client secret is hardcoded",
				"Reports Microsoft Entra ID application client secrets by their format: three characters, "+
					"a version digit 7 or 8, the Q~ marker and 31-34 more characters.\n\n"+
					"A client secret lets anyone act as the application in every tenant it is registered in.",
				`cred, err := azidentity.NewClientSecretCredential(tenantID, clientID, "abc8Q~...", nil)`,
				`cred, err := azidentity.NewDefaultAzureCredential(nil) // managed identity, no secret`,
				rules.SeverityError, 9.0, "azure"),
			Keywords:     []string{"q~"},
			Pattern:      `(?:^|[^~.A-Za-z0-9_-])([~.A-Za-z0-9_-]{3}[78]Q~[~.A-Za-z0-9_-]{31,34})(?:[^~.A-Za-z0-9_-]|$)`,
			windowBefore: 8, windowAfter: 40,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confidence:  High,
			TruePositives: []Sample{
				tp(entra),
				tpIn(`AZURE_CLIENT_SECRET="`+entra+`"`, entra),
			},
			FalsePositives: []Sample{
				fp("abc8Q~" + strings.Repeat("a", 34)),
				fp("https://example.net/?q~=search"),
				fp("abc7Q~short"),
			},
		},
		{
			Info: info("KV102", "azure-storage-account-key",
				"an Azure Storage account key is hardcoded",
				"Reports Azure Storage account keys: 86 base64 characters and ==. Identifiable keys "+
					"(with the +ASt signature at offset 76) are reported anywhere; other 88-character base64 "+
					"values only when their name mentions storage or an account key.\n\n"+
					"An account key grants full control of every blob, queue, table and file share in the account.",
				`const storageKey = "...+ASt....=="`,
				`cred, _ := azidentity.NewDefaultAzureCredential(nil)
client, err := azblob.NewClient(accountURL, cred, nil) // Entra ID auth, no key`,
				rules.SeverityError, 9.0, "azure"),
			Keywords:     []string{"+ast"},
			NameKeywords: []string{"storage", "accountkey", "storagekey", "account"},
			Pattern:      b64Before + `(` + b64Run + `{86}==)` + notB64,
			windowBefore: 84, windowAfter: 12,
			SecretGroup: 1,
			MinEntropy:  4.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if s[76:80] == "+ASt" {
					return High
				}
				if m.NameHit && storageKeyName(m.Context) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(storageID),
				tpCtx(storagePlain, ctxName("storageAccountKey")),
				tpCtx(storagePlain, Context{Kind: KindCallArg, Call: "os.Setenv", Key: "AZURE_STORAGE_KEY"}),
				tpCtx(storagePlain, Context{Kind: KindField, Name: "AccountKey"}), // Azure's own name for it
			},
			FalsePositives: []Sample{
				fp(storagePlain), // 64 random bytes, no signature, no name: could be any digest
				fp("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="),
				fpCtx(storagePlain, ctxName("sha512Digest")),
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
				"Reports SharedAccessKey= in Service Bus, Event Hubs and Relay connection strings, and "+
					"identifiable keys (+ASb, +AEh, +ARm signatures) anywhere.\n\n"+
					"A namespace key with Manage rights lets anyone send, receive and reconfigure the namespace.",
				`conn := "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=..."`,
				`client, err := azservicebus.NewClient("ns.servicebus.windows.net", cred, nil)`,
				rules.SeverityError, 8.5, "azure"),
			Keywords:     []string{"sharedaccesskey", "+asb", "+aeh", "+arm"},
			Pattern:      `(?i:sharedaccesskey)\s*=\s*(` + b64Run + `{42,43}=)|` + b64Before + `(` + b64Run + `{33}\+A(?:Sb|Eh|Rm)` + b64Run + `{5}=)` + notB64,
			windowBefore: 64, windowAfter: 64,
			SecretGroup: -1,
			MinEntropy:  3.8,
			Confidence:  High,
			prio:        1,
			TruePositives: []Sample{
				tpIn("Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="+sbPlain, sbPlain),
				tp(sbID),
				tpIn("key: "+ehID, ehID),
			},
			FalsePositives: []Sample{
				fp("Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"),
				fp("SharedAccessKeyName=RootManageSharedAccessKey"),
			},
		},
		{
			Noun: "azure cosmos db key",
			Info: info("KV106", "azure-cosmos-key",
				"an Azure Cosmos DB account key is hardcoded",
				"Reports Cosmos DB keys: identifiable keys (ACDb signature at offset 76) anywhere, and "+
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
				case s[76:80] == "ACDb":
					return High
				case m.Near("documents.azure.com", 512) || m.Near("accountendpoint=", 512):
					return High
				case m.NameHit:
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(cosmosID),
				tpIn("AccountEndpoint=https://kvlintfake.documents.azure.com:443/;AccountKey="+cosmosPlain+";", cosmosPlain),
				tpCtx(cosmosPlain, ctxName("cosmosKey")),
			},
			FalsePositives: []Sample{
				fp("AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="),
				fp("https://kvlintfake.documents.azure.com:443/"),
			},
		},
		{
			Noun: "azure devops personal access token",
			Info: info("KV107", "azure-devops-pat",
				"an Azure DevOps personal access token is hardcoded",
				"Reports Azure DevOps personal access tokens: the 84-character identifiable format (JQQJ and "+
					"AZDO markers) anywhere, and the legacy 52-character base32 format when the name or the "+
					"value says Azure DevOps.\n\nA PAT acts as its user on every organization it is scoped to.",
				`req.SetBasicAuth("", "...JQQJ99...AZDO....")`,
				`// Use a service principal or managed identity with Entra ID tokens for Azure DevOps.`,
				rules.SeverityError, 8.5, "azure", "azure-devops"),
			Keywords:     []string{"jqqj", "azdo", "dev.azure.com", "visualstudio.com"},
			NameKeywords: []string{"pat", "ado", "devops", "azdo", "vsts"},
			Pattern:      `(?:^|[^0-9A-Za-z])([0-9A-Za-z]{52}JQQJ[0-9A-Za-z]{20}AZDO[0-9A-Za-z]{4}|[2-7a-z]{52})(?:[^0-9A-Za-z]|$)`,
			windowBefore: 256, windowAfter: 256,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				if m.End-m.Start == 84 {
					return High
				}
				if m.NameHit || m.Near("dev.azure.com", 256) || m.Near("visualstudio.com", 256) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tp(adoPAT),
				tpCtx(adoLegacy, ctxName("adoPAT")),
				tpIn("https://dev.azure.com/kvlintfake/_apis/projects?pat="+adoLegacy, adoLegacy),
			},
			FalsePositives: []Sample{
				fp(adoLegacy), // 52 base32 characters alone: not enough
				fpCtx(strings.Repeat("abcd", 13), ctxName("adoPAT")),
			},
		},
	}
}
