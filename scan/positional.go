package scan

import (
	"path/filepath"
	"strings"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/gosite"
	"github.com/kvlint/kvlint/internal/textpairs"
)

// Credential files whose lines give a password by position, with no name:
// PostgreSQL's password file (.pgpass, pgpass.conf), one
// hostname:port:database:username:password a line, '\' escaping ':' and
// '\' itself; and .netrc (_netrc on Windows), whose "machine h login u
// password p" tokens may span lines.

// credentialFile scans the password fields of a credential file named by
// abs; other files are left alone.
func (w *worker) credentialFile(abs, content string, eng engine, test bool) {
	switch strings.ToLower(filepath.Base(abs)) {
	case ".pgpass", "pgpass.conf", "pgpass":
		w.pgpass(content, eng, test)
	case ".netrc", "_netrc":
		w.netrc(content, eng, test)
	case "master.key":
		w.wholeFileKey(content, eng, test)
	default:
		if strings.HasSuffix(abs, ".key") && strings.Contains(filepath.ToSlash(abs), "/config/credentials/") {
			w.wholeFileKey(content, eng, test)
		}
	}
}

// pgpass judges the password field of each line of a .pgpass file as a
// value named password. Comments (#) and lines without five fields are
// skipped; an empty password and a "*" (a wildcard, which matches nothing
// a client sends) are not passwords.
func (w *worker) pgpass(content string, eng engine, test bool) {
	for start := 0; start < len(content); {
		end := gosite.LineEnd(content, start)
		line := strings.TrimRight(content[start:end], "\r")
		if s, e, ok := pgpassPassword(line); ok {
			w.pair(textpairs.Pair{Key: "password", Value: line[s:e], Off: s}, start, detect.KindLine, eng, test)
		}
		start = end + 1
	}
}

// pgpassPassword returns the bounds of the fifth field of a .pgpass line,
// where ':' separates fields unless a '\' escapes it.
func pgpassPassword(line string) (int, int, bool) {
	if strings.HasPrefix(strings.TrimLeft(line, " \t"), "#") {
		return 0, 0, false
	}
	field, s := 0, 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case ':':
			field++
			if field == 4 {
				s = i + 1
			}
		}
	}
	if field != 4 || s >= len(line) || line[s:] == "*" {
		return 0, 0, false
	}
	return s, len(line), true
}

// joinNotes joins two notes of a file, either of which may be empty.
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// netrc judges the token after each "password" token of a .netrc file as
// a value named password. A macdef's body (up to a blank line) holds
// commands, not tokens.
func (w *worker) netrc(content string, eng engine, test bool) {
	prevPassword := false
	for i := 0; i < len(content); {
		for i < len(content) && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n') {
			i++
		}
		s := i
		for i < len(content) && content[i] != ' ' && content[i] != '\t' && content[i] != '\r' && content[i] != '\n' {
			i++
		}
		if s == i {
			break
		}
		tok := content[s:i]
		switch {
		case prevPassword:
			ls := strings.LastIndexByte(content[:s], '\n') + 1
			w.pair(textpairs.Pair{Key: "password", Value: tok, Off: s - ls}, ls, detect.KindLine, eng, test)
			prevPassword = false
		case tok == "password" || tok == "passwd":
			prevPassword = true
		case tok == "macdef":
			if k := strings.Index(content[i:], "\n\n"); k >= 0 {
				i += k
			} else {
				i = len(content)
			}
		}
	}
}

// wholeFileKey judges the one line of a key file (Rails's master.key) as a
// value named master_key. A file of more than one non-blank line (a PEM
// key, which the PEM pass reads) is left alone.
func (w *worker) wholeFileKey(content string, eng engine, test bool) {
	s := len(content) - len(strings.TrimLeft(content, " \t\r\n"))
	v := strings.TrimSpace(content)
	if v == "" || strings.ContainsAny(v, "\n ") || len(v) > 200 {
		return
	}
	w.pair(textpairs.Pair{Key: "master_key", Value: v, Off: s}, 0, detect.KindLine, eng, test)
}
