// Package suppress parses kvlint's suppression directives from comment text.
//
// Two forms are recognised, in any comment syntax (the caller strips the
// comment markers, so Go, YAML, shell and INI files share one parser):
//
//	kvlint:ignore KV101[,KV102] reason why this is not a secret
//	kvlint:file-ignore KV101 reason why nothing in this file is
//
// A line directive alone on its line covers the next line; one that trails
// code covers its own line only; a file-ignore covers the whole file. A
// reason is required; a directive without one is malformed and suppresses
// nothing.
//
// Rules are named by ID (KV101) or name (azure-entra-client-secret), in any
// case, separated by commas (a space after a comma is allowed). There is no
// wildcard: "*" is malformed, so every suppression says which rules it
// silences and a new rule is never silenced by an old directive. Whether a
// rule exists depends on the configuration (custom rules), so this package
// checks only the syntax; the ignorecheck analyzer reports unknown rules.
//
// The directive must start the comment ("// kvlint:ignore ..." or
// "//kvlint:ignore ..."); a mention of kvlint:ignore inside prose is not a
// directive. A "kvlint:" word with any other verb is a malformed directive,
// so that typos such as kvlint:ingore are reported rather than ignored.
package suppress

import (
	"fmt"
	"strings"
	"unicode"
)

// Prefix starts every directive.
const Prefix = "kvlint:"

// Directive verbs.
const (
	VerbIgnore     = "ignore"
	VerbFileIgnore = "file-ignore"
)

// Directive is one parsed suppression directive.
type Directive struct {
	// FileWide is set for kvlint:file-ignore, which covers the whole file.
	FileWide bool
	// Rules are the rule IDs or names as written.
	Rules []string
	// Reason is the free-text justification.
	Reason string
	// Malformed says why the directive is not valid ("" when it is). A
	// malformed directive suppresses nothing and is reported as KV002.
	Malformed string
	// Trailing is set by FindInLine when text precedes the comment on its
	// line: such a directive covers its own line only.
	Trailing bool
}

// CoversLine reports whether a directive on line dirLine covers line: a
// file-ignore covers every line, a directive alone on its line covers the
// next line (and its own), a trailing one its own line only.
func (d Directive) CoversLine(dirLine, line int) bool {
	return d.FileWide || line == dirLine || !d.Trailing && line == dirLine+1
}

// String formats d in canonical form, such as "kvlint:ignore KV101,KV102 test fixture".
func (d Directive) String() string {
	verb := VerbIgnore
	if d.FileWide {
		verb = VerbFileIgnore
	}
	return Prefix + verb + " " + strings.Join(d.Rules, ",") + " " + d.Reason
}

// Covers reports whether the directive names a rule with this ID or name
// (case-insensitively). A malformed directive covers nothing.
func (d Directive) Covers(id, name string) bool {
	if d.Malformed != "" {
		return false
	}
	for _, r := range d.Rules {
		if strings.EqualFold(r, id) || name != "" && strings.EqualFold(r, name) {
			return true
		}
	}
	return false
}

