package detect

import "strings"

// Value contexts are the places inside a value that say what the next
// token is, where the value itself has no name: a shell line holding
// "curl -u user:pass", an HTTP header "Authorization: Bearer <token>", a
// PowerShell "ConvertTo-SecureString '<pw>' -AsPlainText", a .NET
// <add key="DbPassword" value="<pw>"/>, an XML <password>pw</password>, a
// Python os.environ["DB_PASSWORD"] = "<pw>". They are found in the same
// value the provider rules see, so a Go string literal (lint), a line of a
// plain file (scan) and a comment get the same answer.
//
// Their markers are keywords of the engine's one keyword pass (they set
// contextBit); the extractors run only in values where a marker occurs. What
// an extractor finds is judged as the generic rule judges a value bound to a
// secret name, and reported as KV100.

// ValueContext is a kind of place inside a value that binds a token.
type ValueContext uint8

// Value contexts.
const (
	CtxNone          ValueContext = iota
	CtxUserPass                   // curl -u user:pass, --user user:pass
	CtxAuthScheme                 // Bearer <token>, token <token>, Api-Token <token>
	CtxSecretFlag                 // --password VALUE, --token=VALUE, -p VALUE
	CtxSecureString               // ConvertTo-SecureString "<pw>" -AsPlainText
	CtxXMLAttr                    // <add key="DbPassword" value="<pw>"/>
	CtxXMLElement                 // <password>pw</password>
	CtxSubscript                  // os.environ["DB_PASSWORD"] = "<pw>"
	CtxKeyArg                     // os.environ.setdefault("API_TOKEN", "<tok>"), put("password", "<pw>")
	CtxAuthPair                   // auth=("user", "<pw>"), HTTPBasicAuth("user", "<pw>"), NetworkCredential("user", "<pw>")
	CtxPasswordStdin              // echo "<pw>" | docker login --password-stdin
	CtxNameValue                  // - name: DB_PASSWORD / value: <pw>, {"name": "API_TOKEN", "value": "<tok>"}
	CtxDockerAuth                 // {"auths": {"reg": {"auth": "<base64 of user:password>"}}}, .npmrc _auth=
	CtxTypedInit                  // new ApiKeyOptions { Key = "<key>" }, ApiKeyOptions(key = "<key>")
	CtxMachineKey                 // <machineKey validationKey="<hex>" decryptionKey="<hex>"/>
	CtxProse                      // password `<pw>`, the password is <pw>
	CtxWinCmd                     // net use \\host\share /user:x <pw>, cmdkey /pass:<pw>, schtasks /rp <pw>, net user x <pw>
)

var valueContextNames = [...]string{"", "user:password argument", "authorization scheme", "secret flag",
	"ConvertTo-SecureString -AsPlainText", "XML key/value attributes", "XML element", "subscript assignment", "key and value arguments",
	"user and password arguments", "password piped to --password-stdin", "name and value siblings",
	"Docker config auth", "field of a secret's type", "ASP.NET machineKey", "prose after a secret word",
	"Windows command password"}

// String names the context as explain prints it.
func (c ValueContext) String() string {
	if c >= ctxMoreBase {
		return moreContextName(c)
	}
	if int(c) < len(valueContextNames) {
		return valueContextNames[c]
	}
	return "unknown"
}

// contextBit is the ruleSet bit a context marker sets. It lies in the
// Requires half of the set, above the last rule index.
const contextBit = 2*maxRules - 1

