package labelledtest

import (
	"slices"
	"strings"
	"testing"
)

// The held-out set's floors. When the set was written, before anyone
// read its results, kvlint measured precision 0.990 and recall 0.904 on it
// (mobile supplement included): that is the generalization figure. Its
// misses were then fixed by cause with samples of other shapes (SQL DDL,
// notebooks, hash arrows, positional credentials, name/value siblings...),
// after which it measured 1.000 / 0.975; so it is held out no longer, and
// the floors are that figure less a margin of 0.02 (rounded down to
// hundredths), to catch a regression. Raise them as detection improves;
// never lower them to pass.
const (
	heldOutPrecisionFloor = 0.98
	heldOutRecallFloor    = 0.95
)

// heldOutMin is how many positives and labelled negatives the held-out set
// holds at least.
const heldOutMin = 120

// TestHeldOutSet scores kvlint scan on testdata/heldout, a labelled set
// written without reading kvlint's detection code or the labelled set of
// TestLabelledSet, in shapes that set does not have (Rails, Laravel, Rust,
// Terraform, Ansible, Helm, notebooks, PowerShell, Postman, logs, SQL,
// dotfiles...). It measures whether detection generalizes: it logs the
// per-ecosystem and per-family figures and every miss and false positive,
// and fails below the floors measured when the set was written.
func TestHeldOutSet(t *testing.T) {
	scoreSet(t, "../../testdata/heldout", gate{
		name: "held-out set", prefix: "held-out ", min: heldOutMin,
		precision: heldOutPrecisionFloor, recall: heldOutRecallFloor,
		why: " (the figures measured when the set was written, less 0.02)",
	})
}

// checkFamilies fails on a label that names a family no rule belongs to (a
// typo would make a positive unfindable).
func checkFamilies(t *testing.T, s *set) {
	t.Helper()
	known := map[string]bool{}
	for _, f := range familyOf {
		known[f] = true
	}
	var bad []string
	for k, l := range s.labels {
		for _, f := range l.families {
			if !known[f] && !slices.Contains(bad, f) {
				bad = append(bad, f+" ("+k.file+")")
			}
		}
	}
	if len(bad) > 0 {
		slices.Sort(bad)
		t.Fatalf("labels name unknown families: %s", strings.Join(bad, ", "))
	}
}
