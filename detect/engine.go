package detect

import (
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Engine runs a set of rules over values. It is safe for concurrent use.
type Engine struct {
	rules     []*Rule // enabled rules, ordered by ID; index = bit in a ruleSet
	compiled  []compiledRule
	ac        *automaton
	always    ruleSet // rules with neither keywords nor name keywords
	hasAlways bool
	nameByLen [][]nameKeyword // the rules' name keywords by word length: scanNames compares a word with those of its length
	generic   *Rule           // nil when KV100 is disabled
	genFloor  float64
	// genFloorSet reports that the floor was configured: it is then not
	// lowered for short values.
	genFloorSet bool
	allow       []*regexp.Regexp
	tests       TestPolicy
	// genericKW is the ruleSet bit set when a secret word occurs in the value,
	// for the generic rule's key=value pass; -1 when the generic rule is off.
	genericBit int
	// tracer, if set (Traced), receives every value Scan judges with its
	// decision trace.
	tracer func(value string, ctx Context, ex Explanation)
}

type compiledRule struct {
	rule *Rule
	re   *regexp.Regexp
}

type nameKeyword struct {
	word string
	rule int
}

// genericMaxLen caps the values the generic rule judges as a whole; longer
// values only go through the provider-format rules.
const genericMaxLen = 4096

var builtinRegexps sync.Map // pattern -> *regexp.Regexp

func compile(pattern string) (*regexp.Regexp, error) {
	if re, ok := builtinRegexps.Load(pattern); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, err
	}
	builtinRegexps.Store(pattern, re)
	return re, nil
}

// New builds an engine from options: the built-in rules, minus disabled ones
// (or only the enabled ones), plus custom rules. It reports bad regular
// expressions and unknown rule IDs in Enable or Disable as errors.
func New(opts Options) (*Engine, error) {
	e, err := newEngine(opts)
	if err != nil {
		return nil, err
	}
	all := append(slices.Clone(Builtin()), opts.Custom...)
	on, err := selection(all, opts)
	if err != nil {
		return nil, err
	}
	if err := e.selectRules(all, on); err != nil {
		return nil, err
	}
	if err := e.compileRules(); err != nil {
		return nil, err
	}
	if err := e.compileAllow(opts.AllowValues); err != nil {
		return nil, err
	}
	return e, nil
}

// newEngine checks the options that are not rules (test policy, entropy
// floor) and returns an engine with them set.
func newEngine(opts Options) (*Engine, error) {
	switch opts.Tests {
	case "", TestsFixtures, TestsScan, TestsSkip:
	default:
		return nil, fmt.Errorf("detect: unknown test policy %q (want fixtures, scan or skip)", opts.Tests)
	}
	e := &Engine{tests: opts.Tests, genFloor: defaultGenericEntropy, genericBit: -1}
	if e.tests == "" {
		e.tests = TestsFixtures
	}
	if opts.GenericMinEntropy < 0 || opts.GenericMinEntropy > 8 {
		return nil, fmt.Errorf("detect: generic entropy %v is outside 0-8 bits per byte", opts.GenericMinEntropy)
	}
	if opts.GenericMinEntropy > 0 {
		e.genFloor = opts.GenericMinEntropy
		e.genFloorSet = true
	}
	return e, nil
}

// selection checks the rules and the Enable and Disable lists against them
// and returns the predicate that says whether a rule runs.
func selection(all []*Rule, opts Options) (func(*Rule) bool, error) {
	known := map[string]bool{}
	for _, r := range all {
		if r == nil {
			return nil, fmt.Errorf("detect: nil custom rule")
		}
		if r.ID == "" {
			return nil, fmt.Errorf("detect: custom rule %q has no ID", r.Name)
		}
		known[strings.ToLower(r.ID)] = true
		if r.Name != "" {
			known[strings.ToLower(r.Name)] = true
		}
	}
	set := func(list []string, what string) (map[string]bool, error) {
		m := map[string]bool{}
		for _, id := range list {
			k := strings.ToLower(strings.TrimSpace(id))
			if !known[k] {
				return nil, fmt.Errorf("detect: %s: unknown rule %q", what, id)
			}
			m[k] = true
		}
		return m, nil
	}
	enable, err := set(opts.Enable, "enable")
	if err != nil {
		return nil, err
	}
	disable, err := set(opts.Disable, "disable")
	if err != nil {
		return nil, err
	}
	return func(r *Rule) bool {
		id, name := strings.ToLower(r.ID), strings.ToLower(r.Name)
		if disable[id] || (name != "" && disable[name]) {
			return false
		}
		return len(enable) == 0 || enable[id] || (name != "" && enable[name])
	}, nil
}