// contextMarkers are the keywords that make the extractors run, each with
// its extractor; at is called with the offset just past the marker.
// Markers are lowercase; the keyword passes ignore case.
var contextMarkers = append(append(append([]contextMarker{
	{"-u ", exUserPass}, {"-u=", exUserPass}, {"--user ", exUserPass}, {"--user=", exUserPass},
	{"bearer ", exAuthScheme}, {"token ", exAuthScheme}, {"api-token ", exAuthScheme}, {"apikey ", exAuthScheme},
	{"ssws ", exAuthScheme},
	{"--", exSecretFlag}, {"-password", exSecretFlag}, {"-passwd", exSecretFlag}, {"-token", exSecretFlag},
	{"-secret", exSecretFlag}, {"-apikey", exSecretFlag}, {"-api-key", exSecretFlag}, {"-p ", exPassFlag},
	{"convertto-securestring", exSecureString},
	{"<add ", exXMLAttr}, {"<param ", exXMLAttr}, {"<property ", exXMLAttr}, {"<setting ", exXMLAttr}, {"<entry ", exXMLAttr},
	{"</", exXMLElement},
	{`"]`, exSubscript}, {`']`, exSubscript},
	{`", "`, exKeyArg}, {`","`, exKeyArg}, {`', '`, exKeyArg}, {`','`, exKeyArg},
	{"auth=(", exAuthPair}, {"auth = (", exAuthPair}, {"basicauth(", exAuthPair}, {"digestauth(", exAuthPair},
	{"networkcredential(", exAuthPair}, {"usernamepasswordcredentials(", exAuthPair}, {"passwordauthentication(", exAuthPair},
	{"--password-stdin", exPasswordStdin},
	{"mysql", exMySQL}, {"mariadb", exMySQL},
	{`"auth"`, exDockerAuth}, {"_auth=", exDockerAuth}, {"_auth =", exDockerAuth},
	{"<machinekey", exMachineKey},
	{"net use ", exNetUse}, {"/pass:", exWinPass}, {"/password:", exWinPass}, {"/rp ", exWinPass},
	{"net user ", exNetUser},
}, holderMarkers()...), proseMarkers()...), moreContextMarkers...)

// contextMarker is a marker and its extractor.
type contextMarker struct {
	marker string
	at     extractor
}

// extractor names an extractor function; a switch calls it, so that the
// callback it is handed stays on the stack.
type extractor uint8

const (
	exUserPass extractor = iota
	exAuthScheme
	exSecretFlag
	exPassFlag
	exSecureString
	exXMLAttr
	exXMLElement
	exSubscript
	exKeyArg
	exAuthPair
	exPasswordStdin
	exMySQL
	exHolder
	exDockerAuth
	exMachineKey
	exProse
	exNetUse
	exWinPass
	exNetUser
)

// contextAC finds every marker occurrence in one pass.
var contextAC = func() *automaton {
	k := make([]string, len(contextMarkers))
	owner := make([]int, len(contextMarkers))
	for i, m := range contextMarkers {
		k[i], owner[i] = m.marker, i
	}
	return newAutomaton(k, owner)
}()

// moreGenericKeywords gate the generic rule's key=value pass besides
// genericValueKeywords: names whose secret word those do not contain.
var moreGenericKeywords = []string{"cred"}

// contextCandidate is a token a value context binds.
type contextCandidate struct {
	kind       ValueContext
	name       string // the secret name the context stands for (password, token, the key)
	start, end int
	judge      judgement
}

// judgement says how a bound token is judged.
type judgement uint8

const (
	judgeGeneric judgement = iota // as the generic rule judges a value under a secret name
	judgeBasic                    // base64 of user:password, reported as KV127
	judgeHexKey                   // a key of a documented hex format
)

// valueContexts finds the tokens that value contexts bind in value and
// judges each as the generic rule judges a value under a secret name.
// Candidates overlapping a rejected provider match are skipped.
func (e *Engine) valueContexts(value string, ctx Context, dst []Finding, rej *rejectSet, tr *trace) []Finding {
	if len(value) > largeValue {
		// Over 16 KB only the rules' windows are searched; a context's
		// marker is a keyword too, but the extractors walk the whole value.
		value = value[:largeValue]
	}
	eachContext(value, func(c contextCandidate) {
		dst = e.judgeContext(value, ctx, c, dst, rej, tr)
	})
	return dst
}

