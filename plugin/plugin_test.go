package plugin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"go.yaml.in/yaml/v3"

	"github.com/kvlint/kvlint/plugin"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(plugin.Name)
	if err != nil || newPlugin == nil {
		t.Fatalf("plugin %q not registered: %v", plugin.Name, err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, a := range as {
		names[a.Name] = true
	}
	for _, want := range []string{"hardcodedcred", "clientsecretauth", "ignorecheck"} {
		if !names[want] {
			t.Errorf("BuildAnalyzers lacks %s (have %v)", want, names)
		}
	}
}

func TestSettings(t *testing.T) {
	good := []any{
		nil,
		map[string]any{},
		map[string]any{"rules": map[string]any{"disable": []any{"KV124", "github-token"}}},
		map[string]any{"severity": map[string]any{"kv100": "info"}, "tests": "skip"}, // golangci-lint lowercases map keys
		map[string]any{"allow": map[string]any{"paths": []any{"internal/fixtures/**"}, "values": []any{"^EXAMPLE"}}},
	}
	for _, conf := range good {
		if _, err := plugin.New(conf); err != nil {
			t.Errorf("New(%v): %v", conf, err)
		}
	}
	bad := []struct {
		conf any
		want string
	}{
		{map[string]any{"nosuch": true}, "nosuch"},
		{map[string]any{"rules": map[string]any{"disabel": []any{"KV124"}}}, "disabel"},
		{map[string]any{"rules": "KV124"}, "rules"},
		{map[string]any{"rules": map[string]any{"disable": []any{"KV999999"}}}, "KV999999"},
		{map[string]any{"tests": "sometimes"}, "sometimes"},
	}
	for _, c := range bad {
		_, err := plugin.New(c.conf)
		if err == nil {
			t.Errorf("New(%v): no error", c.conf)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "kvlint") {
			t.Errorf("New(%v) error %q: want it to start with kvlint and name %q", c.conf, err, c.want)
		}
	}
}

// TestExampleSettings decodes the settings of the README's .golangci.yml
// snippet (integration/golangci/golangci.example.yml), as golangci-lint
// hands them over.
func TestExampleSettings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "integration", "golangci", "golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version string `yaml:"version"`
		Linters struct {
			Enable   []string `yaml:"enable"`
			Settings struct {
				Custom map[string]struct {
					Type     string `yaml:"type"`
					Settings any    `yaml:"settings"`
				} `yaml:"custom"`
			} `yaml:"settings"`
		} `yaml:"linters"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	c, ok := doc.Linters.Settings.Custom[plugin.Name]
	if doc.Version != "2" || !ok || c.Type != "module" {
		t.Fatalf("example: version %q, custom linter %q present %v, type %q", doc.Version, plugin.Name, ok, c.Type)
	}
	if _, err := plugin.New(c.Settings); err != nil {
		t.Errorf("example settings: %v", err)
	}
}

// TestCustomGCL checks .custom-gcl.yml against golangci-lint's schema.
func TestCustomGCL(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Version string `yaml:"version"`
		Plugins []struct {
			Module, Import, Path, Version string
		} `yaml:"plugins"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(&cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != "v2.15.0" || len(cfg.Plugins) != 1 {
		t.Fatalf(".custom-gcl.yml: version %q, %d plugins", cfg.Version, len(cfg.Plugins))
	}
	p := cfg.Plugins[0]
	if p.Module != "github.com/kvlint/kvlint" || p.Import != "github.com/kvlint/kvlint/plugin" || (p.Path == "") == (p.Version == "") {
		t.Errorf(".custom-gcl.yml plugin = %+v", p)
	}
}
