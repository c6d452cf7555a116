package iac

import "strings"

// There is no Bicep parser for Go, so this file reads Bicep with a small
// tokenizer and a parser of what the checks need: top-level declarations
// (param, var, resource, output, with their decorators), resource bodies as
// object literals (nested child resources included), arrays, for-loops and
// if-conditions around resource bodies. Other expressions are kept as spans
// with the functions they call and the symbols they read, interpolations
// inside strings included.
//
// What it does not understand, and how it degrades: user-defined types and
// functions (type, func), imports and extensions are skipped as statements;
// an expression that computes a whole object (union(), a ternary between
// objects) is "unknown" and nothing is reported on what it lacks; modules
// are not followed (a param passed to a module is judged in that module's
// own file). A file it cannot tokenize (an unterminated string or comment)
// is reported as a note and only the text checks run.

// bTokKind is a Bicep token kind.
type bTokKind uint8

const (
	bNewline bTokKind = iota
	bIdent
	bString // '...' (with interpolation when interp is set) or '''...'''
	bNumber
	bPunct
)

// bTok is one Bicep token.
type bTok struct {
	kind       bTokKind
	start, end int
	text       string   // identifier or punctuation; string: the value when not interpolated
	interp     [][2]int // string: spans of the ${...} expressions inside
}

// bicepLex splits content into tokens. ok is false on an unterminated
// string or block comment.
func bicepLex(s string) (toks []bTok, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			toks = append(toks, bTok{kind: bNewline, start: i, end: i + 1})
			i++
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			e := strings.IndexByte(s[i:], '\n')
			if e < 0 {
				return toks, true
			}
			i += e
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			e := strings.Index(s[i+2:], "*/")
			if e < 0 {
				return toks, false
			}
			i += 2 + e + 2
		case c == '\'':
			t, n, good := lexBicepString(s, i)
			if !good {
				return toks, false
			}
			toks = append(toks, t)
			i = n
		case isIdentStart(c):
			j := i + 1
			for j < len(s) && (isIdentStart(s[j]) || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			toks = append(toks, bTok{kind: bIdent, start: i, end: j, text: s[i:j]})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
				j++
			}
			toks = append(toks, bTok{kind: bNumber, start: i, end: j, text: s[i:j]})
			i = j
		default:
			toks = append(toks, bTok{kind: bPunct, start: i, end: i + 1, text: s[i : i+1]})
			i++
		}
	}
	return toks, true
}

func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lexBicepString reads the string starting at s[i] == '\”.
func lexBicepString(s string, i int) (bTok, int, bool) {
	if strings.HasPrefix(s[i:], "'''") {
		e := strings.Index(s[i+3:], "'''")
		if e < 0 {
			return bTok{}, 0, false
		}
		end := i + 3 + e + 3
		return bTok{kind: bString, start: i, end: end, text: s[i+3 : i+3+e]}, end, true
	}
	t := bTok{kind: bString, start: i}
	var b strings.Builder
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if j+1 < len(s) {
				j++
				b.WriteByte(unescapeBicep(s[j]))
			}
		case '\'':
			t.end = j + 1
			if t.interp == nil {
				t.text = b.String()
			}
			return t, j + 1, true
		case '\n':
			return bTok{}, 0, false
		case '$':
			if j+1 < len(s) && s[j+1] == '{' {
				e, ok := interpEnd(s, j+2)
				if !ok {
					return bTok{}, 0, false
				}
				t.interp = append(t.interp, [2]int{j + 2, e})
				j = e // at '}'
				continue
			}
			b.WriteByte('$')
		default:
			b.WriteByte(s[j])
		}
	}
	return bTok{}, 0, false
}

func unescapeBicep(c byte) byte {
	switch c {
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c
}

// interpEnd finds the '}' that closes an interpolation starting at i,
// skipping nested braces and strings.
func interpEnd(s string, i int) (int, bool) {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return j, true
			}
			depth--
		case '\'':
			_, n, ok := lexBicepString(s, j)
			if !ok {
				return 0, false
			}
			j = n - 1
		case '\n':
			return 0, false
		}
	}
	return 0, false
}

// bicepParser reads declarations from tokens.
type bicepParser struct {
	src  string
	toks []bTok
	i    int
	d    *deployment
}

