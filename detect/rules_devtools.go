package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Developer tooling: registries, secret stores, infrastructure as code,
// issue trackers and their APIs.

func init() {
	fakeGenerators["KV510"] = func(seed string) string { return "dckr_pat_" + Fake(seed, Base64URLChars, 27) }
	fakeGenerators["KV511"] = func(seed string) string { return "hvs." + Fake(seed, AlphaNum, 24) }
	fakeGenerators["KV512"] = func(seed string) string { return "s." + Fake(seed, AlphaNum, 24) }
	fakeGenerators["KV513"] = func(seed string) string {
		return Fake(seed+"/id", AlphaNum, 14) + ".atlasv1." + Fake(seed, Base64URLChars, 67)
	}
	fakeGenerators["KV514"] = func(seed string) string { return "ATATT3" + Fake(seed, Base64URLChars, 186) }
	fakeGenerators["KV515"] = func(seed string) string {
		return "PMAK-" + Fake(seed+"/1", HexLower, 24) + "-" + Fake(seed+"/2", HexLower, 34)
	}
	fakeGenerators["KV516"] = func(seed string) string { return "lin_api_" + Fake(seed, AlphaNum, 40) }
	fakeGenerators["KV517"] = func(seed string) string { return "dp.pt." + Fake(seed, AlphaNum, 43) }
	fakeGenerators["KV518"] = func(seed string) string { return "pul-" + Fake(seed, HexLower, 40) }
	fakeGenerators["KV519"] = fakeOnePassword
	fakeGenerators["KV520"] = func(seed string) string { return "//registry.npmjs.org/:_authToken=" + fakeGUID(seed) }
	fakeGenerators["KV521"] = func(seed string) string { return "dapi" + Fake(seed, HexLower, 32) }
	providerContexts["KV512"] = Context{Kind: KindAssign, Name: "vaultToken"}
}

// fakeOnePassword returns a fake 1Password service account token: ops_ and
// base64 of a JSON object shaped like the real one's.
func fakeOnePassword(seed string) string {
	return "ops_" + b64JSONFake(map[string]any{
		"signInAddress": "kvlint-fake.1password.com",
		"email":         Fake(seed+"/e", Base32Lower, 12) + "@1passwordserviceaccounts.com",
		"secretKey":     Fake(seed+"/k", Base32Upper, 34),
		"srpX":          Fake(seed+"/x", HexLower, 64),
		"deviceUuid":    Fake(seed+"/d", Base32Lower, 26),
	})
}

