// Package detect is kvlint's detection engine: given a string value and the
// context it appears in, it decides whether the value is a credential, which
// rule matches, and how sure it is.
//
// The engine is pure (standard library only, no go/ast) so that the Go
// analyzers, the plain-file scanner and migrate share it. Rules are data with
// their own proof: keywords checked first in one multi-keyword pass, then a
// regular expression, an entropy floor and a checksum where the format has
// one, plus true- and false-positive samples that a table test runs.
package detect

import "github.com/kvlint/kvlint/rules"

// Kind says what kind of place a value was found in.
type Kind uint8

// Kinds of place.
const (
	KindUnknown   Kind = iota
	KindAssign         // x := v, x = v, var x = v, const x = v: Name is x
	KindField          // T{Field: v}: Name is Field
	KindMapKey         // map[string]string{"key": v}: Name is "key"
	KindCallArg        // f(v): Call is f, Name is the parameter name when known
	KindCompare        // x == v, x != v: Name is x
	KindReturn         // return v in func Name
	KindComment        // a comment
	KindStructTag      // a struct tag (never a secret by itself)
	KindLine           // a line of a plain file (kvlint scan): Name is the key on the line, if any
)

// Context describes where a value was found. The zero Context is valid: the
// value alone is judged, with only the provider-format rules.
type Context struct {
	Kind Kind // the kind of place: assignment, field, call argument, comparison...
	// Name is the identifier, field, map key or config key the value is bound
	// to; the generic rule splits it into words (clientSecret -> client secret).
	Name string
	// Call is the callee for KindCallArg, fully qualified:
	// "os.Setenv", "(*net/http.Request).SetBasicAuth", "(net/http.Header).Set".
	Call string
	// Key is a constant argument that names the value, such as the header name
	// in Header.Set("Authorization", v) or the variable in os.Setenv("AZURE_CLIENT_SECRET", v).
	Key string
	// Owner names the value's holder: the type of the composite literal
	// (PubKey in PubKey{Key: v}) or the operand whose field is assigned or
	// compared (cert in cert.Key = v). A weak name (key, auth) under an
	// owner that says public, certificate, hash or cache is not a secret.
	Owner string
	// Test reports that the value is in a test file or test fixture: low
	// entropy values there are taken to be fixtures.
	Test bool
}

// Confidence says how sure the engine is that a finding is a real credential.
type Confidence uint8

// Confidence levels.
const (
	Low    Confidence = iota + 1 // a name that means secret bound to a plausible value
	Medium                       // a provider format without checksum, or generic with high entropy
	High                         // a provider format with prefix, checksum or signature
)

// String returns "low", "medium" or "high".
func (c Confidence) String() string {
	switch c {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "unknown"
}

// Finding is one credential found in a value.
type Finding struct {
	Rule       *Rule      // the rule that matched
	Start, End int        // byte offsets of the secret within the scanned value
	Confidence Confidence // how sure the rule is of the match
}

// Secret returns the matched secret from the scanned value. Callers must never
// print it: use Redact.
func (f Finding) Secret(value string) string { return value[f.Start:f.End] }

// Rule is one detection rule: a provider format or the generic name rule.
type Rule struct {
	rules.Info
	// Noun names what the rule finds as the subject of its messages
	// ("azure devops personal access token"); empty means the name in words
	// (see Subject).
	Noun string
	// Keywords are lowercase substrings, one of which must occur in the value
	// (or, for context rules, in the context name) before the regex runs.
	Keywords []string
	// Pattern is the regular expression source; group SecretGroup (0 = whole
	// match; negative = the first group that took part in the match) is the secret.
	Pattern     string
	SecretGroup int // which regex group is the secret (see Pattern)
	// MinEntropy is the Shannon entropy floor (bits per byte) of the secret.
	MinEntropy float64
	// Validate, if set, checks a checksum or signature of the secret.
	Validate func(secret string) bool
	// TruePositives and FalsePositives are samples the rule's table test runs:
	// each TruePositive must be found by this rule, no FalsePositive by any rule.
	TruePositives  []Sample
	FalsePositives []Sample // values no rule may report

	// NameKeywords are lowercase words; when one is a word of the context's
	// Name, Key or Call, the rule runs even if no Keyword is in the value
	// (an AWS secret key bound to awsSecretKey, a Datadog key in DD_API_KEY).
	NameKeywords []string
	// Requires, if set, are lowercase substrings one of which must also occur
	// in the value (a SQL connection string needs Server= or Host= besides
	// Password=); in values over 16 KB, within the window around the keyword.
	Requires []string
	// Confidence is the confidence of a match; zero means Medium, or High
	// when Validate is set and passes.
	Confidence Confidence
	// Confirm, if set, decides a match after the entropy floor and Validate:
	// it returns the finding's confidence, or zero to drop the match.
	Confirm func(m Match) Confidence

	prio int8 // wins ties between overlapping findings (connection strings over bare keys)
	// humanSecret marks rules whose secrets people type (passwords in
	// connection strings and URLs): in tests, typed-looking ones are fixtures.
	humanSecret bool
	// typed, if set, extracts from a humanSecret rule's secret the part a
	// person typed (the password of an encoded Basic credential), which the
	// test-fixture heuristics judge instead of the encoded whole.
	typed func(secret string) string
	// In values over 16 KB a rule's regexp runs only from windowBefore bytes
	// before the end of a keyword hit to windowAfter bytes after it (0 = 1 KB).
	windowBefore, windowAfter int
}

// Match is a candidate a rule's Confirm function judges.
type Match struct {
	Value      string  // the whole scanned value
	Start, End int     // bounds of the secret in Value
	Context    Context // where the value was found
	// NameHit reports that the rule ran because of the context name rather
	// than a keyword in the value.
	NameHit bool
}

// Secret returns the candidate secret.
func (m Match) Secret() string { return m.Value[m.Start:m.End] }

// Near reports whether the lowercase substring sub occurs, ignoring ASCII
// case, within dist bytes before or after the secret.
func (m Match) Near(sub string, dist int) bool {
	return containsFold(m.Value[max(0, m.Start-dist):min(len(m.Value), m.End+dist)], sub)
}

// Sample is a value with the context it is tested in.
type Sample struct {
	Value   string  // the text scanned
	Context Context // where the value is, as a scanner would report it
	// Secret is the part of Value a true positive must report; empty means
	// the whole Value.
	Secret string
}
