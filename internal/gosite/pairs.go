package gosite

import (
	"strings"

	"github.com/kvlint/kvlint/internal/textpairs"
)

// looksStructured reports whether v may hold text whose key/value pairs are
// worth judging one by one: text of several lines (config, scripts,
// tables), or JSON.
func looksStructured(v string) bool {
	if len(v) < 8 {
		return false
	}
	if strings.IndexByte(v, '\n') >= 0 {
		return true
	}
	if strings.IndexByte(v, ':') < 0 && strings.IndexByte(v, '=') < 0 {
		return false
	}
	t := strings.TrimLeft(v, " \t\r")
	return t != "" && (t[0] == '{' || t[0] == '[')
}

// pairs calls fn for each key/value pair in s: "key": "value" anywhere (JSON),
// and, in text of several lines, the pairs kvlint scan takes from the lines
// of a plain file (textpairs: YAML, .env, properties, XML, scripts, tables,
// values on the line after their key). start and end delimit the value in
// s, without quotes. It runs in time linear in len(s) and does not allocate.
func pairs(s string, fn func(key string, start, end int)) {
	textpairs.JSONMembers(s, fn)
	if strings.IndexByte(s, '\n') < 0 {
		return
	}
	// Lines, read as kvlint scan reads a plain file's (textpairs).
	var st textpairs.State
	var ps [textpairs.Max]textpairs.Pair
	for start := 0; start < len(s); {
		end := LineEnd(s, start)
		line := strings.TrimSuffix(s[start:end], "\r")
		if p, ok := st.Next(line); ok {
			fn(p.Key, start+p.Off, start+p.Off+len(p.Value))
		}
		for _, p := range ps[:textpairs.Line(line, &ps)] {
			fn(p.Key, start+p.Off, start+p.Off+len(p.Value))
		}
		start = end + 1
	}
}
