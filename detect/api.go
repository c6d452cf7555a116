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
	Kind Kind
	// Name is the identifier, field, map key or config key the value is bound
	// to; the generic rule splits it into words (clientSecret -> client secret).
	Name string
	// Call is the callee for KindCallArg, fully qualified:
	// "os.Setenv", "(*net/http.Request).SetBasicAuth", "(net/http.Header).Set".
	Call string
	// Key is a constant argument that names the value, such as the header name
	// in Header.Set("Authorization", v) or the variable in os.Setenv("AZURE_CLIENT_SECRET", v).
	Key string
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
	Rule       *Rule
	Start, End int // byte offsets of the secret within the scanned value
	Confidence Confidence
}

// Secret returns the matched secret from the scanned value. Callers must never
// print it: use Redact.
func (f Finding) Secret(value string) string { return value[f.Start:f.End] }

// Rule is one detection rule: a provider format or the generic name rule.
type Rule struct {
	rules.Info
	// Keywords are lowercase substrings, one of which must occur in the value
	// (or, for context rules, in the context name) before the regex runs.
	Keywords []string
	// Pattern is the regular expression source; group SecretGroup (0 = whole
	// match) is the secret.
	Pattern     string
	SecretGroup int
	// MinEntropy is the Shannon entropy floor (bits per byte) of the secret.
	MinEntropy float64
	// Validate, if set, checks a checksum or signature of the secret.
	Validate func(secret string) bool
	// TruePositives and FalsePositives are samples the rule's table test runs:
	// each TruePositive must be found by this rule, no FalsePositive by any rule.
	TruePositives  []Sample
	FalsePositives []Sample
}

// Sample is a value with the context it is tested in.
type Sample struct {
	Value   string
	Context Context
}
