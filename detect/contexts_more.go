package detect

import "strings"

// More value contexts, registered into contextMarkers (contexts.go):
//
//   - SQL DDL that sets a password: PostgreSQL CREATE/ALTER ROLE|USER x
//     [WITH] [ENCRYPTED] PASSWORD '<pw>', MySQL IDENTIFIED BY '<pw>' and
//     IDENTIFIED WITH <plugin> BY '<pw>', T-SQL CREATE LOGIN x WITH PASSWORD
//     = N'<pw>', ENCRYPTION BY PASSWORD = '<pw>', sp_addlogin 'x', '<pw>'.
//     Hashes (md5..., SCRAM-SHA-256$..., MySQL's *<40 hex>, IDENTIFIED BY
//     PASSWORD / AS '<hash>'), NULL and bind parameters (:pw, $1, ?) are
//     not passwords.
//   - Hash arrows binding a value to a secret key: PHP 'password' => 'pw',
//     Ruby :password => "pw", Perl password => 'pw'; an environment
//     lookup's default, 'password' => env('DB_PASSWORD', 'pw'), is bound
//     too when it is a literal.
//   - Credentials by position, with no name: new PDO($dsn, 'user', 'pw'),
//     DBI->connect($dsn, "user", "pw"), mysqli_connect / new mysqli(host,
//     user, pw, db), DriverManager.getConnection(url, "user", "pw"),
//     MySQLdb.connect(host, user, passwd, db), htpasswd -b file user pw.

// More value context kinds; their names are moreContextNames.
const (
	CtxSQLPassword  ValueContext = iota + ctxMoreBase // CREATE ROLE x PASSWORD '<pw>', IDENTIFIED BY '<pw>'
	CtxArrow                                          // 'password' => '<pw>', :token => "<t>"
	CtxPositional                                     // new PDO($dsn, 'user', '<pw>'), htpasswd -b f u <pw>
	CtxDefine                                         // define('AUTH_KEY', '<key>') (PHP constants, WordPress keys and salts)
	CtxInsertColumn                                   // INSERT INTO t (name, client_secret) VALUES ('x', '<s>')
)

// ctxMoreBase is the first of the kinds declared here.
const ctxMoreBase = 32

var moreContextNames = [...]string{"SQL password clause", "hash arrow", "credential argument by position", "define() constant", "SQL INSERT column"}

// moreContextName names a kind declared here.
func moreContextName(c ValueContext) string {
	if i := int(c) - ctxMoreBase; i >= 0 && i < len(moreContextNames) {
		return moreContextNames[i]
	}
	return "unknown"
}

const (
	exSQLPassword extractor = iota + 64
	exIdentifiedBy
	exAddLogin
	exArrow
	exThirdArg
	exHtpasswd
	exDefine
	exInsertValues
)

// moreContextMarkers are the markers of the extractors in this file.
var moreContextMarkers = []contextMarker{
	{"password", exSQLPassword},
	{"identified by", exIdentifiedBy}, {"identified with", exIdentifiedBy},
	{"sp_addlogin", exAddLogin},
	{"=>", exArrow},
	{"pdo(", exThirdArg}, {"dbi->connect(", exThirdArg}, {"mysqli_connect(", exThirdArg},
	{"mysqli(", exThirdArg}, {"mysql_connect(", exThirdArg}, {"drivermanager.getconnection(", exThirdArg},
	{"mysqldb.connect(", exThirdArg},
	{"htpasswd ", exHtpasswd},
	{"define(", exDefine},
	{"values", exInsertValues},
}

