package migrate

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/scan/history"
)

// Rotation says where a kind of credential is rotated and its old value
// revoked, and for Azure credentials the shape of the az CLI commands that
// do it (placeholders in angle brackets, never a secret).
type Rotation struct {
	Where    string   `yaml:"where" json:"where"`                           // where the credential is rotated and revoked (a portal page, a service)
	Commands []string `yaml:"commands,omitempty" json:"commands,omitempty"` // az CLI command shapes, placeholders in angle brackets
}

// rotations is the rotation advice, keyed by rule ID: the one place it is
// written. Rules without an entry fall back by the credential family their
// name names (rotationFamilies), then to rotateAnywhere.
var rotations = map[string]Rotation{
	"KV101": {Where: "Microsoft Entra ID, the app registration's Certificates & secrets: add a new client secret, deploy it, then delete the leaked one",
		Commands: []string{"az ad app credential reset --id <app-id> --append --display-name <name>", "az ad app credential delete --id <app-id> --key-id <leaked-key-id>"}},
	"KV102": {Where: "the storage account's Access keys: regenerate the leaked key (SAS tokens signed with it stop working)",
		Commands: []string{"az storage account keys renew --account-name <account> --resource-group <group> --key primary"}},
	"KV103": {Where: "the storage account's Access keys: regenerate the key the connection string carries",
		Commands: []string{"az storage account keys renew --account-name <account> --resource-group <group> --key primary"}},
	"KV104": {Where: "a SAS cannot be revoked by itself: regenerate the storage account key that signed it, delete or change its stored access policy, or revoke the user delegation keys",
		Commands: []string{"az storage account keys renew --account-name <account> --resource-group <group> --key <primary|secondary>",
			"az storage container policy delete --account-name <account> --container-name <container> --name <policy>",
			"az storage account revoke-delegation-keys --name <account> --resource-group <group>"}},
	"KV105": {Where: "the Service Bus, Event Hubs or Relay namespace's shared access policy: regenerate its key",
		Commands: []string{"az servicebus namespace authorization-rule keys renew --resource-group <group> --namespace-name <namespace> --name <policy> --key PrimaryKey",
			"az eventhubs namespace authorization-rule keys renew --resource-group <group> --namespace-name <namespace> --name <policy> --key PrimaryKey",
			"az relay namespace authorization-rule keys renew --resource-group <group> --namespace-name <namespace> --name <policy> --key PrimaryKey"}},
	"KV106": {Where: "the Cosmos DB account's Keys: regenerate the leaked key",
		Commands: []string{"az cosmosdb keys regenerate --name <account> --resource-group <group> --key-kind <primary|secondary|primaryReadonly|secondaryReadonly>"}},
	"KV107": {Where: "Azure DevOps, User settings > Personal access tokens: revoke the token and create a new one (an organization admin can revoke any user's tokens)"},
	"KV108": {Where: "the database server: change the user's password (Azure SQL: prefer Microsoft Entra authentication with a managed identity)",
		Commands: []string{"az sql server update --name <server> --resource-group <group> --admin-password <new-password-from-a-prompt>"}},
	"KV109": {Where: "the Redis server: change the password (Azure Cache for Redis: regenerate the access key)",
		Commands: []string{"az redis regenerate-keys --name <cache> --resource-group <group> --key-type <Primary|Secondary>"}},
	"KV110": {Where: "AWS IAM: create a new access key for the user, deploy it, then deactivate and delete the leaked one"},
	"KV111": {Where: "AWS IAM: create a new access key for the user, deploy it, then deactivate and delete the leaked one"},
	"KV112": {Where: "GitHub: revoke the token (Settings > Developer settings > Personal access tokens, or the GitHub App or OAuth app that issued it) and create a new one"},
	"KV113": {Where: "GitLab: revoke the personal, project or group access token and create a new one"},
	"KV114": {Where: "Slack, the app's OAuth & Permissions page (api.slack.com/apps): revoke the token and reinstall or rotate it"},
	"KV115": {Where: "Slack, the app's Incoming Webhooks page: remove the webhook URL and add a new one"},
	"KV116": {Where: "the Stripe Dashboard, Developers > API keys: roll the key"},
	"KV117": {Where: "the Stripe Dashboard, Developers > Webhooks, the endpoint: roll the signing secret"},
	"KV118": {Where: "SendGrid, Settings > API Keys: delete the key and create a new one"},
	"KV119": {Where: "the Twilio Console, API keys & tokens: delete the API key, or promote the secondary auth token"},
	"KV120": {Where: "the Google Cloud console, APIs & Services > Credentials: regenerate the key and restrict the new one"},
	"KV121": {Where: "npmjs.com, Access Tokens: revoke the token (npm token revoke <id>) and create a new one"},
	"KV122": {Where: "pypi.org, Account settings > API tokens: remove the token and create a new one"},
	"KV123": {Where: "Datadog, Organization settings > API keys or Application keys: revoke the key and create a new one"},
	"KV124": {Where: "the issuer that signed it: a JWT cannot be revoked by itself; revoke the session or refresh token at the issuer, and rotate the signing key if it leaked"},
	"KV125": {Where: "wherever the public key is trusted: issue a new key pair, replace the certificate or authorized key, and revoke the old certificate"},
}

