package gosite

import (
	"strings"
	"testing"
)

func collectPairs(s string) []string {
	var out []string
	pairs(s, func(key string, start, end int) {
		out = append(out, key+"="+s[start:end])
	})
	return out
}

func TestPairs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`{"user": "app", "password": "p4ss-w0rd"}`, []string{"user=app", "password=p4ss-w0rd"}},
		{`{"a":"b","esc":"x\"y"}`, []string{"a=b", `esc=x\"y`}},
		{"db:\n  host: db.internal\n  password: 'q1w2e3r4'\n", []string{"host=db.internal", "password=q1w2e3r4"}},
		{"export API_TOKEN=abc123def\nDB_PASSWORD = \"s3cr3t-v4lue\"\n", []string{"API_TOKEN=abc123def", "DB_PASSWORD=s3cr3t-v4lue"}},
		// Values that are no scalar are pairs too (as in a plain file); the
		// engine finds nothing in them.
		{"- token: t0k3n-v4lue,\nitems: [1, 2]\nblock: |\n", []string{"token=t0k3n-v4lue", "items=[1, 2]", "block=|"}},
		// The lines are read as kvlint scan reads a plain file's: Docker's
		// ENV, a table column named by its header, an XML element, a value
		// on the line after its key.
		{"ENV DB_PASSWORD s3cr3t-v4lue\n", []string{"DB_PASSWORD=s3cr3t-v4lue"}},
		{"| user | password |\n|---|---|\n| app | s3cr3t-v4lue |\n", []string{"user=password", "password=s3cr3t-v4lue", "app=s3cr3t-v4lue"}},
		{"<config>\n  <password>s3cr3t-v4lue</password>\n</config>\n", []string{"password=s3cr3t-v4lue"}},
		{"password: |\n  s3cr3t-v4lue\n", []string{"password=|", "password=s3cr3t-v4lue"}},
		// A JSON member on a line of its own is taken by both readers: the
		// Judge keeps one finding of a span.
		{"{\n  \"password\": \"s3cr3t-v4lue\"\n}", []string{"password=s3cr3t-v4lue", "password=s3cr3t-v4lue"}},
		{`"unterminated: "x`, nil},
		{"", nil},
	} {
		got := collectPairs(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("pairs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLooksStructured(t *testing.T) {
	for in, want := range map[string]bool{
		`{"a": "b"}`:           true,
		"a: b\nc: d":           true,
		"key=value\nother=1":   true,
		"plain text, no pairs": false,
		"| a | b |\n| c | d |": true, // a table: several lines
		"short\n":              false,
		"host:port":            false,
		"   [1, 2, 3]: x":      true,
	} {
		if got := looksStructured(in); got != want {
			t.Errorf("looksStructured(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzPairs(f *testing.F) {
	f.Add(`{"user": "app", "password": "p4ss"}`)
	f.Add("a: b\n- c = 'd'\n\"e\": \"f\"")
	f.Add(`"\"":"\\"`)
	f.Fuzz(func(t *testing.T, s string) {
		calls := 0
		pairs(s, func(key string, start, end int) {
			calls++
			if key == "" || start < 0 || end > len(s) || start >= end {
				t.Fatalf("pair %q [%d,%d) in %d bytes", key, start, end, len(s))
			}
		})
		// Each pair consumes at least its key, separator and value.
		if calls > len(s) {
			t.Fatalf("%d pairs in %d bytes", calls, len(s))
		}
	})
}
