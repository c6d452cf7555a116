// Package ignorecheck defines an Analyzer that checks kvlint's own
// suppression directives.
//
// # Analyzer ignorecheck
//
// ignorecheck: report kvlint:ignore directives that are malformed or suppress nothing
//
// A finding of any kvlint rule can be suppressed with a comment on its line
// or on the line above, or for the whole file:
//
//	//kvlint:ignore KV101 the Azurite emulator key, public by design
//	const key = "..."
//
//	//kvlint:file-ignore KV124 JWTs in this file are signed with a test key
//
// Rules are named by ID or name, separated by commas, and a reason is
// required. ignorecheck reports:
//
//   - KV002 for a malformed directive: no reason, no rules, a rule that does
//     not exist, or an unknown verb (kvlint:ingore). It suppresses nothing.
//   - KV001 for a directive that suppressed nothing, so that suppressions do
//     not outlive the code they were written for. It is reported only when
//     every rule the directive names belongs to an analyzer that ran and is
//     enabled, so a directive for a rule switched off in .kvlint.yaml is not
//     noise. The suggested fix removes the directive. A directive that did
//     suppress something but also lists a rule that found nothing there gets
//     KV001 for that rule, without a fix.
//
// A line directive alone on its line covers the next line; one that trails
// code covers its own line only.
//
// ignorecheck's own findings cannot be suppressed. Directives in generated
// files (unless the configuration includes them) and in allowlisted paths
// are not checked.
package ignorecheck
