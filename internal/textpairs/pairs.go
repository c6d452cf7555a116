package textpairs

import (
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// A Pair is a key bound to a value on one line of text. Off is the byte
// offset of Value within the line. Key and Value are substrings of the
// line: extracting them allocates nothing.
type Pair struct {
	Key   string // the key, or the name that binds the value
	Value string // the value, unquoted
	Off   int    // Value's byte offset in the line
}

// Max bounds the pairs taken from one line.
const Max = 4

// Line finds the key/value pairs on a line of text and stores
// them in dst, returning how many it found. It understands
//
//	key: value          key = value        KEY=value        key := "value"
//	"key": "value",     export KEY=value   set KEY=value    ENV KEY value
//	setx KEY value (Windows; an unquoted value is one token)
//	--password value    --password=value   - key: value     <key>value</key>
//	| KEY | value | ... (a Markdown table row)
//	private static final String KEY = "value"      (a declaration)
//	.password("value")  setApiKey('value')         (a call with one literal)
//	api_key == "value"  token === 'value'          (a comparison)
//
// Quotes around values are stripped; trailing commas, semicolons and
// " # comments" after unquoted values are dropped.
func Line(line string, dst *[Max]Pair) int {
	n := 0
	i := skipSpace(line, 0)
	// Prefixes that come before a key.
	for _, pre := range [...]string{"export ", "set ", "setx ", "ENV ", "ARG ", "- ", "$env:", "declare -x ", "readonly ", "local "} {
		if strings.HasPrefix(line[i:], pre) {
			i = skipSpace(line, i+len(pre))
			break
		}
	}
	first := line[skipSpace(line, 0):]
	dockerEnv := i >= 4 && strings.HasPrefix(first, "ENV ")
	setx := i >= 5 && strings.HasPrefix(first, "setx ")

	if i < len(line) && line[i] == '|' {
		n = tableRow(line, i, dst)
	} else if k, v, off, ok := keyValue(line, i, dockerEnv || setx); ok {
		if setx && line[off-1] != '"' && line[off-1] != '\'' {
			// setx NAME value [/m]: an unquoted value is one token.
			v, off = flagValue(line, off)
		}
		dst[n] = Pair{k, v, off}
		n++
	} else if p, ok := xmlElement(line, i); ok {
		dst[n] = p
		n++
	} else if p, ok := declaration(line, i); ok {
		dst[n] = p
		n++
	}
	// Command-line flags: --password value, --password=value.
	for j := 0; n < Max; {
		k := strings.Index(line[j:], "--")
		if k < 0 {
			break
		}
		k += j
		j = k + 2
		if k > 0 && line[k-1] != ' ' && line[k-1] != '\t' && line[k-1] != '"' && line[k-1] != '\'' {
			continue
		}
		e := j
		for e < len(line) && isKeyByte(line[e]) {
			e++
		}
		if e == j || e >= len(line) || (line[e] != '=' && line[e] != ' ') {
			continue
		}
		name := line[j:e]
		vs := e + 1
		if line[e] == ' ' {
			vs = skipSpace(line, vs)
			if vs < len(line) && line[vs] == '-' {
				continue // the next token is another flag
			}
		}
		v, off := flagValue(line, vs)
		if v != "" {
			dst[n] = Pair{name, v, off}
			n++
		}
		j = vs
	}
	return codePairs(line, dst, n)
}

// keyValue parses "key SEP value" starting at i, where SEP is one of ":",
// "=", ":=", or (for Docker's ENV) a space.
func keyValue(line string, i int, spaceSep bool) (key, value string, off int, ok bool) {
	if i >= len(line) {
		return "", "", 0, false
	}
	var ks, ke int
	j := i
	if q := line[i]; q == '"' || q == '\'' {
		e := strings.IndexByte(line[i+1:], q)
		if e <= 0 {
			return "", "", 0, false
		}
		ks, ke = i+1, i+1+e
		j = ke + 1
	} else {
		for j < len(line) && isKeyByte(line[j]) {
			j++
		}
		if j == i {
			return "", "", 0, false
		}
		ks, ke = i, j
	}
	j = skipSpace(line, j)
	switch {
	case strings.HasPrefix(line[j:], ":="):
		j += 2
	case j < len(line) && (line[j] == ':' || line[j] == '='):
		if j+1 < len(line) && line[j] == '=' && line[j+1] == '=' {
			return "", "", 0, false // a comparison
		}
		j++
	case spaceSep && j > ke && j < len(line):
		// ENV KEY value
	default:
		return "", "", 0, false
	}
	if j < len(line) && line[j] == ':' && line[j-1] == ':' {
		return "", "", 0, false // "a::b" is not a key
	}
	j = skipSpace(line, j)
	v, off := unquoteValue(line, j)
	if v == "" {
		return "", "", 0, false
	}
	return line[ks:ke], v, off, true
}

// xmlElement parses <key>value</key>.
func xmlElement(line string, i int) (Pair, bool) {
	if i >= len(line) || line[i] != '<' {
		return Pair{}, false
	}
	j := i + 1
	for j < len(line) && isKeyByte(line[j]) {
		j++
	}
	if j == i+1 || j >= len(line) || line[j] != '>' {
		return Pair{}, false
	}
	key := line[i+1 : j]
	vs := j + 1
	ve := strings.Index(line[vs:], "</")
	if ve <= 0 {
		return Pair{}, false
	}
	return Pair{key, line[vs : vs+ve], vs}, true
}

// unquoteValue returns the value that starts at i: the text between matching
// quotes, or the unquoted rest of the line without a trailing comment, comma
// or semicolon.
func unquoteValue(line string, i int) (string, int) {
	if i >= len(line) {
		return "", i
	}
	if q := line[i]; q == '"' || q == '\'' || q == '`' {
		e := i + 1
		for e < len(line) && line[e] != q {
			if line[e] == '\\' && q == '"' {
				e++
			}
			e++
		}
		if e > len(line) {
			e = len(line)
		}
		return line[i+1 : e], i + 1
	}
	e := len(line)
	if k := strings.Index(line[i:], " #"); k >= 0 {
		e = i + k
	}
	for e > i && (line[e-1] == ' ' || line[e-1] == '\t' || line[e-1] == ',' || line[e-1] == ';') {
		e--
	}
	return line[i:e], i
}

// flagValue returns the command-line value starting at i: a quoted string or
// one unquoted token.
func flagValue(line string, i int) (string, int) {
	if i >= len(line) {
		return "", i
	}
	if q := line[i]; q == '"' || q == '\'' {
		return unquoteValue(line, i)
	}
	e := i
	for e < len(line) && line[e] != ' ' && line[e] != '\t' && line[e] != '"' && line[e] != '\'' {
		e++
	}
	return line[i:e], i
}

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// tableRow takes the pairs of a Markdown table row that starts at i: a cell
// that is a key (`DB_PASSWORD`, **token**) binds the next cell. Separator
// rows (|---|:--:|) bind nothing.
func tableRow(line string, i int, dst *[Max]Pair) int {
	n := 0
	prevKey := ""
	for i < len(line) && line[i] == '|' && n < Max {
		e := strings.IndexByte(line[i+1:], '|')
		if e < 0 {
			break // the last cell is open: not a cell
		}
		cs, ce := trimCell(line, i+1, i+1+e)
		cell := line[cs:ce]
		if prevKey != "" && cell != "" {
			dst[n] = Pair{prevKey, cell, cs}
			n++
		}
		prevKey = ""
		if isKeyCell(cell) {
			prevKey = cell
		}
		i += 1 + e
	}
	return n
}

// trimCell trims blanks, and backticks or ** around a cell's text.
func trimCell(line string, s, e int) (int, int) {
	s = skipSpace(line, s)
	for e > s && (line[e-1] == ' ' || line[e-1] == '\t') {
		e--
	}
	for _, m := range [...]string{"`", "**", "*", "_"} {
		if e-s > 2*len(m) && strings.HasPrefix(line[s:e], m) && strings.HasSuffix(line[s:e], m) {
			s, e = s+len(m), e-len(m)
			break
		}
	}
	return s, e
}

// isKeyCell reports whether a table cell is a key: key bytes only, with a
// letter, and not a separator (---, :-:).
func isKeyCell(c string) bool {
	letter := false
	for i := 0; i < len(c); i++ {
		if !isKeyByte(c[i]) {
			return false
		}
		letter = letter || c[i] >= 'a' && c[i] <= 'z' || c[i] >= 'A' && c[i] <= 'Z'
	}
	return letter
}

// State carries a key from one line of text to the next, for
// values that stand on the line after their key:
//
//	password: |         password: >-        password:          <password>
//	  s3cr3t...           s3cr3t...           s3cr3t...          s3cr3t...
//	                                                           </password>
//
// (YAML block scalars, a YAML plain scalar on the next line, an XML element
// whose text has lines of its own). The zero State is ready.
//
// It also carries a secret flag whose value is on the next line of a
// continued command (--password \, -Password `), and the column of a
// Markdown table whose header names a secret (| User | Password |), which
// binds that cell of every row of the table.
type State struct {
	key    string // the pending key, a substring of the previous line
	indent int    // the key line's indentation: a YAML value is indented more
	xml    bool   // the value is an XML element's text
	block  bool   // a YAML block scalar (| or >): any more indented line is its text
	flag   bool   // a command-line flag continued on this line: its first token

	table    tableState
	tableCol int    // the secret column (0-based cell index)
	tableKey string // its header, a substring of the header line

	sib siblings // a name: key holding a secret name, whose value: sibling follows
	own owner    // an initializer or call of a secret's type, open over several lines
}

// owner follows an object initializer or a call of a type whose name names
// a secret (detect.SecretOwner) over the lines it spans, and binds its
// generic fields (Key = "...", value: "...") to that name:
//
//	var o = new ApiKeyOptions     val opts = ApiKeyOptions(
//	{                                 header = "X-Api-Key",
//	    Key = "s3cr3t...",            key = "s3cr3t...",
//	};                            )
type owner struct {
	name  string // the secret the type names (ApiKey), a substring of its line
	depth int    // braces and parentheses open since the type
	open  bool   // the initializer's brace or the call's parenthesis is open
}

// next returns the pair a pending owner binds on line, and reads line for
// the start or end of an initializer.
func (o *owner) next(line string) (Pair, bool) {
	if blank(line) {
		return Pair{}, false
	}
	if o.name == "" {
		*o = owner{}
		if name, open, ok := ownerLine(line); ok {
			*o = owner{name: name, open: open}
			if open {
				o.depth = 1
			}
		}
		return Pair{}, false
	}
	i := skipSpace(line, 0)
	if !o.open {
		if line[i] != '{' && line[i] != '(' {
			*o = owner{}
			return Pair{}, false
		}
		o.open = true
	}
	var p Pair
	ok := false
	if k, v, off, kv := keyValue(line, i, false); kv && detect.TypedField(k) && off > 0 && (line[off-1] == '"' || line[off-1] == '\'') {
		p, ok = Pair{o.name, v, off}, true
	}
	o.depth += bracketDepth(line)
	if o.depth <= 0 {
		*o = owner{}
	}
	return p, ok
}

// ownerLine reads a line that ends where an initializer or a call of a
// secret's type begins: "new ApiKeyOptions", "new ApiKeyOptions() {",
// "ApiKeyOptions(". It returns the secret's name and whether the brace or
// parenthesis opened on this line.
func ownerLine(line string) (string, bool, bool) {
	t := strings.TrimRight(line, " \t")
	open, call := false, false
	if n := len(t); n > 0 && (t[n-1] == '{' || t[n-1] == '(') {
		open, call = true, t[n-1] == '('
		t = strings.TrimRight(t[:n-1], " \t")
	}
	t = strings.TrimSuffix(t, "()")
	if strings.HasSuffix(t, ">") {
		if k := strings.LastIndexByte(t, '<'); k >= 0 {
			t = t[:k]
		}
	}
	e := len(t)
	s := e
	for s > 0 && (isKeyByte(t[s-1]) && t[s-1] != '-' && t[s-1] != '.') {
		s--
	}
	if s == e || !(call || strings.HasSuffix(t[:s], "new ")) {
		return "", false, false
	}
	name, ok := detect.SecretOwner(t[s:e])
	return name, open, ok
}

// bracketDepth returns how many braces and parentheses line opens (less
// those it closes), outside quoted strings.
func bracketDepth(line string) int {
	d := 0
	var q byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case q != 0:
			if c == '\\' {
				i++
			} else if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '{' || c == '(':
			d++
		case c == '}' || c == ')':
			d--
		}
	}
	return d
}

