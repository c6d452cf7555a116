package iac

import (
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/kvlint/kvlint/internal/gosite"
)

// The prefilter below decides, from the bytes of a .tf file, whether any
// Terraform check can report in it; other files are not parsed (the text
// checks still run). Parsing with hclsyntax was most of kvlint scan's time
// on Terraform trees, and most .tf files hold nothing these checks report:
// of the azurerm provider's 610 example files it parses 83 (119 when every
// file with an output block was parsed).

// tfChecked reports whether a .tf file can hold anything the Terraform
// checks look at: a key vault resource, data source or identifier
// (azurerm_key_vault...), a provider's client_secret, the word sensitive
// (a sensitive variable, a sensitive output), a variable whose name says it
// holds a secret, or an output that can return a secret (see outputMatters).
// moduleSensitive reports whether another file of the module mentions
// sensitive; it is called only for an output that reads a var.x.
// Content that is not valid UTF-8 is parsed: HCL's scanner takes the bytes
// after a bad lead byte into an identifier (output \xe8"0 { is a block with
// the label \xe8"0), which this byte reading cannot follow.
func tfChecked(content string, moduleSensitive func() bool) bool {
	if !utf8.ValidString(content) {
		return true
	}
	for _, k := range []string{"azurerm_key_vault", "client_secret", "sensitive"} {
		if strings.Contains(content, k) {
			return true
		}
	}
	return secretVariable(content) || outputsMatter(content, moduleSensitive)
}

// secretVariable reports a variable whose name says it holds a secret (KV606,
// KV607), or one this reading cannot name: other variables are read through
// the module when used.
func secretVariable(content string) bool {
	for rest := content; ; {
		i := strings.Index(rest, "variable")
		if i < 0 {
			return false
		}
		rest = rest[i+len("variable"):]
		name := strings.TrimLeft(rest, " \t")
		if q := strings.IndexByte(name, '"'); q == 0 {
			if e := strings.IndexByte(name[1:], '"'); e >= 0 && !isSecretName(name[1:1+e]) && !pluralSecretName(name[1:1+e]) {
				continue
			}
		}
		return true
	}
}

// outputsMatter reports whether an output block of the file can be reported
// (KV608): its body, up to its closing brace (blockEnd), holds a word that
// (*tfScope).secretRef can take for a secret — a secret name (var.db_password,
// azurerm_cosmosdb_account.a.primary_key), a reference to a secret attribute
// (secretAttrs: random_password.p.result; a block such as kube_config lets
// every path into it through), or var.x while the module mentions sensitive. A
// body this reading cannot delimit runs to the end of the file, which only
// parses more.
func outputsMatter(content string, moduleSensitive func() bool) bool {
	for i := 0; ; {
		j := strings.Index(content[i:], "output")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len("output")
		if at > 0 && identByte(content[at-1]) || i >= len(content) || !strings.ContainsRune(" \t\"", rune(content[i])) {
			continue // output_x, outputs, x.output: not the keyword
		}
		open := labelsEnd(content, i)
		if open < 0 {
			return true
		}
		end := blockEnd(content, open)
		if bodyMatters(content[open:end], moduleSensitive) {
			return true
		}
		i = max(i, end)
	}
}

// labelsEnd returns the offset of the { that opens a block whose labels
// start at i, or -1 when the line holds none.
func labelsEnd(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case '{':
			return i
		case '\n':
			return -1
		case '"':
			e := strings.IndexByte(s[i+1:], '"')
			if e < 0 {
				return -1
			}
			i += e + 2
		default:
			i++
		}
	}
	return -1
}

// bodyMatters tests the words of a block body as outputsMatter says.
func bodyMatters(body string, moduleSensitive func() bool) bool {
	for i := 0; i < len(body); {
		if !identByte(body[i]) {
			i++
			continue
		}
		j := i
		for j < len(body) && identByte(body[j]) {
			j++
		}
		// No identifier starts with - or a digit: HCL reads 0-x and -x as a
		// number and a minus before x. The run is tested whole and from
		// its first letter.
		w := body[i:j]
		if wordMatters(w, body[j:], moduleSensitive) {
			return true
		}
		if t := strings.TrimLeft(w, "-0123456789"); t != w && t != "" && wordMatters(t, body[j:], moduleSensitive) {
			return true
		}
		i = j
	}
	return false
}

