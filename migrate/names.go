package migrate

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// DefaultNameTemplate is the default secret name template.
const DefaultNameTemplate = "{pkg}-{name}"

// maxBaseName leaves room for a collision suffix within Key Vault's 127 characters.
const maxBaseName = 120

var secretNameRE = regexp.MustCompile(`^[A-Za-z][0-9A-Za-z-]{0,126}$`)

// validSecretName reports whether name is a Key Vault secret name that
// migrate accepts: 1-127 characters of [0-9A-Za-z-], starting with a letter.
func validSecretName(name string) bool { return secretNameRE.MatchString(name) }

// checkTemplate reports a template with an unknown placeholder.
func checkTemplate(tmpl string) error {
	rest := tmpl
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return fmt.Errorf("name template %q: unclosed {", tmpl)
		}
		switch rest[i : i+j+1] {
		case "{pkg}", "{name}", "{rule}", "{file}":
		default:
			return fmt.Errorf("name template %q: unknown placeholder %s (want {pkg}, {name}, {rule}, {file})", tmpl, rest[i:i+j+1])
		}
		rest = rest[i+j+1:]
	}
	if !strings.Contains(tmpl, "{name}") && !strings.Contains(tmpl, "{rule}") {
		return fmt.Errorf("name template %q: needs {name} or {rule}", tmpl)
	}
	return nil
}

// expandName fills in the template and turns the result into a valid secret
// name: words in kebab-case, invalid characters dropped, starting with a letter.
func expandName(tmpl, pkg, name, rule, file string) string {
	r := strings.NewReplacer("{pkg}", kebab(pkg), "{name}", kebab(name), "{rule}", kebab(rule), "{file}", kebab(file))
	s := sanitizeName(r.Replace(tmpl))
	if s == "" {
		s = "secret"
	}
	if !unicode.IsLetter(rune(s[0])) {
		s = "secret-" + s
	}
	if len(s) > maxBaseName {
		s = strings.TrimRight(s[:maxBaseName], "-")
	}
	return s
}

// sanitizeName keeps [0-9A-Za-z-], turns anything else into '-', and
// collapses and trims hyphens.
func sanitizeName(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range s {
		ok := c < 128 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
		if !ok {
			if b.Len() > 0 {
				dash = true
			}
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(c)
	}
	return b.String()
}

// kebab splits an identifier into lowercase words joined by '-':
// DBPassword -> db-password, apiKey -> api-key, webhook_secret -> webhook-secret,
// X-Api-Key -> x-api-key.
func kebab(s string) string {
	rs := []rune(s)
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, c := range rs {
		if !(c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c))) {
			flush()
			continue
		}
		if unicode.IsUpper(c) && len(cur) > 0 {
			prev := cur[len(cur)-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
				flush()
			}
		}
		cur = append(cur, c)
	}
	flush()
	return strings.Join(words, "-")
}