func devtoolsRules() []*Rule {
	docker := fakeGenerators["KV510"]("tp")
	vault := fakeGenerators["KV511"]("tp")
	vaultLong := "hvs.CAESI" + Fake("vault-long", Base64URLChars, 86)
	vaultBatch := "hvb.AAAAAQ" + Fake("vault-batch", Base64URLChars, 130)
	legacy := fakeGenerators["KV512"]("tp")
	tfc := fakeGenerators["KV513"]("tp")
	atl := fakeGenerators["KV514"]("tp")
	bb := "ATBB" + Fake("bitbucket", AlphaNum, 32)
	pmak := fakeGenerators["KV515"]("tp")
	lin := fakeGenerators["KV516"]("tp")
	dp := fakeGenerators["KV517"]("tp")
	dpst := "dp.st.prd." + Fake("doppler-st", AlphaNum, 40)
	pul := fakeGenerators["KV518"]("tp")
	ops := fakeOnePassword("tp")
	npmUUID := fakeGUID("npm-legacy")
	npmAuth := b64JSONFakeBasic("deploy", Fake("npm-auth-pw", AlphaNum, 20))
	dapi := fakeGenerators["KV521"]("tp")
	return []*Rule{
		token(info("KV510", "docker-hub-token",
			"a Docker Hub access token is hardcoded",
			"Reports Docker Hub personal and organization access tokens (dckr_pat_, dckr_oat_).\n\n"+
				"A token pulls private images and, with write scope, pushes over them.",
			`cmd := exec.Command("docker", "login", "-u", user, "-p", "dckr_pat_...")`,
			`cmd := exec.Command("docker", "login", "-u", user, "--password-stdin")`,
			rules.SeverityError, 8.0, "docker"),
			[]string{"dckr_pat_", "dckr_oat_"}, `(?:^|[^A-Za-z0-9_-])(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})(?:[^A-Za-z0-9_-]|$)`,
			16, 40, 3.5,
			[]Sample{tp(docker), tpIn("docker login -u kvlint -p "+docker, docker)},
			fp("dckr_pat_"),
			fp("dckr_pat_"+strings.Repeat("x", 27))),
		token(info("KV511", "vault-token",
			"a HashiCorp Vault token is hardcoded",
			"Reports HashiCorp Vault service, batch and recovery tokens in the prefixed format of Vault "+
				"1.10 and later (hvs., hvb., hvr.).\n\nA token reads and writes the secrets its policies allow.",
			`client.SetToken("hvs....")`,
			`client.SetToken(os.Getenv("VAULT_TOKEN"))`,
			rules.SeverityError, 9.0, "vault", "hashicorp"),
			[]string{"hvs.", "hvb.", "hvr."}, `(?:^|[^A-Za-z0-9_.-])(hv[sbr]\.[A-Za-z0-9_-]{24,300})(?:[^A-Za-z0-9_.-]|$)`,
			8, 310, 3.5,
			[]Sample{tp(vault), tp(vaultLong), tp(vaultBatch), tpIn("export VAULT_TOKEN="+vault, vault)},
			fp("hvs.example.com"),
			fp("hvs."+strings.Repeat("A", 24)),
			fp("charts.hvs.local")),
		{
			Info: info("KV512", "vault-token-legacy",
				"a HashiCorp Vault token of the legacy format is hardcoded",
				"Reports Vault service and batch tokens of the format before Vault 1.10 (s. or b. and 24 "+
					"characters) where the name or the text around them says Vault (VAULT_TOKEN, "+
					"X-Vault-Token); the bare shape is too common to report alone.\n\nA token reads and writes "+
					"the secrets its policies allow.",
				`vaultToken := "s...."`,
				`vaultToken := os.Getenv("VAULT_TOKEN")`,
				rules.SeverityError, 8.0, "vault", "hashicorp"),
			// Not "vault" alone: Key Vault names and URLs are everywhere here.
			Keywords:     []string{"vault_token", "vault-token", "vault token", "vaulttoken"},
			NameKeywords: []string{"vault"},
			Pattern:      `(?:^|[^A-Za-z0-9_.-])([sb]\.[A-Za-z0-9]{24})(?:[^A-Za-z0-9_.-]|$)`,
			windowBefore: 200, windowAfter: 200,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm:     vendorConfirm("vault", fewClasses(2), nil),
			TruePositives: []Sample{
				tpCtx(legacy, ctxName("vaultToken")),
				tpIn("export VAULT_TOKEN="+legacy, legacy),
				tpIn(`-H "X-Vault-Token: `+legacy+`"`, legacy),
			},
			FalsePositives: []Sample{
				fp(legacy), // no Vault context
				fpCtx(legacy, ctxName("vaultAddr")),
				fp("vault: s.AbCdEfGhIjKlMnOpQrStUvWx.example"),
			},
		},
		token(info("KV513", "terraform-cloud-token",
			"a Terraform Cloud / Enterprise API token is hardcoded",
			"Reports HCP Terraform (Terraform Cloud) and Terraform Enterprise user, team and "+
				"organization API tokens (<14>.atlasv1.<60-70>).\n\nA token plans and applies runs, "+
				"which hold the cloud credentials of every workspace it reaches.",
			`credentials "app.terraform.io" { token = "....atlasv1...." }`,
			`export TF_TOKEN_app_terraform_io="$(az keyvault secret show ...)"`,
			rules.SeverityError, 9.0, "terraform", "hashicorp"),
			[]string{".atlasv1."}, `(?:^|[^A-Za-z0-9])([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?:[^A-Za-z0-9_=-]|$)`,
			30, 80, 4.0,
			[]Sample{tp(tfc), tpIn(`token = "`+tfc+`"`, tfc)},
			fp("example.atlasv1.token"),
			fp(strings.Repeat("x", 14)+".atlasv1."+strings.Repeat("x", 67))),
		token(info("KV514", "atlassian-token",
			"an Atlassian API token or Bitbucket app password is hardcoded",
			"Reports Atlassian Cloud API tokens (ATATT3, 192 characters; ATCTT3 for Confluence) and "+
				"Bitbucket app passwords (ATBB and 32 characters).\n\nA token acts as its user in Jira, "+
				"Confluence and Bitbucket.",
			`req.SetBasicAuth("me@example.com", "ATATT3...")`,
			`req.SetBasicAuth(user, os.Getenv("JIRA_API_TOKEN"))`,
			rules.SeverityError, 8.0, "atlassian", "jira", "bitbucket"),
			[]string{"atatt3", "atctt3", "atbb"}, `(?:^|[^A-Za-z0-9_-])(AT[AC]TT3[A-Za-z0-9_=-]{186}|ATBB[A-Za-z0-9]{32})(?:[^A-Za-z0-9_=-]|$)`,
			8, 200, 4.0,
			[]Sample{tp(atl), tp(bb), tpIn("JIRA_API_TOKEN="+atl, atl)},
			fp("ATATT3"),
			fp("ATBB"+strings.Repeat("X", 32)),
			fp("ATATT3"+Fake("atl-short", Base64URLChars, 40))),
		token(info("KV515", "postman-api-key",
			"a Postman API key is hardcoded",
			"Reports Postman API keys (PMAK-<24 hex>-<34 hex>).\n\nA key reads and changes the "+
				"workspace's collections and environments, which often hold more secrets.",
			`req.Header.Set("X-Api-Key", "PMAK-...")`,
			`req.Header.Set("X-Api-Key", os.Getenv("POSTMAN_API_KEY"))`,
			rules.SeverityError, 7.0, "postman"),
			[]string{"pmak-"}, `(?:^|[^A-Za-z0-9_-])(PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?:[^A-Za-z0-9_-]|$)`,
			8, 70, 3.0,
			[]Sample{tp(pmak), tpIn("X-Api-Key: "+pmak, pmak)},
			fp("PMAK-"),
			fp("PMAK-"+strings.Repeat("0", 24)+"-"+strings.Repeat("0", 34))),
		token(info("KV516", "linear-api-key",
			"a Linear API key is hardcoded",
			"Reports Linear personal API keys (lin_api_ and 40 characters) and OAuth access tokens "+
				"(lin_oauth_ and 64 hex digits).\n\nA key reads and changes the workspace's issues as its user.",
			`req.Header.Set("Authorization", "lin_api_...")`,
			`req.Header.Set("Authorization", os.Getenv("LINEAR_API_KEY"))`,
			rules.SeverityError, 6.5, "linear"),
			[]string{"lin_api_", "lin_oauth_"}, `(?:^|[^A-Za-z0-9_])(lin_api_[A-Za-z0-9]{40}|lin_oauth_[a-f0-9]{64})(?:[^A-Za-z0-9_]|$)`,
			12, 80, 3.5,
			[]Sample{tp(lin), tp("lin_oauth_" + Fake("linear-oauth", HexLower, 64))},
			fp("lin_api_"),
			fp("lin_api_"+strings.Repeat("a", 40))),
		token(info("KV517", "doppler-token",
			"a Doppler token is hardcoded",
			"Reports Doppler personal, service, CLI, service account, SCIM and audit tokens (dp.pt., "+
				"dp.st., dp.ct., dp.sa., dp.scim., dp.audit.).\n\nA service token reads every secret of "+
				"its config; a personal token every secret its user can see.",
			`cmd.Env = append(cmd.Env, "DOPPLER_TOKEN=dp.st....")`,
			`cmd.Env = append(cmd.Env, "DOPPLER_TOKEN="+os.Getenv("DOPPLER_TOKEN"))`,
			rules.SeverityError, 9.0, "doppler"),
			[]string{"dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."}, `(?:^|[^A-Za-z0-9_.-])(dp\.(?:pt|st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?:[^A-Za-z0-9_.-]|$)`,
			12, 90, 3.5,
			[]Sample{tp(dp), tp(dpst), tpIn("DOPPLER_TOKEN="+dpst, dpst)},
			fp("dp.pt.example"),
			fp("dp.st."+strings.Repeat("x", 40))),
		token(info("KV518", "pulumi-access-token",
			"a Pulumi access token is hardcoded",
			"Reports Pulumi Cloud access tokens (pul- and 40 hex digits).\n\nA token reads and updates "+
				"stacks, whose state holds the secrets of every resource they manage.",
			`os.Setenv("PULUMI_ACCESS_TOKEN", "pul-...")`,
			`// PULUMI_ACCESS_TOKEN is set by the pipeline from Key Vault`,
			rules.SeverityError, 8.0, "pulumi"),
			[]string{"pul-"}, `(?:^|[^A-Za-z0-9_-])(pul-[a-f0-9]{40})(?:[^A-Za-z0-9_-]|$)`,
			6, 45, 3.0,
			[]Sample{tp(pul), tpIn("PULUMI_ACCESS_TOKEN="+pul, pul)},
			fp("pul-"+strings.Repeat("0", 40)),
			fp("pul-request")),
		{
			Info: info("KV519", "1password-service-account-token",
				"a 1Password service account token is hardcoded",
				"Reports 1Password service account tokens (ops_ and base64 of a JSON object, which is "+
					"checked).\n\nA token reads every item of the vaults the service account was granted.",
				`client, _ := onepassword.NewClient(ctx, onepassword.WithServiceAccountToken("ops_eyJ..."))`,
				`client, _ := onepassword.NewClient(ctx, onepassword.WithServiceAccountToken(os.Getenv("OP_SERVICE_ACCOUNT_TOKEN")))`,
				rules.SeverityError, 9.0, "1password"),
			Keywords:     []string{"ops_eyj"},
			Pattern:      `(?:^|[^A-Za-z0-9_])(ops_eyJ[A-Za-z0-9+/_-]{100,}={0,3})`,
			windowBefore: 8, windowAfter: 2048,
			SecretGroup: 1,
			prio:        1, // wins a tie with the generic rule under a secret name
			MinEntropy:  4.0,
			Confirm: func(m Match) Confidence {
				return byChecksum(b64JSONObject(m.Secret()[4:]), m)
			},
			TruePositives: []Sample{tp(ops), tpIn("OP_SERVICE_ACCOUNT_TOKEN="+ops, ops)},
			FalsePositives: []Sample{
				fp("ops_eyJ" + Fake("ops-garbage", AlphaNum, 120)), // not JSON
				fp("ops_eyJhbGc"),
			},
		},
		{
			Info: info("KV520", "npm-legacy-token",
				"an npm legacy token or _auth credential is hardcoded",
				"Reports the legacy npm credentials of .npmrc: an _authToken that is a UUID (tokens before "+
					"npm_) and an _auth that is base64 of user:password.\n\nThe token publishes packages as "+
					"its user; _auth is the user's password.",
				`//registry.npmjs.org/:_authToken=00000000-0000-...`,
				`//registry.npmjs.org/:_authToken=${NPM_TOKEN}`,
				rules.SeverityError, 8.0, "npm"),
			Keywords:     []string{"_auth"},
			Pattern:      `(?i:_authToken)\s*=\s*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[^0-9a-f-]|$)|(?:^|[^A-Za-z0-9_])_auth\s*=\s*["']?([A-Za-z0-9+/]{8,}={0,2})(?:[^A-Za-z0-9+/=]|$)`,
			windowBefore: 40, windowAfter: 300,
			SecretGroup: -1,
			MinEntropy:  3.0,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if isUUID(s) {
					return High
				}
				if _, _, ok := basicUserPassword(s); ok && validBasicAuth(s) {
					return High
				}
				return 0
			},
			TruePositives: []Sample{
				tpIn("//registry.npmjs.org/:_authToken="+npmUUID, npmUUID),
				tpIn("_auth="+npmAuth+"\nemail=ci@example.com", npmAuth),
			},
			FalsePositives: []Sample{
				fp("//registry.npmjs.org/:_authToken=${NPM_TOKEN}"),
				fp("_auth=" + base64Std("just-a-user")), // no password
				fp("always-auth=true"),
			},
		},
		token(info("KV521", "databricks-token",
			"a Databricks personal access token is hardcoded",
			"Reports Databricks personal access tokens (dapi and 32 hex digits, with an optional -N "+
				"suffix).\n\nA token runs jobs and reads the tables its user can, in every workspace it is valid for.",
			`cfg := &config.Config{Host: host, Token: "dapi..."}`,
			`cfg := &config.Config{Host: host} // reads DATABRICKS_TOKEN`,
			rules.SeverityError, 8.5, "databricks"),
			[]string{"dapi"}, `(?:^|[^A-Za-z0-9_-])(dapi[a-f0-9]{32}(?:-\d)?)(?:[^A-Za-z0-9_-]|$)`,
			6, 40, 3.0,
			[]Sample{tp(dapi), tpIn("DATABRICKS_TOKEN="+dapi+"-2", dapi+"-2")},
			fp("dapi"+strings.Repeat("0", 32)),
			fp("rapidapi")),
	}
}

// b64JSONFakeBasic returns base64 of user:password, an .npmrc _auth value.
func b64JSONFakeBasic(user, password string) string { return base64Std(user + ":" + password) }