// siblings follows a mapping whose name (or key) member holds a secret
// name and binds its value member, on a later line, to that name: a YAML
// sequence item "name: sqlPassword" with "value: <pw>" on the next line at
// the same column, or a JSON object's "name": "API_TOKEN" member with
// "value": "<tok>" on a line of its own (Azure Pipelines variables,
// Kubernetes env, Helm --set lists, ECS and App Service settings,
// CloudFormation ParameterKey/ParameterValue). A sibling stands at the
// holder's column; a line indented less ends the mapping.
//
// A key that is itself a secret name and opens a mapping binds that
// mapping's value member the same way (Azure DevOps variable JSON, Helm
// values):
//
//	"sqlPassword": {             password:
//	  "value": "s3cr3t...",        value: s3cr3t...
type siblings struct {
	name  string // the secret name, a substring of the holder's line
	col   int    // the holder key's column; the parent key's for a child
	child bool   // the value is a member of the mapping the key opens
	level int    // a child's column, once its first member is seen
}

// next returns the pair a pending holder binds on line, and reads line for
// a new holder.
func (sb *siblings) next(line string) (Pair, bool) {
	if blank(line) {
		return Pair{}, false
	}
	i := skipSpace(line, 0)
	if p, ok := sb.bind(line, i); ok {
		return p, true
	}
	if strings.HasPrefix(line[i:], "- ") {
		i = skipSpace(line, i+2)
	}
	if k, ok := parentKey(line, i); ok {
		*sb = siblings{name: k, col: skipSpace(line, 0), child: true}
		return Pair{}, false
	}
	k, v, _, ok := keyValue(line, i, false)
	if !ok || !holderKey(k) || !detect.SecretName(v) || !keyName(v) {
		return Pair{}, false
	}
	*sb = siblings{name: v, col: i}
	return Pair{}, false
}