func (p *bicepParser) peek() *bTok {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

func (p *bicepParser) is(kind bTokKind, text string) bool {
	t := p.peek()
	return t != nil && t.kind == kind && (text == "" || t.text == text)
}

func (p *bicepParser) skipNewlines() {
	for p.is(bNewline, "") {
		p.i++
	}
}

// parseBicep reads a Bicep file into a deployment; ok is false when the
// file cannot be tokenized.
func parseBicep(content string) (*deployment, bool) {
	toks, ok := bicepLex(content)
	if !ok {
		return nil, false
	}
	d := &deployment{lang: "Bicep", params: map[string]*dParam{}, vars: map[string]*dValue{}}
	p := &bicepParser{src: content, toks: toks, d: d}
	for p.skipNewlines(); p.i < len(p.toks); p.skipNewlines() {
		p.statement()
	}
	return d, true
}

// statement reads one top-level statement with its decorators.
func (p *bicepParser) statement() {
	secure, desc := false, ""
	for p.is(bPunct, "@") {
		switch name, arg := p.decorator(); name {
		case "secure":
			secure = true
		case "description":
			desc = arg
		}
		p.skipNewlines()
	}
	t := p.peek()
	if t == nil {
		return
	}
	if t.kind != bIdent {
		p.value()
		return
	}
	start := t.start
	p.i++
	switch t.text {
	case "param":
		p.param(start, secure, desc)
	case "var":
		if name, ok := p.ident(); ok && p.punct("=") {
			p.d.vars[name] = p.value()
			return
		}
	case "output":
		p.outputDecl(start, secure)
	case "resource":
		p.resource(start, "")
	}
	p.rest()
}

// decorator reads @name(...) or @sys.name(...) and returns the name, and
// its argument when that is one string literal (@description('...')).
func (p *bicepParser) decorator() (string, string) {
	p.i++ // @
	name, _ := p.ident()
	if name == "sys" && p.punct(".") {
		name, _ = p.ident()
	}
	arg := ""
	if p.is(bPunct, "(") {
		if p.i+2 < len(p.toks) {
			if t, c := p.toks[p.i+1], p.toks[p.i+2]; t.kind == bString && t.interp == nil && c.kind == bPunct && c.text == ")" {
				arg = t.text
			}
		}
		p.value() // the argument list, as an expression
	}
	return name, arg
}

func (p *bicepParser) ident() (string, bool) {
	if t := p.peek(); t != nil && t.kind == bIdent {
		p.i++
		return t.text, true
	}
	return "", false
}

func (p *bicepParser) punct(s string) bool {
	if p.is(bPunct, s) {
		p.i++
		return true
	}
	return false
}

// rest skips to the end of the statement.
func (p *bicepParser) rest() {
	for t := p.peek(); t != nil && t.kind != bNewline; t = p.peek() {
		p.value()
	}
}

// param reads `param NAME TYPE [= default]`, or `param NAME = value` in a
// .bicepparam file.
func (p *bicepParser) param(start int, secure bool, desc string) {
	name, typ, end, ok := p.declHead()
	if !ok {
		return
	}
	dp := &dParam{name: name, start: start, end: end, typ: typ, secure: secure, desc: desc}
	if p.punct("=") {
		dp.def = p.value()
		if dp.typ == "" { // .bicepparam: the type is in the template
			dp.typ = "string"
		}
	}
	p.d.params[name] = dp
	p.d.order = append(p.d.order, dp)
}

// declHead reads the NAME TYPE of a param or output declaration: the name,
// the type's first word (lowercase; "" when there is none) and where the
// type ends. Types run to '=' or the end of the line at depth 0 (unions of
// literals, arrays, object types spanning lines).
func (p *bicepParser) declHead() (name, typ string, end int, ok bool) {
	if name, ok = p.ident(); !ok {
		return "", "", 0, false
	}
	if t := p.peek(); t != nil && t.kind == bIdent {
		typ = strings.ToLower(t.text)
	}
	p.skipBalanced(func(t *bTok) bool { return t.kind == bNewline || t.kind == bPunct && t.text == "=" })
	return name, typ, p.toks[p.i-1].end, true
}

// outputDecl reads `output NAME TYPE = value`.
func (p *bicepParser) outputDecl(start int, secure bool) {
	name, typ, end, ok := p.declHead()
	if !ok {
		return
	}
	o := &dOutput{name: name, start: start, end: end, typ: typ, secure: secure}
	if p.punct("=") {
		o.value = p.value()
	}
	p.d.outputs = append(p.d.outputs, o)
}

// resource reads `resource SYM 'TYPE@API' [existing] = body`, where body is
// an object, `if (cond) {...}` or `[for ...: {...}]`. parent is the full
// type of the enclosing resource for a nested one.
func (p *bicepParser) resource(start int, parent string) {
	sym, ok := p.ident()
	if !ok {
		return
	}
	t := p.peek()
	if t == nil || t.kind != bString || t.interp != nil {
		return
	}
	p.i++
	shown, _, _ := strings.Cut(t.text, "@")
	if parent != "" && !strings.Contains(shown, ".") {
		shown = parent + "/" + shown
	}
	typ := strings.ToLower(shown)
	r := &dResource{label: sym, typ: typ, shown: shown, start: start, end: t.end}
	if p.is(bIdent, "existing") {
		p.i++
		r.existing = true
	}
	if !p.punct("=") {
		return
	}
	r.body = p.resourceBody(shown)
	p.d.resources = append(p.d.resources, r)
}

// resourceBody reads a resource's value, seeing through if and for.
func (p *bicepParser) resourceBody(typ string) *dValue {
	if p.is(bIdent, "if") {
		p.i++
		if p.is(bPunct, "(") {
			p.value()
		}
		p.skipNewlines()
	}
	if p.is(bPunct, "[") && p.isFor() {
		p.i++ // [
		p.forHead()
		body := p.resourceBody(typ)
		p.closeTo("]")
		return body
	}
	if p.is(bPunct, "{") {
		return p.object(typ)
	}
	return p.value()
}

// isFor reports whether the '[' at the cursor opens a for-expression.
func (p *bicepParser) isFor() bool {
	for j := p.i + 1; j < len(p.toks); j++ {
		if p.toks[j].kind == bNewline {
			continue
		}
		return p.toks[j].kind == bIdent && p.toks[j].text == "for"
	}
	return false
}

// forHead skips `for x in xs:` (or `for (x, i) in xs:`): to and past the
// ':' at depth 0.
func (p *bicepParser) forHead() {
	p.skipNewlines()
	p.i++ // for
	p.skipBalanced(func(t *bTok) bool { return t.kind == bPunct && t.text == ":" })
	if p.punct(":") {
		p.skipNewlines()
	}
}

// skipBalanced advances over tokens, brackets nesting, and stops before the
// first token at depth 0 that stop accepts, or before a closing bracket
// that closes nothing opened here. Newlines inside brackets are skipped.
func (p *bicepParser) skipBalanced(stop func(t *bTok) bool) {
	depth := 0
	for t := p.peek(); t != nil; t = p.peek() {
		if depth == 0 && stop(t) {
			return
		}
		if t.kind == bPunct {
			switch t.text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				if depth == 0 {
					return
				}
				depth--
			}
		}
		p.i++
	}
}

