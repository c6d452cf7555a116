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
	Entropy   Entropy         `yaml:"entropy" json:"entropy"` // the generic rule's entropy floor
	Allow     Allow           `yaml:"allow" json:"allow"`     // paths and values that are never reported
	// CustomRules are extra detection rules.
	CustomRules []CustomRule `yaml:"custom-rules" json:"custom-rules"`
	// Tests is the test-file policy: fixtures (default), scan or skip.
	Tests string `yaml:"tests" json:"tests"`
	// Generated includes files marked "Code generated ... DO NOT EDIT.".
	Generated bool `yaml:"generated" json:"generated"`
	// SecretLog adds sinks and sanitizers to KV410 secret-logged.
	SecretLog SecretLog `yaml:"secretlog" json:"secretlog"`
}
