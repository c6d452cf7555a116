// Package iac checks Key Vault practices in configuration and
// infrastructure-as-code files for `kvlint scan`: secret references pinned to
// a version (KV303-KV310), static service-principal secrets (KV240-KV243),
// and Terraform, Bicep, ARM and Kubernetes practices (KV600-KV641). See Rules.
//
// Each file is looked at by what it is:
//
//   - every file but Go (the analyzers cover Go): versioned secret
//     identifiers, App Service Key Vault references, az keyvault secret
//     show/download --version and az login --service-principal -p, read as
//     text, line by line (shell continuations joined);
//   - *.tf: parsed with github.com/hashicorp/hcl/v2 (hclsyntax), with the
//     variables and locals of the other .tf files of the same directory
//     (the module), so var.x and local.y are judged by their values;
//   - *.bicep and *.bicepparam: a small tokenizer and parser (see
//     bicepparse.go, which says what it does not understand) for
//     declarations, decorators and object literals;
//   - *.json with an ARM deploymentTemplate or deploymentParameters $schema:
//     encoding/json with byte positions (see armparse.go);
//   - *.yaml, *.yml: Kubernetes Secrets and SecretProviderClasses, GitHub
//     Actions workflows, compose files and pipelines, with go.yaml.in/yaml/v3;
//     Helm template actions ({{ ... }}) are blanked out first;
//   - Dockerfiles: ENV and ARG.
//
// Bicep and ARM are read into one model (deploy.go) that one set of checks
// judges: the practices the Terraform checks apply to azurerm resources.
//
// Findings carry byte offsets; the scan package turns them into positions
// and runs them through the same configuration, suppression, baseline and
// report path as its other findings. Nothing here reads secrets out loud:
// messages name attributes and rules, never values.
package iac

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/kvlint/kvlint/rules"
)

// Finding is one practice problem in a file, at byte offsets of its content.
type Finding struct {
	Rule       *rules.Info // the practice rule broken
	Start, End int         // byte offsets in the file content
	Message    string      // what is wrong and what to do, already redacted
}

// Checker checks files. Its zero value reads sibling Terraform files from
// the file system; a Checker may be used by one goroutine at a time, and
// caches what it learned about each Terraform module (directory).
type Checker struct {
	// ReadFile, if set, reads the other .tf files of a module (--staged
	// reads the index); nil means os.ReadFile.
	ReadFile func(abs string) ([]byte, error)
	// ReadDir, if set, lists a directory; nil means os.ReadDir.
	ReadDir func(dir string) ([]os.DirEntry, error)

	mu      sync.Mutex
	modules map[string]*module
	// parseAll turns the Terraform prefilter off (tfChecked), for the
	// tests that show it changes no finding.
	parseAll bool
}

// Check returns the findings in one file (path is its name, used to tell
// what kind of file it is, and to find its Terraform module) sorted by
// offset, and a note when the file looked like a kind it checks but could
// not be parsed (the text checks still ran).
func (c *Checker) Check(path, content string) ([]Finding, string) {
	if strings.HasSuffix(path, ".go") || content == "" {
		return nil, ""
	}
	var out findings
	textChecks(content, &out)
	var note string
	switch kind := kindOf(path); kind {
	case kindTerraform:
		note = c.terraform(path, content, &out)
	case kindBicep, kindBicepParam:
		note = bicep(path, content, kind == kindBicepParam, &out)
		note = cmp.Or(note, bicepPractices(path, content, kind == kindBicepParam, &out))
	case kindARM:
		note = arm(path, content, &out)
		note = cmp.Or(note, armPractices(path, content, &out))
	case kindYAML:
		note = yamlFile(path, content, &out)
	case kindDockerfile:
		dockerfile(content, &out)
	}
	return out.sorted(), note
}

// fileKind is what Check reads a file as, beyond the text checks every
// file gets.
type fileKind int

const (
	kindText fileKind = iota
	kindTerraform
	kindBicep
	kindBicepParam
	kindARM
	kindYAML
	kindDockerfile
)

// kindChecks says in words what each kind's checks look at (for Checks).
var kindChecks = [...]string{
	kindTerraform:  "Terraform: azurerm resources, variables and locals of the module",
	kindBicep:      "Bicep: declarations, decorators, resources and their practices",
	kindBicepParam: "Bicep: declarations, decorators, resources and their practices",
	kindARM:        "ARM: deployment templates and parameter files (by $schema)",
	kindYAML:       "YAML: Kubernetes Secrets and SecretProviderClasses, GitHub Actions, compose, pipelines",
	kindDockerfile: "Dockerfile: ENV and ARG",
}

// kindOf tells a file's kind by its name.
func kindOf(path string) fileKind {
	base := strings.ToLower(filepath.Base(path))
	switch ext := filepath.Ext(base); {
	case ext == ".tf":
		return kindTerraform
	case ext == ".bicep":
		return kindBicep
	case ext == ".bicepparam":
		return kindBicepParam
	case ext == ".json":
		return kindARM
	case ext == ".yaml" || ext == ".yml":
		return kindYAML
	case isDockerfile(base):
		return kindDockerfile
	}
	return kindText
}

// Checks names, in words and in order, the checks Check runs on a file
// named path (kvlint explain lists them); none for a Go file.
func Checks(path string) []string {
	if strings.HasSuffix(path, ".go") {
		return nil
	}
	out := []string{"text: versioned secret identifiers, App Service Key Vault references, az keyvault / az login"}
	if k := kindOf(path); k != kindText {
		out = append(out, kindChecks[k])
	}
	return out
}

func isDockerfile(base string) bool {
	return base == "dockerfile" || base == "containerfile" || strings.HasPrefix(base, "dockerfile.") ||
		strings.HasSuffix(base, ".dockerfile")
}

// findings collects findings.
type findings []Finding

func (fs *findings) add(rule int, start, end int, msg string) {
	if end < start {
		end = start
	}
	*fs = append(*fs, Finding{Rule: &Rules[rule], Start: start, End: end, Message: msg})
}

// sorted orders the findings by offset and drops a versioned-identifier
// finding (KV303) that a more specific pinned-version finding covers.
func (fs findings) sorted() []Finding {
	out := []Finding(fs)
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Rule.ID, b.Rule.ID))
	})
	generic := &Rules[rPinnedURI]
	return slices.DeleteFunc(out, func(f Finding) bool {
		if f.Rule != generic {
			return false
		}
		for _, g := range out {
			if g.Rule != generic && g.Start <= f.Start && f.End <= g.End && strings.HasPrefix(g.Rule.ID, "KV3") {
				return true
			}
		}
		return false
	})
}

// secretKey reports whether a name says it holds a credential: the words
// test of detect.SecretName, plus connection strings and the key names
// Kubernetes gives credential files.
func secretKey(name string) bool {
	if isSecretName(name) {
		return true
	}
	switch strings.ToLower(name) {
	case ".dockerconfigjson", ".dockercfg", "tls.key", "ssh-privatekey":
		return true
	}
	return false
}
