package detect

import (
	"math"
	"strings"
)

// entropy returns the Shannon entropy of s in bits per byte. It does not allocate.
func entropy(s string) float64 {
	if len(s) == 0 {
		return 0
	}
	var counts [256]int32
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	n := float64(len(s))
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// charClasses counts the classes (lower, upper, digit, other) present in s.
func charClasses(s string) int {
	var lo, up, di, ot int
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isLower(c):
			lo = 1
		case isUpper(c):
			up = 1
		case isDigit(c):
			di = 1
		default:
			ot = 1
		}
	}
	return lo + up + di + ot
}

// indexFold returns the index of the lowercase ASCII string sub in s, ignoring
// ASCII case, or -1. It does not allocate.
func indexFold(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return 0
	}
	first := sub[0]
	for i := 0; i+n <= len(s); i++ {
		if lowerByte(s[i]) != first {
			continue
		}
		j := 1
		for j < n && lowerByte(s[i+j]) == sub[j] {
			j++
		}
		if j == n {
			return i
		}
	}
	return -1
}

func containsFold(s, sub string) bool { return indexFold(s, sub) >= 0 }

// placeholderWords occur in placeholders and documentation values, never in
// a generated credential.
var placeholderWords = []string{
	"changeme", "change_me", "change-me", "changethis", "change_this", "change-this",
	"placeholder", "redacted", "example", "sample", "dummy", "your_", "your-", "yourpassword",
	"yoursecret", "yourtoken", "yourkey", "yourapikey", "xxxx", "****", "....", "${", "{{", "$(",
	"replace_me", "replaceme", "replace-me", "insert_", "insert-", "enter_", "put_your", "todo",
	"fixme", "<your", "<insert", "<secret", "<password", "<token", "<api", "<key", "notasecret",
	"not_a_secret", "not-a-secret", "notreal", "not_real", "not-real", "<redacted", "0000000000",
	"1234567890", "abcdefghij", "...", "…", "0123456789", "456789abcdef",
}

// placeholderAC finds any placeholder word in one pass.
var placeholderAC = newAutomaton(placeholderWords, make([]int, len(placeholderWords)))

// placeholderExact are whole values that are placeholders or defaults.
var placeholderExact = []string{
	"password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "api-key", "key",
	"credential", "credentials", "null", "nil", "none", "undefined", "true", "false", "n/a", "na",
	"empty", "default", "admin", "root", "guest", "test", "testing", "user", "username", "changeit",
	"letmein", "qwerty", "hunter2", "foobar", "foo", "bar", "baz", "secret123", "password123",
	"p@ssw0rd", "p@ssword", "passw0rd", "pa55word", "mysecret", "mypassword", "mytoken", "s3cr3t",
	"supersecret", "topsecret", "private", "public", "bearer", "basic", "abc123", "123456",
	"12345678", "123456789",
}

// formatVerbs are fmt verbs that make a value a format string.
var formatVerbs = []string{"%s", "%v", "%d", "%q", "%+v", "%#v", "%w", "%x", "%[1]s"}

