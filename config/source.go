package config

import (
	"sync"

	"github.com/kvlint/kvlint/detect"
)

// Loaded is a parsed, validated configuration, ready to use.
type Loaded struct {
	File   File
	Path   string         // the file it came from; "" for defaults
	Dir    string         // directory that allow.paths are relative to
	Engine *detect.Engine // detection engine built from the rules, entropy, allow.values and custom rules
}

// Enabled reports whether analyzer name is on (analyzers are on unless turned off).
func (l *Loaded) Enabled(analyzer string) bool {
	on, ok := l.File.Analyzers[analyzer]
	return !ok || on
}

// Source finds the configuration that applies to a package. The zero Source
// discovers .kvlint.yaml by walking up from each package directory; Path names
// one file for all; Fixed supplies an already loaded configuration (the
// golangci-lint plugin). A Source caches what it loads and is safe for
// concurrent use.
type Source struct {
	Path  string
	Fixed *Loaded

	mu    sync.Mutex
	cache map[string]*Loaded
}