// closeTo skips to and past the closing punctuation s at this depth.
func (p *bicepParser) closeTo(s string) {
	for t := p.peek(); t != nil; t = p.peek() {
		if t.kind == bPunct && t.text == s {
			p.i++
			return
		}
		if t.kind == bPunct && (t.text == "]" || t.text == "}" || t.text == ")") {
			return // unbalanced: leave it to the caller
		}
		if t.kind == bNewline {
			p.i++
			continue
		}
		p.value()
	}
}

// bracketed reads the members of an object or array literal opened at the
// cursor and closed by closer: members are separated by newlines or commas;
// member reads one at the cursor. It returns the literal's end offset; an
// unbalanced closer ends it without being consumed.
func (p *bicepParser) bracketed(closer string, member func()) int {
	p.i++ // the opening bracket
	for {
		p.skipNewlines()
		if p.punct(",") {
			continue
		}
		t := p.peek()
		switch {
		case t == nil:
			return len(p.src)
		case t.kind == bPunct && t.text == closer:
			p.i++
			return t.end
		case t.kind == bPunct && (t.text == "}" || t.text == "]" || t.text == ")"):
			return t.start // unbalanced
		}
		member()
	}
}

// object reads an object literal; typ is the full type of the resource
// whose body it is ("" otherwise), for nested resources.
func (p *bicepParser) object(typ string) *dValue {
	v := &dValue{kind: vObject, start: p.toks[p.i].start}
	v.end = p.bracketed("}", func() { p.property(v, typ) })
	return v
}