// selectRules keeps the rules that run, ordered by ID, and rejects
// duplicate IDs and more rules than a ruleSet holds.
func (e *Engine) selectRules(all []*Rule, on func(*Rule) bool) error {
	seen := map[string]bool{}
	for _, r := range all {
		if !on(r) {
			continue
		}
		if seen[r.ID] {
			return fmt.Errorf("detect: duplicate rule ID %s", r.ID)
		}
		seen[r.ID] = true
		e.rules = append(e.rules, r)
	}
	slices.SortStableFunc(e.rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	if len(e.rules) >= maxRules {
		return fmt.Errorf("detect: too many rules (%d, at most %d)", len(e.rules), maxRules-1)
	}
	return nil
}

// compileRules compiles each rule's pattern and builds the one keyword
// automaton from every rule's keywords and requirements.
func (e *Engine) compileRules() error {
	var keywords []string
	var owner []int
	for i, r := range e.rules {
		cr := compiledRule{rule: r}
		if r == genericRule {
			e.generic = r
			e.genericBit = i
			for _, w := range genericValueKeywords {
				keywords = append(keywords, w)
				owner = append(owner, i)
			}
			for _, w := range moreGenericKeywords {
				keywords = append(keywords, w)
				owner = append(owner, i)
			}
			// Value contexts report as the generic rule.
			for _, m := range contextMarkers {
				keywords = append(keywords, m.marker)
				owner = append(owner, contextBit)
			}
			e.compiled = append(e.compiled, cr)
			continue
		}
		if r.Pattern == "" {
			return fmt.Errorf("detect: rule %s has no pattern", r.ID)
		}
		re, err := compile(r.Pattern)
		if err != nil {
			return fmt.Errorf("detect: rule %s: bad pattern: %w", r.ID, err)
		}
		if r.SecretGroup > re.NumSubexp() {
			return fmt.Errorf("detect: rule %s: secret group %d but the pattern has %d groups", r.ID, r.SecretGroup, re.NumSubexp())
		}
		cr.re = re
		e.compiled = append(e.compiled, cr)
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			if k == "" {
				continue
			}
			keywords = append(keywords, k)
			owner = append(owner, i)
		}
		for _, q := range r.Requires {
			keywords = append(keywords, strings.ToLower(q))
			owner = append(owner, maxRules+i)
		}
		for _, k := range r.NameKeywords {
			kw := nameKeyword{strings.ToLower(k), i}
			for len(e.nameByLen) <= len(kw.word) {
				e.nameByLen = append(e.nameByLen, nil)
			}
			e.nameByLen[len(kw.word)] = append(e.nameByLen[len(kw.word)], kw)
		}
		if len(r.Keywords) == 0 && len(r.NameKeywords) == 0 {
			e.always.add(i)
			e.hasAlways = true
		}
	}
	e.ac = newAutomaton(keywords, owner)
	return nil
}

// compileAllow compiles the allow.values patterns.
func (e *Engine) compileAllow(patterns []string) error {
	for _, a := range patterns {
		re, err := regexp.Compile(a)
		if err != nil {
			return fmt.Errorf("detect: bad allow value pattern %q: %w", a, err)
		}
		e.allow = append(e.allow, re)
	}
	return nil
}

// Rules returns the engine's enabled rules, ordered by ID.
func (e *Engine) Rules() []*Rule { return slices.Clone(e.rules) }

// largeValue is the size above which regexps run only in windows around
// keyword hits instead of over the whole value.
const largeValue = 16 << 10