// Parse parses comment text whose comment markers are already stripped. ok
// reports whether the text is a kvlint directive at all; a directive that is
// one but is not valid comes back with ok and Malformed set. Only the first
// line of the text is read.
func Parse(comment string) (d Directive, ok bool) {
	s, _, _ := strings.Cut(comment, "\n")
	s = strings.TrimSpace(s)
	rest, found := strings.CutPrefix(s, Prefix)
	if !found {
		return Directive{}, false
	}
	if rest == "" || unicode.IsSpace(rune(rest[0])) {
		return Directive{}, false // "kvlint: prose" is not a directive
	}
	verb, rest := cutField(rest)
	if strings.IndexFunc(verb, func(r rune) bool { return r != '-' && !unicode.IsLetter(r) }) >= 0 {
		return Directive{}, false // "kvlint://host" is not a directive
	}
	switch verb {
	case VerbIgnore:
	case VerbFileIgnore:
		d.FileWide = true
	default:
		d.Malformed = fmt.Sprintf("unknown directive %s%s: write kvlint:ignore or kvlint:file-ignore", Prefix, verb)
		return d, true
	}

	// Rules: one field, or several when a field ends with a comma ("KV101, KV102").
	field, rest := cutField(rest)
	list := field
	for strings.HasSuffix(field, ",") && rest != "" {
		field, rest = cutField(rest)
		list += field
	}
	for r := range strings.SplitSeq(list, ",") {
		if r = strings.TrimSpace(r); r != "" {
			d.Rules = append(d.Rules, r)
		}
	}
	d.Reason = strings.TrimSpace(rest)
	switch {
	case len(d.Rules) == 0:
		d.Malformed = fmt.Sprintf("name the rules to ignore: %s%s KV101 reason", Prefix, verb)
	case bad(d.Rules) != "":
		r := bad(d.Rules)
		if r == "*" || strings.EqualFold(r, "all") {
			d.Malformed = "name the rules to ignore (such as KV101): there is no wildcard"
		} else {
			d.Malformed = fmt.Sprintf("%q is not a rule ID or name", truncate(r, 40))
		}
	case d.Reason == "":
		d.Malformed = fmt.Sprintf("a reason is required: %s%s %s why this is not a secret", Prefix, verb, strings.Join(d.Rules, ","))
	}
	return d, true
}

// bad returns the first rule reference that is not an ID or name.
func bad(rules []string) string {
	for _, r := range rules {
		if r == "*" || strings.EqualFold(r, "all") {
			return r
		}
		for i, c := range r {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || i > 0 && (c == '-' || c == '_' || c == '.')) {
				return r
			}
		}
	}
	return ""
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// cutField returns the first whitespace-separated field of s and the rest,
// with leading space removed from both.
func cutField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeftFunc(s[i:], unicode.IsSpace)
}

// Comment markers StripComment and FindInLine know, longest first where one
// is a prefix of another.
var markers = []string{"<!--", "//", "/*", "#", ";", "--"}

// markerAt returns the marker that starts a comment at s[i:], if any: a
// marker counts only at the start of the line or after white space, so that
// "https://host", "a#b", "x--y" and "src/*.go" are not comments.
func markerAt(s string, i int) string {
	if i > 0 && s[i-1] != ' ' && s[i-1] != '\t' {
		return ""
	}
	for _, m := range markers {
		if strings.HasPrefix(s[i:], m) {
			return m
		}
	}
	return ""
}

// commentText strips a comment's markers: the opening one and, for block
// comments, everything from the closing "*/" or "-->" on.
func commentText(s, marker string) string {
	s = s[len(marker):]
	switch marker {
	case "/*":
		s, _, _ = strings.Cut(s, "*/")
	case "<!--":
		s, _, _ = strings.Cut(s, "-->")
	}
	return strings.TrimSpace(s)
}

// StripComment returns the text of the first comment in a line of source in
// a common syntax: // and /* */ (Go, C, JS, HCL), # (YAML, shell, Python,
// TOML, Dockerfile, .env, HCL), ; (INI), -- (SQL, Lua) and <!-- --> (XML,
// HTML). A marker counts only at the start of the line or after white space.
// The heuristic does not know quoting: a " #" inside a quoted value starts a
// "comment" too, which is harmless for finding directives.
func StripComment(line string) (comment string, ok bool) {
	for i := 0; i < len(line); i++ {
		if m := markerAt(line, i); m != "" {
			return commentText(line[i:], m), true
		}
	}
	return "", false
}

// FindInLine finds a directive in a comment anywhere in a line of a plain
// file, in any of the syntaxes StripComment knows:
//
//	password: hunter2 # kvlint:ignore KV100 test fixture
//	API_KEY=abc // kvlint:ignore generic-secret documented sample
//
// Every comment marker on the line is tried in turn, so a marker inside a
// value before the real comment does not hide the directive.
func FindInLine(line string) (Directive, bool) {
	if !strings.Contains(line, Prefix) {
		return Directive{}, false
	}
	for i := 0; i < len(line); i++ {
		m := markerAt(line, i)
		if m == "" {
			continue
		}
		if d, ok := Parse(commentText(line[i:], m)); ok {
			d.Trailing = strings.TrimSpace(line[:i]) != ""
			return d, true
		}
		i += len(m) - 1
	}
	return Directive{}, false
}