// bind returns the pair a pending holder binds on line (indented i), and
// ends the mapping at a line indented less.
func (sb *siblings) bind(line string, i int) (Pair, bool) {
	if sb.name == "" {
		return Pair{}, false
	}
	at := sb.col
	if sb.child {
		if i <= sb.col {
			*sb = siblings{}
			return Pair{}, false
		}
		if sb.level == 0 {
			sb.level = i
		}
		at = sb.level
	}
	switch {
	case i < at:
		*sb = siblings{}
	case i == at:
		if k, v, off, ok := keyValue(line, i, false); ok && (strings.EqualFold(k, "value") || strings.EqualFold(k, "parametervalue")) {
			p := Pair{sb.name, v, off}
			*sb = siblings{}
			return p, true
		}
	}
	return Pair{}, false
}

// parentKey reads a line whose key is a secret name and opens a mapping:
// "key": { or key: with nothing after it.
func parentKey(line string, i int) (string, bool) {
	if k, v, _, ok := keyValue(line, i, false); ok {
		return k, v == "{" && detect.SecretName(k)
	}
	j := i
	for j < len(line) && isKeyByte(line[j]) {
		j++
	}
	if j == i || j >= len(line) || line[j] != ':' {
		return "", false
	}
	rest := strings.TrimSpace(line[j+1:])
	if rest != "" && rest[0] != '#' {
		return "", false
	}
	return line[i:j], detect.SecretName(line[i:j])
}