// IsPlaceholder reports whether value is a placeholder or default rather than
// a credential: changeme, <password>, ${VAR}, {{ .Token }}, $(cmd), %s, xxxx,
// ****, REDACTED, example/sample/dummy values, your_token_here, TODO, an
// environment reference such as $AZURE_CLIENT_SECRET, a run of one repeated
// character, or a well-known default password. It does not allocate.
func IsPlaceholder(value string) bool {
	v := strings.TrimSpace(value)
	if v == "" {
		return true
	}
	if eqAny(v, placeholderExact) {
		return true
	}
	if placeholderAC.any(v) {
		return true
	}
	if containsAny(v, formatVerbs) || hasAngleName(v) {
		return true
	}
	// <password>, [token], {secret}, {0}: brackets around a name or text,
	// not around a random value ({Tr0ub4dor&3}).
	if len(v) >= 3 {
		f, l := v[0], v[len(v)-1]
		if ((f == '<' && l == '>') || (f == '[' && l == ']') || (f == '{' && l == '}' && !strings.ContainsAny(v, ":\""))) &&
			placeholderInner(v[1:len(v)-1]) {
			return true
		}
	}
	// $VAR, ${VAR}, %VAR%: a reference is $ and an identifier, nothing else.
	if v[0] == '$' && len(v) > 1 && (isUpper(v[1]) || v[1] == '_' || v[1] == '{') && isRefName(v[1:]) {
		return true
	}
	if len(v) > 2 && v[0] == '%' && v[len(v)-1] == '%' {
		return true
	}
	if tokenReplacement(v) {
		return true
	}
	// One repeated character, or two alternating.
	distinct := 0
	var seen [4]byte
	for i := 0; i < len(v) && distinct <= 2; i++ {
		c := v[i]
		if distinct >= 1 && seen[0] == c || distinct >= 2 && seen[1] == c {
			continue
		}
		seen[distinct] = c
		distinct++
	}
	return distinct <= 2 && len(v) > 2
}

// tokenReplacement reports a release tool's token to be replaced at deploy
// time: #{Name}# (Azure Pipelines Replace Tokens), #{Name} (Octopus
// Deploy), __Name__ (Replace Tokens' other pattern).
func tokenReplacement(v string) bool {
	switch {
	case strings.HasPrefix(v, "#{"):
		v = strings.TrimSuffix(v[2:], "#")
		return len(v) > 1 && v[len(v)-1] == '}' && isRefName(v[:len(v)-1])
	case len(v) > 4 && strings.HasPrefix(v, "__") && strings.HasSuffix(v, "__"):
		in := v[2 : len(v)-2]
		return isRefName(in) && in[0] != '_' && in[len(in)-1] != '_' && (lettersAndUnderscores(in) || isEnvName(in))
	}
	return false
}

// lettersAndUnderscores reports whether s is letters and underscores with
// a letter in it, without allocating.
func lettersAndUnderscores(s string) bool {
	letter := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isLower(c) || isUpper(c):
			letter = true
		case c != '_':
			return false
		}
	}
	return letter
}

// placeholderInner reports whether the text inside brackets reads as a
// placeholder: a name, words, digits or an environment name.
func placeholderInner(s string) bool {
	s = strings.TrimSpace(s)
	return s == "" || isText(s) || isIdentifierLike(s) || isNumberLike(s) || isEnvName(s) || IsPlaceholder(s)
}

// isRefName reports whether s, after a $, is a variable name: letters,
// digits and _ with optional braces ({DB_PASSWORD}, AZURE_SECRET).
func isRefName(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	if !alnumOr(s, "_.:-") {
		return false
	}
	return s != ""
}

// hasAngleName reports whether v holds a <name> placeholder of at least
// three letters, digits, - and _ (Credential=<access-key-id>/<date>).
func hasAngleName(v string) bool {
	for i := strings.IndexByte(v, '<'); i >= 0 && i < len(v); {
		j := i + 1
		for j < len(v) && (isAlnum(v[j]) || v[j] == '-' || v[j] == '_') {
			j++
		}
		if j < len(v) && v[j] == '>' && j-i-1 >= 3 && !isDigit(v[i+1]) {
			return true
		}
		k := strings.IndexByte(v[j:], '<')
		if k < 0 {
			break
		}
		i = j + k
	}
	return false
}