// judgeContext judges one candidate.
func (e *Engine) judgeContext(value string, ctx Context, c contextCandidate, dst []Finding, rej *rejectSet, tr *trace) []Finding {
	v := value[c.start:c.end]
	reason := ""
	conf := Confidence(0)
	cctx := ctx
	cctx.Name = c.name
	rule := e.generic
	switch {
	case rej.overlaps(c.start, c.end):
		reason = "provider rule rejected this span"
	case c.judge == judgeHexKey:
		conf, reason = High, ""
		if !hexKeyOK(v) {
			conf, reason = 0, "hexKeyOK"
		}
	case c.judge == judgeBasic:
		conf, reason = e.judgeBasic(v, cctx)
		if r := e.ruleByID("KV127"); r != nil {
			rule = r
		}
	default:
		conf = e.genericValue(v, cctx)
		switch {
		case conf == 0:
			reason = genericFilterName(v, e, cctx)
		case c.kind == CtxAuthScheme && !schemeToken(v):
			conf, reason = 0, "schemeToken"
		case e.allowed(v):
			conf, reason = 0, "allow.values"
		}
	}
	if tr != nil {
		tr.add(Decision{Step: StepContext, Rule: rule, Context: c.kind, Name: c.name,
			Start: c.start, End: c.end, Filter: reason, Confidence: conf})
	}
	if conf != 0 {
		dst = append(dst, Finding{Rule: rule, Start: c.start, End: c.end, Confidence: conf})
	}
	return dst
}

// judgeBasic judges base64 of user:password: it must decode to printable
// user:password whose password is no placeholder or name (validBasicAuth)
// and that the generic rule would report under a password name.
func (e *Engine) judgeBasic(v string, ctx Context) (Confidence, string) {
	if !validBasicAuth(v) {
		return 0, "validBasicAuth"
	}
	pw := basicPassword(v)
	ctx.Name = "password"
	c := e.genericValue(pw, ctx)
	switch {
	case c == 0:
		return 0, genericFilterName(pw, e, ctx)
	case e.allowed(v) || e.allowed(pw):
		return 0, "allow.values"
	}
	return max(c, Medium), ""
}

// ruleByID returns the enabled rule id, or nil.
func (e *Engine) ruleByID(id string) *Rule {
	for _, r := range e.rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// schemeToken reports whether the word after an authorization scheme looks
// generated rather than like prose: "Bearer <20+ generated chars>" but not
// "the bearer of this letter" or "token expired".
func schemeToken(v string) bool { return generated(v) }

// eachContext calls fn for every token a value context binds in value, in
// the order of the markers' ends. It makes one pass over value and does not
// allocate.
func eachContext(value string, fn func(contextCandidate)) {
	contextAC.scanPositions(value, func(tok, end int) {
		m := contextMarkers[tok].marker
		at := end - len(m)
		// A marker that starts with a letter starts a word: "Api-Token x"
		// is one scheme, not "token x"; "mytoken x" is none.
		// A call name may end in an auth-pair marker (HTTPBasicAuth(,
		// System.Net.NetworkCredential().
		if at > 0 && isAlnum(m[0]) && contextMarkers[tok].at != exAuthPair &&
			(isAlnum(value[at-1]) || value[at-1] == '_' || value[at-1] == '-') {
			return
		}
		switch contextMarkers[tok].at {
		case exUserPass:
			userPassAt(value, m, end, fn)
		case exAuthScheme:
			authSchemeAt(value, m, end, fn)
		case exSecretFlag:
			secretFlagAt(value, m, end, fn)
		case exPassFlag:
			passFlagAt(value, m, end, fn)
		case exSecureString:
			secureStringAt(value, m, end, fn)
		case exXMLAttr:
			xmlAttrAt(value, m, end, fn)
		case exXMLElement:
			xmlElementAt(value, m, end, fn)
		case exSubscript:
			subscriptAt(value, m, end, fn)
		case exKeyArg:
			keyArgAt(value, m, end, fn)
		case exAuthPair:
			authPairAt(value, end, fn)
		case exPasswordStdin:
			passwordStdinAt(value, end-len(m), fn)
		case exMySQL:
			mysqlPassAt(value, end, fn)
		case exHolder:
			holderAt(value, m, end, fn)
		case exDockerAuth:
			dockerAuthAt(value, m, end, fn)
		case exMachineKey:
			machineKeyAt(value, m, end, fn)
		case exProse:
			proseAt(value, m, end, fn)
		case exNetUse:
			netUseAt(value, end, fn)
		case exWinPass:
			winPassAt(value, m, end, fn)
		case exNetUser:
			netUserAt(value, end, fn)
		default:
			moreContextAt(contextMarkers[tok].at, value, m, end, fn)
		}
	})
}

// tokenAt returns the bounds of the token starting at i: a quoted string
// (without its quotes) or a run up to a space, quote or closing bracket.
func tokenAt(v string, i int) (int, int) {
	if i >= len(v) {
		return i, i
	}
	if q := v[i]; q == '"' || q == '\'' || q == '`' {
		e := i + 1
		for e < len(v) && v[e] != q && v[e] != '\n' {
			if v[e] == '\\' && q == '"' && e+1 < len(v) {
				e++
			}
			e++
		}
		return i + 1, min(e, len(v))
	}
	e := i
	depth := 0 // {placeholder} and [x] stay whole
	for e < len(v) && (!tokenEnd(v[e]) || depth > 0 && (v[e] == '}' || v[e] == ']')) {
		switch v[e] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		}
		e++
	}
	return i, e
}

func tokenEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '`', ',', ';', ')', ']', '}', '<', '>', '\\', '|', '&':
		return true
	}
	return false
}

// flagStart reports whether a flag marker at v[at:] stands where a flag can:
// at the start or after a space, tab, quote or parenthesis.
func flagStart(v string, at int) bool {
	if at == 0 {
		return true
	}
	switch v[at-1] {
	case ' ', '\t', '"', '\'', '(', '[', ',', '=':
		return true
	}
	return false
}

// userPassAt finds "-u user:pass" and "--user user:pass" (curl, wget, httpie,
// ab): the part after the first colon is the password.
func userPassAt(v, m string, after int, fn func(contextCandidate)) {
	if !flagStart(v, after-len(m)) {
		return
	}
	s, e := tokenAt(v, skipBlanks(v, after))
	tok := v[s:e]
	c := strings.IndexByte(tok, ':')
	if c <= 0 || c == len(tok)-1 || strings.ContainsAny(tok[:c], "/@") {
		return // no user, no password, or a URL
	}
	fn(contextCandidate{kind: CtxUserPass, name: "password", start: s + c + 1, end: e})
}

// authSchemeAt finds the token after an HTTP authorization scheme word:
// Bearer, token (GitHub), Api-Token (Dynatrace), ApiKey, SSWS (Okta).
// Basic is KV127's, which decodes it.
func authSchemeAt(v, m string, after int, fn func(contextCandidate)) {
	s, e := tokenAt(v, skipBlanks(v, after))
	if s >= len(v) || s != skipBlanks(v, after) {
		return // a quote follows: "Bearer " + tok
	}
	if e > s {
		fn(contextCandidate{kind: CtxAuthScheme, name: "token", start: s, end: e})
	}
}

// secretFlagAt finds command-line flags whose name is a secret name and the
// value after them (--password VALUE, --client-secret=VALUE,
// -Password VALUE).
func secretFlagAt(v, m string, after int, fn func(contextCandidate)) {
	at := after - len(m)
	if !flagStart(v, at) {
		return
	}
	ns := at + 1
	if m == "--" {
		ns = at + 2
	}
	ne := ns
	for ne < len(v) && (isAlnum(v[ne]) || v[ne] == '-' || v[ne] == '_' || v[ne] == '.') {
		ne++
	}
	name := v[ns:ne]
	if !FlagSecretName(name) {
		return // --verbose, -passwordFile
	}
	flagValue(v, name, ne, fn)
}

// FlagSecretName reports whether a command-line flag's name (without its
// dashes) says it takes a secret: a secret name (admin-password,
// client-secret), or a last word that runs a secret word into the words
// before it, as servers name their options (redis' requirepass and
// masterauth, adminpass). password-file, password-stdin, no-password, bypass
// and noauth are not.
func FlagSecretName(name string) bool {
	if secretName(name) {
		return true
	}
	w := name[strings.LastIndexAny(name, "-_.")+1:]
	if !isLetters(w) {
		return false
	}
	for _, suf := range flagSecretSuffixes {
		if len(w) > len(suf) && hasSuffixFold(w, suf) {
			pre := w[:len(w)-len(suf)]
			return isLetters(pre) && !eqAny(pre, flagNonSecretPrefixes)
		}
	}
	return false
}

// flagSecretSuffixes end a run-together flag word that takes a secret.
var flagSecretSuffixes = []string{"password", "passwd", "pass", "auth", "secret", "token"}

