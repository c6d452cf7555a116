// Package config loads kvlint's configuration file, .kvlint.yaml.
//
// The file is found by walking up from a package's directory, or named with
// -config. Unknown keys and bad regular expressions are errors that name the
// file and line. The golangci-lint plugin decodes its settings into the same
// File type, so both routes accept the same options.
//
// A complete file:
//
//	version: 1
//	rules:
//	  disable: [KV124, github-token]   # by ID or name, any case
//	  enable: []                       # if not empty, only these rules run
//	severity:
//	  KV101: warning                   # error, warning or info
//	analyzers:
//	  secretlog: false
//	entropy:
//	  generic: 3.5                     # bits per byte, 0-8
//	allow:
//	  paths: ["**/testdata/**", "internal/fixtures/", "*.pb.go"]
//	  values: ['^fake-[a-z]+$']        # regular expressions
//	custom-rules:
//	  - id: KV901
//	    name: acme-token
//	    title: acme internal api token
//	    keywords: [acme_]
//	    regex: 'ACME_(?P<secret>[A-Z0-9]{20})'
//	    entropy: 3
//	    severity: error
//	tests: fixtures                    # fixtures, scan or skip
//	generated: false
package config

// FileName is the configuration file kvlint looks for.
const FileName = ".kvlint.yaml"

// File is the schema of .kvlint.yaml (and of the golangci-lint plugin settings).
type File struct {
	// Version is the schema version: 1, or absent.
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
	// Enable, if not empty, is an allowlist: only these rules run.
	Enable []string `yaml:"enable" json:"enable"`
	// Disable switches rules off; it wins over Enable.
	Disable []string `yaml:"disable" json:"disable"`
}

// Entropy holds entropy floors in bits per byte.
type Entropy struct {
	// Generic is the generic rule's (KV100) floor; 0 keeps the engine's default.
	Generic float64 `yaml:"generic" json:"generic"`
}

// Allow lists what is never reported.
type Allow struct {
	Paths  []string `yaml:"paths" json:"paths"`   // globs, slash-separated, relative to the config file; ** matches any depth
	Values []string `yaml:"values" json:"values"` // regular expressions matched against the secret
}

// CustomRule is a user-defined detection rule.
type CustomRule struct {
	ID    string `yaml:"id" json:"id"`       // required, unique, such as KV901
	Name  string `yaml:"name" json:"name"`   // kebab-case name; defaults to the lowercase ID
	Title string `yaml:"title" json:"title"` // one-line summary
	// Keywords are substrings (any case), one of which must occur in the
	// value before the regex runs.
	Keywords []string `yaml:"keywords" json:"keywords"`
	// Regex is required and must not match the empty string; a group named
	// "secret" marks the secret within the match (else the whole match).
	Regex    string  `yaml:"regex" json:"regex"`
	Entropy  float64 `yaml:"entropy" json:"entropy"`   // floor in bits per byte of the secret, 0-8
	Severity string  `yaml:"severity" json:"severity"` // error (default), warning or info
}