// moreContextAt runs the extractor x of a marker m that ends at after.
func moreContextAt(x extractor, v, m string, after int, fn func(contextCandidate)) {
	switch x {
	case exSQLPassword:
		sqlPasswordAt(v, after-len(m), after, fn)
	case exIdentifiedBy:
		identifiedByAt(v, m, after, fn)
	case exAddLogin:
		addLoginAt(v, after, fn)
	case exArrow:
		arrowAt(v, after-len(m), fn)
	case exThirdArg:
		thirdArgAt(v, m, after, fn)
	case exHtpasswd:
		htpasswdAt(v, after, fn)
	case exDefine:
		defineAt(v, after, fn)
	case exInsertValues:
		insertValuesAt(v, after-len("values"), after, fn)
	}
}

// sqlStatement returns the statement around at: from the last ';' or the
// start of the value (at most 400 bytes back) to at.
func sqlStatement(v string, at int) string {
	from := max(0, at-400)
	if k := strings.LastIndexByte(v[from:at], ';'); k >= 0 {
		from += k + 1
	}
	return v[from:at]
}

// sqlSetsPassword reports whether a statement's text before its PASSWORD
// keyword creates or alters a role, user or login, or protects a key with
// a password (CREATE MASTER KEY ENCRYPTION BY PASSWORD).
func sqlSetsPassword(stmt string) bool {
	if indexFold(stmt, "create ") < 0 && indexFold(stmt, "alter ") < 0 && indexFold(stmt, "set ") < 0 {
		return false
	}
	for _, w := range [...]string{"role ", "user ", "login ", " key ", "certificate ", "set "} {
		if indexFold(stmt, w) >= 0 {
			return true
		}
	}
	return false
}

// lastWord returns the word (letters, digits, '_') that ends before i, after
// blanks.
func lastWord(v string, i int) string {
	e := lastNonBlank(v, i) + 1
	s := e
	for s > 0 && (isAlnum(v[s-1]) || v[s-1] == '_') {
		s--
	}
	return v[s:e]
}

// sqlPasswordAt finds the literal after the PASSWORD keyword of a statement
// that sets one: [WITH] [ENCRYPTED] PASSWORD '<pw>', PASSWORD = N'<pw>'.
func sqlPasswordAt(v string, at, after int, fn func(contextCandidate)) {
	if after < len(v) && (isAlnum(v[after]) || v[after] == '_') {
		return // passwords, password_hash
	}
	if !sqlSetsPassword(sqlStatement(v, at)) {
		return
	}
	switch w := lastWord(v, at); {
	case eqAny(w, []string{"with", "encrypted", "unencrypted", "login", "by", "set", "nologin", "superuser"}):
	case strings.EqualFold(w, "") || strings.EqualFold(w, "old"):
		return
	default:
		// ALTER USER app PASSWORD '...': the word before is the user,
		// which must follow USER or ROLE.
		if p := lastWord(v, lastNonBlank(v, at)+1-len(w)); !eqAny(p, []string{"user", "role"}) {
			return
		}
	}
	i := skipBlanks(v, after)
	if i+4 < len(v) && strings.EqualFold(v[i:i+4], "for ") {
		// SET PASSWORD FOR 'app'@'%' = '<pw>'
		k := strings.IndexAny(v[i:], "=;\n")
		if k < 0 || v[i+k] != '=' {
			return
		}
		i += k
	}
	if i < len(v) && v[i] == '=' {
		i = skipBlanks(v, i+1)
	}
	sqlLiteral(v, i, fn)
}

// sqlLiteral reports the string literal at i ('...', "...", N'...') as a
// password unless it is a password hash or holds quotes of the other kind
// (a literal concatenated in a host language: "... PASSWORD '" + pw + "'").
func sqlLiteral(v string, i int, fn func(contextCandidate)) {
	if i+1 < len(v) && (v[i] == 'N' || v[i] == 'n') && v[i+1] == '\'' {
		i++
	}
	if i >= len(v) || (v[i] != '\'' && v[i] != '"') {
		return // NULL, a bind parameter (:pw, $1, ?, @pw), a hex hash
	}
	s, e := tokenAt(v, i)
	if e >= len(v) || v[e] != v[i] || e == s {
		return
	}
	pw := v[s:e]
	if sqlPasswordHash(pw) || strings.ContainsAny(pw, `"'`) {
		return
	}
	fn(contextCandidate{kind: CtxSQLPassword, name: "password", start: s, end: e})
}

