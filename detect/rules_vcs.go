package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

func vcsRules() []*Rule {
	ghp := FakeCRCToken("ghp_", "github-classic")
	ghs := FakeCRCToken("ghs_", "github-app")
	gho := FakeCRCToken("gho_", "github-oauth")
	bad := ghp[:len(ghp)-1] + string("0123456789"[(strings.IndexByte(AlphaNum, ghp[len(ghp)-1])+1)%10])
	fine := "github_pat_" + Fake("github-fine", AlphaNum, 22) + "_" + Fake("github-fine-2", AlphaNum, 59)
	ghsLong := "ghs_" + Fake("ghs-app", "0123456789", 7) + "_" + b64JSONFake(map[string]any{"alg": "RS256", "typ": "JWT"}) + "." +
		b64JSONFake(map[string]any{"iss": "kvlint-fake", "inst": Fake("ghs-inst", "0123456789", 8)}) + "." + Fake("ghs-sig", Base64URLChars, 342)
	glpat := "glpat-" + Fake("gitlab", Base64URLChars, 20)
	return []*Rule{
		{
			Info: info("KV112", "github-token",
				"a GitHub token is hardcoded",
				"Reports GitHub tokens: classic personal access, OAuth, user-to-server, server-to-server "+
					"and refresh tokens (ghp_, gho_, ghu_, ghs_, ghr_) whose CRC32 checksum is valid, the stateless "+
					"installation tokens (ghs_<app id>_<JWT>, whose JWT header is checked), and "+
					"fine-grained personal access tokens (github_pat_).\n\n"+
					"A token acts as its user or app on every repository it can reach.",
				`client := github.NewClient(nil).WithAuthToken("ghp_...")`,
				`client := github.NewClient(nil).WithAuthToken(os.Getenv("GITHUB_TOKEN"))`,
				rules.SeverityError, 8.5, "github"),
			Keywords:     []string{"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"},
			Pattern:      `(?:^|[^A-Za-z0-9_])((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|ghs_[0-9]{1,12}_eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?:[^A-Za-z0-9_]|$)`,
			windowBefore: 13, windowAfter: 1024,
			SecretGroup: 1,
			MinEntropy:  3.5,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				if strings.HasPrefix(s, "github_pat_") || validCRCToken(s) {
					return High
				}
				// The stateless installation token: ghs_<app id>_<JWT>.
				if i := strings.IndexByte(s[4:], '_'); strings.HasPrefix(s, "ghs_") && i > 0 && validJWT(s[5+i:]) {
					return High
				}
				return 0
			},
			TruePositives: []Sample{
				tp(ghp),
				tpIn("Authorization: token "+ghs, ghs),
				tpIn("https://x-access-token:"+gho+"@github.com/kvlint/kvlint.git", gho),
				tp(fine),
				tpIn("GITHUB_TOKEN="+ghsLong, ghsLong),
			},
			FalsePositives: []Sample{
				fp(bad), // checksum does not match
				fp("ghp_" + strings.Repeat("A", 36)),
				fp("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
				fp("ghs_12345_eyJ" + Fake("ghs-bad", AlphaNum, 30) + ".eyJ" + Fake("ghs-bad2", AlphaNum, 30) + "." + Fake("ghs-bad3", AlphaNum, 40)), // no JWT header
			},
		},
		token(info("KV113", "gitlab-token",
			"a GitLab token is hardcoded",
			"Reports GitLab personal, project, group, deploy, runner, pipeline-trigger, feed, OAuth "+
				"and incoming-mail tokens by their prefixes (glpat-, gldt-, glrt-, glptt-, glft-, "+
				"glsoat-, glcbt-, gloas-, glimt-).\n\nA token acts on GitLab with its scopes.",
			`git := gitlab.NewClient("glpat-...")`,
			`git, err := gitlab.NewClient(os.Getenv("GITLAB_TOKEN"))`,
			rules.SeverityError, 8.5, "gitlab"),
			[]string{"glpat-", "gldt-", "glrt-", "glptt-", "glft-", "glsoat-", "glcbt-", "gloas-", "glimt-"}, `(?:^|[^A-Za-z0-9_-])((?:glpat|gldt|glrt|glptt|glft|glsoat|glcbt|gloas|glimt)-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?)(?:[^A-Za-z0-9_-]|$)`,
			8, 300, 3.5,
			[]Sample{
				tp(glpat),
				tpIn("PRIVATE-TOKEN: "+glpat, glpat),
			},
			fp("glpat-xxxxxxxxxxxxxxxxxxxx"),
			fp("glpat-")),
	}
}
