package detect

import "strings"

// Structural value contexts: places whose structure, not a variable name,
// says that a token is a secret.
//
//	- name: DB_PASSWORD          {"name": "API_TOKEN", "value": "<tok>"}
//	  value: <pw>                ParameterKey=DbPassword,ParameterValue=<pw>
//	{"auths": {"reg": {"auth": "<base64 of user:password>"}}}
//	new ApiKeyOptions { HeaderName = "X-Api-Key", Key = "<key>" }
//	<machineKey validationKey="<hex>" decryptionKey="<hex>" />
//	the password is <pw>, password `<pw>`
//	net use \\host\share /user:DOMAIN\user <pw>, cmdkey /pass:<pw>

// holderWord is what a holder marker's word says: a key that holds the
// name of a sibling's value, a generic field a type qualifies, or both.
type holderWord uint8

const (
	holdsName  holderWord = 1 << iota // name: DB_PASSWORD binds the sibling value
	typedField                        // Key = "..." inside new ApiKeyOptions { }
)

// holderMarkers returns the markers of the name/value and typed-field
// contexts: each word followed by each separator form.
func holderMarkers() []contextMarker {
	return markersOf(exHolder, []string{"name", "key", "value", "parameterkey", "parametername"},
		":", "=", " =", " :", `":`, `" :`, `':`, `'=`, `"=`)
}

// markersOf returns the markers of extractor at: each word followed by each
// of the suffixes.
func markersOf(at extractor, words []string, suffixes ...string) []contextMarker {
	out := make([]contextMarker, 0, len(words)*len(suffixes))
	for _, w := range words {
		for _, f := range suffixes {
			out = append(out, contextMarker{marker: w + f, at: at})
		}
	}
	return out
}

// holderKind returns what the holder word w (lowercase marker text without
// its separator) says.
func holderKind(w string) holderWord {
	switch w {
	case "name", "parametername", "parameterkey":
		return holdsName
	case "key":
		return holdsName | typedField
	case "value":
		return typedField
	}
	return 0
}

// keyStart reports whether a key may start at v[at]: at the start of the
// value or of a line, or after a blank, an opening bracket, a comma or a
// semicolon.
func keyStart(v string, at int) bool {
	if at == 0 {
		return true
	}
	switch v[at-1] {
	case ' ', '\t', '\n', '\r', '{', '(', '[', ',', ';':
		return true
	}
	return false
}

// holderAt handles a holder word and its separator: "name: DB_PASSWORD"
// binds its sibling "value", and "Key = "..."" inside an initializer or
// call of a type that names a secret binds the literal.
func holderAt(v, m string, after int, fn func(contextCandidate)) {
	at := after - len(m)
	word := strings.TrimRight(m, ` :="'`)
	ks := at
	if q := m[len(word)]; q == '"' || q == '\'' {
		if at == 0 || v[at-1] != q {
			return
		}
		ks = at - 1
	}
	if !keyStart(v, ks) {
		return
	}
	if m[len(m)-1] == '=' && after < len(v) && v[after] == '=' {
		return // a comparison
	}
	kind := holderKind(strings.ToLower(word))
	vs := skipBlanks(v, after)
	s, e := tokenAt(v, vs)
	if e <= s {
		return
	}
	quoted := s > vs
	if kind&holdsName != 0 && secretName(v[s:e]) && keyBytes(v[s:e]) {
		from := e // the separator or line end after a bare name
		if quoted {
			from = min(e+1, len(v))
		}
		if cs, ce, ok := siblingValue(v, ks, from); ok {
			fn(contextCandidate{kind: CtxNameValue, name: v[s:e], start: cs, end: ce})
		}
	}
	if kind&typedField != 0 && quoted && e < len(v) && v[e] == v[vs] {
		if owner, ok := ownerType(v, ks); ok {
			if name, ok := SecretOwner(owner); ok {
				fn(contextCandidate{kind: CtxTypedInit, name: name, start: s, end: e})
			}
		}
	}
}

// keyBytes reports whether s is a key: letters, digits and _ - . / only.
func keyBytes(s string) bool {
	if !alnumOr(s, "_-./") {
		return false
	}
	return s != ""
}

