package textpairs

import (
	"strings"
	"testing"
)

// TestJSONMembers checks the members taken from JSON anywhere in text, and
// the strings that are no member of a string value.
func TestJSONMembers(t *testing.T) {
	for in, want := range map[string]string{
		`{"user": "app", "password": "abc"}`:  "user=app,password=abc",
		`{"a":"b","esc":"x\"y"}`:              `a=b,esc=x\"y`,
		`cfg := {"n": 1, "token" : "abc"}`:    "token=abc",
		"{\"k\": \"v\n\"}":                    "",
		`"unterminated: "x`:                   "",
		`{"": "v", "k": ""}`:                  "",
		`log("a", "b")`:                       "",
		`{"nested": {"password": "abc"}}`:     "password=abc",
		`["password", "abc"]`:                 "",
		`{"a": "b"} and later "token": "abc"`: "a=b,token=abc",
	} {
		var got []string
		JSONMembers(in, func(key string, start, end int) {
			got = append(got, key+"="+in[start:end])
		})
		if strings.Join(got, ",") != want {
			t.Errorf("JSONMembers(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzJSONMembers checks that every member's value lies between quotes in
// the text and holds no line end.
func FuzzJSONMembers(f *testing.F) {
	for _, s := range []string{`{"a": "b"}`, `"k":"v\"`, `"k" : "`, "\"k\":\n\"v\"", `"\\": "x"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		JSONMembers(s, func(key string, start, end int) {
			if start <= 0 || end >= len(s) || start >= end || s[start-1] != '"' || s[end] != '"' {
				t.Fatalf("member %q at [%d,%d) is not a quoted value of %q", key, start, end, s)
			}
			if strings.ContainsRune(s[start:end], '\n') || key == "" {
				t.Fatalf("member %q=%q of %q", key, s[start:end], s)
			}
		})
	})
}
