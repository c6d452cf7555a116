// Package plugin is kvlint's golangci-lint module plugin. Importing it
// registers the linter "kvlint" with golangci-lint's plugin registry:
//
//	import _ "github.com/kvlint/kvlint/plugin"
//
// golangci-lint passes the settings from .golangci.yml
// (linters.settings.custom.kvlint.settings); they take the same options as
// .kvlint.yaml, and unknown keys are errors. With settings given, they are
// the configuration for every package; with none, each package uses the
// .kvlint.yaml found above it, as the kvlint command does.
//
// The analyzers need type information, so the plugin asks for
// register.LoadModeTypesInfo.
package plugin

import (
	"fmt"
	"os"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
)

// Name is the linter name under which the plugin registers.
const Name = "kvlint"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the kvlint linter as golangci-lint sees it.
type Plugin struct {
	src *config.Source
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes the plugin settings strictly into kvlint's configuration
// (config.File) and returns the plugin. A nil or empty conf means discovery
// of .kvlint.yaml per package. allow.paths in the settings are relative to
// the directory golangci-lint runs in.
func New(conf any) (register.LinterPlugin, error) {
	if isEmpty(conf) {
		return &Plugin{src: &config.Source{}}, nil
	}
	loaded, err := config.Decode(conf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", Name, err)
	}
	if loaded.Dir == "" {
		if wd, err := os.Getwd(); err == nil {
			loaded.Dir = wd
		}
	}
	return &Plugin{src: &config.Source{Fixed: loaded}}, nil
}

// isEmpty reports whether golangci-lint passed no settings.
func isEmpty(conf any) bool {
	switch c := conf.(type) {
	case nil:
		return true
	case map[string]any:
		return len(c) == 0
	case map[any]any:
		return len(c) == 0
	}
	return false
}

// BuildAnalyzers returns kvlint's analyzers, all reading the plugin's configuration.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return analyzers.Suite(p.src), nil
}

// GetLoadMode returns register.LoadModeTypesInfo: kvlint's analyzers
// resolve callees and constants through go/types.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
