package detect

// TestPolicy says how values in test files are judged.
type TestPolicy string

// Test policies.
const (
	TestsFixtures TestPolicy = "fixtures" // default: scan tests, but low-entropy generic values there are fixtures
	TestsScan     TestPolicy = "scan"     // judge test files like any other
	TestsSkip     TestPolicy = "skip"     // never report in test files
)

// Options configures an Engine. The zero Options is the default engine.
type Options struct {
	Enable  []string // if non-empty, only these rule IDs run
	Disable []string // rule IDs that never run
	Custom  []*Rule  // extra rules from configuration
	// GenericMinEntropy overrides the generic rule's entropy floor (bits per byte); 0 keeps the default.
	GenericMinEntropy float64
	// AllowValues are regular expressions; a secret matching any is not reported.
	AllowValues []string
	Tests       TestPolicy // how values in test files are judged
}

// Traced returns a copy of e whose Scan also hands every value it judges,
// with its context and decision trace, to fn: kvlint explain runs lint and
// scan with it to see what they asked the engine and why it answered as it
// did. fn must not keep value past the call, nor print it. The copy is as
// safe for concurrent use as fn is.
func (e *Engine) Traced(fn func(value string, ctx Context, ex Explanation)) *Engine {
	cp := *e
	cp.tracer = fn
	return &cp
}
