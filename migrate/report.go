package migrate

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/atomicfile"
)

// Report is the outcome of a migration, written as JSON by -report. It
// holds names, positions and hashes, never a value.
type Report struct {
	Mode     string         `json:"mode"`               // migrate, apply, dry-run, plan
	VaultURL string         `json:"vault_url"`          // the vault written to (or that would be)
	Module   string         `json:"module"`             // module path of the migrated module
	Counts   Counts         `json:"counts"`             // totals of secrets and places by outcome
	Secrets  []ReportSecret `json:"secrets"`            // every secret, with its places and outcome
	Manual   []ReportPlace  `json:"manual"`             // places left for manual work, with the reason
	Skipped  []ReportPlace  `json:"skipped,omitempty"`  // found but left out of the applied plan
	Created  []string       `json:"created,omitempty"`  // files written that did not exist
	Warnings []string       `json:"warnings,omitempty"` // problems that did not stop the migration
	Rotate   []RotateItem   `json:"rotate,omitempty"`   // credentials to rotate (rotation.go)
	Error    string         `json:"error,omitempty"`    // what stopped the migration, redacted; empty on success
	// HashKey is the random key of this report's keyed value hashes
	// (hashkey.go); each report has its own.
	HashKey string `json:"hash_key,omitempty"`
}

// Counts sums up a migration.
type Counts struct {
	Found     int `json:"found"`     // places holding a credential
	Secrets   int `json:"secrets"`   // distinct values among them
	Stored    int `json:"stored"`    // secrets written to the vault and verified
	Reused    int `json:"reused"`    // secrets the vault already held with the same value
	Rewritten int `json:"rewritten"` // places rewritten
	Manual    int `json:"manual"`    // places left for manual work
}

// ReportSecret is one secret and where its value came from.
type ReportSecret struct {
	Name      string        `json:"name"`              // Key Vault secret name
	ValueHash string        `json:"value_hash"`        // keyed hash under Report.HashKey
	Preview   string        `json:"preview"`           // detect.Redact of the value
	Rule      string        `json:"rule"`              // rule ID that found the value
	Status    string        `json:"status"`            // planned, stored, reused, failed, not attempted, skipped
	Version   string        `json:"version,omitempty"` // the Key Vault version stored or reused
	Places    []ReportPlace `json:"places"`            // the source places holding the value
}

// ReportPlace is one place of the source.
type ReportPlace struct {
	File        string `json:"file"`                  // module-relative, slash-separated
	Line        int    `json:"line"`                  // 1-based line
	Col         int    `json:"col"`                   // 1-based column in bytes
	Kind        string `json:"kind"`                  // kind of place: const, var, assign, comment...
	Rule        string `json:"rule"`                  // rule ID that found the value
	Secret      string `json:"secret,omitempty"`      // the Key Vault secret name the place reads
	Status      string `json:"status"`                // planned, rewritten, manual, skipped
	Replacement string `json:"replacement,omitempty"` // the code the place was (or would be) rewritten to
	Reason      string `json:"reason,omitempty"`      // why the place is left for manual work
}

func (m *migration) fillReport() {
	r := m.report
	r.Counts = Counts{Found: len(m.places), Secrets: len(m.secrets)}
	r.Secrets = r.Secrets[:0]
	r.Manual = r.Manual[:0]
	inSecret := map[*place]bool{}
	key, err := parseHashKey(r.HashKey) // fillReport runs more than once: one key per report
	if err != nil {
		key, err = newHashKey()
	}
	if err != nil {
		r.Warnings = append(r.Warnings, "no random source for the report's hash key: value hashes left out")
	}
	if key != nil {
		r.HashKey = key.String()
	}
	for _, s := range m.secrets {
		valueHash := ""
		if key != nil {
			valueHash = key.sum(detect.Hash(s.value))
		}
		rs := ReportSecret{Name: s.name, ValueHash: valueHash, Preview: detect.Redact(s.value), Rule: s.ruleID, Status: s.status, Version: s.version, Places: []ReportPlace{}}
		switch s.status {
		case "stored":
			r.Counts.Stored++
		case "reused":
			r.Counts.Reused++
		}
		for _, p := range s.places {
			inSecret[p] = true
			rp := m.reportPlace(p)
			rs.Places = append(rs.Places, rp)
			switch p.status {
			case "rewritten":
				r.Counts.Rewritten++
			case "manual":
				r.Counts.Manual++
				r.Manual = append(r.Manual, rp)
			}
		}
		r.Secrets = append(r.Secrets, rs)
	}
	r.Rotate = m.rotationList()
	r.Skipped = nil
	for _, p := range m.places {
		switch {
		case inSecret[p]:
		case p.manual != "":
			r.Counts.Manual++
			r.Manual = append(r.Manual, m.reportPlace(p))
		case p.status == "skipped":
			r.Skipped = append(r.Skipped, m.reportPlace(p))
		}
	}
}