// window is how far before and after a keyword hit a rule's regexp looks in
// a large value.
func (r *Rule) window() (before, after int) {
	before, after = r.windowBefore, r.windowAfter
	if before == 0 {
		before = 1024
	}
	if after == 0 {
		after = 1024
	}
	return before, after
}

// Scan appends the credentials found in value to dst and returns it. The
// findings are ordered by Start and do not overlap. A value in which no
// keyword occurs and whose name is not a secret name costs one pass over its
// bytes and no allocation; so does a value where keywords occur but no
// rule's regexp matches.
func (e *Engine) Scan(value string, ctx Context, dst []Finding) []Finding {
	if e != nil && e.tracer != nil {
		ex := e.Explain(value, ctx)
		e.tracer(value, ctx, ex)
		return append(dst, ex.Findings...)
	}
	return e.scan(value, ctx, dst, nil)
}

// scan is Scan, recording its decisions in tr when tr is not nil (Explain).
func (e *Engine) scan(value string, ctx Context, dst []Finding, tr *trace) []Finding {
	if e == nil || ctx.Kind == KindStructTag || (ctx.Test && e.tests == TestsSkip) || value == "" {
		if tr != nil {
			tr.add(Decision{Step: StepSkip, Filter: skipReason(e, value, ctx)})
		}
		return dst
	}
	if len(value) > largeValue {
		return e.scanLarge(value, ctx, dst)
	}
	var hits ruleSet
	e.ac.scan(value, &hits)
	if e.hasAlways {
		hits.or(&e.always)
	}
	var named ruleSet
	if len(e.nameByLen) > 0 && (ctx.Name != "" || ctx.Key != "" || ctx.Call != "") {
		e.scanNames(ctx, &named)
		hits.or(&named)
	}
	genericName, weakName := false, false
	contexts := false
	if e.generic != nil {
		genericName = secretName(ctx.Name) || secretName(ctx.Key) || secretsByKey(ctx) || secretOwnerField(ctx)
		weakName = !genericName && (weakSecretName(ctx.Name) || weakSecretName(ctx.Key)) && !publicOwner(ctx.Owner)
		contexts = hits.has(contextBit)
	}
	if hits.empty() && !genericName && !weakName && !contexts {
		if tr != nil {
			tr.add(Decision{Step: StepSkip, Filter: "no keyword in the value and no secret name"})
		}
		return dst
	}
	if isKnownPublicValue(value) {
		if tr != nil {
			tr.add(Decision{Step: StepSkip, Filter: "isKnownPublicValue"})
		}
		return dst
	}
	start := len(dst)
	var rej rejectSet
	// The rules with a keyword hit, in rule order: the set bits of hits'
	// first half, not a test of every compiled rule.
	for w, word := range hits[:maxRules/64] {
		for ; word != 0; word &= word - 1 {
			i := w<<6 | bits.TrailingZeros64(word)
			if i >= len(e.compiled) || i == e.genericBit || !e.required(i, &hits) {
				continue
			}
			dst = e.runHit(i, value, ctx, &named, dst, &rej, tr)
		}
	}
	if e.generic != nil {
		dst = e.scanGeneric(value, ctx, genericName, weakName, hits.has(e.genericBit), contexts, start, dst, &rej, tr)
	}
	if len(dst)-start > 1 {
		dst = dst[:start+resolveOverlaps(dst[start:], tr)]
	}
	return dst
}

// scanGeneric runs the generic rule's three judgements: the whole value
// under a secret name, the key=value pairs inside it, and the tokens its
// value contexts bind.
func (e *Engine) scanGeneric(value string, ctx Context, genericName, weakName, pairs, contexts bool, start int, dst []Finding, rej *rejectSet, tr *trace) []Finding {
	if genericName || weakName {
		// A value of a provider's shape that failed its checksum or filters
		// is not a generic secret either.
		if len(dst) == start && rej.empty() {
			n := len(dst)
			dst = e.genericWhole(value, ctx, weakName, dst)
			if tr != nil {
				traceWhole(tr, e, value, ctx, weakName, dst[n:])
			}
		} else if tr != nil {
			tr.add(Decision{Step: StepGeneric, Rule: e.generic, Name: boundName(ctx), Filter: "a provider rule matched the value"})
		}
	}
	if pairs {
		n := len(dst)
		dst = e.genericPairs(value, ctx, dst, rej)
		if tr != nil {
			tr.add(Decision{Step: StepPairs, Rule: e.generic})
			for _, f := range dst[n:] {
				tr.add(Decision{Step: StepMatch, Rule: e.generic, Start: f.Start, End: f.End, Confidence: f.Confidence})
			}
		}
	}
	if contexts {
		dst = e.valueContexts(value, ctx, dst, rej, tr)
	}
	return dst
}