// holderKey reports whether k is a key whose value names a sibling's value.
func holderKey(k string) bool {
	for _, h := range [...]string{"name", "key", "parameterkey", "parametername"} {
		if strings.EqualFold(k, h) {
			return true
		}
	}
	return false
}

// keyName reports whether v is a name: key bytes (and /) only.
func keyName(v string) bool {
	for i := 0; i < len(v); i++ {
		if !isKeyByte(v[i]) && v[i] != '/' {
			return false
		}
	}
	return v != ""
}

// tableState is where a Markdown table with a secret column stands.
type tableState uint8

const (
	noTable     tableState = iota
	tableHeader            // the header row named a secret column; the separator row follows
	tableBody              // rows
)

// Next returns the pair that a key on an earlier line binds on line, if
// any, and reads line for a key whose value follows. Lines are passed in
// order, without their line ends.
func (st *State) Next(line string) (Pair, bool) {
	sp, sok := st.sib.next(line)
	op, ook := st.own.next(line)
	p, ok := st.value(line)
	if ok || !blank(line) {
		sib, own := st.sib, st.own
		st.read(line)
		st.sib, st.own = sib, own
	}
	switch {
	case ok:
		return p, true
	case sok:
		return sp, true
	}
	return op, ook
}

// value returns the pending key's value on line.
func (st *State) value(line string) (Pair, bool) {
	if st.table == tableBody {
		if c, off, ok := tableCell(line, st.tableCol); ok && c != "" {
			return Pair{st.tableKey, c, off}, true
		}
		return Pair{}, false
	}
	if st.key == "" || blank(line) {
		return Pair{}, false
	}
	i := skipSpace(line, 0)
	if st.flag {
		if line[i] == '-' {
			return Pair{}, false // another flag
		}
		v, off := flagValue(line, i)
		return Pair{st.key, v, off}, v != ""
	}
	if st.xml {
		e := strings.Index(line[i:], "</")
		if e < 0 {
			e = len(line) - i
		}
		v := strings.TrimRight(line[i:i+e], " \t")
		if v == "" || v[0] == '<' {
			return Pair{}, false
		}
		return Pair{st.key, v, i}, true
	}
	if i <= st.indent {
		return Pair{}, false // a sibling or parent key: the value was empty
	}
	rest := line[i:]
	if !st.block {
		// A plain scalar, not a nested mapping, sequence or comment.
		if rest[0] == '#' || rest[0] == '-' || rest[0] == '{' || rest[0] == '[' {
			return Pair{}, false
		}
		if _, _, _, kv := keyValue(line, i, false); kv {
			return Pair{}, false
		}
		if q := rest[0]; q == '"' || q == '\'' {
			v, off := unquoteValue(line, i)
			return Pair{st.key, v, off}, v != ""
		}
	}
	v := strings.TrimRight(rest, " \t")
	return Pair{st.key, v, i}, true
}

