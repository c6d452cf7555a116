package detect

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// age file-encryption identities, checked by their bech32 checksum.

func init() {
	fakeGenerators["KV560"] = fakeAgeKey
	providerChecksums["KV560"] = true
}

func ageRules() []*Rule {
	key := fakeAgeKey("tp")
	// A bech32 character swapped for another: the checksum no longer holds.
	last := strings.IndexByte(strings.ToUpper(bech32Charset), key[len(key)-1])
	bad := key[:len(key)-1] + string(strings.ToUpper(bech32Charset)[(last+1)%32])
	return []*Rule{
		{
			Info: info("KV560", "age-secret-key",
				"an age secret key is hardcoded",
				"Reports age X25519 identities (AGE-SECRET-KEY-1 and 58 bech32 characters) whose bech32 "+
					"checksum holds; a failing checksum is reported only under a secret name.\n\nThe key "+
					"decrypts every file and every SOPS document encrypted to its recipient.",
				`identity, _ := age.ParseX25519Identity("AGE-SECRET-KEY-1...")`,
				`identity, _ := age.ParseX25519Identity(os.Getenv("SOPS_AGE_KEY"))`,
				rules.SeverityError, 9.0, "age", "sops"),
			Keywords:     []string{"age-secret-key-1"},
			Pattern:      `(?:^|[^A-Za-z0-9-])(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?:[^A-Za-z0-9]|$)`,
			windowBefore: 20, windowAfter: 64,
			SecretGroup: 1,
			prio:        1, // wins a tie with the generic rule under a secret name
			MinEntropy:  3.5,
			Confirm:     func(m Match) Confidence { return byChecksum(validAgeKey(m.Secret()), m) },
			TruePositives: []Sample{
				tp(key),
				tpIn("# created: 2026-01-01T00:00:00Z\n# public key: age1...\n"+key+"\n", key),
				tpCtx(bad, ctxName("ageSecretKey")),
			},
			FalsePositives: []Sample{
				fp(bad), // checksum does not hold
				fp("AGE-SECRET-KEY-1" + strings.Repeat("Q", 58)),
			},
		},
	}
}
