package migrate

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

// Plans and reports never hold an unsalted hash of a value: the SHA-256 of a
// weak password is found in any precomputed table. What they hold is
// HMAC-SHA256 under a random key made for that plan or report and written
// beside the hashes, so a plan still verifies that the value at each place
// is the one reviewed, while a hash tells nothing about the value without
// recomputing it under that key: no precomputed table applies, and the same
// value in two plans or reports (or in a baseline) hashes differently.
// Anyone holding the file and its key can still test guesses one by one, so
// a plan is no place for a secret: it keeps only what reviewing needs.
//
// The keyed hash is taken over detect.Hash of the text (the digest the
// migration keeps in memory for each value and expression), which is as
// strong as keying the text itself.

// keyedPrefix starts every keyed hash.
const keyedPrefix = "hmac-sha256:"

// hashKey is a random key for one plan or report.
type hashKey []byte

// newHashKey makes a random 256-bit key.
func newHashKey() (hashKey, error) {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	return k, nil
}

// parseHashKey reads a key written by String.
func parseHashKey(s string) (hashKey, error) {
	k, err := hex.DecodeString(s)
	if err != nil || len(k) != 32 {
		return nil, errors.New("hash_key must be 64 hexadecimal digits")
	}
	return k, nil
}

// String is the key as written in plans and reports.
func (k hashKey) String() string { return hex.EncodeToString(k) }

// sum is the keyed hash of digest, a detect.Hash result.
func (k hashKey) sum(digest string) string {
	m := hmac.New(sha256.New, k)
	m.Write([]byte(digest))
	return keyedPrefix + hex.EncodeToString(m.Sum(nil))
}

// matches reports whether keyed is the keyed hash of digest (in constant time).
func (k hashKey) matches(keyed, digest string) bool {
	if !strings.HasPrefix(keyed, keyedPrefix) {
		return false
	}
	return hmac.Equal([]byte(keyed), []byte(k.sum(digest)))
}