// siblingValue finds the "value" (or ParameterValue) sibling of a holder
// key that starts at ks, looking from i on: on the holder's line anywhere
// at the same bracket depth, on later lines only as a key at the holder's
// column (a YAML mapping's sibling, a JSON object's member on its own
// line). The mapping ends at a closing bracket, a line indented less, or
// after 1 KB.
func siblingValue(v string, ks, i int) (int, int, bool) {
	col := ks - (strings.LastIndexByte(v[:ks], '\n') + 1)
	// A YAML sequence item "- name: x" has its siblings at the key's column.
	sameLine, depth := true, 0
	keyPos := false
	for limit := min(len(v), i+1024); i < limit; i++ {
		c := v[i]
		if keyPos && depth == 0 {
			if s, e, ok := valueKeyAt(v, i); ok {
				return s, e, true
			}
		}
		keyPos = false
		switch c {
		case '"', '\'':
			if e := strings.IndexByte(v[i+1:], c); e >= 0 && !strings.Contains(v[i+1:i+1+e], "\n") {
				i += e + 1
			}
		case '{', '[', '(':
			depth++
			keyPos = sameLine
		case '}', ']', ')':
			if depth == 0 {
				return 0, 0, false
			}
			depth--
		case ',', ' ', '\t', ';':
			keyPos = sameLine
		case '\n':
			sameLine = false
			j := skipBlanks(v, i+1)
			if j >= len(v) || v[j] == '\n' || v[j] == '\r' {
				continue
			}
			if ind := j - i - 1; ind < col {
				return 0, 0, false
			} else if ind == col && depth == 0 {
				if s, e, ok := valueKeyAt(v, j); ok {
					return s, e, true
				}
			}
		}
	}
	return 0, 0, false
}

// valueKeyAt reports whether a "value" key and its separator start at
// v[i] (value:, "value":, Value =, ParameterValue=), and returns the bounds
// of the value after it.
func valueKeyAt(v string, i int) (int, int, bool) {
	q := byte(0)
	if v[i] == '"' || v[i] == '\'' {
		q = v[i]
		i++
	}
	n := 0
	switch {
	case hasPrefixFold(v[i:], "parametervalue"):
		n = len("parametervalue")
	case hasPrefixFold(v[i:], "value"):
		n = len("value")
	default:
		return 0, 0, false
	}
	i += n
	if q != 0 {
		if i >= len(v) || v[i] != q {
			return 0, 0, false
		}
		i++
	}
	i = skipBlanks(v, i)
	if i >= len(v) || (v[i] != ':' && v[i] != '=') || (i+1 < len(v) && v[i+1] == '=') {
		return 0, 0, false // valueFrom:, value == x
	}
	i = skipBlanks(v, i+1)
	if i < len(v) && (v[i] == '|' || v[i] == '>') {
		return 0, 0, false // a block scalar: its text is on the next lines
	}
	s, e := tokenAt(v, i)
	return s, e, e > s
}

// hasPrefixFold reports whether s starts with the lowercase prefix,
// ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// ownerType returns the type whose initializer or call holds a field that
// starts at at: new ApiKeyOptions { ..., Key = "x" }, ApiKeyOptions(key =
// "x"), new ApiKeyOptions() { Key = "x" }, or the key of the mapping that
// holds it: "sqlPassword": { "value": "x", "isSecret": true }. It walks back
// to the unmatched opening brace or parenthesis and reads the name before
// it.
func ownerType(v string, at int) (string, bool) {
	depth := 0
	open := -1
	for i := at - 1; i >= 0 && at-i < 1024 && open < 0; i-- {
		switch v[i] {
		case ')', '}', ']':
			depth++
		case '(', '{', '[':
			if depth == 0 {
				open = i
			}
			depth--
		case '"', '\'':
			if k := strings.LastIndexByte(v[:i], v[i]); k >= 0 && !strings.Contains(v[k:i], "\n") {
				i = k
			}
		}
	}
	if open < 0 || v[open] == '[' {
		return "", false
	}
	j := open
	for j > 0 && (v[j-1] == ' ' || v[j-1] == '\t' || v[j-1] == '\n' || v[j-1] == '\r') {
		j--
	}
	if v[open] == '{' && j > 1 && v[j-1] == ')' && v[j-2] == '(' { // new X() { ... }
		j -= 2
	}
	if v[open] == '{' && j > 0 && (v[j-1] == ':' || v[j-1] == '=') { // "adminPassword": { "value": ... }
		return mappingKey(v, j-1)
	}
	if j > 0 && v[j-1] == '>' { // new Options<T> { ... }
		if k := strings.LastIndexByte(v[:j-1], '<'); k >= 0 {
			j = k
		}
	}
	e := j
	for j > 0 && (isAlnum(v[j-1]) || v[j-1] == '_') {
		j--
	}
	if j == e || isDigit(v[j]) {
		return "", false
	}
	return v[j:e], true
}

