package detect

import "github.com/kvlint/kvlint/rules"

// awsSecretName reports whether the context names AWS (a word of the name,
// key or callee) or says "secret access key", AWS's term.
func awsSecretName(ctx Context) bool {
	for _, n := range [...]string{ctx.Name, ctx.Key, ctx.Call} {
		if hasWordSeq(n, "aws") || hasWordSeq(n, "secret", "access", "key") {
			return true
		}
	}
	return false
}

func awsRules() []*Rule {
	keyID := "AKIA" + Fake("aws-id", Base32Upper, 16)
	stsID := "ASIA" + Fake("aws-sts", Base32Upper, 16)
	secret := Fake("aws-secret", Base64Chars, 40)
	return []*Rule{
		token(info("KV110", "aws-access-key-id",
			"an AWS access key ID is hardcoded",
			"Reports AWS access key IDs (AKIA long-term, ASIA temporary, ABIA, ACCA). The key ID "+
				"alone is not the secret, but its secret access key is almost always next to it. "+
				"AWS's documentation key AKIAIOSFODNN7EXAMPLE is allowed.\n\n"+
				"Access keys in source are the most common cause of cloud account compromise.",
			`cfg.Credentials = credentials.NewStaticCredentialsProvider("AKIA...", secretKey, "")`,
			`cfg, err := config.LoadDefaultConfig(ctx) // role or environment credentials`,
			rules.SeverityError, 7.5, "aws"),
			[]string{"akia", "asia", "abia", "acca"}, `(?:^|[^A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?:[^A-Za-z0-9]|$)`,
			6, 20, 3.0,
			[]Sample{
				tp(keyID),
				tpIn("aws_access_key_id = "+stsID, stsID),
			},
			fp("AKIAIOSFODNN7EXAMPLE"),
			fp("Asia/Kolkata"),
			fp("AKIAXXXXXXXXXXXXXXXX"),
			fp("AKIA"+Fake("aws-id", Base32Upper, 16)+"Z")), // too long
		{
			Info: info("KV111", "aws-secret-access-key",
				"an AWS secret access key is hardcoded",
				"Reports 40-character AWS secret access keys where the context says AWS: the name, the "+
					"call (an aws-sdk-go function) or the text around the value. AWS's documentation "+
					"secret is allowed.\n\nWith the key ID, the secret key acts as the IAM user.",
				`credentials.NewStaticCredentialsProvider(keyID, "wJalr...", "")`,
				`cfg, err := config.LoadDefaultConfig(ctx)`,
				rules.SeverityError, 9.0, "aws"),
			Keywords: []string{"aws"},
			// AWS's own name for it says AWS: SecretAccessKey, secret_access_key.
			NameKeywords: []string{"aws", "access"},
			Pattern:      `(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`,
			windowBefore: 256, windowAfter: 256,
			SecretGroup: 1,
			MinEntropy:  4.0,
			Confirm: func(m Match) Confidence {
				s := m.Secret()
				var up, lo, di bool
				for i := 0; i < len(s); i++ {
					up = up || isUpper(s[i])
					lo = lo || isLower(s[i])
					di = di || isDigit(s[i])
				}
				if !up || !lo || !di {
					return 0
				}
				if m.NameHit && awsSecretName(m.Context) &&
					(secretName(m.Context.Name) || secretName(m.Context.Key) || m.Context.Kind == KindCallArg) {
					return Medium
				}
				if m.Near("secret", 256) && m.Near("aws", 256) {
					return Medium
				}
				return 0
			},
			TruePositives: []Sample{
				tpCtx(secret, ctxName("awsSecretAccessKey")),
				tpIn("aws_secret_access_key = "+secret, secret),
				tpCtx(secret, Context{Kind: KindCallArg, Call: "github.com/aws/aws-sdk-go-v2/credentials.NewStaticCredentialsProvider", Name: "secret"}),
				tpCtx(secret, ctxName("secretAccessKey")),
				tpCtx(secret, Context{Kind: KindCompare, Name: "SecretAccessKey", Owner: "Value"}),
				tpCtx(secret, Context{Kind: KindMapKey, Name: "secret_access_key"}),
			},
			FalsePositives: []Sample{
				fpCtx("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ctxName("awsSecretAccessKey")),
				fp("https://s3.amazonaws.com/bucket/" + Fake("sha", HexLower, 40)),
				fpCtx(secret, ctxName("awsRegionList")),
				fp(secret),
			},
		},
	}
}
