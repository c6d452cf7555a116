package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// explainReport is what kvlint explain says about one place. Every value
// in it is redacted (detect.Redact).
type explainReport struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
	// Mode is how the file was read: "type-aware" (as kvlint lint, with the
	// package's type information), "syntax only" (as kvlint scan reads Go)
	// or "scan" (a file of any other type, as kvlint scan reads it).
	Mode string `json:"mode"`
	// Config is the configuration file that applies; "" for the defaults.
	Config string `json:"config,omitempty"`
	// Disabled lists the rules the configuration turns off (rules.disable).
	Disabled []string `json:"disabled,omitempty"`
	// Skipped says why the file is not read at all ("" when it is).
	Skipped string             `json:"skipped,omitempty"`
	Notes   []string           `json:"notes,omitempty"`
	Strings []*explainedString `json:"strings"`
	// IaC lists the infrastructure-as-code checks that ran on the file and
	// what they report at the place.
	IaC *iacExplained `json:"iac,omitempty"`
}

// explainedString is one string at the place: a Go string site, a line, a
// key/value pair or a private key block.
type explainedString struct {
	Source string `json:"source"`
	Span   string `json:"span"`
	Value  string `json:"value"`           // redacted
	Place  string `json:"place,omitempty"` // the kind of Go site (const, field, call-arg, compare, comment, struct tag default...)
	// Judged are the engine's judgements: the whole value with its context,
	// then for a Go value holding JSON, YAML or .env text each pair in it.
	Judged []*judgement `json:"judged"`
	// Verdicts are the secrets found, each with what became of it.
	Verdicts []*verdict `json:"verdicts"`

	start, end int // byte offsets in the file
}

// judgement is one value handed to the engine and its decision trace.
type judgement struct {
	Value   string        `json:"value"` // redacted
	Context explainedCtx  `json:"context"`
	Steps   []explainStep `json:"steps"`
}

// explainedCtx is a detect.Context as explain prints it.
type explainedCtx struct {
	Kind  string `json:"kind"`
	Name  string `json:"name,omitempty"`
	Key   string `json:"key,omitempty"`
	Call  string `json:"call,omitempty"`
	Owner string `json:"owner,omitempty"`
	Test  bool   `json:"test,omitempty"`
}

// explainStep is one decision of the engine.
type explainStep struct {
	Step       string `json:"step"`
	Rule       string `json:"rule,omitempty"`
	RuleName   string `json:"rule_name,omitempty"`
	Context    string `json:"value_context,omitempty"` // a value context (curl -u, Bearer, ...)
	Name       string `json:"name,omitempty"`          // the secret name judged under
	Candidate  string `json:"candidate,omitempty"`     // redacted
	Filter     string `json:"filter,omitempty"`        // what rejected the candidate
	Confidence string `json:"confidence,omitempty"`    // of a reported candidate
}

// verdict is a secret the engine found and what kvlint does with it.
type verdict struct {
	Rule       string `json:"rule"`
	RuleName   string `json:"rule_name"`
	Confidence string `json:"confidence"`
	Secret     string `json:"secret"` // redacted
	// Outcome is "reported", "suppressed", "disabled", "baselined" or "dropped".
	Outcome string `json:"outcome"`
	Reason  string `json:"reason,omitempty"`
	At      string `json:"at,omitempty"` // LINE:COL of the finding

	start int // byte offset in the file, -1 if unknown
}

// iacExplained is what the IaC practice checks did with the file.
type iacExplained struct {
	Checks   []string      `json:"checks"`
	Findings []iacReported `json:"findings"`
	Note     string        `json:"note,omitempty"`
}

// iacReported is an IaC finding at the place.
type iacReported struct {
	Rule    string `json:"rule"`
	At      string `json:"at"`
	Message string `json:"message"`
	Outcome string `json:"outcome"`
	Reason  string `json:"reason,omitempty"`
}

// reported reports whether a finding is reported at the place.
func (r *explainReport) reported() bool {
	for _, s := range r.Strings {
		for _, v := range s.Verdicts {
			if v.Outcome == "reported" {
				return true
			}
		}
	}
	if r.IaC != nil {
		for _, f := range r.IaC.Findings {
			if f.Outcome == "reported" {
				return true
			}
		}
	}
	return false
}