// traceWhole records the generic rule's judgement of the whole value.
func traceWhole(tr *trace, e *Engine, value string, ctx Context, weak bool, found []Finding) {
	d := Decision{Step: StepGeneric, Rule: e.generic, Name: boundName(ctx)}
	if len(found) > 0 {
		d.Start, d.End, d.Confidence = found[0].Start, found[0].End, found[0].Confidence
	} else {
		d.Start, d.End = trimBounds(value, 0, len(value))
		d.Filter = genericWholeFilter(value[d.Start:d.End], e, ctx, weak)
	}
	tr.add(d)
}

// boundName is the name a context binds its value to: the name, else the key.
func boundName(ctx Context) string {
	if ctx.Name != "" && (secretName(ctx.Name) || weakSecretName(ctx.Name)) || ctx.Key == "" {
		return ctx.Name
	}
	return ctx.Key
}

// skipReason says why a value is not judged at all.
func skipReason(e *Engine, value string, ctx Context) string {
	switch {
	case e == nil:
		return "no engine"
	case ctx.Kind == KindStructTag:
		return "struct tag"
	case ctx.Test && e.tests == TestsSkip:
		return "test file (tests: skip)"
	}
	return "empty value"
}

// rejectSet remembers where provider matches were rejected (a bad
// checksum, a placeholder), so that the generic rule does not report them.
// It holds a few spans on the stack; past that it covers everything.
type rejectSet struct {
	n    int
	s    [8]span
	full bool
}

func (r *rejectSet) add(s, e int) {
	if r.n == len(r.s) {
		r.full = true
		return
	}
	r.s[r.n] = span{s, e}
	r.n++
}

func (r *rejectSet) empty() bool { return r.n == 0 && !r.full }

func (r *rejectSet) overlaps(s, e int) bool {
	if r.full {
		return true
	}
	for _, x := range r.s[:r.n] {
		if s < x.e && x.s < e {
			return true
		}
	}
	return false
}

// runHit runs rule i, which a keyword (or the name) woke, over the whole
// value, and records the step when explaining.
func (e *Engine) runHit(i int, value string, ctx Context, named *ruleSet, dst []Finding, rej *rejectSet, tr *trace) []Finding {
	if tr != nil {
		step := StepKeyword
		if named.has(i) {
			step = StepName
		}
		tr.add(Decision{Step: step, Rule: e.compiled[i].rule})
	}
	return e.runRule(&e.compiled[i], value, 0, len(value), ctx, named.has(i), dst, rej, tr)
}

// required reports whether rule i has no Requires or one of them occurred.
func (e *Engine) required(i int, hits *ruleSet) bool {
	return len(e.compiled[i].rule.Requires) == 0 || hits.has(maxRules+i)
}

