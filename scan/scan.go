package scan

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	kvengine "github.com/kvlint/kvlint/internal/engine"
	"github.com/kvlint/kvlint/internal/gosite"
	"github.com/kvlint/kvlint/internal/textpairs"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
	"github.com/kvlint/kvlint/scan/iac"
)

// DefaultMaxSize is the default size limit: larger files are skipped with a note.
const DefaultMaxSize = 10 << 20

// Options configures a scan. The zero Options scans with the configuration
// found by walking up from each file's directory.
type Options struct {
	// Config finds the configuration for each file; nil means discovery
	// (.kvlint.yaml in the file's directory or a parent).
	Config *config.Source
	// MaxSize is the size limit in bytes; 0 means DefaultMaxSize, negative no limit.
	MaxSize int64
	// Workers is the number of files scanned at once; 0 means GOMAXPROCS.
	Workers int
	// Added, if non-nil, restricts findings to these lines of these files
	// (absolute, cleaned paths): --staged and --diff. Files not in the map are skipped.
	Added map[string]LineSet
	// ReadFile, if set, reads a file's content in place of the file system
	// (--staged reads the index).
	ReadFile func(abs string) ([]byte, error)
	// Root is the directory that baseline keys name files relative to; ""
	// means the working directory.
	Root string
	// GoCache, if set, keeps the results of Go declarations from file to
	// file, for many versions of the same files (history scans).
	GoCache *GoCache
}

// LineSet is a set of 1-based line numbers.
type LineSet map[int]bool

// Result is the outcome of a scan.
type Result struct {
	Findings []report.Finding // sorted by file, line, column, rule
	Keys     []baseline.Key   // baseline keys of Findings, index by index
	Notes    []string         // files skipped and why (too large, binary, symlink)
	Skipped  []Skip           // files not scanned, with the reason (a subset of what Notes says)
	Files    int              // text files scanned
	// Suppressed counts the findings that suppression directives (ignore
	// and file-ignore) hid.
	Suppressed int
	Err        error // per-file and configuration errors, joined
}

// engine is what the scanner needs from detect.Engine (a test seam).
type engine interface {
	Scan(value string, ctx detect.Context, dst []detect.Finding) []detect.Finding
}

// engineOf returns the detection engine of a configuration; tests replace it.
var engineOf = func(l *config.Loaded) (engine, error) {
	return kvengine.For(l)
}

// skipDirs are never walked into.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true, ".hg": true, ".svn": true}

type job struct {
	idx   int
	abs   string // absolute, cleaned
	named bool   // named on the command line, or staged / in the diff
}

type fileResult struct {
	findings []report.Finding
	keys     []baseline.Key
	note     string
	skip     string // why the file was not scanned; "" when it was (or is allowed by config)
	skipJob  job    // the job of a skipped file
	err      error
	scanned  bool
	// suppressed counts the findings directives hid.
	suppressed int
}

// Skip is a file that was not scanned, and why.
type Skip struct {
	Path   string // absolute
	Reason string // "binary: a NUL byte in its first 8 KB", "over the size limit", ...
	// Named is set for a file named on the command line or picked by
	// --staged / --diff: the user asked for it, so its skip is always said.
	Named bool
}

// Run scans paths (files or directories; none means ".") and returns the
// findings in a deterministic order.
func Run(paths []string, opts Options) *Result {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	opts = opts.withDefaults()
	pool := startPool(&opts)
	w := walkPaths(paths, &opts, pool.jobs)
	close(pool.jobs)
	pool.wg.Wait()
	return collect(pool.results, w)
}