var kindNames = [...]string{
	detect.KindUnknown: "none", detect.KindAssign: "assign", detect.KindField: "field", detect.KindMapKey: "map key",
	detect.KindCallArg: "call argument", detect.KindCompare: "comparison", detect.KindReturn: "return",
	detect.KindComment: "comment", detect.KindStructTag: "struct tag", detect.KindLine: "line of a plain file",
}

// contextOf converts a detection context.
func contextOf(c detect.Context) explainedCtx {
	kind := "unknown"
	if int(c.Kind) < len(kindNames) {
		kind = kindNames[c.Kind]
	}
	return explainedCtx{Kind: kind, Name: c.Name, Key: c.Key, Call: c.Call, Owner: c.Owner, Test: c.Test}
}

// judgementOf converts the engine's trace of value in ctx.
func judgementOf(value string, ctx detect.Context, ex detect.Explanation) *judgement {
	j := &judgement{Value: detect.Redact(value), Context: contextOf(ctx), Steps: []explainStep{}}
	for _, d := range ex.Decisions {
		st := explainStep{Step: d.Step.String(), Name: d.Name, Filter: d.Filter}
		if d.Rule != nil {
			st.Rule, st.RuleName = d.Rule.ID, d.Rule.Name
		}
		if d.Context != detect.CtxNone {
			st.Context = d.Context.String()
		}
		if d.End > d.Start && d.End <= len(value) {
			st.Candidate = detect.Redact(value[d.Start:d.End])
		}
		if d.Confidence != 0 {
			st.Confidence = d.Confidence.String()
		}
		j.Steps = append(j.Steps, st)
	}
	return j
}

// addVerdict adds v unless the string has one for the same rule and place.
func (s *explainedString) addVerdict(v *verdict) {
	for _, o := range s.Verdicts {
		if o.Rule == v.Rule && o.start == v.start && o.Secret == v.Secret {
			return
		}
	}
	s.Verdicts = append(s.Verdicts, v)
}

// writeExplain writes the report as text or JSON.
func writeExplain(w io.Writer, format string, r *explainReport) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	var b strings.Builder
	writeExplainHead(&b, r)
	for _, s := range r.Strings {
		writeExplainString(&b, s)
	}
	writeExplainIaC(&b, r.IaC)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeExplainHead(b *strings.Builder, r *explainReport) {
	at := fmt.Sprintf("%s:%d", r.File, r.Line)
	if r.Col > 0 {
		at += fmt.Sprintf(":%d", r.Col)
	}
	fmt.Fprintf(b, "%s: read %s\n", at, r.Mode)
	cfg := r.Config
	if cfg == "" {
		cfg = "defaults (no .kvlint.yaml)"
	}
	fmt.Fprintf(b, "configuration: %s\n", cfg)
	if len(r.Disabled) > 0 {
		fmt.Fprintf(b, "rules disabled by the configuration: %s\n", strings.Join(r.Disabled, ", "))
	}
	if r.Skipped != "" {
		fmt.Fprintf(b, "not read: %s\n", r.Skipped)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(b, "note: %s\n", n)
	}
	if len(r.Strings) == 0 && r.Skipped == "" {
		b.WriteString("no string at this place is judged\n")
	}
}

func writeExplainString(b *strings.Builder, s *explainedString) {
	fmt.Fprintf(b, "\n%s %s: %s\n", s.Source, s.Span, s.Value)
	if s.Place != "" {
		fmt.Fprintf(b, "  place: %s\n", s.Place)
	}
	for i, j := range s.Judged {
		what := "value"
		if i > 0 {
			what = "pair in the value"
		}
		fmt.Fprintf(b, "  judged %s %s, context: %s\n", what, j.Value, ctxText(j.Context))
		for _, st := range j.Steps {
			fmt.Fprintf(b, "    %s\n", stepText(st))
		}
		fmt.Fprintf(b, "    (%s)\n", rulesRun(j))
	}
	if len(s.Verdicts) == 0 {
		b.WriteString("  verdict: nothing found\n")
	}
	for _, v := range s.Verdicts {
		fmt.Fprintf(b, "  verdict: %s %s (%s confidence) %s: ", v.Rule, v.RuleName, v.Confidence, v.Secret)
		writeOutcome(b, v.Outcome, v.At, v.Reason)
		b.WriteByte('\n')
	}
}

