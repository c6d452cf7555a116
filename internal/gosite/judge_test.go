package gosite

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// TestJudgeStructuredText: a Go string holding config and script text is
// read as kvlint scan reads the same text in a plain file (textpairs), so
// each secret bound to a secret name in it is found, once, whichever
// readers take it (the JSON member is taken by the JSON reader and by the
// line reader). The decoy beside them, a placeholder, is not.
func TestJudgeStructuredText(t *testing.T) {
	secret := func(seed string) string { return detect.Fake(seed, detect.AlphaNum, 18) + "x9!" }
	planted := map[string]string{ // the shape -> its secret
		"ENV":        secret("env"),
		"table":      secret("table"),
		"XML":        secret("xml"),
		"next line":  secret("next"),
		"JSON":       secret("json"),
		"comparison": secret("cmp"),
	}
	text := strings.Join([]string{
		"ENV DB_PASSWORD " + planted["ENV"],
		"| user | smtp_password |",
		"|---|---|",
		"| app | " + planted["table"] + " |",
		"<password>" + planted["XML"] + "</password>",
		"database:",
		"  password:",
		"    " + planted["next line"],
		`  "client_secret": "` + planted["JSON"] + `",`,
		`if api_key == "` + planted["comparison"] + `"`,
		"redis_password: <your-password-here>",
	}, "\n")
	src := "package p\n\nconst settings = `\n" + text + "\n`\n"
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := detect.New(detect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]int{} // secret -> findings
	var other []string
	var j Judge
	New(nil).Walk(f, false, func(s *Site) {
		for _, fd := range j.Site(eng, s) {
			v := s.Text[fd.Start:fd.End]
			if _, ok := found[v]; ok || isPlanted(planted, v) {
				found[v]++
				continue
			}
			other = append(other, fd.Rule.ID+" "+detect.Redact(v))
		}
	})
	for shape, v := range planted {
		if found[v] != 1 {
			t.Errorf("%s: the secret %s is found %d times, want once", shape, detect.Redact(v), found[v])
		}
	}
	if len(other) > 0 {
		t.Errorf("findings that are no planted secret: %q", other)
	}
}

func isPlanted(planted map[string]string, v string) bool {
	for _, p := range planted {
		if p == v {
			return true
		}
	}
	return false
}