// isNamedPlaceholder reports whether s is a name standing in for a secret:
// letters making words, one of them a secret word (myPassword,
// YourSecretKey), or "your" followed by more (yourStrong(!)Password).
func isNamedPlaceholder(s string) bool {
	if len(s) > 4 && strings.EqualFold(s[:4], "your") && (isUpper(s[4]) || s[4] == '_' || s[4] == '-') {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isLower(c) && !isUpper(c) && c != '_' && c != '-' && c != '.' {
			return false
		}
	}
	if !lettersMakeWords(s) {
		return false
	}
	for _, w := range [...]string{"password", "passwd", "pwd", "secret", "token", "key", "pass"} {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

// knownPublic are credentials published in documentation and emulators.
var knownPublic = []string{
	// Azurite / storage emulator key for devstoreaccount1.
	"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
	// Cosmos DB emulator key.
	"C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
	"AKIAIOSFODNN7EXAMPLE",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	"UseDevelopmentStorage=true",
	// RFC 7617's Basic example (Aladdin:open sesame).
	"QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
	"devstoreaccount1",
	// Digests of the empty input (MD5, SHA-1, SHA-256): checksums, not secrets.
	"d41d8cd98f00b204e9800998ecf8427e",
	"da39a3ee5e6b4b0d3255bfef95601890afd80709",
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
}

// isKnownPublic reports whether secret is or contains a published value.
func isKnownPublic(secret string) bool {
	return containsAny(secret, knownPublic)
}

// isKnownPublicValue reports whether the whole value, trimmed, is a
// published credential, so that no rule's regexp runs on it.
func isKnownPublicValue(v string) bool {
	v = strings.TrimSpace(v)
	for _, k := range knownPublic {
		if len(v) == len(k) && v == k {
			return true
		}
	}
	return false
}

// strongCodeMarks occur in code, shell, PowerShell and regular expressions,
// not in credentials: one is enough.
var strongCodeMarks = []string{"=>", "->", "[A-Z", "[a-z", "[0-9", "[^", `\d`, `\w`, `\s`, `\.`,
	"(?:", "(?i", "$(", "${"}

// regexMarks are quantifiers that a password may hold by chance (Pa.*9xQ):
// a value is a regular expression when it has two, or one and an anchor.
var regexMarks = []string{".*", ".+", "]*", "]+", "]{", "){"}

// isCodeLike reports whether v is code rather than a value: a regular
// expression, a shell or PowerShell expression, a call, a variable
// reference ($customToken, $env:TOKEN) or a type reference
// (#Microsoft.Graph.User). Each mark is judged by what surrounds it, so a
// password holding :: or $$ or starting with ( is not code.
func isCodeLike(v string) bool {
	if containsAny(v, strongCodeMarks) || isRegexLike(v) || scopeCall(v) || emptyCall(v) || makeDollar(v) || bracketExpr(v) {
		return true
	}
	// A call: int(x), len(s), os.Getenv("X").
	if p := strings.IndexByte(v, '('); p >= 2 && isLower(v[p-1]) && isLower(v[p-2]) &&
		(p < 3 || !isDigit(v[p-3])) {
		return true
	}
	return concatRest(v) || derefExpr(v) || varRef(v) || subscriptExpr(v)
}

// subscriptExpr reports a subscript in code: os.environ["DB_PASSWORD"],
// config['db']['password'], process.env[KEY], with a trailing ) or , of the
// call or list around it. The base is a dotted identifier whose letters make
// words; each index is a quoted string, a number or an identifier.
//
// A base and an open bracket alone (os.environ[) is the same subscript cut at
// its quote by a key=value reader, when the base is dotted or letters only.
func subscriptExpr(v string) bool {
	v = strings.TrimRight(v, "),;")
	b := strings.IndexByte(v, '[')
	if b < 2 {
		return false
	}
	base := v[:b]
	dotted := false
	for i := 0; i < len(base); i++ {
		c := base[i]
		if !isAlnum(c) && c != '_' && c != '.' {
			return false
		}
		dotted = dotted || c == '.'
	}
	if !(isLower(base[0]) || isUpper(base[0]) || base[0] == '_') || !lettersMakeWords(base) {
		return false
	}
	if b == len(v)-1 {
		return dotted || isLetters(base) && len(base) >= 3
	}
	if v[len(v)-1] != ']' {
		return false
	}
	for i := b; i < len(v); {
		if v[i] != '[' {
			return false
		}
		e := strings.IndexByte(v[i:], ']')
		if e < 0 {
			return false
		}
		idx := v[i+1 : i+e]
		if !subscriptIndex(idx) {
			return false
		}
		i += e + 1
	}
	return true
}

// subscriptIndex reports an index of subscriptExpr: "KEY", 'key', 0, KEY.
func subscriptIndex(s string) bool {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	if s == "" {
		return false
	}
	return alnumOr(s, "_.-")
}

// isRegexLike reports two regexMarks, or one with a ^ or $ anchor.
func isRegexLike(v string) bool {
	n := 0
	for _, m := range regexMarks {
		if strings.Contains(v, m) {
			n++
		}
	}
	return n >= 2 || n == 1 && (v[0] == '^' || v[len(v)-1] == '$')
}

// codeWord reports whether v[i:] starts with an identifier of at least
// three characters whose letters make words (FromBase64String, Get-Item,
// System.Convert), ending at the end or at punctuation.
func codeWord(v string, i int) bool {
	if i >= len(v) || !(isLower(v[i]) || isUpper(v[i])) {
		return false
	}
	j := i
	for j < len(v) && (isAlnum(v[j]) || v[j] == '_' || v[j] == '-' || v[j] == '.') {
		j++
	}
	if j-i < 3 || j < len(v) && !strings.ContainsRune("()[]<> :;,", rune(v[j])) {
		return false
	}
	return lettersMakeWords(v[i:j])
}

// scopeCall reports Type::Member ([System.Convert]::FromBase64String, Foo::bar).
func scopeCall(v string) bool {
	return afterAny(v, "::", func(j int) bool { return codeWord(v, j) })
}

// afterAny reports whether at holds at the index just past some occurrence
// of sep in v.
func afterAny(v, sep string, at func(j int) bool) bool {
	for i := strings.Index(v, sep); i >= 0; {
		if at(i + len(sep)) {
			return true
		}
		k := strings.Index(v[i+len(sep):], sep)
		if k < 0 {
			return false
		}
		i += len(sep) + k
	}
	return false
}

// emptyCall reports name() (getToken()).
func emptyCall(v string) bool {
	p := strings.Index(v, "()")
	return p >= 2 && isLower(v[p-1]|0x20) && isLower(v[p-2]|0x20)
}

// makeDollar reports a Makefile-escaped reference: $$HOME, $${VAR}, $$(cmd), a trailing $$.
func makeDollar(v string) bool {
	return afterAny(v, "$$", func(j int) bool {
		return j == len(v) || isUpper(v[j]) || v[j] == '{' || v[j] == '('
	})
}

// bracketExpr reports a value opening with [Type] or (Command: [System.Convert]::..., (Get-Item ...).
func bracketExpr(v string) bool {
	return (v[0] == '[' || v[0] == '(') && codeWord(v, 1)
}

// concatRest reports "+dbPassword)": the rest of a concatenation in code.
func concatRest(v string) bool {
	if len(v) < 2 || v[0] != '+' || !(isLower(v[1]) || isUpper(v[1])) {
		return false
	}
	t := strings.TrimRight(v[1:], ")")
	if !alnumOr(t, "_.") {
		return false
	}
	return lettersMakeWords(t)
}

// derefExpr reports *resp.Value, &cfg.Password: a dereference or address in code.
func derefExpr(v string) bool {
	if len(v) <= 2 || (v[0] != '*' && v[0] != '&') || !(isLower(v[1]) || isUpper(v[1])) {
		return false
	}
	return alnumOr(v[2:], "_.")
}

// varRef reports $customToken, $env:TOKEN, ${x}, #Microsoft.Graph.User.
func varRef(v string) bool {
	if len(v) <= 1 || (v[0] != '$' && v[0] != '#') {
		return false
	}
	rest := strings.TrimPrefix(v[1:], "{")
	if !alnumOr(rest, "_.:}") {
		return false
	}
	return rest != "" && !isDigit(rest[0])
}

// isHostPort reports whether s is host:port or a host name.
func isHostPort(s string) bool {
	colon := strings.LastIndexByte(s, ':')
	if colon <= 0 || colon == len(s)-1 {
		return false
	}
	for i := colon + 1; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	for i := 0; i < colon; i++ {
		c := s[i]
		if !isAlnum(c) && c != '.' && c != '-' && c != '[' && c != ']' && c != ':' {
			return false
		}
	}
	return true
}

// isEmailLike reports whether s is an e-mail address or an scp-style Git
// remote (git@github.com:org/repo.git).
func isEmailLike(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	host := s[at+1:]
	if c := strings.IndexByte(host, ':'); c >= 0 {
		host = host[:c]
	}
	dot := strings.IndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !isLower(c) && !isDigit(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

// isTimeLayout reports whether s is a Go time layout (2006-01-02T15:04:05Z07:00).
// It is made of layout tokens and separators only, so that a password
// holding 2006 or 15:04 (Xy2006q01!) is not one.
func isTimeLayout(s string) bool {
	if !(strings.Contains(s, "2006") && (strings.Contains(s, "01") || strings.Contains(s, "Jan")) ||
		strings.Contains(s, "15:04")) {
		return false
	}
	for i := 0; i < len(s); {
		j := i + 1
		switch c := s[i]; {
		case isDigit(c):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if !eqAny(s[i:j], layoutNumbers) {
				return false
			}
		case isLower(c) || isUpper(c):
			for j < len(s) && (isLower(s[j]) || isUpper(s[j])) {
				j++
			}
			if !eqAny(s[i:j], layoutWords) {
				return false
			}
		case !strings.ContainsRune("-/:., _+()", rune(c)):
			return false
		}
		i = j
	}
	return true
}

// layoutNumbers and layoutWords are the tokens of a Go time layout.
var (
	layoutNumbers = []string{"2006", "06", "01", "1", "02", "2", "002", "15", "03", "3", "04", "4", "05", "5",
		"07", "0700", "070000", "00", "000", "000000", "000000000", "999", "999999", "999999999"}
	layoutWords = []string{"jan", "january", "mon", "monday", "mst", "pm", "t", "z", "utc"} // lowercase: eqAny folds
)

// secretReferences are prefixes of values that point at a secret store or
// hold an encrypted value instead of the secret.
var secretReferences = []string{"vault:", "akv:", "keyvault:", "azurekeyvault:", "kv:", "secretsmanager:",
	"ssm:", "arn:", "projects/", "sm://", "op://", "file:", "env:", "enc(", "@microsoft.keyvault(",
	"secret:", "secretref:", "ref+", "gcp:", "aws:"}

// isSecretReference reports whether v refers to a secret instead of holding it.
func isSecretReference(v string) bool {
	for _, p := range secretReferences {
		if len(v) > len(p) && strings.EqualFold(v[:len(p)], p) {
			return true
		}
	}
	return false
}

// isUUID reports whether s is a UUID (8-4-4-4-12 hex).
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') }

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// isDigest reports whether s is a hex digest or git SHA: pure hex of a digest length.
func isDigest(s string) bool {
	switch len(s) {
	case 32, 40, 56, 64, 96, 128:
		return allHex(s)
	}
	return false
}

// isEnvName reports whether s is an environment variable name: AZURE_CLIENT_SECRET.
func isEnvName(s string) bool {
	if len(s) == 0 || !isUpper(s[0]) || !strings.Contains(s, "_") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isUpper(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

// isFlagName reports whether s is a command-line flag: -password, --api-key.
func isFlagName(s string) bool {
	if len(s) < 2 || s[0] != '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isLower(c) && !isUpper(c) && c != '-' && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// isPathLike reports whether s names a file or path rather than holding a secret.
func isPathLike(s string) bool {
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, "~/") || isBackslashPath(s) || strings.Contains(s, "://") || isVarRootedPath(s) {
		return true
	}
	if len(s) > 2 && isUpper(s[0]) && s[1] == ':' && (s[2] == '/' || s[2] == '\\') {
		return true
	}
	for _, ext := range fileExts {
		if len(s) > len(ext) && hasSuffixFold(s, ext) {
			return true
		}
	}
	return false
}

// isVarRootedPath reports whether s is a path under a shell variable:
// $HOME/.config, $env:APPDATA\x (${DIR}/x is the placeholder filter's). The
// variable must read as an environment variable (upper case, digits, _), so a
// password that starts with $ and holds a slash ($ecr3t/K9xQ2) still counts.
func isVarRootedPath(s string) bool {
	rest, ok := strings.CutPrefix(s, "$")
	if !ok {
		return false
	}
	rest = strings.TrimPrefix(rest, "env:")
	i := 0
	for i < len(rest) && (isUpper(rest[i]) || isDigit(rest[i]) || rest[i] == '_') {
		i++
	}
	return i > 0 && i < len(rest) && (rest[i] == '/' || rest[i] == '\\')
}

// isMarkdownName reports whether s is a name inside Markdown emphasis or
// code marks (\*_credentials.Credentials_, *clientSecret*, `opts.Key`): with
// the marks taken off, the identifier filter rejects what is left. A
// password between underscores (_K9xQ2#mLr7_) is still a value.
func isMarkdownName(s string) bool {
	t := strings.TrimRight(strings.TrimLeft(s, "\\*_`"), "*_`")
	return t != s && t != "" && isIdentifierLike(t)
}

// isBackslashPath reports whether s is a Windows path: it starts with \\,
// .\ or %VAR%\, or all its backslash-separated parts are names
// (keys\prod). A backslash among other symbols (Tr0ub\4dor&3) is a
// password character.
func isBackslashPath(s string) bool {
	if strings.IndexByte(s, '\\') < 0 {
		return false
	}
	if strings.HasPrefix(s, `\\`) || strings.HasPrefix(s, `.\`) || strings.HasPrefix(s, `..\`) ||
		s[0] == '%' && strings.Contains(s, `%\`) {
		return true
	}
	return alnumOr(s, "\\._- $")
}

var fileExts = []string{".pem", ".key", ".json", ".yaml", ".yml", ".txt", ".crt", ".cer", ".p12",
	".pfx", ".env", ".git", ".toml", ".ini", ".conf", ".cfg", ".go", ".sh", ".properties", ".xml", ".jks", ".der"}

// isIdentifierLike reports whether s reads as a name rather than a secret:
// words of letters with separators (clientSecret, my.secret-name,
// HTTPServer), or lowercase words joined by at least two separators
// (kv-prod-secret-01). Letters that do not make words (ovVofDtc-emkcufIv,
// qzkxwvjt) are not a name.
func isIdentifierLike(s string) bool {
	letters := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isLower(c) && !isUpper(c) && c != '_' && c != '-' && c != '.' && c != '/' && c != ':' {
			letters = false
			break
		}
	}
	if letters {
		return lettersMakeWords(s)
	}
	// Credential=, password: (a key with its separator).
	if t := strings.TrimRight(s, "=:"); len(t) < len(s) && len(t) > 0 && isIdentifierLike(t) {
		return true
	}
	if alnumWords(s) || isWordPath(s) {
		return true
	}
	if !isLower(s[0]) {
		return false
	}
	seps := 0
	seg := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isLower(c) || isDigit(c):
			seg++
		case c == '-' || c == '_' || c == '.' || c == '/':
			if seg == 0 {
				return false
			}
			seps++
			seg = 0
		default:
			return false
		}
	}
	return seps >= 2 && seg > 0
}

// isWordPath reports whether s is a property or relative path of
// lowercase words: some-array[0].entity, data[*].name, path/secret2. Each
// part between . / [ ] is lowercase words with at most three trailing
// digits; there must be an index or a slash, and letters must make words.
func isWordPath(s string) bool {
	marks := 0
	inIndex := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '[':
			if inIndex || i == 0 {
				return false
			}
			inIndex = true
		case c == ']':
			if !inIndex || s[i-1] == '[' {
				return false
			}
			inIndex = false
			marks++
		case inIndex:
			if !isDigit(c) && c != '*' {
				return false
			}
		case c == '/':
			if i == 0 || i == len(s)-1 || s[i-1] == '/' {
				return false
			}
			marks++
		case isDigit(c):
			// Digits only at the end of a part, at most three.
			j := i
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j-i > 3 || (j < len(s) && !strings.ContainsRune("/.[-_", rune(s[j]))) || i == 0 || !isLower(s[i-1]) {
				return false
			}
			i = j - 1
		case isLower(c) || c == '.' || c == '-' || c == '_':
		default:
			return false
		}
	}
	return marks > 0 && !inIndex && lettersMakeWords(s)
}

// alnumWords reports whether an identifier with digits inside reads as
// words (Ec2MetadataAccessKey, oauth2.google.serviceAccount): digit runs of
// at most two inside, never at the end (admin123 and Passw0rd are not names).
func alnumWords(s string) bool {
	if !alnumOr(s, "_-./") {
		return false
	}
	last := ""
	for i := 0; ; {
		ws, we := nextWord(s, i)
		if ws == we {
			break
		}
		last = s[ws:we]
		if isDigit(last[0]) && len(last) > 2 {
			return false
		}
		i = we
	}
	if last == "" || isDigit(last[0]) {
		return false
	}
	return lettersMakeWords(s)
}

// lettersMakeWords reports whether a letters-and-separators string splits
// into word-like parts: each camel-case word has a vowel (or is an all-caps
// acronym of up to five letters, or an abbreviation of up to four), and no segment between separators breaks
// into three or more words averaging under three letters with one of them
// vowelless (ovVofDtc; myApiKey is words).
func lettersMakeWords(s string) bool {
	segWords, segLetters := 0, 0
	segBare := false // a word of the segment has no vowel
	for i := 0; ; {
		ws, we := nextWord(s, i)
		if ws > i || ws == we { // a separator (or the end) closes a segment
			if segWords >= 3 && segLetters < 3*segWords && segBare {
				return false
			}
			segWords, segLetters, segBare = 0, 0, false
		}
		if ws == we {
			return true
		}
		w := s[ws:we]
		segWords++
		segLetters += len(w)
		if isDigit(w[0]) {
			i = we
			continue
		}
		vowels, upper := 0, 0
		for j := 0; j < len(w); j++ {
			switch lowerByte(w[j]) {
			case 'a', 'e', 'i', 'o', 'u', 'y':
				vowels++
			}
			if isUpper(w[j]) {
				upper++
			}
		}
		segBare = segBare || vowels == 0
		acronym := upper == len(w) && len(w) <= 5
		// Abbreviations (db, kv, npm, grpc, http) have no vowel.
		if !acronym && ((vowels == 0 && len(w) > 4) || (len(w) > 6 && 6*vowels < len(w))) {
			return false
		}
		i = we
	}
}

// isNumberLike reports whether s is a number, date, version or IP address.
// Only digits and the separators of numbers, dates, versions and addresses
// count: 8#2!94$@17 is a password.
func isNumberLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && !strings.ContainsRune(".-:/,+_ ", rune(c)) {
			return false
		}
	}
	return true
}

// isText reports whether s reads as prose: UI or error text, SQL.
func isText(s string) bool {
	if strings.IndexByte(s, ' ') < 0 && strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 {
		return false
	}
	return true
}

// fixtureWords mark test fixtures.
var fixtureWords = []string{"test", "fake", "dummy", "mock", "secret", "password", "passwd", "token",
	"example", "foo", "bar", "baz", "qux", "abc", "123", "xyz", "sample", "stub", "fixture", "invalid",
	"wrong", "bad", "good", "valid", "hello", "world", "admin", "user", "pass", "key"}

// looksRandom reports whether a generic value in a test file looks generated
// rather than typed: long, high entropy, no fixture words.
func looksRandom(s string) bool {
	if len(s) < 16 || entropy(s) < 3.5 || charClasses(s) < 2 {
		return false
	}
	for _, w := range fixtureWords {
		if containsFold(s, w) {
			return false
		}
	}
	return true
}

// log2 is math.Log2 for lengths.
func log2(n int) float64 { return math.Log2(float64(n)) }
