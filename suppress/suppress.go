// Package suppress parses kvlint's suppression directives from comment text.
//
// Two forms are recognised, in any comment syntax (the caller strips the
// comment markers, so Go, YAML, shell and INI files share one parser):
//
//	kvlint:ignore KV101[,KV102] reason why this is not a secret
//	kvlint:file-ignore KV101 reason why nothing in this file is
//
// A line directive covers its own line and the next line. A reason is
// required; a directive without one is malformed and suppresses nothing.
package suppress