// mappingKey returns the key before the separator at v[sep] ("key": or
// key =), quoted or not.
func mappingKey(v string, sep int) (string, bool) {
	e := sep
	for e > 0 && (v[e-1] == ' ' || v[e-1] == '\t') {
		e--
	}
	if e > 0 && (v[e-1] == '"' || v[e-1] == '\'') {
		e--
	}
	s := e
	for s > 0 && (isAlnum(v[s-1]) || v[s-1] == '_' || v[s-1] == '-' || v[s-1] == '.') {
		s--
	}
	return v[s:e], s < e
}

// ownerTails are the trailing words of a type name that say it holds
// settings or arguments, not what they are: ApiKeyOptions is an API key's.
var ownerTails = []string{"options", "settings", "config", "configuration", "info", "params", "parameters",
	"args", "arguments", "request", "model", "dto", "data", "details", "spec", "descriptor", "entry"}

// SecretOwner reports whether a type name names a secret once its
// settings-like tails are dropped (ApiKeyOptions, SecretSettings,
// KeyVaultSecret; not SortOptions, KeyValuePair or Dictionary), and returns
// the name without them (ApiKey): a generic field of that type, Key or
// Value, holds the secret. It does not allocate.
func SecretOwner(owner string) (string, bool) {
	var buf [8]span
	n := wordsOf(owner, buf[:])
	for n > 1 && eqAny(owner[buf[n-1].s:buf[n-1].e], ownerTails) {
		n--
	}
	if n == 0 || publicOwner(owner) || !secretName(owner[:buf[n-1].e]) {
		return "", false
	}
	return owner[:buf[n-1].e], true
}

// TypedField reports whether a field name is one a secret's type
// qualifies: Key or Value, too generic to say anything alone.
func TypedField(name string) bool {
	return strings.EqualFold(name, "key") || strings.EqualFold(name, "value")
}

// secretOwnerField reports whether ctx is a generic field (Key, Value) of a
// holder whose type or name names a secret: Go's ApiKeyOptions{Key: "..."},
// as the C# and Kotlin initializers' context reads it in plain files.
func secretOwnerField(ctx Context) bool {
	if ctx.Owner == "" || !TypedField(ctx.Name) {
		return false
	}
	_, ok := SecretOwner(ctx.Owner)
	return ok
}

// dockerAuthAt finds a Docker config's "auth": "<base64 of user:password>"
// (~/.docker/config.json, DOCKER_AUTH_CONFIG) and .npmrc's _auth=<base64>.
// The structure says what the value is: judgeBasic decodes it.
func dockerAuthAt(v, m string, after int, fn func(contextCandidate)) {
	i := skipBlanks(v, after)
	if m[0] == '"' {
		if i >= len(v) || v[i] != ':' {
			return
		}
		i = skipBlanks(v, i+1)
		if i >= len(v) || v[i] != '"' {
			return
		}
	} else if at := after - len(m); at > 0 && (isAlnum(v[at-1]) || v[at-1] == '_') {
		return
	}
	s, e := tokenAt(v, i)
	if e-s < 8 {
		return
	}
	for k := s; k < e; k++ {
		if b64Value(v[k]) < 0 && v[k] != '=' {
			return
		}
	}
	fn(contextCandidate{kind: CtxDockerAuth, name: "auth", start: s, end: e, judge: judgeBasic})
}

// machineKeyAt finds ASP.NET's <machineKey validationKey="<hex>"
// decryptionKey="<hex>" .../>: keys of documented hex lengths (a
// validation key of 40 to 128 hex digits, a DES, 3DES or AES decryption
// key of 16, 48 or 32 to 64). AutoGenerate,IsolateApps is no key.
func machineKeyAt(v, m string, after int, fn func(contextCandidate)) {
	end := strings.IndexByte(v[after:], '>')
	if end < 0 {
		end = len(v) - after
	}
	tag := v[after : after+end]
	for _, a := range [...]string{"validationkey", "decryptionkey"} {
		s, e, val := xmlAttr(tag, a)
		if val == "" || !allHex(val) || len(val)%2 != 0 {
			continue
		}
		if n := len(val); a == "validationkey" && (n < 40 || n > 128) || a == "decryptionkey" && n != 16 && (n < 32 || n > 64) {
			continue
		}
		fn(contextCandidate{kind: CtxMachineKey, name: "machineKey", start: after + s, end: after + e, judge: judgeHexKey})
	}
}

