package iac

import (
	"os"
	"strings"
	"testing"
)

// checkOffsets fails when a finding points outside content.
func checkOffsets(t *testing.T, content string, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Start < 0 || f.End > len(content) || f.Start > f.End {
			t.Fatalf("%s at %d:%d outside %d bytes", f.Rule.ID, f.Start, f.End, len(content))
		}
	}
}

// FuzzBicep checks that the getSecret argument splitter never panics and
// that every finding points into the file, at a quoted literal.
func FuzzBicep(f *testing.F) {
	for _, s := range []string{
		"var p = kv.getSecret('a', 'b')", "kv.getSecret('a', '''x''')", "kv.getSecret(f(1,2), 'v') // c",
		"az.getSecret('s','g','k','n','v')", "getSecret(", "getSecret('a\\'b', 'c'", "getSecret([1,{a:2}], 'x')",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, content string, param bool) {
		var out findings
		bicep("x.bicep", content, param, &out)
		checkOffsets(t, content, out)
		for _, x := range out {
			if lit := strings.TrimSpace(content[x.Start:x.End]); !strings.HasPrefix(lit, "'") {
				t.Fatalf("finding at %q, not a literal", lit)
			}
		}
	})
}

// FuzzARM checks that the JSON position walk never panics and reports only
// string values inside the file.
func FuzzARM(f *testing.F) {
	for _, s := range []string{
		`{"p":{"reference":{"secretVersion":"v"}}}`, `{"reference":{"secretVersion":""}}`, `[{"reference":{"secretVersion":1}}]`,
		`{"reference":{"secretVersion":"a\"b"}} trailing`, `{"secretVersion"`, `{"a":[{"reference":{"x":[],"secretVersion":"v"}}]}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		var out findings
		arm("x.json", content, &out)
		checkOffsets(t, content, out)
		for _, x := range out {
			if s := content[x.Start:x.End]; len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
				t.Fatalf("finding at %q, not a JSON string", s)
			}
		}
	})
}

// FuzzCheck runs every check on arbitrary content under each file kind.
func FuzzCheck(f *testing.F) {
	f.Add("resource \"azurerm_key_vault\" \"x\" {}", "main.tf")
	f.Add("kind: SecretProviderClass\nspec:\n  parameters:\n    objects: |\n      array:\n        - |\n          objectVersion: x\n", "a.yaml")
	f.Add("az login --service-principal -p", "a.sh")
	f.Add("ENV AZURE_CLIENT_SECRET", "Dockerfile")
	f.Fuzz(func(t *testing.T, content, name string) {
		if strings.ContainsAny(name, "/\\") || name == "" {
			return
		}
		c := &Checker{ReadDir: noDir}
		fs, _ := c.Check(name, content)
		checkOffsets(t, content, fs)
	})
}

func noDir(string) ([]os.DirEntry, error) { return nil, os.ErrNotExist }
