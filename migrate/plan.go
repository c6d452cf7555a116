package migrate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"go/types"

	"go.yaml.in/yaml/v3"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/atomicfile"
)

// Plan is the reviewable form of a migration, written by -plan and carried
// out by -apply. It holds names, positions and hashes, never a value.
type Plan struct {
	Version int `yaml:"version"` // plan format version; -apply refuses others
	// HashKey is the random key of the plan's keyed hashes (hashkey.go).
	HashKey  string       `yaml:"hash_key"`
	VaultURL string       `yaml:"vault_url"`        // the vault the secrets go to
	Module   string       `yaml:"module"`           // module path of the migrated module
	Secrets  []PlanSecret `yaml:"secrets"`          // the secrets to store, each with the places that change
	Manual   []PlanPlace  `yaml:"manual,omitempty"` // places found but left for manual work, with the reason
	// Rotate lists the credentials to rotate (rotation.go); -apply ignores it.
	Rotate []RotateItem `yaml:"rotate,omitempty"`

	key hashKey // HashKey, parsed by readPlan
}

// PlanSecret is one secret of a plan: a distinct value and where it is.
type PlanSecret struct {
	// Name is the Key Vault secret name; a reviewer may change it.
	Name string `yaml:"name"`
	// ValueHash is the keyed hash (HashKey) of the value.
	ValueHash string      `yaml:"value_hash"`
	Rule      string      `yaml:"rule"`   // rule ID that found the value
	Places    []PlanPlace `yaml:"places"` // places rewritten to read the secret
}

// PlanPlace is one place of the source that holds a secret.
type PlanPlace struct {
	File string `yaml:"file"` // module-relative, slash-separated
	Line int    `yaml:"line"` // 1-based line
	Col  int    `yaml:"col"`  // 1-based column in bytes
	// ExprHash is the keyed hash (HashKey) of the source text of the
	// expression (or of the secret in a comment), so that a plan whose source
	// changed is refused.
	ExprHash    string `yaml:"expr_hash"`
	Kind        string `yaml:"kind"`                  // kind of place: const, var, assign, comment...
	Rule        string `yaml:"rule,omitempty"`        // rule ID, for a manual place
	Replacement string `yaml:"replacement,omitempty"` // the code the place is rewritten to
	Reason      string `yaml:"reason,omitempty"`      // why the place is left for manual work
}

// planVersion 2 has keyed hashes; version 1 plans held unsalted SHA-256.
const planVersion = 2

// groupSecrets makes one secret per distinct value, named after its first
// place, with -2, -3... for a taken name.
func groupSecrets(places []*place, tmpl string) []*secret {
	byValue := map[string]*secret{}
	var out []*secret
	taken := map[string]bool{}
	for _, p := range places {
		s := byValue[p.value]
		if s == nil {
			s = &secret{value: p.value, hash: detect.Hash(p.value), ruleID: p.ruleID, ruleName: p.ruleName, status: "planned"}
			byValue[p.value] = s
			out = append(out, s)
		}
		s.places = append(s.places, p)
		p.secret = s
	}
	for _, s := range out {
		// Name the secret after its first migratable place.
		first := namingPlace(s)
		base := expandName(tmpl, pkgLabel(first), first.name, first.ruleName, strings.TrimSuffix(path.Base(first.rel), ".go"))
		s.name = uniqueName(base, taken)
		taken[strings.ToLower(s.name)] = true
	}
	return out
}

// namingPlace picks the place a secret is named after: a migratable place
// before a manual one, a declaration before a field or key before anything
// else, then the first in file order.
func namingPlace(s *secret) *place {
	rank := func(p *place) int {
		r := 0
		if p.manual != "" {
			r += 10
		}
		switch p.kind {
		case "const", "var":
		case "field", "map-value", "flag-default":
			r++
		case "comment":
			r += 3
		default:
			r += 2
		}
		return r
	}
	best := s.places[0]
	for _, p := range s.places[1:] {
		if rank(p) < rank(best) {
			best = p
		}
	}
	return best
}

// uniqueName returns base, or base-2, base-3... whichever is not in taken
// (lowercase names: Key Vault names are case-insensitive).
func uniqueName(base string, taken map[string]bool) string {
	name := base
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s-%d", base, i)
	}
	return name
}

// pkgLabel is the {pkg} of a place: the package name, or for package main
// the directory name.
func pkgLabel(p *place) string {
	if p.pkg.Name == "main" {
		if d := path.Base(path.Dir("/" + p.rel)); d != "/" && d != "." {
			return d
		}
	}
	return p.pkg.Name
}

// replacement is what the code at p becomes (or, for a comment, the note
// that replaces the secret).
func (p *place) replacement(name string) string {
	if p.kind == "comment" {
		return commentNote(name)
	}
	call := fmt.Sprintf("%s.MustGet(%q)", p.impName, name)
	if p.conv != "" {
		call = p.conv + "(" + call + ")"
	}
	return call
}

// display is the replacement as shown in a plan: the declaration for const
// and var, the conversion around []byte operands.
func (p *place) display(name string) string {
	r := p.replacement(name)
	switch {
	case p.kind == "const" && p.spec != nil:
		typ := ""
		if p.spec.Type != nil {
			typ = " " + types.ExprString(p.spec.Type)
		}
		return fmt.Sprintf("var %s%s = %s", p.spec.Names[0].Name, typ, r)
	case p.kind == "var" && p.spec != nil && len(p.spec.Names) == 1:
		return fmt.Sprintf("var %s = %s", p.spec.Names[0].Name, r)
	case p.wrapper != "":
		return p.wrapper + "(" + r + ")"
	}
	return r
}