// wordMatters tests one word of a body, rest what follows it.
func wordMatters(w, rest string, moduleSensitive func() bool) bool {
	switch {
	case isSecretName(w) || pluralSecretName(w) || secretAttrs[w] != nil && secretAttrAfter(rest, secretAttrs[w]):
		return true
	case w == "var" && strings.HasPrefix(rest, ".") && moduleSensitive():
		return true
	}
	return false
}

// secretAttrAfter reports whether rest, what follows a resource type with
// secret attributes, reads one of them: .NAME, any [index], .ATTR; a form
// it does not know counts as one.
func secretAttrAfter(rest string, attrs map[string]bool) bool {
	name, rest := identAfterDot(rest)
	if name == "" {
		return true
	}
	for rest = strings.TrimLeft(rest, " \t"); strings.HasPrefix(rest, "["); rest = strings.TrimLeft(rest, " \t") {
		e := strings.IndexByte(rest, ']')
		if e < 0 {
			return true
		}
		rest = rest[e+1:]
	}
	attr, _ := identAfterDot(rest)
	return attr == "" || attrs[attr]
}

// identAfterDot returns the identifier after a leading dot (blanks around
// it allowed, as HCL allows them) and what follows it, or "".
func identAfterDot(s string) (string, string) {
	s = strings.TrimLeft(s, " \t")
	if !strings.HasPrefix(s, ".") {
		return "", s
	}
	s = strings.TrimLeft(s[1:], " \t")
	j := 0
	for j < len(s) && identByte(s[j]) {
		j++
	}
	return s[:j], s[j:]
}

// identByte reports a byte of an HCL identifier (any non-ASCII byte counts,
// so a Unicode identifier is read whole).
func identByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// blockEnd returns the offset just past the } that closes the { at open,
// skipping quoted strings (with their ${ } and %{ } sequences), comments
// and heredocs; len(s) when it finds none.
func blockEnd(s string, open int) int {
	if e := blockClose(s, open); e >= 0 {
		return e
	}
	return len(s)
}

// blockClose is blockEnd, with -1 when the block is not closed.
func blockClose(s string, open int) int {
	stack := []byte{'{'} // '{' a brace in code, 'i' an interpolation, '"' a string
	for i := open + 1; i < len(s); {
		if stack[len(stack)-1] == '"' {
			switch {
			case s[i] == '\\':
				i += 2
			case s[i] == '"':
				stack = stack[:len(stack)-1]
				i++
			case strings.HasPrefix(s[i:], "$${") || strings.HasPrefix(s[i:], "%%{"):
				i += 3
			case strings.HasPrefix(s[i:], "${") || strings.HasPrefix(s[i:], "%{"):
				stack = append(stack, 'i')
				i += 2
			default:
				i++
			}
			continue
		}
		if e, ok := commentEnd(s, i); ok {
			if e < 0 {
				return -1
			}
			i = e
			continue
		}
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], "<<"):
			i = heredocEnd(s, i)
		case c == '"':
			stack = append(stack, '"')
			i++
		case c == '{':
			stack = append(stack, '{')
			i++
		case c == '}':
			stack = stack[:len(stack)-1]
			i++
			if len(stack) == 0 {
				return i
			}
		default:
			i++
		}
	}
	return -1
}

// heredocEnd returns the offset past the terminator line of a heredoc
// (<<ID or <<-ID) at i, len(s) when it has none, or i+2 when << starts no
// heredoc.
func heredocEnd(s string, i int) int {
	j := i + 2
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for k < len(s) && identByte(s[k]) {
		k++
	}
	id := s[j:k]
	nl := strings.IndexByte(s[k:], '\n')
	if id == "" || nl < 0 || strings.TrimSpace(s[k:k+nl]) != "" {
		return i + 2
	}
	for p := k + nl + 1; p < len(s); {
		e := strings.IndexByte(s[p:], '\n')
		line := s[p:]
		if e >= 0 {
			line = s[p : p+e]
		}
		if strings.TrimSpace(line) == id {
			return p + len(line)
		}
		if e < 0 {
			break
		}
		p += e + 1
	}
	return len(s)
}

// Of a file the prefilter lets through, only the top-level blocks a check
// reads are parsed (parseBlocks): variables, locals, providers and outputs,
// key vault resources and data sources, and blocks whose text holds a
// secret identifier attribute (secret_id) or an @Microsoft.KeyVault
// reference. The other resources of a main.tf, most of its bytes, are not.
// A file that is not valid HCL outside the blocks read is checked by those
// blocks, without the "not valid HCL" note a whole parse gives.