func (m *migration) reportPlace(p *place) ReportPlace {
	rp := ReportPlace{File: p.rel, Line: p.line, Col: p.col, Kind: p.kind, Rule: p.ruleID, Status: p.status, Reason: p.manual}
	if p.secret != nil {
		rp.Secret = p.secret.name
		if p.manual == "" {
			rp.Replacement = p.display(p.secret.name)
		}
	}
	return rp
}

// printPlan prints what a migration would do, for -dry-run and -plan.
func (m *migration) printPlan() {
	o := m.out
	if m.opts.DryRun {
		o.printf("kvlint migrate: dry run for %s (module %s): nothing is stored, no file is changed\n", m.vaultURL, m.modPath)
	} else {
		o.printf("kvlint migrate: plan for %s (module %s)\n", m.vaultURL, m.modPath)
	}
	n := 0
	for _, s := range m.secrets {
		ms := s.migratable()
		if len(ms) == 0 {
			continue
		}
		n++
		o.printf("\nsecret %s  %s %s  %s  (%d place%s)\n", s.name, s.ruleID, s.ruleName, detect.Redact(s.value), len(ms), plural(len(ms)))
		for _, p := range ms {
			o.printf("  %s  %s  -> %s\n", p.pos(), p.kind, p.display(s.name))
		}
	}
	manual := 0
	for _, p := range m.places {
		if p.manual != "" {
			if manual == 0 {
				o.printf("\nleft for manual work:\n")
			}
			manual++
			o.printf("  %s  %s %s  %s  %s: %s\n", p.pos(), p.ruleID, p.ruleName, detect.Redact(p.value), p.kind, p.manual)
		}
	}
	for _, w := range m.report.Warnings {
		o.warnf("warning: %s", w)
	}
	o.printf("\n%d place%s found, %d secret%s to store, %d place%s left for manual work\n",
		len(m.places), plural(len(m.places)), n, plural(n), manual, plural(manual))
	m.printRotation(m.rotationList())
}

// printReport prints the outcome of a migration.
func (m *migration) printReport() {
	o, r := m.out, m.report
	if r.Counts.Found == 0 {
		o.printf("kvlint migrate: no hardcoded credential found in %s: nothing to do\n", m.modPath)
		m.printRotation(r.Rotate)
		return
	}
	if len(m.skipped) > 0 {
		o.printf("kvlint migrate: %d place%s found but not in the plan were left alone\n", len(m.skipped), plural(len(m.skipped)))
	}
	o.printf("kvlint migrate: %s (module %s)\n", m.vaultURL, m.modPath)
	for _, s := range r.Secrets {
		o.printf("\nsecret %s  %s  %s  %s\n", s.Name, s.Rule, s.Status, s.Preview)
		for _, p := range s.Places {
			line := fmt.Sprintf("  %s:%d:%d  %s  %s", p.File, p.Line, p.Col, p.Kind, p.Status)
			if p.Reason != "" {
				line += ": " + p.Reason
			}
			o.printf("%s\n", line)
		}
	}
	var manual []string
	for _, p := range r.Manual {
		if p.Secret == "" {
			manual = append(manual, fmt.Sprintf("  %s:%d:%d  %s  %s: %s", p.File, p.Line, p.Col, p.Rule, p.Kind, p.Reason))
		}
	}
	if len(manual) > 0 {
		o.printf("\nleft for manual work:\n%s\n", strings.Join(manual, "\n"))
	}
	for _, w := range r.Warnings {
		o.warnf("warning: %s", w)
	}
	c := r.Counts
	o.printf("\nfound %d, stored %d, reused %d, rewritten %d, manual %d\n", c.Found, c.Stored, c.Reused, c.Rewritten, c.Manual)
	if c.Stored+c.Reused > 0 {
		o.printf("\nWARNING: every migrated value is still in this repository's git history and in every copy of it.\n" +
			"Treat each one as leaked: rotate it (set a new value in the vault; the code reads the current version)\n" +
			"and revoke the old value where it was issued.\n")
	}
	m.printRotation(r.Rotate)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// writeReport writes r as indented JSON.
func writeReport(filename string, r *Report) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filename, append(data, '\n'), 0o644)
}