// scanLarge scans a value over largeValue bytes: the keyword pass records
// where each rule's keywords occur, and each regexp runs only in the merged
// windows around them. The generic rule judges only key=value pairs here.
func (e *Engine) scanLarge(value string, ctx Context, dst []Finding) []Finding {
	var hits ruleSet
	windows := make([][]span, len(e.compiled))
	e.ac.scanPositions(value, func(tok, end int) {
		hits.add(tok)
		if tok >= maxRules || tok == e.genericBit {
			return
		}
		before, after := e.compiled[tok].rule.window()
		s, t := widen(value, max(0, end-before), min(len(value), end+after))
		w := windows[tok]
		if n := len(w); n > 0 && s <= w[n-1].e {
			w[n-1].e = t
			return
		}
		windows[tok] = append(w, span{s, t})
	})
	var named ruleSet
	if len(e.nameByLen) > 0 && (ctx.Name != "" || ctx.Key != "" || ctx.Call != "") {
		e.scanNames(ctx, &named)
	}
	start := len(dst)
	var rej rejectSet
	for i := range e.compiled {
		if i == e.genericBit || !e.required(i, &hits) {
			continue
		}
		cr := &e.compiled[i]
		if e.always.has(i) || named.has(i) {
			dst = e.runRule(cr, value, 0, len(value), ctx, named.has(i), dst, &rej, nil)
			continue
		}
		for _, w := range windows[i] {
			if !requiredIn(cr.rule, value[w.s:w.e]) {
				continue
			}
			dst = e.runRule(cr, value, w.s, w.e, ctx, false, dst, &rej, nil)
		}
	}
	if e.generic != nil && hits.has(e.genericBit) {
		dst = e.genericPairs(value, ctx, dst, &rej)
	}
	if e.generic != nil && hits.has(contextBit) {
		dst = e.valueContexts(value, ctx, dst, &rej, nil)
	}
	if len(dst)-start > 1 {
		dst = dst[:start+resolveOverlaps(dst[start:], nil)]
	}
	return dst
}

// widen moves window edges out to the nearest whitespace or quote, at most
// 64 bytes, so that a token is rarely cut by the window.
func widen(v string, s, t int) (int, int) {
	for k := 0; k < 64 && s > 0 && !isDelim(v[s-1]); k++ {
		s--
	}
	for k := 0; k < 64 && t < len(v) && !isDelim(v[t]); k++ {
		t++
	}
	return s, t
}

func isDelim(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';'
}

// requiredIn reports whether one of the rule's Requires occurs in part (a
// window of a large value: requirements must be near the keyword there).
func requiredIn(r *Rule, part string) bool {
	if len(r.Requires) == 0 {
		return true
	}
	for _, q := range r.Requires {
		if containsFold(part, q) {
			return true
		}
	}
	return false
}

// scanNames adds the rules whose name keywords are words of the context.
func (e *Engine) scanNames(ctx Context, set *ruleSet) {
	for _, name := range [3]string{ctx.Name, ctx.Key, ctx.Call} {
		for i := 0; i < len(name); {
			s, end := nextWord(name, i)
			if s == end {
				break
			}
			w := name[s:end]
			if len(w) < len(e.nameByLen) {
				first := lowerByte(w[0])
				for _, k := range e.nameByLen[len(w)] {
					if k.word[0] == first && strings.EqualFold(k.word, w) {
						set.add(k.rule)
					}
				}
			}
			i = end
		}
	}
}

// runRule runs one rule's regexp over value[from:to] and judges its
// matches, adding the rejected ones to rej.
func (e *Engine) runRule(cr *compiledRule, value string, from, to int, ctx Context, nameHit bool, dst []Finding, rej *rejectSet, tr *trace) []Finding {
	r := cr.rule
	part := value[from:to]
	// Keyword-gated; a regexp search that finds nothing does not allocate.
	if cr.re.FindStringIndex(part) == nil {
		if tr != nil {
			tr.add(Decision{Step: StepNoMatch, Rule: r})
		}
		return dst
	}
	for _, m := range cr.re.FindAllStringSubmatchIndex(part, -1) {
		s, end := secretBounds(r, m)
		if s < 0 || end <= s {
			if tr != nil {
				tr.add(Decision{Step: StepMatch, Rule: r, Start: m[0] + from, End: m[1] + from, Filter: "empty secret group"})
			}
			rej.add(m[0]+from, m[1]+from)
			continue
		}
		if (s == 0 && from > 0) || (end == len(part) && to < len(value)) {
			// The window's edge, not the value, bounds this match: it lies
			// inside a longer undelimited run, which is not a token.
			continue
		}
		s, end = s+from, end+from
		c, why := e.judge(r, value, s, end, ctx, nameHit)
		if tr != nil {
			tr.add(Decision{Step: StepMatch, Rule: r, Start: s, End: end, Filter: why, Confidence: c})
		}
		if c != 0 {
			dst = append(dst, Finding{Rule: r, Start: s, End: end, Confidence: c})
		} else if !nameHit {
			// A rule that ran only because of the name (KV111 for
			// accessToken) rejects the provider, not the value: the
			// generic rule still judges it.
			rej.add(m[0]+from, m[1]+from)
		}
	}
	return dst
}

