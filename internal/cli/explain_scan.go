package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kvlint/kvlint/rules"
	"github.com/kvlint/kvlint/scan"
	"github.com/kvlint/kvlint/scan/iac"
)

// scanned explains the place as kvlint scan reads the file: scan.Explain
// runs the scanner's own code with a traced engine, so what is shown is
// what kvlint scan decides.
func (x *explainer) scanned() error {
	if x.rep.Mode == "" {
		x.rep.Mode = "as kvlint scan does"
		if strings.HasSuffix(x.p.abs, ".go") {
			x.rep.Mode = "syntax only, as kvlint scan does"
		}
	}
	opts := &scan.Options{Config: x.src, Root: x.wd}
	fx, err := scan.Explain(x.p.abs, x.data, opts, x.judgedByScan)
	if err != nil {
		return err
	}
	x.rep.Config, x.rep.Skipped = relTo(x.wd, fx.Config), fx.Skipped
	x.disabled()
	for _, s := range x.rep.Strings {
		for _, v := range s.Verdicts {
			x.scanOutcome(v, s, fx)
		}
	}
	x.iacAt(fx)
	return nil
}

// judgedByScan records a value the scanner judged, when it lies at the place.
func (x *explainer) judgedByScan(j scan.Judged) {
	if x.p.covers(j.Start, j.End) {
		x.record(j.Source, j.Start, j.End, j.Value, j.Ctx, j.Explanation, j.Site)
	}
}

// scanOutcome says what kvlint scan did with the secret of v: the finding
// it reports, or why it dropped it.
func (x *explainer) scanOutcome(v *verdict, s *explainedString, fx *scan.FileExplanation) {
	if fx.Skipped != "" {
		v.Outcome, v.Reason = "dropped", "the file is not scanned: "+fx.Skipped
		return
	}
	v.Outcome, v.Reason, v.At = x.fate(v.Rule, func(off int) bool { return x.matches(v, s, off) }, fx, 0)
	if v.Outcome == "" {
		v.Outcome, v.Reason = "dropped", "a finding of the same rule at an overlapping place is reported instead"
	}
}

// fate finds what became of a secret of rule whose offset satisfies at:
// the finding reported there, else the reason it was dropped; "" when
// neither is known. A secret dropped for an overlap follows the one kept.
func (x *explainer) fate(rule string, at func(int) bool, fx *scan.FileExplanation, depth int) (outcome, reason, pos string) {
	for i, f := range fx.Findings {
		if f.RuleID == rule && at(offsetOf(x.starts, f.Line, f.Col)) {
			outcome, pos = "reported", fmt.Sprintf("%d:%d", f.Line, f.Col)
			if x.base != nil && x.base.Has(fx.Keys[i]) {
				outcome, reason = "baselined", "recorded in the baseline: not reported with -baseline"
			}
			return outcome, reason, pos
		}
	}
	for _, d := range fx.Dropped {
		if d.RuleID != rule || !at(d.Start) {
			continue
		}
		switch {
		case d.KeptRule != "" && depth < 4:
			o, r, p := x.fate(d.KeptRule, func(off int) bool { return off == d.KeptStart }, fx, depth+1)
			return "dropped", d.Reason + "; that one is " + strings.TrimSpace(o+" "+p+" "+r), ""
		case strings.HasPrefix(d.Reason, "suppressed"):
			return "suppressed", d.Reason, ""
		case strings.HasPrefix(d.Reason, "rule disabled"):
			return "disabled", d.Reason, ""
		}
		return "dropped", d.Reason, ""
	}
	return "", "", ""
}

// matches reports whether a finding or dropped secret at byte offset off is
// the secret of v in s: at v's offset when known, else within s.
func (x *explainer) matches(v *verdict, s *explainedString, off int) bool {
	if v.start >= 0 {
		return off == v.start
	}
	return s.start <= off && off <= s.end
}

// disabled lists the rules the configuration for the file turns off.
func (x *explainer) disabled() {
	l, err := x.src.ForDir(filepath.Dir(x.p.abs))
	if err != nil || l == nil {
		return
	}
	x.rep.Disabled = slices.Clone(l.File.Rules.Disable)
	if len(l.File.Rules.Enable) > 0 {
		x.rep.Notes = append(x.rep.Notes, "rules.enable allows only: "+strings.Join(l.File.Rules.Enable, ", "))
	}
}

// iacAt records the IaC checks that ran and what they report at the place.
func (x *explainer) iacAt(fx *scan.FileExplanation) {
	if len(fx.IaC) == 0 {
		return
	}
	out := &iacExplained{Checks: fx.IaC, Findings: []iacReported{}, Note: fx.Note}
	for i, f := range fx.Findings {
		if !isIaCRule(f.RuleID) || !x.p.covers(offsetOf(x.starts, f.Line, f.Col), offsetOf(x.starts, f.EndLine, f.EndCol)) {
			continue
		}
		r := iacReported{Rule: f.RuleID, At: fmt.Sprintf("%d:%d", f.Line, f.Col), Message: f.Message, Outcome: "reported"}
		if x.base != nil && x.base.Has(fx.Keys[i]) {
			r.Outcome, r.Reason = "baselined", "recorded in the baseline: not reported with -baseline"
		}
		out.Findings = append(out.Findings, r)
	}
	for _, d := range fx.Dropped {
		if isIaCRule(d.RuleID) && x.p.covers(d.Start, d.End) {
			l, c := x.lineCol(d.Start)
			out.Findings = append(out.Findings, iacReported{Rule: d.RuleID, At: fmt.Sprintf("%d:%d", l, c), Outcome: "suppressed", Reason: d.Reason})
		}
	}
	x.rep.IaC = out
}

// isIaCRule reports whether id is a rule of the IaC practice checks.
func isIaCRule(id string) bool {
	return slices.ContainsFunc(iac.Rules, func(r rules.Info) bool { return r.ID == id })
}