// tfBlock is a top-level block: its type, first label and byte span.
type tfBlock struct {
	typ, label string
	start, end int
}

// topBlocks splits a file into its top-level blocks by their braces
// (blockClose); false when the file holds anything else at the top (an
// attribute, an unclosed block), which the caller parses whole.
func topBlocks(s string) ([]tfBlock, bool) {
	var out []tfBlock
	for i := 0; ; {
		i = skipSpaceComments(s, i)
		if i < 0 {
			return nil, false
		}
		if i == len(s) {
			return out, true
		}
		b := tfBlock{start: i}
		j := i
		for j < len(s) && identByte(s[j]) {
			j++
		}
		if j == i || s[i] == '-' || s[i] >= '0' && s[i] <= '9' {
			return nil, false
		}
		b.typ = s[i:j]
		for {
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j == len(s) {
				return nil, false
			}
			switch c := s[j]; {
			case c == '{':
				b.end = blockClose(s, j)
				if b.end < 0 {
					return nil, false
				}
			case c == '"':
				e := strings.IndexAny(s[j+1:], "\"\\\n")
				if e < 0 || s[j+1+e] != '"' {
					return nil, false // an escape or no closing quote: parse whole
				}
				if b.label == "" {
					b.label = s[j+1 : j+1+e]
				}
				j += e + 2
				continue
			case identByte(c):
				k := j
				for k < len(s) && identByte(s[k]) {
					k++
				}
				if b.label == "" {
					b.label = s[j:k]
				}
				j = k
				continue
			default:
				return nil, false
			}
			break
		}
		out = append(out, b)
		i = b.end
	}
}

// skipSpaceComments returns the offset past blanks, newlines and comments
// at i, or -1 for an unclosed /* comment.
func skipSpaceComments(s string, i int) int {
	for i < len(s) {
		if e, ok := commentEnd(s, i); ok {
			if e < 0 {
				return -1
			}
			i = e
			continue
		}
		if c := s[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return i
		}
		i++
	}
	return i
}

// commentEnd returns the end of an HCL comment that starts at i: the offset
// of the newline that ends a # or // comment (len(s) when none does), or the
// offset past the */ of a /* comment (-1 when it is not closed). ok is false
// when no comment starts at i.
func commentEnd(s string, i int) (end int, ok bool) {
	switch {
	case s[i] == '#' || strings.HasPrefix(s[i:], "//"):
		return gosite.LineEnd(s, i), true
	case strings.HasPrefix(s[i:], "/*"):
		if e := strings.Index(s[i+2:], "*/"); e >= 0 {
			return i + e + 4, true
		}
		return -1, true
	}
	return i, false
}

// readsBlock reports whether a Terraform check reads a top-level block.
func readsBlock(b tfBlock, text string) bool {
	switch b.typ {
	case "variable", "locals", "provider", "output":
		return true
	case "resource", "data":
		if b.label == "azurerm_key_vault" || b.label == "azurerm_key_vault_secret" {
			return true
		}
	}
	return strings.Contains(text, "secret_id") || indexFold(text, kvRefPrefix) >= 0
}

// parseBlocks parses the blocks of a file that a check reads, each at its
// own offset, into one body; nil when the file does not split into blocks
// or a block does not parse, and the caller parses the file whole.
func parseBlocks(path, content string) *hclsyntax.Body {
	blocks, ok := topBlocks(content)
	if !ok {
		return nil
	}
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}}
	line, lineStart, at := 1, 0, 0
	for _, b := range blocks {
		text := content[b.start:b.end]
		if !readsBlock(b, text) {
			continue
		}
		for ; at < b.start; at++ {
			if content[at] == '\n' {
				line, lineStart = line+1, at+1
			}
		}
		pos := hcl.Pos{Line: line, Column: b.start - lineStart + 1, Byte: b.start}
		f, diags := hclsyntax.ParseConfig([]byte(text), path, pos)
		if diags.HasErrors() {
			return nil
		}
		fb := f.Body.(*hclsyntax.Body)
		if len(fb.Attributes) > 0 {
			return nil
		}
		body.Blocks = append(body.Blocks, fb.Blocks...)
	}
	return body
}