// flagNonSecretPrefixes run into those suffixes without making a secret:
// bypass, compass, noauth, skipauth, oauth (a switch, not the token).
var flagNonSecretPrefixes = []string{"by", "com", "sur", "tres", "over", "under", "no", "skip", "disable",
	"enable", "use", "allow", "is", "has", "o", "with", "without", "basic", "digest"}

// passFlagAt finds -p VALUE (mysql, docker login, az login, sshpass); the
// value filters tell it from ports (-p 8080:80) and paths (mkdir -p dir).
func passFlagAt(v, m string, after int, fn func(contextCandidate)) {
	if flagStart(v, after-len(m)) {
		flagValue(v, "password", after-1, fn)
	}
}

// flagValue reports the value of a flag whose name ends at i: after '=' or
// after blanks, unless the next token is another flag.
func flagValue(v, name string, i int, fn func(contextCandidate)) {
	if i >= len(v) {
		return
	}
	switch v[i] {
	case '=':
		i++
	case ' ', '\t':
		i = skipBlanks(v, i)
		if i < len(v) && v[i] == '-' {
			return // another flag: --password --user x
		}
	default:
		return
	}
	s, e := tokenAt(v, i)
	if e > s {
		fn(contextCandidate{kind: CtxSecretFlag, name: name, start: s, end: e})
	}
}

// secureStringAt finds ConvertTo-SecureString "<pw>" -AsPlainText (also
// -String "<pw>", in any order of the parameters): a plain-text password
// turned into a SecureString. Without -AsPlainText, or with -Key or
// -SecureKey, the string is an encrypted standard string.
func secureStringAt(v, m string, after int, fn func(contextCandidate)) {
	plain := false
	vs, ve := -1, -1
	for i := skipBlanks(v, after); i < len(v); i = skipBlanks(v, i) {
		c := v[i]
		if c == '\n' || c == ')' || c == '|' || c == ';' || c == '}' {
			break // the end of the statement or of the call's parentheses
		}
		if c == '`' && i+1 < len(v) && (v[i+1] == '\n' || v[i+1] == '\r') {
			i = skipSpace(v, i+1) // a line continued with a backtick
			continue
		}
		s, e := tokenAt(v, i)
		if e == s && s == i {
			break
		}
		next := e
		if c == '"' || c == '\'' {
			next = min(e+1, len(v))
		}
		switch {
		case c == '-' && strings.EqualFold(v[s:e], "-asplaintext"):
			plain = true
		case c == '-' && (strings.EqualFold(v[s:e], "-key") || strings.EqualFold(v[s:e], "-securekey")):
			return
		case c == '-' && strings.EqualFold(v[s:e], "-string"):
		case c == '-':
		case vs < 0 && (c == '"' || c == '\''):
			vs, ve = s, e
		case vs < 0:
			vs = -2 // a variable or expression: ConvertTo-SecureString $plain
		}
		i = next
	}
	if plain && vs >= 0 && ve > vs {
		fn(contextCandidate{kind: CtxSecureString, name: "password", start: vs, end: ve})
	}
}

func skipSpace(v string, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
		i++
	}
	return i
}

// xmlAttrAt finds configuration elements that bind a value to a key in
// attributes: .NET appSettings <add key="DbPassword" value="..."/>, log4net
// <param name="Password" value="..."/>, Spring <property name="password"
// value="..."/> and <entry key="..." value="..."/>.
func xmlAttrAt(v, m string, after int, fn func(contextCandidate)) {
	end := strings.IndexByte(v[after:], '>')
	if end < 0 {
		end = len(v) - after
	}
	tag := v[after : after+end]
	_, _, key := xmlAttr(tag, "key")
	if key == "" {
		_, _, key = xmlAttr(tag, "name")
	}
	if key == "" || !secretName(key) {
		return
	}
	if s, e, val := xmlAttr(tag, "value"); val != "" {
		fn(contextCandidate{kind: CtxXMLAttr, name: key, start: after + s, end: after + e})
	}
}

