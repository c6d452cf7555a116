package config

import (
	"fmt"
	"regexp"
	"strings"
)

// SecretLog names functions and methods for KV410 secret-logged, as
// "example.com/log.Printf", "example.com/log.Logger.Info",
// "(*example.com/log.Logger).Info", or "example.com/log.Logger.*" for every
// method of a type.
type SecretLog struct {
	// Sinks are extra sinks: a secret among their arguments is reported.
	Sinks []string `yaml:"sinks" json:"sinks"`
	// Sanitizers are extra redaction helpers: their result is not a secret.
	Sanitizers []string `yaml:"sanitizers" json:"sanitizers"`
}

// ident matches a Go identifier (ASCII), and member one or "*".
var (
	ident  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	member = regexp.MustCompile(`^(?:[A-Za-z_][A-Za-z0-9_]*|\*)$`)
)

// validFuncName reports whether n is pkg.Func, pkg.Type.Method,
// pkg.Type.*, (*pkg.Type).Method or (pkg.Type).* with pkg an import path.
func validFuncName(n string) bool {
	if strings.ContainsAny(n, " \t") {
		return false
	}
	if rest, ok := strings.CutPrefix(n, "("); ok {
		recv, m, ok := strings.Cut(rest, ").")
		recv = strings.TrimPrefix(recv, "*")
		dot := strings.LastIndex(recv, ".")
		return ok && dot > 0 && dot > strings.LastIndex(recv, "/") && ident.MatchString(recv[dot+1:]) && member.MatchString(m)
	}
	slash := strings.LastIndex(n, "/")
	parts := strings.Split(n[slash+1:], ".")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" || strings.ContainsAny(n, "()*") && !strings.HasSuffix(n, ".*") {
		return false
	}
	if len(parts) == 2 {
		return ident.MatchString(parts[1])
	}
	return ident.MatchString(parts[1]) && member.MatchString(parts[2])
}

// validate reports the malformed names of s, at lc.
func (s SecretLog) validate(lc *locator) []error {
	var errs []error
	for _, list := range []struct {
		key   string
		names []string
	}{{"sinks", s.Sinks}, {"sanitizers", s.Sanitizers}} {
		for i, n := range list.names {
			if !validFuncName(strings.TrimSpace(n)) {
				errs = append(errs, fmt.Errorf("%s: secretlog.%s[%d]: %q is not a function or method name "+
					"(want example.com/pkg.Func, example.com/pkg.Type.Method or example.com/pkg.Type.*)", lc.at("secretlog", list.key, i), list.key, i, n))
			}
		}
	}
	return errs
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