func commentNote(name string) string {
	return fmt.Sprintf("[kvlint: moved to Key Vault secret %q]", name)
}

// buildPlan is the plan of secrets and places.
func buildPlan(vaultURL, module string, secrets []*secret) (*Plan, error) {
	key, err := newHashKey()
	if err != nil {
		return nil, fmt.Errorf("plan: hash key: %w", err)
	}
	pl := &Plan{Version: planVersion, HashKey: key.String(), VaultURL: vaultURL, Module: module, Secrets: []PlanSecret{}}
	for _, s := range secrets {
		ps := PlanSecret{Name: s.name, ValueHash: key.sum(detect.Hash(s.value)), Rule: s.ruleID}
		for _, p := range s.places {
			pp := PlanPlace{File: p.rel, Line: p.line, Col: p.col, ExprHash: key.sum(p.exprHash), Kind: p.kind}
			if p.manual != "" {
				pp.Rule, pp.Reason = p.ruleID, p.manual
				pl.Manual = append(pl.Manual, pp)
				continue
			}
			pp.Replacement = p.display(s.name)
			ps.Places = append(ps.Places, pp)
		}
		if len(ps.Places) > 0 {
			pl.Secrets = append(pl.Secrets, ps)
		}
	}
	return pl, nil
}

// writePlan writes the plan as YAML to filename.
func writePlan(filename string, pl *Plan) error {
	var buf bytes.Buffer
	buf.WriteString("# kvlint migrate plan: review the secret names, then run kvlint migrate -apply on this file.\n")
	buf.WriteString("# It holds hashes and positions only, never a secret value.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(pl); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	return atomicfile.WriteFile(filename, buf.Bytes(), 0o644)
}

// readPlan reads and checks a plan file.
func readPlan(filename string) (*Plan, error) {
	data, err := os.ReadFile(filename)
	if err != nil {
		return nil, fmt.Errorf("plan: %w", err)
	}
	var pl Plan
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&pl); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("plan %s: %w", filename, err)
	}
	if pl.Version == 1 {
		return nil, fmt.Errorf("plan %s: version 1 holds unsalted value hashes, which this kvlint no longer reads: write a new plan with -plan", filename)
	}
	if pl.Version != planVersion {
		return nil, fmt.Errorf("plan %s: version %d, want %d", filename, pl.Version, planVersion)
	}
	var errs []error
	key, err := parseHashKey(pl.HashKey)
	if err != nil {
		errs = append(errs, fmt.Errorf("plan %s: %w", filename, err))
	}
	pl.key = key
	names := map[string]bool{}
	for _, s := range pl.Secrets {
		switch {
		case !validSecretName(s.Name):
			errs = append(errs, fmt.Errorf("plan %s: secret name %q: want 1-127 characters of 0-9, A-Z, a-z and -, starting with a letter", filename, s.Name))
		case names[strings.ToLower(s.Name)]:
			errs = append(errs, fmt.Errorf("plan %s: secret name %q is used twice (names are case-insensitive)", filename, s.Name))
		}
		names[strings.ToLower(s.Name)] = true
		if !strings.HasPrefix(s.ValueHash, keyedPrefix) {
			errs = append(errs, fmt.Errorf("plan %s: secret %q: value_hash must be %sHEX", filename, s.Name, keyedPrefix))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &pl, nil
}

// applyPlan matches a reviewed plan against the places found now and
// returns the secrets to migrate, named as the plan says. Any plan place
// whose source changed is an error naming file:line: the whole plan is refused.
func applyPlan(pl *Plan, places []*place) ([]*secret, []*place, error) {
	byPos := map[string]*place{}
	for _, p := range places {
		byPos[fmt.Sprintf("%s:%d:%d", p.rel, p.line, p.col)] = p
	}
	var errs []error
	used := map[*place]bool{}
	var secrets []*secret
	for _, ps := range pl.Secrets {
		s := &secret{name: ps.Name, ruleID: ps.Rule, status: "planned"}
		for _, pp := range ps.Places {
			key := fmt.Sprintf("%s:%d:%d", pp.File, pp.Line, pp.Col)
			p := byPos[key]
			switch {
			case p == nil:
				errs = append(errs, fmt.Errorf("%s: stale plan entry for secret %q: no credential is found there any more; write a new plan", key, ps.Name))
				continue
			case !pl.key.matches(pp.ExprHash, p.exprHash):
				errs = append(errs, fmt.Errorf("%s: stale plan entry for secret %q: the source changed since the plan was written; write a new plan", key, ps.Name))
				continue
			case !pl.key.matches(ps.ValueHash, detect.Hash(p.value)):
				errs = append(errs, fmt.Errorf("%s: plan entry for secret %q: the value there does not have the plan's value_hash (places of different values cannot share a secret)", key, ps.Name))
				continue
			case p.manual != "":
				errs = append(errs, fmt.Errorf("%s: plan entry for secret %q: this place now needs manual work (%s)", key, ps.Name, p.manual))
				continue
			case used[p]:
				errs = append(errs, fmt.Errorf("%s: listed twice in the plan", key))
				continue
			}
			used[p] = true
			s.value, s.hash, s.ruleName = p.value, detect.Hash(p.value), p.ruleName
			s.places = append(s.places, p)
		}
		if len(s.places) > 0 {
			secrets = append(secrets, s)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	var skipped []*place
	for _, p := range places {
		if !used[p] {
			if p.manual == "" {
				p.status = "skipped"
			}
			skipped = append(skipped, p)
		}
	}
	for _, s := range secrets {
		for _, p := range s.places {
			p.secret = s
		}
	}
	return secrets, skipped, nil
}
