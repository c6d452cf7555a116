package scan

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/gosite"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/scan/iac"
)

// Judged is one value the scanner handed to the detection engine while
// scanning a file, with where it lies and the engine's decision trace.
type Judged struct {
	// Start and End are the byte offsets in the file of the text judged: a
	// line, a key/value pair's value, a private key block, or a Go string
	// site's span (for a comment, the comment).
	Start, End int
	// Source says what the text is: "line", "key/value pair", "private key
	// block" or "Go string site".
	Source string
	// Value is the value judged. It is valid only during the callback and
	// must never be printed: use detect.Redact.
	Value string
	// Ctx is the context the engine judged Value in.
	Ctx detect.Context
	// Explanation is the engine's decision trace and findings for Value.
	Explanation detect.Explanation
	// Site is the Go string site (syntax only), nil in other files. It is
	// valid only during the callback.
	Site *gosite.Site
}

// Dropped is a secret the scanner found but does not report, and why.
type Dropped struct {
	RuleID     string // rule ID of the dropped secret
	Start, End int    // byte offsets in the file
	// Reason says why: the suppression directive that covers it, the
	// configuration that disables the rule, or the overlapping finding kept.
	Reason string
	// KeptRule and KeptStart are the overlapping finding kept instead, for
	// a secret dropped for an overlap; KeptRule is "" otherwise.
	KeptRule  string
	KeptStart int // byte offset in the file of the finding kept
}

// FileExplanation is what the scanner decided about one file besides the
// values it judged.
type FileExplanation struct {
	Findings []report.Finding // what kvlint scan reports in the file
	Keys     []baseline.Key   // their baseline keys, index by index
	Dropped  []Dropped        // secrets found but not reported
	// Skipped says why the file was not scanned at all ("" when it was).
	Skipped string
	// Config is the configuration file that applies; "" for the defaults.
	Config string
	// IaC names the infrastructure-as-code checks that ran on the file;
	// their findings are among Findings.
	IaC []string
	// Note is the scanner's note about the file (an IaC file it could not parse).
	Note string
}

// Explain scans data as Content does, as the content of the file at abs,
// and calls fn for every value the scanner hands to the detection engine,
// with its place in the file and the engine's decision trace. The scan runs
// the same code as Run and Content; Explain only records. It returns the
// findings and the secrets found but not reported, with the reason.
func Explain(abs string, data []byte, opts *Options, fn func(Judged)) (*FileExplanation, error) {
	if opts.Config == nil {
		opts = &Options{Root: opts.Root, Config: &config.Source{}}
	}
	x := &explainer{fn: fn, out: &FileExplanation{}}
	w := &worker{opts: opts, cfgs: map[string]cfgEntry{}, ex: x}
	l, err := w.config(filepath.Dir(abs))
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", abs, err)
	}
	x.out.Config = l.Path
	if l.PathAllowed(abs) {
		x.out.Skipped = "allow.paths in " + l.Path + " allows this file: nothing in it is reported"
		return x.out, nil
	}
	eng, err := engineOf(l)
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", abs, err)
	}
	if eng == nil {
		x.out.Skipped = "no detection engine is configured"
		return x.out, nil
	}
	if de, ok := eng.(*detect.Engine); ok {
		eng = de.Traced(x.judged)
	}
	if !strings.HasSuffix(abs, ".go") && l.Enabled(iac.Analyzer) {
		x.out.IaC = iac.Checks(abs)
	}
	r := w.content(abs, data, l, eng, nil)
	x.out.Findings, x.out.Keys, x.out.Note = r.findings, r.keys, r.note
	if r.skip != "" {
		x.out.Skipped = r.skip
	}
	return x.out, r.err
}

// explainer records, for Explain, where the value the worker hands to the
// engine next lies and what the worker drops. A nil *explainer (Run,
// Content) records nothing.
type explainer struct {
	fn         func(Judged)
	start, end int
	source     string
	site       *gosite.Site
	out        *FileExplanation
	fileOff    func(int) int // maps offsets of a decoded text to the file's (notebook.go), or nil
}

// at says where the next value judged lies.
func (x *explainer) at(start, end int, source string, s *gosite.Site) {
	if x != nil {
		if x.fileOff != nil {
			start, end = x.fileOff(start), x.fileOff(end)
		}
		x.start, x.end, x.source, x.site = start, end, source, s
	}
}

// judged is the traced engine's callback.
func (x *explainer) judged(value string, ctx detect.Context, ex detect.Explanation) {
	x.fn(Judged{Start: x.start, End: x.end, Source: x.source, Value: value, Ctx: ctx, Explanation: ex, Site: x.site})
}

// skip records why a file scanned nothing.
func (x *explainer) skip(why string) {
	if x != nil {
		x.out.Skipped = why
	}
}

// overlap records that lost was dropped for kept, which overlaps it.
func (x *explainer) overlap(lost, kept hit) {
	if x == nil || lost.rule.ID == kept.rule.ID && lost.start == kept.start && lost.end == kept.end {
		return // the same secret found twice (a pair and its line): one finding
	}
	if x.fileOff != nil {
		lost.start, lost.end, kept.start = x.fileOff(lost.start), x.fileOff(lost.end), x.fileOff(kept.start)
	}
	x.out.Dropped = append(x.out.Dropped, Dropped{RuleID: lost.rule.ID, Start: lost.start, End: lost.end,
		Reason:   fmt.Sprintf("overlaps a %s finding (%s confidence), kept instead", kept.rule.ID, kept.conf),
		KeptRule: kept.rule.ID, KeptStart: kept.start})
}

// hidden records why a hit on line is not reported: its rule is disabled
// by l, or a directive of dirs covers it.
func (x *explainer) hidden(h hit, line int, l *config.Loaded, dirs []directive) {
	if x == nil {
		return
	}
	d := Dropped{RuleID: h.rule.ID, Start: h.start, End: h.end}
	if !l.RuleEnabled(h.rule.ID, h.rule.Name) {
		d.Reason = "rule disabled by the configuration (rules.enable / rules.disable in " + l.Path + ")"
	}
	for i := range dirs {
		if d.Reason == "" && dirs[i].suppresses(h.rule.ID, h.rule.Name, line) {
			d.Reason = fmt.Sprintf("suppressed by the directive on line %d: %s", dirs[i].line, dirs[i].String())
		}
	}
	x.out.Dropped = append(x.out.Dropped, d)
}
