package docs

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
)

var update = flag.Bool("update", false, "rewrite README.md's generated rule section")

func readme(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join("..", "..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, string(data)
}

// TestREADMERules checks that README.md's rule table and examples are the
// ones the code documents.
func TestREADMERules(t *testing.T) {
	path, text := readme(t)
	want, err := Replace(text, RuleSection(analyzers.Rules()))
	if err != nil {
		t.Fatal(err)
	}
	if want == text {
		return
	}
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule section is out of date: run go test ./internal/docs -update")
}

// TestREADMESnippets checks that the configuration the integration tests use
// appears in README.md verbatim, so what users copy is what is tested.
func TestREADMESnippets(t *testing.T) {
	_, text := readme(t)
	for _, f := range []string{
		"integration/golangci/golangci.example.yml",
		"integration/precommit.example.yaml",
		".custom-gcl.yml",
		"examples/kvlint.yaml",
		"examples/github-code-scanning.yml",
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(f)))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if !strings.Contains(text, strings.TrimSpace(string(data))) {
			t.Errorf("README.md does not include %s verbatim", f)
		}
	}
}

func TestRuleSectionCoversEveryRule(t *testing.T) {
	all := analyzers.Rules()
	section := RuleSection(all)
	for _, r := range all {
		if !strings.Contains(section, "| ["+r.ID+"]") || !strings.Contains(section, "#### "+strings.ToLower(r.ID)) {
			t.Errorf("%s missing from the generated section", r.ID)
		}
	}
}

func TestDedent(t *testing.T) {
	got := dedent("\n\tif x {\n\t\ty()\n\t}\n")
	if got != "if x {\n\ty()\n}" {
		t.Errorf("dedent = %q", got)
	}
}

// TestExampleConfig checks that the README's .kvlint.yaml example loads.
func TestExampleConfig(t *testing.T) {
	l, err := config.Load(filepath.Join("..", "..", "examples", "kvlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if l.RuleEnabled("KV124", "jwt") || !l.RuleEnabled("KV101", "azure-entra-client-secret") {
		t.Errorf("example config: jwt should be off and KV101 on")
	}
	if _, ok := l.Rule("KV901"); !ok {
		t.Errorf("example config: custom rule KV901 missing")
	}
}