// withDefaults fills the options left zero.
func (opts Options) withDefaults() Options {
	if opts.MaxSize == 0 {
		opts.MaxSize = DefaultMaxSize
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Config == nil {
		opts.Config = &config.Source{}
	}
	if opts.Root == "" {
		opts.Root, _ = os.Getwd()
	}
	return opts
}

// pool is the workers that scan the files sent on jobs, each result kept
// under its job's index.
type pool struct {
	jobs    chan job
	wg      sync.WaitGroup
	mu      sync.Mutex
	results map[int]fileResult
}

// startPool starts opts.Workers workers; close jobs and wait on wg to end them.
func startPool(opts *Options) *pool {
	p := &pool{jobs: make(chan job, 256), results: map[int]fileResult{}}
	for range opts.Workers {
		p.wg.Go(func() {
			w := &worker{opts: opts, cfgs: map[string]cfgEntry{}}
			for j := range p.jobs {
				r := w.file(j.abs)
				if r.skip != "" {
					r.skipJob = j
				}
				p.mu.Lock()
				p.results[j.idx] = r
				p.mu.Unlock()
			}
		})
	}
	return p
}

// walked is what the walk over the paths found besides the files it sent:
// how many it sent, and the paths it could not or would not walk.
type walked struct {
	n     int
	notes []string
	errs  []error
}

// walkPaths sends every file to scan under paths (or, with opts.Added, the
// added files under them) on jobs, each file once, numbered in order.
func walkPaths(paths []string, opts *Options, jobs chan<- job) walked {
	var w walked
	named := false               // the path being emitted was named, not found by a walk
	emitted := map[string]bool{} // a file named and inside a walked directory is scanned once
	emit := func(abs string) {
		if emitted[abs] {
			return
		}
		emitted[abs] = true
		jobs <- job{w.n, abs, named}
		w.n++
	}
	seen := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			w.errs = append(w.errs, err)
			continue
		}
		if seen[abs] {
			continue
		}
		seen[abs] = true
		if opts.Added != nil {
			// The change, not a walk, says which files to look at.
			named = true
			emitAdded(abs, opts.Added, emit)
			named = false
			continue
		}
		fi, err := os.Lstat(abs)
		switch {
		case err != nil:
			w.errs = append(w.errs, fmt.Errorf("scan %s: %w", p, errors.Unwrap(err)))
		case fi.Mode()&os.ModeSymlink != 0:
			w.notes = append(w.notes, fmt.Sprintf("%s: symbolic link not followed", p))
		case fi.IsDir():
			if err := walkDir(abs, emit); err != nil {
				w.errs = append(w.errs, err)
			}
		case fi.Mode().IsRegular():
			named = true
			emit(abs)
			named = false
		default:
			w.notes = append(w.notes, fmt.Sprintf("%s: not a regular file", p))
		}
	}
	return w
}

// collect joins the per-file results in job order into one Result, the
// findings sorted by file, line, column, rule and message.
func collect(results map[int]fileResult, w walked) *Result {
	res := &Result{Notes: w.notes}
	errs := w.errs
	seenErr := map[string]bool{}
	type keyed struct {
		f report.Finding
		k baseline.Key
	}
	var all []keyed
	for i := range w.n {
		r := results[i]
		for j, f := range r.findings {
			all = append(all, keyed{f, r.keys[j]})
		}
		if r.note != "" {
			res.Notes = append(res.Notes, r.note)
		}
		if r.skip != "" {
			res.Skipped = append(res.Skipped, Skip{Path: r.skipJob.abs, Reason: r.skip, Named: r.skipJob.named})
		}
		if r.err != nil && !seenErr[r.err.Error()] {
			seenErr[r.err.Error()] = true
			errs = append(errs, r.err)
		}
		if r.scanned {
			res.Files++
		}
		res.Suppressed += r.suppressed
	}
	slices.SortStableFunc(all, func(a, b keyed) int {
		return cmp.Or(
			cmp.Compare(a.f.Filename, b.f.Filename),
			cmp.Compare(a.f.Line, b.f.Line),
			cmp.Compare(a.f.Col, b.f.Col),
			cmp.Compare(a.f.RuleID, b.f.RuleID),
			cmp.Compare(a.f.Message, b.f.Message),
		)
	})
	for _, kf := range all {
		res.Findings = append(res.Findings, kf.f)
		res.Keys = append(res.Keys, kf.k)
	}
	res.Err = errors.Join(errs...)
	return res
}

