package detect

import (
	"fmt"
	"strings"
)

// Subject returns what the rule finds, as the subject of a message: its
// Noun, else its name in words ("github-token" gives "github token"), else
// "secret (ID)".
func (r *Rule) Subject() string {
	switch {
	case r.Noun != "":
		return r.Noun
	case r.Name != "":
		return strings.ReplaceAll(r.Name, "-", " ")
	}
	return "secret (" + r.ID + ")"
}

// Message says what a finding of rule r is, with a redacted preview of the
// secret only, and what to do; kind is where it was found (KindComment
// gives the advice for a comment). Every kvlint report (lint, vet, the
// golangci-lint plugin, scan of Go and of other files) uses it, so one
// secret reads the same in text, JSON and SARIF.
func Message(r *Rule, secret string, kind Kind) string {
	if kind == KindComment {
		return fmt.Sprintf("%s %q is in a comment: remove it, rotate it, and keep it in Azure Key Vault", r.Subject(), Redact(secret))
	}
	return fmt.Sprintf("%s %q is hardcoded: store it in Azure Key Vault and read it with azsecrets", r.Subject(), Redact(secret))
}
