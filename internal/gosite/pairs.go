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
	// JSON: "key" : "value", possibly several on one line.
	for i := 0; i < len(s); {
		q := strings.IndexByte(s[i:], '"')
		if q < 0 {
			break
		}
		ks, ke, next, ok := quoted(s, i+q)
		if !ok {
			i = next
			continue
		}
		j := skipBlank(s, ke+1)
		if j < len(s) && s[j] == ':' {
			j = skipBlank(s, j+1)
			if j < len(s) && s[j] == '"' {
				vs, ve, vnext, ok := quoted(s, j)
				if ok {
					if ve > vs && ke > ks {
						fn(s[ks:ke], vs, ve)
					}
					i = vnext
					continue
				}
			}
		}
		i = ke + 1
	}
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

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// quoted scans the double-quoted string starting at s[i] == '"' and returns
// the bounds of its contents and the index after the closing quote. A string
// is not allowed to span lines; if it is unterminated, ok is false and next
// is where scanning resumes.
func quoted(s string, i int) (start, end, next int, ok bool) {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return i + 1, j, j + 1, true
		case '\n':
			return 0, 0, j + 1, false
		}
	}
	return 0, 0, len(s), false
}