// read sets the pending key from line: "key: |", "key: >-", "key:" with
// nothing after, or "<key>" alone. Any other line clears it.
func (st *State) read(line string) {
	if st.readTable(line) {
		return
	}
	*st = State{}
	if k, ok := continuedFlag(line); ok {
		*st = State{key: k, flag: true}
		return
	}
	i := skipSpace(line, 0)
	if strings.HasPrefix(line[i:], "- ") {
		i = skipSpace(line, i+2)
	}
	if i < len(line) && line[i] == '<' {
		if p, ok := xmlOpen(line, i); ok {
			*st = State{key: p, xml: true}
		}
		return
	}
	ks := i
	for i < len(line) && isKeyByte(line[i]) {
		i++
	}
	if i == ks || i >= len(line) || line[i] != ':' {
		return
	}
	key := line[ks:i]
	rest := strings.TrimSpace(line[i+1:])
	if k := strings.Index(rest, " #"); k >= 0 {
		rest = strings.TrimSpace(rest[:k])
	}
	block := false
	switch {
	case rest == "":
	case rest[0] == '|' || rest[0] == '>':
		if strings.Trim(rest[1:], "+-0123456789") != "" {
			return
		}
		block = true
	default:
		return
	}
	*st = State{key: key, indent: skipSpace(line, 0), block: block}
}