func writeExplainIaC(b *strings.Builder, x *iacExplained) {
	if x == nil {
		return
	}
	fmt.Fprintf(b, "\nIaC checks: %s\n", strings.Join(x.Checks, "; "))
	if x.Note != "" {
		fmt.Fprintf(b, "  note: %s\n", x.Note)
	}
	if len(x.Findings) == 0 {
		b.WriteString("  nothing reported at this place\n")
	}
	for _, f := range x.Findings {
		fmt.Fprintf(b, "  %s at %s: %s: ", f.Rule, f.At, f.Message)
		writeOutcome(b, f.Outcome, "", f.Reason)
		b.WriteByte('\n')
	}
}

// writeOutcome prints an outcome, where it is reported and why; a reason
// that begins with the outcome ("suppressed by ...") stands for both.
func writeOutcome(b *strings.Builder, outcome, at, reason string) {
	if !strings.HasPrefix(reason, outcome+" ") {
		b.WriteString(outcome)
		if at != "" {
			fmt.Fprintf(b, " at %s", at)
		}
		if reason != "" {
			b.WriteString(": ")
		}
	}
	b.WriteString(reason)
}

// ctxText prints a context: its kind and the names it holds.
func ctxText(c explainedCtx) string {
	parts := []string{c.Kind}
	for _, kv := range [...][2]string{{"name", c.Name}, {"key", c.Key}, {"call", c.Call}, {"owner", c.Owner}} {
		if kv[1] != "" {
			parts = append(parts, fmt.Sprintf("%s %q", kv[0], kv[1]))
		}
	}
	if c.Test {
		parts = append(parts, "in a test file")
	}
	return strings.Join(parts, ", ")
}

// stepWords say in words what each step of the engine's trace means.
var stepWords = map[string]string{
	"keyword":  "runs: one of its keywords occurs in the value",
	"name":     "runs: the context's name, key or call holds one of its name keywords",
	"no-match": "does not match: its pattern finds nothing",
	"match":    "matches",
	"generic":  "judges the whole value",
	"context":  "reads a value context:",
	"pairs":    "looks for key=value pairs inside the value",
	"overlap":  "is dropped: an overlapping finding of another rule is kept",
}

// stepText prints one decision.
func stepText(st explainStep) string {
	var b strings.Builder
	if st.Rule == "" {
		b.WriteString(st.Step)
	} else {
		fmt.Fprintf(&b, "%s %s %s", st.Rule, st.RuleName, cmp.Or(stepWords[st.Step], st.Step))
	}
	if st.Context != "" {
		fmt.Fprintf(&b, " a %s", st.Context)
	}
	if st.Name != "" {
		fmt.Fprintf(&b, " under the name %q", st.Name)
	}
	if st.Candidate != "" {
		fmt.Fprintf(&b, ", candidate %s", st.Candidate)
	}
	switch {
	case st.Filter != "" && st.Step == "skip":
		fmt.Fprintf(&b, ": not judged: %s", st.Filter)
	case st.Filter != "":
		fmt.Fprintf(&b, ": rejected by filter %q", st.Filter)
	case st.Confidence != "":
		fmt.Fprintf(&b, ": found, %s confidence", st.Confidence)
	}
	return b.String()
}

// rulesRun lists the rules a judgement ran, and says the others did not.
func rulesRun(j *judgement) string {
	var ids []string
	for _, st := range j.Steps {
		if st.Rule != "" && !slices.Contains(ids, st.Rule) {
			ids = append(ids, st.Rule)
		}
	}
	if len(ids) == 0 {
		return "no rule runs"
	}
	return "rules run: " + strings.Join(ids, ", ") + "; no other rule's keyword occurs in the value or its context"
}
