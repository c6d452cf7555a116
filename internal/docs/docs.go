// Package docs generates the parts of README.md that are derived from code:
// the rule table and each rule's Bad/Good examples. The README's copy is
// checked by a test and rewritten with `go test ./internal/docs -update`.
package docs

import (
	"fmt"
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// Markers delimit the generated section of README.md.
const (
	BeginRules = "<!-- BEGIN GENERATED RULES: go test ./internal/docs -update -->"
	EndRules   = "<!-- END GENERATED RULES -->"
)

// RuleSection renders the rule table and the examples of every rule as
// Markdown.
func RuleSection(all []rules.Info) string {
	var b strings.Builder
	b.WriteString("| ID | name | analyzer | severity | what it finds |\n|---|---|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| [%s](#%s) | `%s` | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Name, r.Analyzer, r.Severity, cell(r.Title))
	}
	b.WriteString("\n<details><summary>Each rule with a Bad/Good example (from its docs; also <code>kvlint rules ID</code>)</summary>\n\n")
	for _, r := range all {
		fmt.Fprintf(&b, "#### %s\n\n**%s** (`%s`, %s). %s\n\n", strings.ToLower(r.ID), r.ID, r.Name, r.Analyzer, oneLine(r.Doc))
		if r.Bad != "" {
			fmt.Fprintf(&b, "Bad:\n\n```go\n%s\n```\n\n", strings.TrimRight(dedent(r.Bad), "\n"))
		}
		if r.Good != "" {
			fmt.Fprintf(&b, "Good:\n\n```go\n%s\n```\n\n", strings.TrimRight(dedent(r.Good), "\n"))
		}
	}
	b.WriteString("</details>\n")
	return b.String()
}

func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// dedent removes the indentation common to all non-blank lines.
func dedent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			lines[i] = l[common:]
		}
	}
	return strings.Join(lines, "\n")
}

// Replace returns readme with the text between the markers replaced by section.
func Replace(readme, section string) (string, error) {
	i := strings.Index(readme, BeginRules)
	j := strings.Index(readme, EndRules)
	if i < 0 || j < i {
		return "", fmt.Errorf("README.md lacks the markers %q and %q", BeginRules, EndRules)
	}
	return readme[:i+len(BeginRules)] + "\n" + section + readme[j:], nil
}