// xmlOpen returns the name of an element opened alone at line[i:]: <key> or
// <key attr="x">, with nothing after it.
func xmlOpen(line string, i int) (string, bool) {
	j := i + 1
	for j < len(line) && isKeyByte(line[j]) {
		j++
	}
	if j == i+1 {
		return "", false
	}
	gt := strings.IndexByte(line[j:], '>')
	if gt < 0 || (line[j] != '>' && line[j] != ' ') || strings.TrimSpace(line[j+gt+1:]) != "" {
		return "", false
	}
	if gt > 0 && line[j+gt-1] == '/' {
		return "", false // <key/> is empty
	}
	return line[i+1 : j], true
}

func blank(line string) bool { return strings.TrimSpace(line) == "" }

// readTable follows a Markdown table: a row whose cells name a secret
// column, then the separator row, then the body. It reports whether line is
// part of such a table.
func (st *State) readTable(line string) bool {
	row := isTableRow(line)
	switch {
	case st.table == tableHeader && row && separatorRow(line):
		st.table = tableBody
		return true
	case st.table == tableBody && row:
		return true
	case row && !separatorRow(line):
		for col := 0; ; col++ {
			c, _, ok := tableCell(line, col)
			if !ok {
				break
			}
			if c != "" && detect.SecretName(c) {
				*st = State{table: tableHeader, tableCol: col, tableKey: c}
				return true
			}
		}
	}
	return false
}

// isTableRow reports whether line is a Markdown table row: | first, | last.
func isTableRow(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) >= 3 && t[0] == '|' && t[len(t)-1] == '|'
}

// separatorRow reports a table's separator row: |---|:--:|.
func separatorRow(line string) bool {
	dash := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// tableCell returns the text of cell col (0-based) of a table row, trimmed
// as trimCell does, with its offset in line.
func tableCell(line string, col int) (string, int, bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '|' {
		return "", 0, false
	}
	for n := 0; ; n++ {
		e := strings.IndexByte(line[i+1:], '|')
		if e < 0 {
			return "", 0, false
		}
		if n == col {
			cs, ce := trimCell(line, i+1, i+1+e)
			return line[cs:ce], cs, true
		}
		i += 1 + e
	}
}

// continuedFlag reports a command line continued on the next line (a
// trailing \, PowerShell's ` or cmd's ^) whose last token is a secret flag
// (--password, -Password, --client-secret, -p): the next line's first token
// is its value. It returns the flag's name.
func continuedFlag(line string) (string, bool) {
	t := strings.TrimRight(line, " \t")
	if len(t) < 3 {
		return "", false
	}
	switch t[len(t)-1] {
	case '\\', '`', '^':
	default:
		return "", false
	}
	t = strings.TrimRight(t[:len(t)-1], " \t")
	sp := strings.LastIndexAny(t, " \t")
	tok := t[sp+1:]
	if len(tok) < 2 || tok[0] != '-' || sp < 0 {
		return "", false
	}
	name := strings.TrimLeft(tok, "-")
	if tok == "-p" {
		return "password", true
	}
	if name == "" || strings.ContainsAny(name, "=\"'") || !detect.FlagSecretName(name) {
		return "", false
	}
	return name, true
}