// rotationFamilies map a word of a rule's name to the rule whose advice
// applies, for rules the table does not list (an Azure key family added
// later): the first match wins.
var rotationFamilies = []struct{ word, rule string }{
	{"azure-entra", "KV101"}, {"client-secret", "KV101"},
	{"azure-sas", "KV104"}, {"azure-storage", "KV102"},
	{"service-bus", "KV105"}, {"event-hub", "KV105"}, {"relay", "KV105"}, {"shared-access", "KV105"},
	{"cosmos", "KV106"}, {"azure-devops", "KV107"}, {"redis", "KV109"},
	{"aws", "KV110"}, {"github", "KV112"}, {"gitlab", "KV113"}, {"slack-webhook", "KV115"}, {"slack", "KV114"},
	{"stripe-webhook", "KV117"}, {"stripe", "KV116"}, {"private-key", "KV125"},
}

// rotateAnywhere is the advice for a credential of no known kind.
var rotateAnywhere = Rotation{Where: "the service that issued it: change the password or regenerate the credential, then revoke the old value"}

// RotationFor returns where a credential found by rule (ID and name) is
// rotated.
func RotationFor(id, name string) Rotation {
	if r, ok := rotations[id]; ok {
		return r
	}
	for _, f := range rotationFamilies {
		if strings.Contains(name, f.word) {
			return rotations[f.rule]
		}
	}
	return rotateAnywhere
}

// Kinds of rotation items.
const (
	RotateHistoryOnly = "in history only: rotate it and revoke the old value"
	RotateMigrated    = "stored in the vault; the old value is still in history: rotate"
	RotatePlanned     = "to be stored in the vault; the old value stays in history: rotate it after migrating"
	RotateInTree      = "still in the tree, outside what migrate rewrites: move it, then rotate"
	RotateUnscanned   = "stored in the vault; no git history was scanned: rotate it if it was ever committed or shared"
)

// RotateItem is one credential to rotate: a value found in the git history
// or migrated, where it appeared, and where it is rotated.
type RotateItem struct {
	Rule     string   `yaml:"rule" json:"rule"`                         // rule ID that found the value
	Name     string   `yaml:"secret,omitempty" json:"secret,omitempty"` // the vault secret name, for migrated values
	Finding  string   `yaml:"finding" json:"finding"`                   // redacted
	Status   string   `yaml:"status" json:"status"`                     // one of the Rotate* sentences
	Places   []string `yaml:"places,omitempty" json:"places,omitempty"` // path:line (first COMMIT DATE, last COMMIT DATE)
	Rotation `yaml:",inline"`
}

// historyScan is the history scan of the module's repository, kept for the
// rotation list; it runs once per migration.
type historyScan struct {
	res  *history.Result
	note string // why there is no history, or what is missing from it
}

// scanHistory scans the git history of the repository that holds the
// module (all refs), with the same configuration as the migration.
func (m *migration) scanHistory() *historyScan {
	if m.opts.NoHistory {
		return &historyScan{note: "history scan turned off: the rotation list covers the migrated values only"}
	}
	var opts history.Options
	opts.Dir = m.root
	if m.opts.Config != "" {
		opts.Config = &config.Source{Path: m.opts.Config}
	}
	res, err := history.Run(opts)
	if err != nil {
		return &historyScan{note: fmt.Sprintf("no git history scanned (%v): the rotation list covers the migrated values only", m.out.scrub(err.Error()))}
	}
	hs := &historyScan{res: res}
	if res.Err != nil {
		hs.note = "the history scan is incomplete: " + m.out.scrub(res.Err.Error())
	}
	return hs
}

