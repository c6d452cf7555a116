package migrate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestKebab(t *testing.T) {
	for in, want := range map[string]string{
		"DBPassword":     "db-password",
		"apiKey":         "api-key",
		"APIToken":       "api-token",
		"webhook_secret": "webhook-secret",
		"X-Api-Key":      "x-api-key",
		"sha256Key":      "sha256-key",
		"clientSecretV2": "client-secret-v2",
		"":               "",
		"密码":             "",
	} {
		if got := kebab(in); got != want {
			t.Errorf("kebab(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExpandName(t *testing.T) {
	cases := []struct{ tmpl, pkg, name, rule, want string }{
		{DefaultNameTemplate, "store", "DBPassword", "generic-secret", "store-db-password"},
		{"{rule}-{name}", "store", "token", "github-token", "github-token-token"},
		{DefaultNameTemplate, "v2", "9lives", "x", "v2-9lives"},
		{"{name}", "p", "9lives", "x", "secret-9lives"},
		{"{name}", "p", "__", "x", "secret"},
		{DefaultNameTemplate, "p", strings.Repeat("Long", 60), "x", ""},
	}
	for _, c := range cases {
		got := expandName(c.tmpl, c.pkg, c.name, c.rule, "file")
		if !validSecretName(got) || len(got) > maxBaseName || c.want != "" && got != c.want {
			t.Errorf("expandName(%q, %q, %q) = %q, want %q", c.tmpl, c.pkg, c.name, got, c.want)
		}
	}
	taken := map[string]bool{"a": true, "a-2": true}
	if got := uniqueName("A", taken); got != "A-3" {
		t.Errorf("uniqueName = %q, want A-3 (names are case-insensitive)", got)
	}
	for _, bad := range []string{"{pkg}", "{name", "{pkg}-{nam}"} {
		if checkTemplate(bad) == nil {
			t.Errorf("checkTemplate(%q) accepted", bad)
		}
	}
}

// TestRuntimePackageCompiles builds and vets the generated run-time package
// in a module of its own, offline.
func TestRuntimePackageCompiles(t *testing.T) {
	src, err := runtimeSource("https://example.vault.azure.net/")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), "kvlint/kvlint") {
		t.Error("the run-time package depends on kvlint")
	}
	dir := t.TempDir()
	gosum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module example.com/rt\n\ngo 1.26\n\nrequire (\n" +
		"\tgithub.com/Azure/azure-sdk-for-go/sdk/azidentity v1.15.0\n" +
		"\tgithub.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets v1.5.1\n)\n"
	for name, data := range map[string][]byte{
		"go.mod":                       []byte(gomod),
		"go.sum":                       gosum,
		"vaultsecrets/vaultsecrets.go": src,
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the generated package: %v\n%s", err, out)
	}
}