// emitAdded emits the files of added that are abs or lie below it, in order.
func emitAdded(abs string, added map[string]LineSet, emit func(string)) {
	var names []string
	for name := range added {
		if name == abs || strings.HasPrefix(name, abs+string(filepath.Separator)) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		emit(name)
	}
}

// walkTree walks the directory abs in lexical order, emitting regular files
// that no .gitignore excludes. Symbolic links are not followed.
func walkTree(abs string, outer ignoreStack, emit func(string)) error {
	var errs []error
	var walk func(dir, rel string, stack ignoreStack)
	walk = func(dir, rel string, stack ignoreStack) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			errs = append(errs, fmt.Errorf("scan: %w", err))
			return
		}
		for _, e := range entries {
			if e.Name() == ".gitignore" && e.Type().IsRegular() {
				if gi := readGitignore(dir, rel); gi != nil {
					stack = append(stack[:len(stack):len(stack)], gi)
				}
				break
			}
		}
		for _, e := range entries {
			name := e.Name()
			t := e.Type()
			childRel := name
			if rel != "" {
				childRel = rel + "/" + name
			}
			switch {
			case t&os.ModeSymlink != 0:
				// not followed
			case t.IsDir():
				if skipDirs[name] || stack.ignored(childRel, true) {
					continue
				}
				walk(filepath.Join(dir, name), childRel, stack)
			case t.IsRegular():
				if stack.ignored(childRel, false) {
					continue
				}
				emit(filepath.Join(dir, name))
			}
		}
	}
	walk(abs, "", outer)
	return errors.Join(errs...)
}

type cfgEntry struct {
	l   *config.Loaded
	err error
}

// worker scans files one at a time, reusing its buffers.
type worker struct {
	opts  *Options
	cfgs  map[string]cfgEntry
	buf   []byte
	walk  *gosite.Walker // Go string sites, syntax only
	judge gosite.Judge
	dets  []detect.Finding
	hits  []hit
	iac   *iac.Checker // Key Vault practices in IaC files (iachook.go)
	ex    *explainer   // set by Explain: where each judged value lies, what was dropped and why

	scratch *goScratch // Go files through Options.GoCache (godecl.go)

	code     bool     // a source file: unquoted values are expressions (codefile.go)
	codeText codeText // its multi-line strings
}

// hit is a secret found in a file, at byte offsets of the file content.
type hit struct {
	start, end int
	rule       *detect.Rule
	conf       detect.Confidence
	decl       string      // enclosing declaration (Go files), for baseline keys
	secret     string      // the decoded secret when it differs from the source text (escapes)
	msg        string      // the message, when not the credential message (IaC practices)
	kind       detect.Kind // where the secret is (KindComment picks the comment advice)
}

func (w *worker) config(dir string) (*config.Loaded, error) {
	if e, ok := w.cfgs[dir]; ok {
		return e.l, e.err
	}
	l, err := w.opts.Config.ForDir(dir)
	w.cfgs[dir] = cfgEntry{l, err}
	return l, err
}

// read returns the content of abs in the worker's buffer, or a note saying
// why the file is skipped.
func (w *worker) read(abs string) ([]byte, string, error) {
	if w.opts.ReadFile != nil {
		data, err := w.opts.ReadFile(abs)
		if err != nil {
			return nil, "", err
		}
		if w.opts.MaxSize > 0 && int64(len(data)) > w.opts.MaxSize {
			return nil, fmt.Sprintf("%s: skipped, %d bytes is over the size limit of %d", abs, len(data), w.opts.MaxSize), nil
		}
		return data, "", nil
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, "", err
	}
	size := fi.Size()
	if w.opts.MaxSize > 0 && size > w.opts.MaxSize {
		return nil, fmt.Sprintf("%s: skipped, %d bytes is over the size limit of %d", abs, size, w.opts.MaxSize), nil
	}
	if int64(cap(w.buf)) < size+1 {
		w.buf = make([]byte, 0, size+512)
	}
	buf := w.buf[:cap(w.buf)]
	n := 0
	for {
		if n == len(buf) {
			// The file grew since Stat.
			buf = append(buf, make([]byte, 4096)...)
			buf = buf[:cap(buf)]
		}
		m, err := f.Read(buf[n:])
		n += m
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", err
		}
	}
	w.buf = buf[:0]
	return buf[:n], "", nil
}