// property reads one member of an object literal into v: key: value, a
// nested resource declaration, or (skipped) anything else.
func (p *bicepParser) property(v *dValue, typ string) {
	for p.is(bPunct, "@") { // decorators on properties of object types
		p.decorator()
		p.skipNewlines()
	}
	t := p.peek()
	if t == nil {
		return
	}
	next := func(kind bTokKind, text string) bool {
		return p.i+1 < len(p.toks) && p.toks[p.i+1].kind == kind && (text == "" || p.toks[p.i+1].text == text)
	}
	switch {
	case t.kind == bIdent && t.text == "resource" && typ != "" && next(bIdent, ""):
		p.i++
		p.resource(t.start, typ)
	case (t.kind == bIdent || t.kind == bString && t.interp == nil) && next(bPunct, ":"):
		p.i += 2
		val := p.value()
		v.props = append(v.props, dProp{key: t.text, start: t.start, end: val.end, val: val})
	default:
		p.value() // not a property: skip it
	}
}

// array reads an array literal (not a for-expression).
func (p *bicepParser) array() *dValue {
	v := &dValue{kind: vArray, start: p.toks[p.i].start}
	v.end = p.bracketed("]", func() { v.elems = append(v.elems, p.value()) })
	return v
}

// value reads one value: an object, an array, or an expression up to a
// newline, comma or closing bracket at its own depth. It always consumes at
// least one token.
func (p *bicepParser) value() *dValue {
	t := p.peek()
	if t == nil {
		return &dValue{kind: vExpr, start: len(p.src), end: len(p.src)}
	}
	if t.kind == bPunct && t.text == "{" {
		return p.object("")
	}
	if t.kind == bPunct && t.text == "[" && !p.isFor() {
		arr := p.array()
		if p.continues() {
			return p.expr(arr.start, p.i-1, arr)
		}
		return arr
	}
	first := p.i
	p.exprTokens()
	if p.i == first { // a stray closer: consume it so callers progress
		p.i++
		return &dValue{kind: vExpr, start: t.start, end: t.end}
	}
	return p.expr(t.start, first, nil)
}

// continues reports whether the expression goes on after a literal (an
// index, a property access, an operator).
func (p *bicepParser) continues() bool {
	t := p.peek()
	return t != nil && t.kind == bPunct && strings.Contains(".[?!=<>&|+-*/%", t.text)
}

// exprTokens advances over an expression: to a newline, ',' or closer at
// depth 0; brackets nest, and newlines inside them belong to the expression.
func (p *bicepParser) exprTokens() {
	p.skipBalanced(func(t *bTok) bool { return t.kind == bNewline || t.kind == bPunct && t.text == "," })
}

// expr builds the value of the tokens from first to the cursor.
func (p *bicepParser) expr(start, first int, lit *dValue) *dValue {
	toks := p.toks[first:p.i]
	end := toks[len(toks)-1].end
	if lit == nil && len(toks) == 1 {
		t := toks[0]
		switch {
		case t.kind == bString && t.interp == nil:
			return &dValue{kind: vString, start: start, end: end, str: t.text}
		case t.kind == bIdent && (t.text == "true" || t.text == "false"):
			return &dValue{kind: vBool, start: start, end: end, b: t.text == "true"}
		case t.kind == bIdent && t.text == "null":
			return &dValue{kind: vNull, start: start, end: end}
		case t.kind == bNumber:
			return &dValue{kind: vNumber, start: start, end: end}
		}
	}
	v := &dValue{kind: vExpr, start: start, end: end}
	p.facts(toks, v, 0)
	return v
}

// facts records the calls and references of tokens, inside string
// interpolations too.
func (p *bicepParser) facts(toks []bTok, v *dValue, depth int) {
	for k, t := range toks {
		switch t.kind {
		case bIdent:
			afterDot := k > 0 && toks[k-1].kind == bPunct && toks[k-1].text == "."
			call := k+1 < len(toks) && toks[k+1].kind == bPunct && toks[k+1].text == "("
			objKey := k+1 < len(toks) && toks[k+1].kind == bPunct && toks[k+1].text == ":" && !afterDot
			switch {
			case call:
				v.calls = append(v.calls, strings.ToLower(t.text))
			case !afterDot && !objKey && !bicepKeyword[t.text]:
				v.refs = append(v.refs, t.text)
			}
		case bString:
			if depth > 4 {
				continue
			}
			for _, span := range t.interp {
				inner, ok := bicepLex(p.src[span[0]:span[1]])
				if !ok {
					continue
				}
				for i := range inner {
					inner[i].start += span[0]
					inner[i].end += span[0]
					for j := range inner[i].interp {
						inner[i].interp[j][0] += span[0]
						inner[i].interp[j][1] += span[0]
					}
				}
				p.facts(inner, v, depth+1)
			}
		}
	}
}

// bicepKeyword are identifiers in expressions that are not symbols.
var bicepKeyword = map[string]bool{"true": true, "false": true, "null": true, "for": true, "in": true, "if": true}
