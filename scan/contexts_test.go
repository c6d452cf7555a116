package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// contextFile is a file whose secrets (or decoys) stand in a context real
// files use. want lists the 1-based lines a finding must be on; every other
// line must have none.
type contextFile struct {
	name    string
	content string
	want    []int
	secrets []string // what must not appear in any message
}

func contextFiles() []contextFile {
	s := detect.Fake("scan-ctx", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 24)
	t := detect.Fake("scan-ctx-2", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_", 32)
	pw := "Qz9!mLr7#vX2"
	return []contextFile{
		{name: "deploy.sh", secrets: []string{s, t, pw}, want: []int{2, 3, 4, 5}, content: "#!/bin/sh\n" +
			"curl -u admin:" + s + " https://api.example.com/v1/items\n" +
			`curl -H "Authorization: Bearer ` + t + `" https://api.example.com` + "\n" +
			"mysql -h db -u app -p " + pw + " app < dump.sql\n" +
			"docker login --username bot --password " + s + " registry.example.com\n" +
			"docker run -p 8080:8080 -u 1000:1000 img\n" +
			"mkdir -p /var/lib/app/data\n" +
			`curl -H "Authorization: Bearer $API_TOKEN" https://api.example.com` + "\n" +
			`read -p "Enter the database password: " pw` + "\n"},
		{name: "setup.ps1", secrets: []string{pw}, want: []int{1}, content: "" +
			`$pw = ConvertTo-SecureString "` + pw + `" -AsPlainText -Force` + "\n" +
			`$enc = ConvertTo-SecureString $encrypted` + "\n" +
			`$pw2 = ConvertTo-SecureString $env:DB_PASSWORD -AsPlainText -Force` + "\n"},
		{name: "web.config", secrets: []string{s, pw, t}, want: []int{3, 4, 7, 10}, content: "<configuration>\n" +
			"  <appSettings>\n" +
			`    <add key="DbPassword" value="` + pw + `" />` + "\n" +
			`    <add key="StorageToken" value="` + t + `" />` + "\n" +
			`    <add key="PasswordMinLength" value="12" />` + "\n" +
			"  </appSettings>\n" +
			"  <smtp><password>" + s + "</password></smtp>\n" +
			"  <password>${SMTP_PASSWORD}</password>\n" +
			"  <clientSecret>\n" +
			"    " + pw + "\n" +
			"  </clientSecret>\n" +
			"  <secret encrypted=\"true\">" + s + "</secret>\n" +
			"</configuration>\n"},
		{name: "values.yaml", secrets: []string{s, pw}, want: []int{3, 6}, content: "db:\n" +
			"  password: |\n" +
			"    " + s + "\n" +
			"  host: db.internal\n" +
			"  apiToken: >-\n" +
			"    " + pw + "\n" +
			"  token:\n" +
			"    valueFrom: secretKeyRef\n" +
			"  secret:\n" +
			"  name: app\n" +
			"  credential: |\n" +
			"    ${{ secrets.DB_CRED }}\n"},
		{name: "README.md", secrets: []string{s}, want: []int{5}, content: "# Settings\n\n" +
			"| Variable | Value | Notes |\n" +
			"|----------|-------|-------|\n" +
			"| `DB_PASSWORD` | `" + s + "` | the database |\n" +
			"| DB_PASSWORD | string | the user's password |\n" +
			"| API_TOKEN | `<your token>` | from the portal |\n" +
			"| PORT | 8080 | |\n"},
		{name: "settings.py", secrets: []string{s, t}, want: []int{1, 3, 4}, content: "" +
			`os.environ["DB_PASSWORD"] = "` + s + `"` + "\n" +
			`os.environ["DB_HOST"] = "` + s + `"` + "\n" +
			`dbCred = "` + t + `"` + "\n" +
			`headers = {"Accept": "json", "token": "` + t + `"}` + "\n" +
			`if os.environ["DB_PASSWORD"] == "":` + "\n"},
	}
}

// TestLineContexts scans files whose secrets stand in contexts of scripts,
// configuration, YAML, Markdown and Python, with decoys beside them.
func TestLineContexts(t *testing.T) {
	dir := t.TempDir()
	for _, cf := range contextFiles() {
		t.Run(cf.name, func(t *testing.T) {
			p := filepath.Join(dir, cf.name)
			if err := os.WriteFile(p, []byte(cf.content), 0o644); err != nil {
				t.Fatal(err)
			}
			res := Run([]string{p}, Options{Root: dir})
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			lines := strings.Split(cf.content, "\n")
			got := map[int]bool{}
			for _, f := range res.Findings {
				got[f.Line] = true
				for _, sec := range cf.secrets {
					if strings.Contains(f.Message, sec) {
						t.Fatalf("line %d: the message holds the secret", f.Line)
					}
				}
			}
			want := map[int]bool{}
			for _, l := range cf.want {
				want[l] = true
				if !got[l] {
					t.Errorf("line %d (%s): no finding", l, detect.Redact(lines[l-1]))
				}
			}
			for _, f := range res.Findings {
				if !want[f.Line] {
					t.Errorf("line %d: decoy reported by %s: %s", f.Line, f.RuleID, f.Message)
				}
			}
		})
	}
}

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
	}
	for _, c := range cases {
		var st lineState
		var p pair
		var ok bool
		for _, l := range c.lines {
			p, ok = st.next(l)
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
	for line, want := range cases {
		var pairs [maxPairs]pair
		n := linePairs(line, &pairs)
		var got []string
		for _, p := range pairs[:n] {
			got = append(got, p.Key+"="+p.Value)
			if line[p.Off:p.Off+len(p.Value)] != p.Value {
				t.Errorf("%q: %+v does not point into the line", line, p)
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: pairs %q, want %q", line, got, want)
		}
	}
}

// FuzzLineState checks that a value bound on the next line points into it.
func FuzzLineState(f *testing.F) {
	for _, s := range []string{"password: |\n  abc", "<a>\nb\n</a>", "k:\n  'v", "- k: >-\n\n   v", "| a | b |\n|-|-|", "<a x>\n<", "k: |\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		var st lineState
		for _, line := range strings.Split(content, "\n") {
			p, ok := st.next(line)
			if ok && (p.Value == "" || p.Off < 0 || p.Off+len(p.Value) > len(line) || line[p.Off:p.Off+len(p.Value)] != p.Value) {
				t.Fatalf("pair %+v does not point into %q", p, line)
			}
		}
	})
}