// sqlPasswordHash reports whether a PASSWORD literal is a stored hash:
// PostgreSQL's md5<32 hex> and SCRAM-SHA-256$..., MySQL's *<40 hex>.
func sqlPasswordHash(pw string) bool {
	switch {
	case len(pw) == 35 && strings.HasPrefix(strings.ToLower(pw), "md5") && allHex(pw[3:]):
		return true
	case len(pw) == 41 && pw[0] == '*' && allHex(pw[1:]):
		return true
	case strings.HasPrefix(strings.ToUpper(pw), "SCRAM-SHA-256$"):
		return true
	}
	return false
}

// identifiedByAt finds MySQL's and Oracle's IDENTIFIED BY '<pw>' and
// IDENTIFIED WITH <plugin> BY '<pw>'; IDENTIFIED BY PASSWORD '<hash>' and
// IDENTIFIED WITH <plugin> AS '<hash>' give a hash. Oracle's unquoted
// IDENTIFIED BY <pw> counts in a CREATE or ALTER USER statement.
func identifiedByAt(v, m string, after int, fn func(contextCandidate)) {
	i := skipBlanks(v, after)
	if strings.HasSuffix(m, "with") {
		for i < len(v) && (isAlnum(v[i]) || v[i] == '_' || v[i] == '\'' || v[i] == '"') {
			i++ // the plugin's name
		}
		i = skipBlanks(v, i)
		if i+3 > len(v) || !strings.EqualFold(v[i:i+2], "by") || (v[i+2] != ' ' && v[i+2] != '\t') {
			return // AS '<hash>', or no password
		}
		i = skipBlanks(v, i+2)
	}
	if i >= len(v) {
		return
	}
	if v[i] == '\'' || v[i] == '"' || (v[i] == 'N' && i+1 < len(v) && v[i+1] == '\'') {
		sqlLiteral(v, i, fn)
		return
	}
	// Oracle: IDENTIFIED BY app_pw (a word, not the PASSWORD keyword, a
	// bind variable or a substitution).
	s, e := i, i
	for e < len(v) && (isAlnum(v[e]) || v[e] == '_' || v[e] == '#' || v[e] == '$') {
		e++
	}
	if e == s || !isAlnum(v[s]) || strings.EqualFold(v[s:e], "password") || strings.EqualFold(v[s:e], "values") {
		return
	}
	if e < len(v) && !strings.ContainsRune(" \t\r\n;", rune(v[e])) {
		return
	}
	at := after - len(m)
	stmt := sqlStatement(v, at)
	if indexFold(stmt, "user ") < 0 || (indexFold(stmt, "create ") < 0 && indexFold(stmt, "alter ") < 0) {
		return
	}
	fn(contextCandidate{kind: CtxSQLPassword, name: "password", start: s, end: e})
}

// addLoginAt finds T-SQL's sp_addlogin 'login', '<pw>' and sp_addlogin
// @loginame = 'login', @passwd = '<pw>'.
func addLoginAt(v string, after int, fn func(contextCandidate)) {
	end := strings.IndexAny(v[after:], ";\n")
	if end < 0 {
		end = len(v) - after
	}
	stmt := v[after : after+end]
	if k := indexFold(stmt, "@passwd"); k >= 0 {
		i := skipBlanks(stmt, k+len("@passwd"))
		if i < len(stmt) && stmt[i] == '=' {
			sqlLiteralAt(v, after+skipBlanks(stmt, i+1), fn)
		}
		return
	}
	i := skipBlanks(v, after)
	if i < len(v) && v[i] == '(' {
		i = skipBlanks(v, i+1)
	}
	e, ok := skipArg(v, i)
	if !ok || e >= len(v) || v[e] != ',' {
		return
	}
	sqlLiteralAt(v, skipBlanks(v, e+1), fn)
}