// hexKeyOK judges a documented hex key: not one repeated pattern
// (000..., ABAB...).
func hexKeyOK(v string) bool { return entropy(v) >= 2.5 }

// proseAt finds a secret in prose after a secret word: "password `<pw>`",
// "the password is <pw>", "token is `<tok>`". A code span is taken whole;
// a bare word loses its sentence's final punctuation.
func proseAt(v, m string, after int, fn func(contextCandidate)) {
	i := after
	if m[len(m)-1] == '`' {
		i--
	} else if i < len(v) && v[i] == ':' {
		i = skipBlanks(v, i+1) // the password is: <pw>
	}
	if i >= len(v) {
		return
	}
	s, e := tokenAt(v, i)
	if v[i] == '`' {
		if e >= len(v) || v[e] != '`' {
			return // an unterminated code span
		}
	} else if v[i] == '"' || v[i] == '\'' {
		return // "is " + x: code, not prose
	} else {
		for e > s && strings.IndexByte(".:!?", v[e-1]) >= 0 {
			e--
		}
	}
	if e > s {
		word := strings.TrimRight(m, " `")
		word = strings.TrimSuffix(word, " is")
		fn(contextCandidate{kind: CtxProse, name: word, start: s, end: e})
	}
}

// proseMarkers are the secret words that prose puts before a secret.
func proseMarkers() []contextMarker {
	return markersOf(exProse, []string{"password", "passwd", "passphrase", "secret", "token", "api key"}, " `", " is ")
}

// netUseAt finds the password of Windows' net use: net use [X:]
// \\host\share [<pw> | *] [/user:[DOMAIN\]user] [<pw>]. The password is the
// first word after the share that is no option; * prompts for it.
func netUseAt(v string, after int, fn func(contextCandidate)) {
	share := false
	for i := skipBlanks(v, after); i < len(v) && v[i] != '\n' && v[i] != '\r' && v[i] != '&' && v[i] != '|'; i = skipBlanks(v, i) {
		s := i
		if v[i] == '"' || v[i] == '\'' {
			var e int
			s, e = tokenAt(v, i)
			if e >= len(v) || v[e] != v[i] {
				return
			}
			i = e + 1
			if share {
				fn(contextCandidate{kind: CtxWinCmd, name: "password", start: s, end: e})
				return
			}
			share = share || strings.HasPrefix(v[s:e], `\\`)
			continue
		}
		for i < len(v) && v[i] != ' ' && v[i] != '\t' && v[i] != '\n' && v[i] != '\r' {
			i++
		}
		tok := v[s:i]
		switch {
		case strings.HasPrefix(tok, `\\`):
			share = true
		case tok[0] == '/' || tok == "*":
			if tok == "*" && share {
				return // a prompt
			}
		case share:
			fn(contextCandidate{kind: CtxWinCmd, name: "password", start: s, end: i})
			return
		}
	}
}

// winPassAt finds a Windows command's /pass:<pw> or /password:<pw>
// (cmdkey) and schtasks' /rp <pw> (the password of the /ru user); * prompts.
func winPassAt(v, m string, after int, fn func(contextCandidate)) {
	if at := after - len(m); at > 0 && v[at-1] != ' ' && v[at-1] != '\t' && v[at-1] != '"' {
		return
	}
	s, e := tokenAt(v, skipBlanks(v, after))
	if e > s && v[s:e] != "*" && v[s] != '/' {
		fn(contextCandidate{kind: CtxWinCmd, name: "password", start: s, end: e})
	}
}

// netUserAt finds the password of net user <name> <pw> [/add]: the word
// after the user's name, unless it is an option or * (a prompt).
func netUserAt(v string, after int, fn func(contextCandidate)) {
	i := skipBlanks(v, after)
	_, e := tokenAt(v, i)
	if e == i || v[i] == '/' {
		return
	}
	if e < len(v) && (v[e] == '"' || v[e] == '\'') {
		e++
	}
	if e >= len(v) || (v[e] != ' ' && v[e] != '\t') {
		return
	}
	i = skipBlanks(v, e)
	if i >= len(v) || v[i] == '/' || v[i] == '*' || v[i] == '\n' || v[i] == '\r' {
		return
	}
	if s, e := tokenAt(v, i); e > s {
		fn(contextCandidate{kind: CtxWinCmd, name: "password", start: s, end: e})
	}
}
