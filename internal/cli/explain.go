package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/gosite"
)

// explainUsage is the help text of kvlint explain.
const explainUsage = `Usage: kvlint explain [flags] FILE:LINE[:COL]

For each string at that place, what kvlint decided and why: the context it
saw (name, field, key, call), the rules tried and why each ran, the filter
that rejected a candidate or the rule that reported it and its confidence,
and whether a suppression directive, the configuration or a baseline hides
it. Values are always redacted. A .go file whose package type-checks is
read as kvlint lint reads it (type-aware), else as kvlint scan does (syntax
only); every other file as kvlint scan reads it, IaC checks included.

Exit status: 0 explained (nothing reported there), 1 error (missing file,
bad configuration), 2 bad usage (no FILE:LINE, a line or column out of
range), 3 explained and a finding is reported at that place.

Flags:
`

// explainFlags holds the flags of kvlint explain.
type explainFlags struct {
	format   string
	config   string
	baseline string
	dir      string
	syntax   bool
}

func newExplainFlags(stderr io.Writer) (*flag.FlagSet, *explainFlags) {
	fs := newFlagSet("kvlint explain", explainUsage, stderr)
	o := &explainFlags{}
	fs.StringVar(&o.format, "format", "text", "output format: text or json")
	fs.StringVar(&o.config, "config", "", "configuration `file` (default: the .kvlint.yaml found above the file)")
	fs.StringVar(&o.baseline, "baseline", "", "say whether baseline `file` records each finding")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything (FILE, -config and -baseline are relative to it)")
	fs.BoolVar(&o.syntax, "syntax", false, "read a .go file syntax only, as kvlint scan does, even when its package type-checks")
	return fs, o
}

// place is the FILE:LINE[:COL] argument, resolved against the file.
type place struct {
	file      string // as given
	abs       string
	line, col int // col 0: the whole line
	// from and to are the byte offsets the place covers: the line (without
	// its newline), or the one byte at col.
	from, to int
}

// parsePlace splits FILE:LINE[:COL]. The file name may itself hold colons
// (C:\src\a.go:3): the numbers are taken from the right.
func parsePlace(arg string) (place, error) {
	bad := fmt.Errorf("%q: want FILE:LINE or FILE:LINE:COL", arg)
	file, last, ok := cutLastNumber(arg)
	if !ok {
		return place{}, bad
	}
	p := place{file: file, line: last}
	withCol := false
	if f, n, ok := cutLastNumber(file); ok {
		p.file, p.line, p.col, withCol = f, n, last, true
	}
	if p.file == "" || p.line < 1 || withCol && p.col < 1 {
		return place{}, bad
	}
	return p, nil
}

// cutLastNumber splits "rest:N" into rest and N.
func cutLastNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 0 || s[i+1:] == "" || s[i+1] == '+' || s[i+1] == '-' {
		return "", 0, false
	}
	return s[:i], n, true
}

// resolve sets the place's byte range in data, or says why the line or
// column is not in the file.
func (p *place) resolve(data []byte) error {
	lines := lineStarts(data)
	if p.line > len(lines) {
		return fmt.Errorf("%s has %d lines: no line %d", p.file, len(lines), p.line)
	}
	start := lines[p.line-1]
	end := len(data)
	if p.line < len(lines) {
		end = lines[p.line] - 1
	}
	if end > start && data[end-1] == '\r' {
		end--
	}
	if p.col == 0 {
		p.from, p.to = start, end
		return nil
	}
	if p.col > end-start {
		return fmt.Errorf("line %d of %s has %d bytes: no column %d", p.line, p.file, end-start, p.col)
	}
	p.from = start + p.col - 1
	p.to = p.from + 1
	return nil
}

// covers reports whether the text at bytes [start, end) of the file lies
// at the place: on the line, or over the column.
func (p *place) covers(start, end int) bool {
	if end <= start {
		end = start + 1
	}
	return start < p.to && p.from < end || p.from == p.to && start <= p.from && p.from < end
}