// binary reports whether data looks like a binary file: a NUL byte in the
// first 8 KB, or mostly invalid UTF-8 there.
func binary(data []byte) bool {
	sample := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	if utf8.Valid(sample) {
		return false
	}
	bad := 0
	for i := 0; i < len(sample); {
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 && len(sample)-i >= utf8.UTFMax {
			bad++
		}
		i += size
	}
	return bad*2 > len(sample)
}

// isTestPath reports whether a file is a test file or fixture.
func isTestPath(abs string) bool {
	slash := filepath.ToSlash(abs)
	return strings.HasSuffix(slash, "_test.go") || strings.Contains(slash, "/testdata/")
}

func (w *worker) file(abs string) fileResult {
	var added LineSet
	if w.opts.Added != nil {
		var ok bool
		if added, ok = w.opts.Added[abs]; !ok || len(added) == 0 {
			return fileResult{}
		}
	}
	l, err := w.config(filepath.Dir(abs))
	if err != nil {
		return fileResult{err: err}
	}
	if l.PathAllowed(abs) {
		return fileResult{}
	}
	eng, err := engineOf(l)
	if err != nil {
		return fileResult{err: err}
	}
	data, note, err := w.read(abs)
	if err != nil {
		return fileResult{err: fmt.Errorf("scan: %w", err)}
	}
	if note != "" {
		return fileResult{note: note, skip: "over the size limit"}
	}
	return w.content(abs, data, l, eng, added)
}

// content scans data, the content of the file abs, with its configuration l
// and engine eng: the per-file phase after reading, shared by Run and Content.
func (w *worker) content(abs string, data []byte, l *config.Loaded, eng engine, added LineSet) fileResult {
	if text, ok := utf16Text(data); ok {
		data = text
	}
	if binary(data) {
		return fileResult{note: abs + ": skipped, binary (a NUL byte in its first 8 KB, or mostly invalid UTF-8)", skip: "binary"}
	}
	// The content is read-only from here on and nothing below keeps a
	// reference to it past this call, so it is viewed as a string in place.
	content := unsafe.String(unsafe.SliceData(data), len(data)) //nolint:gosec // read-only view of the buffer, not kept past this call
	if len(data) == 0 {
		content = ""
	}
	test := isTestPath(abs)

	w.hits = w.hits[:0]
	handled := false
	if strings.HasSuffix(abs, ".go") {
		var skip bool
		handled, skip = w.goFile(abs, data, eng, test, l)
		if skip {
			return fileResult{scanned: true}
		}
	}
	w.code, w.codeText = codeFile(abs), codeText{}
	nbNote := ""
	if !handled && strings.HasSuffix(abs, ".ipynb") {
		handled, nbNote = w.notebook(abs, content, eng, test)
	}
	if !handled {
		w.lines(content, eng, test, added)
		w.pem(content, eng, test)
		w.credentialFile(abs, content, eng, test)
	}
	note := joinNotes(nbNote, w.practices(abs, content, l))
	if len(w.hits) == 0 {
		return fileResult{scanned: true, note: note}
	}
	fs, keys, suppressed := w.findings(abs, content, l, added)
	return fileResult{scanned: true, findings: fs, keys: keys, note: note, suppressed: suppressed}
}