// xmlAttr returns the bounds and text of attribute name's quoted value in
// tag (the text after the element name), or "".
func xmlAttr(tag, name string) (int, int, string) {
	for off := 0; off < len(tag); {
		k := indexFold(tag[off:], name)
		if k < 0 {
			return 0, 0, ""
		}
		at := off + k
		off = at + len(name)
		if at > 0 && tag[at-1] != ' ' && tag[at-1] != '\t' && tag[at-1] != '\n' {
			continue // keyName=, connectionString=
		}
		i := skipBlanks(tag, off)
		if i >= len(tag) || tag[i] != '=' {
			continue
		}
		i = skipBlanks(tag, i+1)
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			continue
		}
		e := strings.IndexByte(tag[i+1:], tag[i])
		if e < 0 {
			return 0, 0, ""
		}
		return i + 1, i + 1 + e, tag[i+1 : i+1+e]
	}
	return 0, 0, ""
}

// xmlElementAt finds <name>text</name> where name is a secret name
// (<password>, <secret>, <clientSecret>); an element marked encrypted
// (<password encrypted="true">) holds ciphertext.
func xmlElementAt(v, m string, after int, fn func(contextCandidate)) {
	ne := after
	for ne < len(v) && (isAlnum(v[ne]) || v[ne] == '_' || v[ne] == '-' || v[ne] == '.' || v[ne] == ':') {
		ne++
	}
	if ne == after || ne >= len(v) || v[ne] != '>' {
		return
	}
	name := v[after:ne]
	if !secretName(name) {
		return
	}
	closeAt := after - 2
	// The opening tag: the last "<name" before the closing one.
	open := strings.LastIndex(v[:closeAt], "<"+name)
	if open < 0 {
		return
	}
	gt := strings.IndexByte(v[open:closeAt], '>')
	if gt < 0 {
		return
	}
	attrs := v[open+1+len(name) : open+gt]
	if attrs != "" && attrs[0] != ' ' && attrs[0] != '\t' && attrs[0] != '/' {
		return // <passwordHint> is another element
	}
	if indexFold(attrs, "encrypt") >= 0 {
		return
	}
	s, e := trimBounds(v, open+gt+1, closeAt)
	if e > s && strings.IndexByte(v[s:e], '<') < 0 {
		fn(contextCandidate{kind: CtxXMLElement, name: name, start: s, end: e})
	}
}

// subscriptAt finds X["KEY"] = "value" where KEY is a secret name:
// os.environ["DB_PASSWORD"] = "...", ENV['API_TOKEN'] = '...',
// headers["Authorization"] = "...".
func subscriptAt(v, m string, after int, fn func(contextCandidate)) {
	q := m[0]
	ks := strings.LastIndexByte(v[:after-2], q)
	if ks < 1 || v[ks-1] != '[' {
		return
	}
	key := v[ks+1 : after-2]
	if !secretName(key) {
		return
	}
	i := skipBlanks(v, after)
	if i >= len(v) || v[i] != '=' || (i+1 < len(v) && v[i+1] == '=') {
		return // a read or a comparison
	}
	i = skipBlanks(v, i+1)
	if i >= len(v) || (v[i] != '"' && v[i] != '\'') {
		return // a variable
	}
	s, e := tokenAt(v, i)
	if e > s {
		fn(contextCandidate{kind: CtxSubscript, name: key, start: s, end: e})
	}
}

// keyArgAt finds a call's or list's secret-named string argument followed
// by a string literal: os.environ.setdefault("API_TOKEN", "<tok>"),
// os.putenv, System.setProperty("db.password", "<pw>"),
// Environment.SetEnvironmentVariable, props.put("password", "<pw>"),
// new BasicNameValuePair("client_secret", "<s>"). The marker is the
// separator between the two literals; the key must open the arguments or
// follow another one, and the value must end one (a ) or , after it).
func keyArgAt(v, m string, after int, fn func(contextCandidate)) {
	q := m[0]
	at := after - len(m)
	ks := strings.LastIndexByte(v[:at], q)
	if ks < 1 {
		return
	}
	if p := lastNonBlank(v, ks); p < 0 || (v[p] != '(' && v[p] != ',') {
		return
	}
	key := v[ks+1 : at]
	if flag := strings.TrimLeft(key, "-"); !secretName(key) && (len(flag) == len(key) || !FlagSecretName(flag)) {
		return
	}
	s, e := tokenAt(v, after-1)
	if e >= len(v) || v[e] != q {
		return // an unterminated literal
	}
	if n := skipBlanks(v, e+1); n < len(v) && v[n] != ')' && v[n] != ',' && (v[n] != ']' || key[0] != '-') {
		return // "password", "x" + y: not the whole value; a flag's value may end an array
	}
	if e > s {
		fn(contextCandidate{kind: CtxKeyArg, name: key, start: s, end: e})
	}
}

