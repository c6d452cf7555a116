// Package rules holds the metadata every kvlint rule carries: a stable ID, a
// name, documentation with Bad/Good examples and a severity. The detection
// engine, each analyzer and the report writers share this one type, so
// `kvlint rules`, SARIF rule descriptors and the README table all say the same.
package rules

// Severity is how serious a finding of a rule is.
type Severity string

// Severities, from most to least serious.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Info documents one rule.
type Info struct {
	ID       string   // stable rule ID, such as "KV101"; also the diagnostic Category
	Name     string   // kebab-case name, such as "azure-entra-client-secret"
	Analyzer string   // name of the analyzer that reports it, such as "hardcodedcred"
	Title    string   // one-line summary, lowercase, no trailing period
	Doc      string   // full description: what is matched, why it matters, what to do
	Bad      string   // a short Go example the rule reports
	Good     string   // the same example written safely
	Severity Severity // default severity
	// SecuritySeverity is the CVSS-like score (0.0-10.0) GitHub code scanning
	// reads from SARIF rule properties.
	SecuritySeverity float64
	Tags             []string // SARIF tags, such as security and the provider
}
