package textpairs

import (
	"strings"
	"testing"
)

// TestLineStateNextLine checks which keys bind the next line.
func TestLineStateNextLine(t *testing.T) {
	cases := []struct {
		lines []string
		key   string // the key bound on the last line; "" none
		value string
	}{
		{[]string{"password: |", "  abc def"}, "password", "abc def"},
		{[]string{"password: >-", "", "  abc"}, "password", "abc"},
		{[]string{"  password:", "    'abc'"}, "password", "abc"},
		{[]string{"- token: |2", "    abc"}, "token", "abc"},
		{[]string{"<password>", "  abc  ", "</password>"}, "", ""},
		{[]string{"<password>", "  abc  "}, "password", "abc"},
		{[]string{"password:", "  nested: map"}, "", ""},
		{[]string{"password:", "  - item"}, "", ""},
		{[]string{"password:", "other: x"}, "", ""},
		{[]string{"password: x", "  abc"}, "", ""},
		{[]string{"password: | # text", "  abc"}, "password", "abc"},
		{[]string{"password: |x", "  abc"}, "", ""},
		{[]string{"<password/>", "abc"}, "", ""},
		{[]string{"<password>x</password>", "abc"}, "", ""},
		// A secret flag continued on the next line.
		{[]string{"mysql --password \\", "  abc app"}, "password", "abc"},
		{[]string{"New-LocalUser -Name svc -Password `", "  'abc'"}, "Password", "abc"},
		{[]string{"docker login -u bot -p \\", "  abc registry"}, "password", "abc"},
		{[]string{"tool --verbose \\", "  abc"}, "", ""},
		{[]string{"tool --password \\", "  --user x"}, "", ""},
		{[]string{"tool --password", "  abc"}, "", ""},
		// A table column named by its header.
		{[]string{"| User | Password | Role |", "|---|---|---|", "| admin | `abc` | owner |"}, "Password", "abc"},
		{[]string{"| User | Password |", "|---|---|", "| a | b |", "| admin | abc |"}, "Password", "abc"},
		{[]string{"| User | Password |", "| admin | abc |"}, "", ""},
		{[]string{"| User | Password |", "|---|---|", "text", "| admin | abc |"}, "", ""},
		{[]string{"| User | Role |", "|---|---|", "| admin | abc |"}, "", ""},
	}
	for _, c := range cases {
		var st State
		var p Pair
		var ok bool
		for _, l := range c.lines {
			p, ok = st.Next(l)
		}
		last := c.lines[len(c.lines)-1]
		if c.key == "" {
			if ok {
				t.Errorf("%q: bound %q to %q, want nothing", c.lines, p.Key, p.Value)
			}
			continue
		}
		if !ok || p.Key != c.key || p.Value != c.value || last[p.Off:p.Off+len(p.Value)] != p.Value {
			t.Errorf("%q: got %+v %v, want %s = %q", c.lines, p, ok, c.key, c.value)
		}
	}
}

// TestTableRow checks the pairs of Markdown table rows.
func TestTableRow(t *testing.T) {
	cases := map[string][]string{
		"| `DB_PASSWORD` | `abc` | notes |": {"DB_PASSWORD=abc", "abc=notes"},
		"| **token** | xyz |":               {"token=xyz"},
		"|---|:--:|":                        nil,
		"| a b | c |":                       nil,
		"| key | value":                     nil,
		"| k |  |":                          nil,
	}
	joined := map[string]string{}
	for line, want := range cases {
		joined[line] = strings.Join(want, ",")
	}
	checkLinePairs(t, joined)
}

// FuzzLineState checks that a value bound on the next line points into it.
func FuzzLineState(f *testing.F) {
	for _, s := range []string{"password: |\n  abc", "<a>\nb\n</a>", "k:\n  'v", "- k: >-\n\n   v", "| a | b |\n|-|-|", "<a x>\n<", "k: |\n",
		"- name: DB_PASSWORD\n  value: x", "new ApiKeyOptions\n{\n Key = \"x\"\n}", "ApiKeyOptions(\nkey = 'x'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		var st State
		for _, line := range strings.Split(content, "\n") {
			p, ok := st.Next(line)
			if ok && (p.Value == "" || p.Off < 0 || p.Off+len(p.Value) > len(line) || line[p.Off:p.Off+len(p.Value)] != p.Value) {
				t.Fatalf("Pair %+v does not point into %q", p, line)
			}
		}
	})
}

// FuzzLinePairs checks that every Pair found on a line points into it: the
// value sits at its offset, so reported columns are right.
func FuzzLinePairs(f *testing.F) {
	for _, s := range []string{
		"password: hunter2", `"key": "value",`, "export A=\"b\"", "ENV KEY value", "--password=x --user y",
		"<password>x</password>", "a := `raw`", "key = 'v' # c", "x==y", "- name: 'q", `"unterminated: "x`,
		"--", "-- --a", "k:", "\t\tk\t=\tv;", "a::b", "'k': v",
		`private static final String K = "v";`, "export const k: T = 'v'", "const k: = ", "let a b c d e f g h i = 'v'",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsRune(line, '\n') {
			return
		}
		var pairs [Max]Pair
		n := Line(line, &pairs)
		if n < 0 || n > Max {
			t.Fatalf("n = %d", n)
		}
		for _, p := range pairs[:n] {
			if p.Off < 0 || p.Off+len(p.Value) > len(line) || line[p.Off:p.Off+len(p.Value)] != p.Value {
				t.Fatalf("Pair %+v does not point into %q", p, line)
			}
			if p.Value == "" {
				t.Fatalf("empty value in %q", line)
			}
		}
	})
}

// TestPrefixedPairs checks the pairs of lines that set a variable after a
// shell's or Dockerfile's keyword: Docker's ENV takes the rest of the line,
// Windows' setx one token or a quoted value (setx NAME value [/m]).
func TestPrefixedPairs(t *testing.T) {
	checkLinePairs(t, map[string]string{
		"ENV APP_PASSWORD two words":      "APP_PASSWORD=two words",
		"export API_TOKEN=abc":            "API_TOKEN=abc",
		"set DB_PASSWORD=abc":             "DB_PASSWORD=abc",
		"setx CLIENT_SECRET abc /M":       "CLIENT_SECRET=abc",
		"setx CLIENT_SECRET abc":          "CLIENT_SECRET=abc",
		`setx DB_PASSWORD "two words" /m`: "DB_PASSWORD=two words",
		"  setx API_KEY 'abc'":            "API_KEY=abc",
		"setx PATH":                       "",
		"setxy KEY abc":                   "",
	})
}
