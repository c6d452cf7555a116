// Package config loads kvlint's configuration file, .kvlint.yaml.
//
// The file is found by walking up from a package's directory, or named with
// -config. Unknown keys and bad regular expressions are errors that name the
// file and line. The golangci-lint plugin decodes its settings into the same
// File type, so both routes accept the same options.
package config

// FileName is the configuration file kvlint looks for.
const FileName = ".kvlint.yaml"

// File is the schema of .kvlint.yaml (and of the golangci-lint plugin settings).
type File struct {
	Version int `yaml:"version" json:"version"`
	// Rules enables and disables rules by ID (KV101) or name (github-token).
	Rules RuleSet `yaml:"rules" json:"rules"`
	// Severity overrides a rule's severity: error, warning or info.
	Severity map[string]string `yaml:"severity" json:"severity"`
	// Analyzers turns whole analyzers off: {"secretlog": false}.
	Analyzers map[string]bool `yaml:"analyzers" json:"analyzers"`
	Entropy   Entropy         `yaml:"entropy" json:"entropy"`
	Allow     Allow           `yaml:"allow" json:"allow"`
	// CustomRules are extra detection rules.
	CustomRules []CustomRule `yaml:"custom-rules" json:"custom-rules"`
	// Tests is the test-file policy: fixtures (default), scan or skip.
	Tests string `yaml:"tests" json:"tests"`
	// Generated includes files marked "Code generated ... DO NOT EDIT.".
	Generated bool `yaml:"generated" json:"generated"`
}

// RuleSet enables and disables rules.
type RuleSet struct {
	Enable  []string `yaml:"enable" json:"enable"`
	Disable []string `yaml:"disable" json:"disable"`
}

// Entropy holds entropy floors in bits per byte.
type Entropy struct {
	Generic float64 `yaml:"generic" json:"generic"`
}

// Allow lists what is never reported.
type Allow struct {
	Paths  []string `yaml:"paths" json:"paths"`   // globs, slash-separated, relative to the config file; ** matches any depth
	Values []string `yaml:"values" json:"values"` // regular expressions matched against the secret
}

// CustomRule is a user-defined detection rule.
type CustomRule struct {
	ID       string   `yaml:"id" json:"id"`
	Name     string   `yaml:"name" json:"name"`
	Title    string   `yaml:"title" json:"title"`
	Keywords []string `yaml:"keywords" json:"keywords"`
	Regex    string   `yaml:"regex" json:"regex"`
	Entropy  float64  `yaml:"entropy" json:"entropy"`
	Severity string   `yaml:"severity" json:"severity"`
}