// secretBounds picks the secret's bounds out of a submatch index.
func secretBounds(r *Rule, m []int) (int, int) {
	switch g := r.SecretGroup; {
	case g > 0:
		return m[2*g], m[2*g+1]
	case g < 0:
		for k := 1; 2*k+1 < len(m); k++ {
			if m[2*k] >= 0 {
				return m[2*k], m[2*k+1]
			}
		}
	}
	return m[0], m[1]
}

// judge applies the rule's floor, checksum and confirmation and the central
// false-positive filters to one candidate, returning its confidence or 0
// and the name of what rejected it.
func (e *Engine) judge(r *Rule, value string, s, end int, ctx Context, nameHit bool) (Confidence, string) {
	secret := value[s:end]
	if r.MinEntropy > 0 && entropy(secret) < r.MinEntropy {
		return 0, "entropy floor"
	}
	if IsPlaceholder(secret) {
		return 0, "IsPlaceholder"
	}
	if isKnownPublic(secret) {
		return 0, "isKnownPublic"
	}
	c := r.Confidence
	if c == 0 {
		c = Medium
	}
	if r.Validate != nil {
		if !r.Validate(secret) {
			return 0, "checksum (Validate)"
		}
		if r.Confidence == 0 {
			c = High
		}
	}
	if r.Confirm != nil {
		c = r.Confirm(Match{Value: value, Start: s, End: end, Context: ctx, NameHit: nameHit})
		if c == 0 {
			return 0, "Confirm (the rule's checksum or confirmation)"
		}
	}
	if r.humanSecret && e.fixtureContext(ctx) {
		typed := secret
		if r.typed != nil {
			typed = r.typed(secret)
		}
		if !looksRandom(typed) {
			return 0, "test fixture (looksRandom)"
		}
	}
	if e.allowed(secret) {
		return 0, "allow.values"
	}
	return c, ""
}

// fixtureContext reports whether typed-looking values are examples where
// ctx is: in test files (under the fixtures policy) and in comments, which
// document values ({"password": "Hashi123"}) rather than hold them.
func (e *Engine) fixtureContext(ctx Context) bool {
	return ctx.Test && e.tests == TestsFixtures || ctx.Kind == KindComment
}

func (e *Engine) allowed(secret string) bool {
	for _, re := range e.allow {
		if re.MatchString(secret) {
			return true
		}
	}
	return false
}

// resolveOverlaps sorts findings by Start and, where two overlap, keeps the
// better one: higher confidence, then rule priority, then the longer secret,
// then the lower rule ID. It returns the number kept at the front of fs.
func resolveOverlaps(fs []Finding, tr *trace) int {
	slices.SortStableFunc(fs, func(a, b Finding) int { return a.Start - b.Start })
	better := func(a, b Finding) bool {
		if a.Confidence != b.Confidence {
			return a.Confidence > b.Confidence
		}
		// A password slot (Password=..., user:pass@) that holds a provider's
		// token: the token's rule says what it is.
		if a.Rule.humanSecret != b.Rule.humanSecret && a.Start == b.Start && a.End == b.End {
			return !a.Rule.humanSecret
		}
		if a.Rule.prio != b.Rule.prio {
			return a.Rule.prio > b.Rule.prio
		}
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return la > lb
		}
		return a.Rule.ID < b.Rule.ID
	}
	n := 0
	for _, f := range fs {
		if n > 0 && f.Start < fs[n-1].End {
			lost := f
			if better(f, fs[n-1]) {
				lost, fs[n-1] = fs[n-1], f
			}
			if tr != nil {
				tr.add(Decision{Step: StepOverlap, Rule: lost.Rule, Start: lost.Start, End: lost.End, Confidence: lost.Confidence})
			}
			continue
		}
		fs[n] = f
		n++
	}
	return n
}