// lineStarts returns the byte offset of each line's start. A final newline
// does not begin a line; an empty file has none.
func lineStarts(data []byte) []int {
	if len(data) == 0 {
		return nil
	}
	starts := []int{0}
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// offsetOf returns the byte offset of a 1-based line and byte column.
func offsetOf(starts []int, line, col int) int {
	if line < 1 || line > len(starts) {
		return -1
	}
	return starts[line-1] + col - 1
}

// runExplain is kvlint explain [flags] FILE:LINE[:COL].
func runExplain(args []string, stdout, stderr io.Writer) int {
	fs, o := newExplainFlags(stderr)
	positional, code, ok := parseScanArgs(fs, args)
	if !ok {
		return code
	}
	if len(positional) != 1 {
		fmt.Fprintf(stderr, "kvlint explain: want one FILE:LINE[:COL], got %d arguments\n", len(positional))
		fs.Usage()
		return ExitUsage
	}
	if o.format != "text" && o.format != "json" {
		fmt.Fprintf(stderr, "kvlint explain: -format %q: want text or json\n", o.format)
		return ExitUsage
	}
	p, err := parsePlace(positional[0])
	if err != nil {
		return cmdError(stderr, "explain", ExitUsage, err)
	}
	wd, err := commandDir(o.dir)
	if err != nil {
		return cmdError(stderr, "explain", ExitUsage, err)
	}
	rep, code := explainPlace(o, wd, p, stderr)
	if rep == nil {
		return code
	}
	if err := writeExplain(stdout, o.format, rep); err != nil {
		return cmdError(stderr, "explain", ExitError, err)
	}
	if rep.reported() {
		return ExitFindings
	}
	return ExitClean
}

// explainPlace reads the file, checks the place and explains it; a nil
// report comes with the exit status.
func explainPlace(o *explainFlags, wd string, p place, stderr io.Writer) (*explainReport, int) {
	p.abs = filepath.Clean(joinDir(wd, p.file))
	data, err := os.ReadFile(p.abs)
	if err != nil {
		return nil, cmdError(stderr, "explain", ExitError, err)
	}
	if err := p.resolve(data); err != nil {
		return nil, cmdError(stderr, "explain", ExitUsage, err)
	}
	src := &config.Source{}
	if o.config != "" {
		src.Path = joinDir(wd, o.config)
		if _, err := config.Load(src.Path); err != nil {
			return nil, cmdError(stderr, "explain", ExitError, err)
		}
	}
	var base *baseline.File
	if o.baseline != "" {
		if base, err = baseline.Load(joinDir(wd, o.baseline)); err != nil {
			return nil, cmdError(stderr, "explain", ExitError, err)
		}
	}
	rep := &explainReport{File: relTo(wd, p.abs), Line: p.line, Col: p.col, Strings: []*explainedString{}}
	ex := &explainer{p: p, data: data, src: src, base: base, rep: rep, starts: lineStarts(data), wd: wd}
	if err := ex.run(!o.syntax); err != nil {
		return nil, cmdError(stderr, "explain", ExitError, err)
	}
	return rep, ExitClean
}

// explainer builds the report of one place.
type explainer struct {
	p      place
	data   []byte
	starts []int
	src    *config.Source
	base   *baseline.File
	rep    *explainReport
	wd     string
	cur    *explainedString // the string the judged values go to
}

// run explains the place: type-aware for a .go file whose package
// type-checks (unless typed is false), else as kvlint scan reads the file.
func (x *explainer) run(typed bool) error {
	if strings.HasSuffix(x.p.abs, ".go") && typed {
		ok, err := x.typed()
		if ok || err != nil {
			return err
		}
	}
	return x.scanned()
}

// open returns the entry for a judged text at [start, end) of the file,
// adding it unless it continues the last one (a Go site's pairs).
func (x *explainer) open(source string, start, end int, value string) *explainedString {
	if c := x.cur; c != nil && c.start == start && c.end == end && c.Source == source {
		return c
	}
	s := &explainedString{Source: source, Span: x.span(start, end), Value: detect.Redact(value), start: start, end: end}
	x.rep.Strings = append(x.rep.Strings, s)
	x.cur = s
	return s
}

// span formats [start, end) of the file as LINE:COL-LINE:COL.
func (x *explainer) span(start, end int) string {
	l1, c1 := x.lineCol(start)
	l2, c2 := x.lineCol(end)
	return fmt.Sprintf("%d:%d-%d:%d", l1, c1, l2, c2)
}

// lineCol returns the 1-based line and byte column of off.
func (x *explainer) lineCol(off int) (int, int) {
	i := len(x.starts) - 1
	for i > 0 && x.starts[i] > off {
		i--
	}
	if i < 0 {
		return 1, off + 1
	}
	return i + 1, off - x.starts[i] + 1
}

// siteContext describes the place and context gosite derived for s.
func siteContext(s *gosite.Site) string {
	if s == nil {
		return ""
	}
	if s.Tag {
		return "struct tag default"
	}
	return s.Place.String()
}