// sqlLiteralAt is sqlLiteral for a literal that must end the argument.
func sqlLiteralAt(v string, i int, fn func(contextCandidate)) {
	sqlLiteral(v, i, func(c contextCandidate) {
		if n := skipBlanks(v, c.end+1); n >= len(v) || strings.IndexByte(",;)\r\n", v[n]) >= 0 {
			fn(c)
		}
	})
}

// skipArg returns the end of the argument starting at i: the ',' or ')'
// that ends it at depth 0, or len(v). ok is false for an unterminated
// literal or bracket.
func skipArg(v string, i int) (int, bool) {
	depth := 0
	for i < len(v) {
		switch c := v[i]; c {
		case '"', '\'':
			_, e := tokenAt(v, i)
			if e >= len(v) || v[e] != c {
				return i, false
			}
			i = e + 1
			continue
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return i, true
			}
			depth--
		case ',':
			if depth == 0 {
				return i, true
			}
		case '\n':
			return i, false
		}
		i++
	}
	return i, depth == 0
}

// arrowAt finds a hash arrow binding a literal to a secret key:
// 'password' => 'pw' (PHP), :password => "pw" (Ruby), password => 'pw'
// (Perl), and the literal default of an environment lookup,
// 'password' => env('DB_PASSWORD', 'pw'). A variable, a call, null and ”
// bind nothing.
func arrowAt(v string, at int, fn func(contextCandidate)) {
	key := arrowKey(v, at)
	if key == "" || !secretName(key) {
		return
	}
	i := skipBlanks(v, at+2)
	if i >= len(v) {
		return
	}
	if c := v[i]; c != '"' && c != '\'' {
		i = envDefault(v, i)
		if i < 0 {
			return
		}
	}
	s, e := tokenAt(v, i)
	if e >= len(v) || v[e] != v[i] || e == s {
		return
	}
	if n := skipBlanks(v, e+1); n < len(v) && strings.IndexByte(",;)]}\r\n#", v[n]) < 0 {
		return // 'pw' . $x, "a" + b: not the whole value
	}
	fn(contextCandidate{kind: CtxArrow, name: key, start: s, end: e})
}

// arrowKey returns the key before the arrow at: a quoted string, a Ruby
// symbol or a bare Perl word.
func arrowKey(v string, at int) string {
	p := lastNonBlank(v, at)
	if p < 0 {
		return ""
	}
	if q := v[p]; q == '"' || q == '\'' {
		ks := strings.LastIndexByte(v[:p], q)
		if ks < 0 || p-ks > 100 {
			return ""
		}
		return v[ks+1 : p]
	}
	s := p + 1
	for s > 0 && (isAlnum(v[s-1]) || v[s-1] == '_') {
		s--
	}
	if s == p+1 {
		return ""
	}
	if s > 0 && !strings.ContainsRune(" \t:{(,[", rune(v[s-1])) {
		return "" // $password => ..., $x->password => ...
	}
	return v[s : p+1]
}

// envLookups are the calls whose second argument is the default of an
// environment variable.
var envLookups = []string{"env(", "getenv(", "env.fetch(", "os.getenv(", "environ.get("}

// envDefault returns the offset of the default literal of an environment
// lookup at i, env('NAME', 'default'), or -1.
func envDefault(v string, i int) int {
	open := -1
	for _, c := range envLookups {
		if len(v)-i >= len(c) && strings.EqualFold(v[i:i+len(c)], c) {
			open = i + len(c)
			break
		}
	}
	if open < 0 {
		return -1
	}
	e, ok := skipArg(v, skipBlanks(v, open))
	if !ok || e >= len(v) || v[e] != ',' {
		return -1 // env('DB_PASSWORD'): no default
	}
	d := skipBlanks(v, e+1)
	if d >= len(v) || (v[d] != '"' && v[d] != '\'') {
		return -1
	}
	if _, de := tokenAt(v, d); de >= len(v) || v[de] != v[d] || skipBlanks(v, de+1) >= len(v) || v[skipBlanks(v, de+1)] != ')' {
		return -1
	}
	return d
}