// rotationList lists what to rotate: each migrated (or planned) secret,
// then each value found in history that is not migrated, with where it
// appeared.
func (m *migration) rotationList() []RotateItem {
	var items []RotateItem
	var hist []history.Secret
	if m.history != nil && m.history.res != nil {
		hist = m.history.res.Secrets
	}
	// A migrated value is the history's secret with the same value hash or,
	// when the two match different extents of one credential (the analyzer
	// a whole connection string, scan its key), at the same line at HEAD.
	byValue := map[[32]byte][]*history.Secret{}
	atLine := map[string][]*history.Secret{}
	for i := range hist {
		h := &hist[i]
		byValue[h.Value] = append(byValue[h.Value], h)
		for _, p := range h.Places {
			if p.AtHEAD {
				k := fmt.Sprintf("%s:%d", p.Path, p.Line)
				atLine[k] = append(atLine[k], h)
			}
		}
	}
	prefix := ""
	if m.history != nil && m.history.res != nil {
		if rel, err := filepath.Rel(m.history.res.Root, m.root); err == nil && rel != "." {
			prefix = filepath.ToSlash(rel) + "/"
		}
	}
	used := map[*history.Secret]bool{}
	for _, s := range m.secrets {
		var status string
		switch s.status {
		case "stored", "reused":
			status = RotateMigrated
		case "planned":
			status = RotatePlanned
		default:
			continue
		}
		hs := slices.Clone(byValue[sha256.Sum256([]byte(s.value))])
		for _, p := range s.places {
			for _, h := range atLine[fmt.Sprintf("%s%s:%d", prefix, p.rel, p.line)] {
				if !slices.Contains(hs, h) {
					hs = append(hs, h)
				}
			}
		}
		if status == RotateMigrated && (m.history == nil || m.history.res == nil) {
			status = RotateUnscanned
		}
		it := RotateItem{Rule: s.ruleID, Name: s.name, Finding: detect.Redact(s.value), Status: status, Rotation: RotationFor(s.ruleID, s.ruleName)}
		for _, h := range hs {
			used[h] = true
			it.Places = append(it.Places, places(h)...)
		}
		items = append(items, it)
	}
	for i := range hist {
		h := &hist[i]
		if used[h] {
			continue
		}
		status := RotateHistoryOnly
		if h.AtHEAD() {
			status = RotateInTree
		}
		items = append(items, RotateItem{Rule: h.RuleID, Finding: h.Message, Status: status, Places: places(h), Rotation: RotationFor(h.RuleID, h.RuleName)})
	}
	return items
}

// places describes where a history secret appeared.
func places(h *history.Secret) []string {
	var out []string
	for _, p := range h.Places {
		s := fmt.Sprintf("%s:%d (first %s %s, last %s %s", p.Path, p.Line, abbrev(p.First.Hash), day(p.First.AuthorTime), abbrev(p.Last.Hash), day(p.Last.AuthorTime))
		if p.AtHEAD {
			s += ", still at HEAD"
		}
		out = append(out, s+")")
	}
	return out
}

func abbrev(h string) string { return h[:min(len(h), 12)] }

func day(t int64) string { return time.Unix(t, 0).UTC().Format("2006-01-02") }

// printRotation prints the rotation list.
func (m *migration) printRotation(items []RotateItem) {
	o := m.out
	if m.history != nil && m.history.note != "" {
		o.warnf("note: %s", m.history.note)
	}
	if len(items) == 0 {
		return
	}
	o.printf("\nrotate (%d credential%s; each one in the git history is in every clone, fork and CI cache):\n", len(items), plural(len(items)))
	for _, it := range items {
		name := ""
		if it.Name != "" {
			name = " secret " + it.Name
		}
		o.printf("\n  %s%s  %s\n    %s\n", it.Rule, name, it.Finding, it.Status)
		for _, p := range it.Places {
			o.printf("    %s\n", p)
		}
		o.printf("    rotate at: %s\n", it.Where)
		for _, c := range it.Commands {
			o.printf("      %s\n", c)
		}
	}
}
