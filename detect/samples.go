package detect

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/kvlint/kvlint/rules"
)

// Alphabets of the values Fake generates, for rule samples here and the
// fakes that tests and labelled sets build.
const (
	AlphaNum       = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	Base64Chars    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	Base64URLChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	HexLower       = "0123456789abcdef"
	Base32Upper    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	Base32Lower    = "abcdefghijklmnopqrstuvwxyz234567"
)

// Fake returns n characters of alphabet derived deterministically from seed:
// obviously generated, never a real credential. Rule samples and tests build
// their fake secrets with it so that no credential-shaped literal sits in
// the source.
func Fake(seed, alphabet string, n int) string {
	out := make([]byte, n)
	block := sha256.Sum256([]byte(seed))
	for i := 0; i < n; i++ {
		if i%8 == 0 && i > 0 {
			block = sha256.Sum256(block[:])
		}
		v := binary.BigEndian.Uint32(block[(i%8)*4:])
		out[i] = alphabet[int(v%uint32(len(alphabet)))]
	}
	return string(out)
}

// FakeCRCToken returns a fake token in the GitHub classic and npm format:
// prefix + 30 generated characters + their 6-character base62 CRC32.
func FakeCRCToken(prefix, seed string) string {
	body := Fake(seed, AlphaNum, 30)
	return prefix + body + base62CRC(body)
}

const (
	analyzerName = "hardcodedcred"
	// whatToDo ends every rule's documentation.
	whatToDo = "Remove it from the source, rotate it (it is in the history now), store it in Azure Key Vault " +
		"and read it at run time with azsecrets (or from an environment variable that is set from Key Vault)."
)

// info fills the metadata every built-in rule carries.
func info(id, name, title, doc, bad, good string, sev rules.Severity, score float64, tags ...string) rules.Info {
	return rules.Info{
		ID: id, Name: name, Analyzer: analyzerName, Title: title,
		Doc: doc + "\n\n" + whatToDo, Bad: bad, Good: good,
		Severity: sev, SecuritySeverity: score, Tags: append([]string{"security", "secret"}, tags...),
	}
}

// goodVault is the Good example most rules share.
const goodVault = `client, _ := azsecrets.NewClient(vaultURL, cred, nil)
resp, err := client.GetSecret(ctx, "%s", "", nil)
if err != nil {
	return err
}
secret := *resp.Value`

func ctxName(name string) Context      { return Context{Kind: KindAssign, Name: name} }
func tp(v string) Sample               { return Sample{Value: v} }
func tpIn(v, secret string) Sample     { return Sample{Value: v, Secret: secret} }
func tpCtx(v string, c Context) Sample { return Sample{Value: v, Context: c} }
func fp(v string) Sample               { return Sample{Value: v} }
func fpCtx(v string, c Context) Sample { return Sample{Value: v, Context: c} }

// token returns the rule of a credential whose own shape proves it (a fixed
// prefix, a documented length): the secret is the pattern's first group, a
// match above the entropy floor is High, and keywords gate the pattern, whose
// window in large values reaches before bytes back and after bytes on.
func token(in rules.Info, keywords []string, pattern string, before, after int, minEntropy float64, tps []Sample, fps ...Sample) *Rule {
	return &Rule{
		Info: in, Keywords: keywords, Pattern: pattern, SecretGroup: 1, MinEntropy: minEntropy, Confidence: High,
		TruePositives: tps, FalsePositives: fps, windowBefore: before, windowAfter: after,
	}
}