// thirdArgAt finds a literal password given third to a connect call that
// takes (dsn or host, user, password): new PDO($dsn, 'user', 'pw'),
// DBI->connect($dsn, "user", "pw"), mysqli_connect("db", "app", "pw"),
// DriverManager.getConnection(url, "app", "pw"), MySQLdb.connect(host,
// user, passwd, db).
func thirdArgAt(v, m string, after int, fn func(contextCandidate)) {
	if m == "pdo(" || m == "mysqli(" {
		// new PDO(...), new \PDO(...): a constructor call.
		p := lastNonBlank(v, after-len(m)+boolInt(v, after-len(m)-1, '\\'))
		if p < 2 || !strings.EqualFold(v[p-2:p+1], "new") {
			return
		}
	}
	i := skipBlanks(v, after)
	for range 2 {
		e, ok := skipArg(v, i)
		if !ok || e == i || e >= len(v) || v[e] != ',' {
			return
		}
		i = skipBlanks(v, e+1)
	}
	if i >= len(v) || (v[i] != '"' && v[i] != '\'') {
		return // a variable
	}
	s, e := tokenAt(v, i)
	if e >= len(v) || v[e] != v[i] || e == s {
		return
	}
	if n := skipBlanks(v, e+1); n < len(v) && v[n] != ',' && v[n] != ')' {
		return
	}
	fn(contextCandidate{kind: CtxPositional, name: "password", start: s, end: e})
}

// boolInt returns -1 when v[i] is c (a byte to step back over), else 0.
func boolInt(v string, i int, c byte) int {
	if i >= 0 && i < len(v) && v[i] == c {
		return -1
	}
	return 0
}

// htpasswdAt finds the password of htpasswd's batch mode, given on the
// command line: htpasswd -b[c|B] file user pw, htpasswd -nb user pw.
// Without -b htpasswd prompts for it.
func htpasswdAt(v string, after int, fn func(contextCandidate)) {
	batch, noFile := false, false
	var pos [3][2]int
	n := 0
	for i := skipBlanks(v, after); i < len(v) && n < 3; i = skipBlanks(v, i) {
		c := v[i]
		if c == '\n' || c == ';' || c == '|' || c == '&' || c == '>' || c == '<' || c == ')' {
			break
		}
		s, e := tokenAt(v, i)
		next := e
		if c == '"' || c == '\'' {
			next = min(e+1, len(v))
		}
		if e == s && next == i {
			break
		}
		if c == '-' && n == 0 {
			flags := v[s+1 : e]
			batch = batch || strings.IndexByte(flags, 'b') >= 0
			noFile = noFile || strings.IndexByte(flags, 'n') >= 0
			if strings.ContainsAny(flags, "Cr") && !strings.ContainsAny(flags, "0123456789") {
				// -C cost, -r rounds: the next token is the number.
				_, ne := tokenAt(v, skipBlanks(v, next))
				next = ne
			}
		} else {
			pos[n] = [2]int{s, e}
			n++
		}
		i = next
	}
	want := 3
	if noFile {
		want = 2
	}
	if !batch || n < want {
		return
	}
	p := pos[want-1]
	if p[1] > p[0] {
		fn(contextCandidate{kind: CtxPositional, name: "password", start: p[0], end: p[1]})
	}
}

