package detect

// Step is a kind of decision in the engine's judgement of a value.
type Step uint8

// Steps of a decision trace, in the order the engine takes them.
const (
	StepSkip    Step = iota + 1 // the value is not judged at all (Filter says why)
	StepKeyword                 // a rule runs: one of its keywords occurs in the value
	StepName                    // a rule runs: the context's name, key or call holds one of its name keywords
	StepNoMatch                 // the rule's pattern does not match
	StepMatch                   // the rule's pattern matches at Start-End; Filter rejects it, or it is reported with Confidence
	StepGeneric                 // the generic rule judges the whole value under a secret name (Name)
	StepContext                 // a value context (Context) binds the token at Start-End to Name
	StepPairs                   // the generic rule's key=value pass inside the value
	StepOverlap                 // an overlapping finding of another rule was kept instead of this one
)

var stepNames = [...]string{"", "skip", "keyword", "name", "no-match", "match", "generic", "context", "pairs", "overlap"}

// String returns the step's lowercase name.
func (s Step) String() string {
	if int(s) < len(stepNames) {
		return stepNames[s]
	}
	return "unknown"
}

// Decision is one step of the engine's judgement of a value. It holds
// offsets into the value, never the value: print candidates with Redact.
type Decision struct {
	Step Step  // which stage of the engine decided
	Rule *Rule // the rule the step is about; nil for the value as a whole
	// Context is the value context of a StepContext decision.
	Context ValueContext
	// Name is the secret name a context or the generic rule judged under.
	Name string
	// Start and End bound the candidate within the value (StepMatch,
	// StepContext, StepGeneric, StepOverlap).
	Start, End int
	// Filter names what rejected the candidate (a filter function, a
	// checksum, the entropy floor); "" when it was reported or not judged.
	Filter string
	// Confidence is the confidence of a reported candidate, 0 if rejected.
	Confidence Confidence
}

// Explanation is the engine's decision trace for one value.
type Explanation struct {
	Decisions []Decision // every step, in the order the engine took them
	// Findings are what Scan returns for the same value and context.
	Findings []Finding
}

// Explain judges value in ctx exactly as Scan does and returns the trace of
// its decisions besides the findings: which rules ran and why, which
// candidate each matched, which filter rejected it or with what confidence
// it was reported. Explain and Scan share one code path; only Explain
// records. Values over 16 KB are traced only as far as their findings.
func (e *Engine) Explain(value string, ctx Context) Explanation {
	tr := &trace{}
	fs := e.scan(value, ctx, nil, tr)
	return Explanation{Decisions: tr.ds, Findings: fs}
}

// trace records decisions; a nil *trace records nothing, which is what
// Scan passes.
type trace struct{ ds []Decision }

func (t *trace) add(d Decision) {
	if t != nil {
		t.ds = append(t.ds, d)
	}
}

// genericFilterName names the first of the generic rule's value filters that
// rejects v, in genericValue's order. The decision itself is genericValue's;
// this only labels it for the trace.
func genericFilterName(v string, e *Engine, ctx Context) string {
	n := len(v)
	classes := 0
	if n >= 6 {
		classes = charClasses(v)
	}
	switch {
	case n < 6 || (n < 8 && classes < 3):
		return "too short"
	case n > genericMaxLen:
		return "too long"
	}
	if name := rejectingFilter(v); name != "" {
		return name
	}
	if e.genericValue(v, Context{}) == 0 {
		return "entropy floor"
	}
	if e.fixtureContext(ctx) && !looksRandom(v) {
		return "test fixture (looksRandom)"
	}
	return "genericValue"
}

// genericWholeFilter names why genericWhole reported nothing for the value
// bounds s-end under a weak or strong name.
func genericWholeFilter(v string, e *Engine, ctx Context, weak bool) string {
	if len(v) > genericMaxLen {
		return "too long"
	}
	if weak && !generated(v) {
		return "weak name wants a generated value (generated)"
	}
	if weak && isDigest(v) {
		return "isDigest"
	}
	if weak && e.genericValue(v, ctx) != Medium {
		return "weak name wants medium confidence"
	}
	if e.genericValue(v, ctx) != 0 && e.allowed(v) {
		return "allow.values"
	}
	return genericFilterName(v, e, ctx)
}