// lines scans a plain file line by line.
func (w *worker) lines(content string, eng engine, test bool, added LineSet) {
	lineNo := 0
	var st textpairs.State
	for start := 0; start < len(content); {
		end := gosite.LineEnd(content, start)
		lineNo++
		line := content[start:end]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		// A key on an earlier line can bind this one (YAML block scalars).
		p, bound := st.Next(line)
		if added == nil || added[lineNo] {
			if bound {
				w.pair(p, start, detect.KindLine, eng, test)
			}
			w.line(line, start, detect.KindLine, eng, test)
		}
		start = end + 1
	}
}

// line scans one line that starts at byte offset base of the file: each
// key/value pair on it with the key as context, then the whole line without
// a name for the provider formats.
func (w *worker) line(line string, base int, kind detect.Kind, eng engine, test bool) {
	if len(line) == 0 {
		return
	}
	var pairs [textpairs.Max]textpairs.Pair
	n := textpairs.Line(line, &pairs)
	whole := true
	code := w.code && w.codeText.next(line)
	for _, p := range pairs[:n] {
		if code && expressionPair(line, p) {
			continue // code, not a literal (codefile.go)
		}
		w.pair(p, base, kind, eng, test)
		if p.Off == 0 && len(p.Value) == len(line) {
			whole = false
		}
	}
	if whole {
		w.ex.at(base, base+len(line), "line", nil)
		w.dets = eng.Scan(line, detect.Context{Kind: kind, Test: test}, w.dets[:0])
		for _, f := range w.dets {
			if code && isGeneric(f.Rule) && expressionAt(line, f.Start) {
				continue // an unquoted expression of code (codefile.go)
			}
			w.add(hit{start: base + f.Start, end: base + f.End, rule: f.Rule, conf: f.Confidence})
		}
	}
}

// pair scans the value of one key/value pair of a line that starts at byte
// offset base of the file, with the key as context.
func (w *worker) pair(p textpairs.Pair, base int, kind detect.Kind, eng engine, test bool) {
	w.ex.at(base+p.Off, base+p.Off+len(p.Value), "key/value pair", nil)
	w.dets = eng.Scan(p.Value, detect.Context{Kind: kind, Name: p.Key, Test: test}, w.dets[:0])
	for _, f := range w.dets {
		w.add(hit{start: base + p.Off + f.Start, end: base + p.Off + f.End, rule: f.Rule, conf: f.Confidence})
	}
}

// add records h unless it overlaps a hit already recorded; of two
// overlapping hits the provider rule beats the generic one, then the more
// confident wins.
func (w *worker) add(h hit) {
	if h.rule == nil || h.end <= h.start {
		return
	}
	for i := len(w.hits) - 1; i >= 0; i-- {
		o := &w.hits[i]
		if h.start >= o.end || o.start >= h.end {
			continue
		}
		hg, og := isGeneric(h.rule), isGeneric(o.rule)
		if (og && !hg) || (og == hg && h.conf > o.conf) {
			w.ex.overlap(*o, h)
			*o = h
		} else {
			w.ex.overlap(h, *o)
		}
		return
	}
	w.hits = append(w.hits, h)
}

func isGeneric(r *detect.Rule) bool { return r.ID == "KV100" }

// pem finds PEM private key blocks, which span lines, and scans each whole.
func (w *worker) pem(content string, eng engine, test bool) {
	w.pemAt(content, 0, eng, test)
}

// pemAt is pem for text at offset base of the file. A key whose lines are
// commented out (# -----BEGIN ... and # on each line) is read without the
// markers, at the same offsets.
func (w *worker) pemAt(content string, base int, eng engine, test bool) {
	if strings.Contains(content, "PRIVATE KEY") {
		content, _ = gosite.UncommentPEM(content)
	}
	for off := 0; ; {
		start, next, header, ok := gosite.PEMBegin(content, off)
		if !ok {
			return
		}
		off = next
		if !strings.HasSuffix(header, "PRIVATE KEY") || strings.ContainsAny(header, "\n\"'") {
			continue
		}
		ee := strings.Index(content[off:], "-----END ")
		if ee < 0 {
			return
		}
		end := off + ee + len("-----END ")
		if t := strings.Index(content[end:], "-----"); t >= 0 && t < 80 {
			end += t + len("-----")
		}
		block := content[start:end]
		w.ex.at(base+start, base+end, "private key block", nil)
		w.dets = eng.Scan(block, detect.Context{Kind: detect.KindLine, Test: test}, w.dets[:0])
		for _, f := range w.dets {
			w.add(hit{start: base + start + f.Start, end: base + start + f.End, rule: f.Rule, conf: f.Confidence})
		}
		off = end
	}
}