// defineAt finds PHP's define('NAME', '<value>'), which binds its second
// argument to its first: define('DB_PASSWORD', '<pw>'), WordPress's
// define('AUTH_KEY', '<key>'). A salt or nonce key constant
// (define('LOGGED_IN_SALT', ...), NONCE_KEY) holds a secret when its value
// is generated; the value is then judged as a secret's.
func defineAt(v string, after int, fn func(contextCandidate)) {
	i := skipBlanks(v, after)
	if i >= len(v) || (v[i] != '\'' && v[i] != '"') {
		return
	}
	ks, ke := tokenAt(v, i)
	if ke >= len(v) || v[ke] != v[i] {
		return
	}
	key := v[ks:ke]
	i = skipBlanks(v, ke+1)
	if i >= len(v) || v[i] != ',' {
		return
	}
	i = skipBlanks(v, i+1)
	if i >= len(v) || (v[i] != '\'' && v[i] != '"') {
		return // a constant or a call
	}
	s, e := tokenAt(v, i)
	if e >= len(v) || v[e] != v[i] || e == s {
		return
	}
	if n := skipBlanks(v, e+1); n < len(v) && v[n] != ')' && v[n] != ',' {
		return
	}
	name := key
	if !secretName(key) {
		if !saltName(key) || !saltValue(v[s:e]) {
			return
		}
		name = "secret"
	}
	fn(contextCandidate{kind: CtxDefine, name: name, start: s, end: e})
}

// saltValue reports whether a salt constant's value is generated: at
// least 32 characters without blanks, of high entropy (WordPress's keys
// are 64 printable characters).
func saltValue(v string) bool {
	return len(v) >= 32 && strings.IndexAny(v, " \t") < 0 && entropy(v) >= 4.0
}

// saltName reports whether a constant's last word is salt or its last two
// are nonce key: the keys and salts of WordPress and other PHP
// applications (LOGGED_IN_SALT, NONCE_KEY).
func saltName(name string) bool {
	var buf [4]span
	n := wordsOf(name, buf[:])
	if n == 0 {
		return false
	}
	head := name[buf[n-1].s:buf[n-1].e]
	return strings.EqualFold(head, "salt") ||
		n > 1 && strings.EqualFold(head, "key") && strings.EqualFold(name[buf[n-2].s:buf[n-2].e], "nonce")
}

// insertValuesAt finds the literals an SQL INSERT binds to secret-named
// columns by position: INSERT INTO clients (name, client_secret) VALUES
// ('partner', '<s>'), ('other', '<s2>'). The column list and the VALUES
// keyword must be in the same value (one line of a plain file, one SQL
// string); a password hash under a password column is judged as hashes
// are.
func insertValuesAt(v string, at, after int, fn func(contextCandidate)) {
	if after < len(v) && (isAlnum(v[after]) || v[after] == '_') {
		return
	}
	cl := lastNonBlank(v, at)
	if cl < 0 || v[cl] != ')' {
		return
	}
	op := strings.LastIndexByte(v[:cl], '(')
	if op < 0 || cl-op > 1000 || indexFold(v[max(0, op-200):op], "insert") < 0 {
		return
	}
	var cols [16]string
	n := 0
	for rest := v[op+1 : cl]; rest != "" && n < len(cols); {
		c, tail, _ := strings.Cut(rest, ",")
		cols[n] = strings.Trim(strings.TrimSpace(c), "`\"[]")
		n++
		rest = tail
	}
	i := skipSpace(v, after)
	for i < len(v) && v[i] == '(' {
		i = skipSpace(v, i+1)
		for k := 0; k < n; k++ {
			e, ok := skipArg(v, i)
			if !ok {
				return
			}
			if i < len(v) && (v[i] == '\'' || v[i] == '"') && secretName(cols[k]) {
				sqlLiteral(v, i, func(c contextCandidate) {
					c.kind, c.name = CtxInsertColumn, cols[k]
					fn(c)
				})
			}
			if e >= len(v) || v[e] == ')' {
				i = e
				break
			}
			i = skipSpace(v, e+1)
		}
		if i >= len(v) || v[i] != ')' {
			return
		}
		i = skipSpace(v, i+1)
		if i >= len(v) || v[i] != ',' {
			return
		}
		i = skipSpace(v, i+1)
	}
}