// authPairAt finds the password of a user and password pair of arguments:
// requests' auth=("user", "<pw>"), HTTPBasicAuth / HTTPDigestAuth /
// aiohttp.BasicAuth("user", "<pw>"), .NET NetworkCredential("user",
// "<pw>"), Java's UsernamePasswordCredentials and PasswordAuthentication.
// The user may be a variable; the password must be a string literal that
// ends the argument.
func authPairAt(v string, after int, fn func(contextCandidate)) {
	i := skipBlanks(v, after)
	if i >= len(v) {
		return
	}
	if q := v[i]; q == '"' || q == '\'' {
		_, e := tokenAt(v, i)
		i = e + 1
	} else {
		for i < len(v) && (isAlnum(v[i]) || v[i] == '_' || v[i] == '.') {
			i++
		}
	}
	i = skipBlanks(v, i)
	if i >= len(v) || v[i] != ',' {
		return
	}
	i = skipBlanks(v, i+1)
	if i >= len(v) || (v[i] != '"' && v[i] != '\'') {
		return // a variable
	}
	s, e := tokenAt(v, i)
	if e >= len(v) || v[e] != v[i] {
		return
	}
	if n := skipBlanks(v, e+1); n < len(v) && v[n] != ')' && v[n] != ',' && v[n] != '.' {
		return // "pw" + x
	}
	if e > s {
		fn(contextCandidate{kind: CtxAuthPair, name: "password", start: s, end: e})
	}
}

// passwordStdinAt finds echo "<pw>" | cmd --password-stdin (docker, helm,
// podman, oras login): the echoed word, on the same line, is the password.
func passwordStdinAt(v string, at int, fn func(contextCandidate)) {
	ls := strings.LastIndexByte(v[:at], '\n') + 1
	line := v[ls:at]
	pipe := strings.LastIndexByte(line, '|')
	if pipe < 0 || strings.ContainsAny(line[pipe:], ";&") {
		return // no pipe into this command
	}
	k := strings.LastIndex(line[:pipe], "echo ")
	if k < 0 || k > 0 && isAlnum(line[k-1]) {
		return
	}
	i := skipBlanks(line, k+5)
	for strings.HasPrefix(line[i:], "-n ") || strings.HasPrefix(line[i:], "-e ") {
		i = skipBlanks(line, i+3)
	}
	s, e := tokenAt(line, i)
	end := e
	if i < len(line) && (line[i] == '"' || line[i] == '\'') {
		end = e + 1
	}
	if e <= s || skipBlanks(line, end) != pipe {
		return // more than one word echoed
	}
	fn(contextCandidate{kind: CtxPasswordStdin, name: "password", start: ls + s, end: ls + e})
}

// mysqlPassAt finds the MySQL and MariaDB clients' -p<password>, the
// password attached to -p (mysql -uroot -pS3cret). -P is the port.
func mysqlPassAt(v string, after int, fn func(contextCandidate)) {
	for i := after; i+2 < len(v) && v[i] != '\n' && v[i] != '|' && v[i] != ';'; i++ {
		if v[i] != '-' || v[i+1] != 'p' || (v[i-1] != ' ' && v[i-1] != '\t') {
			continue
		}
		if c := v[i+2]; c == ' ' || c == '\t' || c == '=' || c == '-' {
			continue // -p alone prompts; -p VALUE is passFlagAt's
		}
		s, e := tokenAt(v, i+2)
		if e > s {
			fn(contextCandidate{kind: CtxSecretFlag, name: "password", start: s, end: e})
		}
		return
	}
}

// lastNonBlank returns the index of the last byte before i that is not a
// space or tab, or -1.
func lastNonBlank(v string, i int) int {
	for i--; i >= 0 && (v[i] == ' ' || v[i] == '\t'); i-- {
	}
	return i
}

func skipBlanks(v string, i int) int {
	for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
		i++
	}
	return i
}