// findings turns the worker's hits in a file into report findings, dropping
// those on lines the change does not add and suppressed ones, which it
// counts.
func (w *worker) findings(abs, content string, l *config.Loaded, added LineSet) (out []report.Finding, keys []baseline.Key, suppressedN int) {
	slices.SortFunc(w.hits, func(a, b hit) int { return a.start - b.start })
	var dirs []directive
	if strings.Contains(content, "kvlint:") {
		dirs = findDirectives(content)
	}
	file := filepath.ToSlash(abs)
	if rel, err := filepath.Rel(w.opts.Root, abs); err == nil && !strings.HasPrefix(rel, "..") {
		file = filepath.ToSlash(rel)
	}
	pos := newPosTable(content)
	for _, h := range w.hits {
		line, col := pos.at(h.start)
		if added != nil && !added[line] {
			continue
		}
		id, name := h.rule.ID, h.rule.Name
		if !l.RuleEnabled(id, name) {
			w.ex.hidden(h, line, l, dirs)
			continue
		}
		if suppressed(dirs, id, name, line) {
			w.ex.hidden(h, line, l, dirs)
			suppressedN++
			continue
		}
		endLine, endCol := pos.at(h.end)
		secret := content[h.start:h.end]
		if h.secret != "" {
			secret = h.secret
		}
		out = append(out, report.Finding{
			RuleID:   id,
			RuleName: name,
			Analyzer: "scan",
			Package:  file,
			Filename: abs,
			Line:     line,
			Col:      col,
			EndLine:  endLine,
			EndCol:   endCol,
			Message:  cmp.Or(h.msg, detect.Message(h.rule, secret, h.kind)),
			Severity: l.Severity(id, h.rule.Severity),
		})
		k := baseline.NewSecretKey(id, file, h.decl, secret)
		if h.msg != "" {
			k = baseline.NewKey(id, file, h.decl, secret) // a practice, not a value
		}
		out[len(out)-1].Fingerprint = k.Fingerprint(baseline.PublicSalt)
		keys = append(keys, k)
	}
	for _, d := range dirs {
		if d.Malformed == "" || (added != nil && !added[d.line]) || !l.RuleEnabled("KV002", "malformed-directive") {
			continue
		}
		out = append(out, report.Finding{
			RuleID:   "KV002",
			RuleName: "malformed-directive",
			Analyzer: "scan",
			Package:  file,
			Filename: abs,
			Line:     d.line,
			Col:      1,
			Message:  "malformed kvlint directive: " + d.Malformed,
			Severity: l.Severity("KV002", rules.SeverityWarning),
		})
		keys = append(keys, baseline.NewKey("KV002", file, "", d.String()))
	}
	return out, keys, suppressedN
}

func suppressed(dirs []directive, id, name string, line int) bool {
	for i := range dirs {
		if dirs[i].suppresses(id, name, line) {
			return true
		}
	}
	return false
}

// posTable maps byte offsets to 1-based line and byte column. It is built
// only for files with hits.
type posTable struct {
	starts []int
}

func newPosTable(content string) *posTable {
	t := &posTable{starts: []int{0}}
	for i := 0; i < len(content); i++ {
		if content[i] == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

func (t *posTable) at(off int) (line, col int) {
	i, found := slices.BinarySearch(t.starts, off)
	if !found {
		i--
	}
	return i + 1, off - t.starts[i] + 1
}
