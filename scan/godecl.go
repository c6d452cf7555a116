package scan

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/maphash"
	"reflect"
	"sync"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/internal/gosite"
)

// GoCache keeps what the Go path of Content finds in each run of top-level
// declarations, by its text, so that the versions of a file in a git
// history, which mostly differ in a few declarations, are parsed and walked
// only where they differ. Findings are the same as without it: a run's
// sites depend only on its own text, the file's imports (callee names) and
// whether the file is a test, which are all in the key; every position is
// kept relative to the run's start. A file whose runs cannot be parsed
// alone is parsed whole. It is safe for concurrent use, and bounded: it is
// emptied when it holds MaxEntries runs.
type GoCache struct {
	// MaxEntries bounds the number of runs kept; 0 means 1<<18.
	MaxEntries int

	once    sync.Once // sets up what follows
	mu      sync.Mutex
	seeds   [2]maphash.Seed
	scratch sync.Pool // of *goScratch
	headers map[goKey]*goHeader
	decls   map[goKey]*goRun
	stats   GoCacheStats
}

// GoCacheStats counts what a GoCache saved.
type GoCacheStats struct {
	Hits, Misses int64 // runs found in the cache, runs parsed
	Whole        int64 // files parsed whole (a run did not parse alone)
	Flushes      int64 // times the cache was emptied on reaching MaxEntries
}

// Stats returns the counts so far.
func (c *GoCache) Stats() GoCacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// goKey is a run's text (128 bits of hash), with the engine and test flag
// its sites are judged with.
type goKey struct {
	eng  engine
	text [2]uint64
	test bool
}

// goHeader is what a file's header (package clause, imports and what is
// not split from them) gives: its hits, and what the other runs of the
// file depend on.
type goHeader struct {
	hits      []goHit
	imports   []*ast.ImportSpec // as the walker reads them (name and path)
	local     map[string]string // import path of each local name (the first import of it)
	generated bool              // ast.IsGenerated
}

// goRun is what a run of declarations gives: its hits, and the import
// path each package name it calls through resolved to (the only context
// a run takes from the rest of its file).
type goRun struct {
	hits   []goHit
	deps   []goDep
	walked bool // hits and deps are known; else the run was only parsed
}

// goDep is a name called through (name.F(args)) and the import path it
// resolved to in the file the run was parsed in ("" for none).
type goDep struct{ name, path string }

// valid reports whether r's hits hold in a file with header h.
func (r *goRun) valid(h *goHeader) bool {
	for _, d := range r.deps {
		if h.local[d.name] != d.path {
			return false
		}
	}
	return true
}

// goHit is a hit at offsets relative to its run, with the phase of the Go
// path that found it, which orders the hits of a file as one parse would.
type goHit struct {
	h     hit
	phase uint8 // goSites, goComments or goPEMs
}

// The phases of the Go path, in the order it records hits in.
const (
	goSites    = iota // expressions and struct tag defaults, in source order
	goComments        // comments
	goPEMs            // private keys commented out line by line
	goPhases
)

// goScratch is the buffers of goFileCached, kept from file to file.
type goScratch struct {
	splits     []int
	runs       [][]goHit
	runBuf     []byte
	runScratch []hit
	walk       *gosite.Walker
}

func (c *GoCache) setup() {
	c.once.Do(func() {
		c.scratch.New = func() any { return &goScratch{walk: gosite.New(nil)} }
		c.seeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}
		c.headers = map[goKey]*goHeader{}
		c.decls = map[goKey]*goRun{}
	})
}

// key returns the key of text.
func (c *GoCache) key(eng engine, text []byte, test bool) goKey {
	s := &c.seeds
	return goKey{eng: eng, text: [2]uint64{maphash.Bytes(s[0], text), maphash.Bytes(s[1], text)}, test: test}
}

func (c *GoCache) header(k goKey) (*goHeader, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.headers[k]
	c.count(ok)
	return h, ok
}

// decl returns the run of key k if it holds in a file with header h, or,
// without walk, if it parses.
func (c *GoCache) decl(k goKey, h *goHeader, walk bool) (*goRun, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.decls[k]
	ok = ok && (!walk || r.walked && r.valid(h))
	c.count(ok)
	return r, ok
}

func (c *GoCache) count(hit bool) {
	if hit {
		c.stats.Hits++
	} else {
		c.stats.Misses++
	}
}

func (c *GoCache) put(k goKey, h *goHeader, r *goRun) {
	c.mu.Lock()
	defer c.mu.Unlock()
	limit := c.MaxEntries
	if limit <= 0 {
		limit = 1 << 18
	}
	if len(c.headers)+len(c.decls) >= limit {
		clear(c.headers)
		clear(c.decls)
		c.stats.Flushes++
	}
	if h != nil {
		c.headers[k] = h
	} else {
		c.decls[k] = r
	}
}

// cacheable reports whether eng can be part of a map key (tests use fake
// engines of every kind).
func cacheable(eng engine) bool {
	return eng != nil && reflect.TypeOf(eng).Comparable()
}

// goChunkPrefix makes a run of declarations a file of its own. It ends
// with a newline, so that a comment opening the run is not taken for a
// line comment of the package clause.
const goChunkPrefix = "package p\n"

// goFileCached is goFile through w.opts.GoCache: the file is split into
// runs of top-level declarations (goSplits), each run's hits are taken
// from the cache or found by parsing the run alone, and they are put
// together in the order one parse of the file would record them. ok is
// false when some run does not parse alone: the caller parses the file.
func (w *worker) goFileCached(abs string, data []byte, eng engine, test bool, l *config.Loaded) (handled, skip, ok bool) {
	c := w.opts.GoCache
	c.setup()
	w.scratch = c.scratch.Get().(*goScratch)
	own := w.walk
	if own == nil {
		w.walk = w.scratch.walk
	}
	defer func() {
		w.scratch.runs = w.scratch.runs[:0] // the cache's slices
		c.scratch.Put(w.scratch)
		w.scratch, w.walk = nil, own
	}()
	w.scratch.splits = goSplits(data, w.scratch.splits[:0])
	header := data
	if len(w.scratch.splits) > 1 {
		header = data[:w.scratch.splits[1]]
	}
	hk := c.key(eng, header, test)
	hdr, found := c.header(hk)
	if !found {
		if hdr, ok = w.parseHeader(abs, header, eng, test); !ok {
			c.whole()
			return false, false, false
		}
		c.put(hk, hdr, nil)
	}
	// A generated file that the configuration excludes yields nothing, if
	// it parses: its runs are only parsed.
	onlyParse := hdr.generated && !l.File.Generated
	runs := w.scratch.runs[:0]
	runs = append(runs, hdr.hits)
	for i, start := range w.scratch.splits {
		end := len(data)
		if i+1 < len(w.scratch.splits) {
			end = w.scratch.splits[i+1]
		}
		if i == 0 {
			continue // the header
		}
		k := c.key(eng, data[start:end], test)
		run, found := c.decl(k, hdr, !onlyParse)
		if !found {
			if run, ok = w.parseRun(data[start:end], hdr, eng, test, !onlyParse); !ok {
				c.whole()
				return false, false, false
			}
			c.put(k, nil, run)
		}
		runs = append(runs, run.hits)
	}
	w.scratch.runs = runs
	if onlyParse {
		return true, true, true
	}
	for phase := range uint8(goPhases) {
		for i, hits := range runs {
			off := 0
			if i > 0 {
				off = w.scratch.splits[i]
			}
			for _, g := range hits {
				if g.phase == phase {
					h := g.h
					h.start += off
					h.end += off
					w.hits = append(w.hits, h)
				}
			}
		}
	}
	return true, false, true
}

func (c *GoCache) whole() {
	c.mu.Lock()
	c.stats.Whole++
	c.mu.Unlock()
}

// parseHeader parses a file's header as a file of its own.
func (w *worker) parseHeader(abs string, src []byte, eng engine, test bool) (*goHeader, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, abs, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	tf := fset.File(f.Pos())
	if tf == nil {
		return nil, false
	}
	h := &goHeader{generated: ast.IsGenerated(f), local: map[string]string{}}
	for _, spec := range f.Imports {
		is := &ast.ImportSpec{Path: &ast.BasicLit{Kind: token.STRING, Value: spec.Path.Value}}
		if spec.Name != nil {
			is.Name = ast.NewIdent(spec.Name.Name)
		}
		h.imports = append(h.imports, is)
	}
	// The walker's reading of the imports: the first import whose local
	// name matches.
	for _, is := range h.imports {
		local, p := gosite.ImportName(is)
		if _, dup := h.local[local]; p != "" && !dup {
			h.local[local] = p
		}
	}
	h.hits = w.runHits(f, tf.Base(), src, eng, test)
	return h, true
}

// parseRun parses a run of declarations (goChunkPrefix before it) and, with
// walk, returns its hits with the imports of the file's header h, relative
// to the run's start, and the imports it depends on.
func (w *worker) parseRun(src []byte, h *goHeader, eng engine, test, walk bool) (*goRun, bool) {
	w.scratch.runBuf = append(append(w.scratch.runBuf[:0], goChunkPrefix...), src...)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", w.scratch.runBuf, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, false
	}
	tf := fset.File(f.Pos())
	if tf == nil {
		return nil, false
	}
	if !walk {
		return &goRun{}, true
	}
	if !bytes.ContainsAny(src, "\"`/") {
		// No string literal, no tag and no comment: no site, whatever the imports.
		return &goRun{walked: true}, true
	}
	f.Imports = h.imports // what callee names are resolved with; not walked
	r := &goRun{hits: w.runHits(f, tf.Base()+len(goChunkPrefix), w.scratch.runBuf[len(goChunkPrefix):], eng, test), walked: true}
	r.deps = callDeps(f, h)
	return r, true
}

// callDeps returns every name that f calls a function through with
// arguments (name.F(args), the calls whose callee the walker resolves
// through the imports), with the import path h gives it.
func callDeps(f *ast.File, h *goHeader) []goDep {
	var deps []goDep
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		x, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		for _, d := range deps {
			if d.name == x.Name {
				return true
			}
		}
		deps = append(deps, goDep{x.Name, h.local[x.Name]})
		return true
	})
	return deps
}

// runHits returns the hits goHits finds in f, whose source is src at
// position base, in a slice of their own.
func (w *worker) runHits(f *ast.File, base int, src []byte, eng engine, test bool) []goHit {
	saved := w.hits
	w.hits = w.scratch.runScratch[:0]
	comments, pems := w.goHits(f, base, src, eng, test)
	var out []goHit
	if len(w.hits) > 0 {
		out = make([]goHit, len(w.hits))
		for i, h := range w.hits {
			p := uint8(goSites)
			switch {
			case i >= pems:
				p = goPEMs
			case i >= comments:
				p = goComments
			}
			out[i] = goHit{h: h, phase: p}
		}
	}
	w.scratch.runScratch = w.hits[:0]
	w.hits = saved
	return out
}

// goSplits returns the offsets where the runs of top-level declarations of
// Go source src start: first 0 (the header: package clause, imports), then
// the start of each line that follows a blank line outside comments,
// strings and brackets, after the last package or import declaration. A
// comment group never spans a blank line and a doc comment touches its
// declaration, so each run holds whole comment groups and declarations
// with their docs. The scan only has to agree with go/scanner on where
// comments and literals start and end: on anything that is not valid Go,
// some run fails to parse and the file is parsed whole.
func goSplits(src []byte, dst []int) []int {
	dst = append(dst, 0)
	depth := 0
	blank := true   // the current line holds only white space so far
	pending := -1   // start of the line after the last blank line, if a split may go there
	keyword := true // the next token starts a declaration: is it package or import?
	for i := 0; i < len(src); i++ {
		k := goClass[src[i]]
		switch k {
		case gcSpace:
			continue
		case gcNewline:
			if blank && depth == 0 {
				pending = i + 1
			}
			blank = true
			continue
		}
		if pending >= 0 {
			dst = append(dst, pending)
			keyword = true
		}
		blank, pending = false, -1
		if k == gcSlash && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*') {
			if src[i+1] == '/' {
				for i+1 < len(src) && src[i+1] != '\n' {
					i++
				}
			} else {
				i = skipBlockComment(src, i+2)
			}
			continue // a comment: the declaration, if any, is still to come
		}
		if keyword {
			keyword = false
			if declKeyword(src[i:], "package") || declKeyword(src[i:], "import") {
				dst = dst[:1] // still the header
			}
		}
		switch k {
		case gcOpen:
			depth++
		case gcClose:
			depth--
		case gcQuote:
			i = skipQuoted(src, i+1, src[i])
		case gcRaw:
			for i++; i < len(src) && src[i] != '`'; i++ {
			}
		default:
			for i+1 < len(src) && goClass[src[i+1]] == gcOther {
				i++
			}
		}
	}
	return dst
}

// Byte classes for goSplits.
const (
	gcOther = iota
	gcSpace
	gcNewline
	gcOpen
	gcClose
	gcSlash
	gcQuote
	gcRaw
)

var goClass = func() (t [256]uint8) {
	t[' '], t['\t'], t['\r'], t['\n'] = gcSpace, gcSpace, gcSpace, gcNewline
	t['('], t['['], t['{'] = gcOpen, gcOpen, gcOpen
	t[')'], t[']'], t['}'] = gcClose, gcClose, gcClose
	t['/'], t['"'], t['\''], t['`'] = gcSlash, gcQuote, gcQuote, gcRaw
	return t
}()

// declKeyword reports whether b starts with the keyword kw as a token.
func declKeyword(b []byte, kw string) bool {
	if len(b) < len(kw) || string(b[:len(kw)]) != kw {
		return false
	}
	if len(b) == len(kw) {
		return true
	}
	c := b[len(kw)]
	return !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80)
}

// skipBlockComment returns the offset of the '/' closing the comment whose
// text starts at i, or the end of src.
func skipBlockComment(src []byte, i int) int {
	for ; i+1 < len(src); i++ {
		if src[i] == '*' && src[i+1] == '/' {
			return i + 1
		}
	}
	return len(src)
}

// skipQuoted returns the offset of the quote q closing the literal whose
// text starts at i, or of the newline that ends it unclosed, less one (so
// that the newline is seen), or the end of src.
func skipQuoted(src []byte, i int, q byte) int {
	for ; i < len(src); i++ {
		switch src[i] {
		case '\\':
			if i+1 < len(src) && src[i+1] != '\n' {
				i++ // an escaped character; a newline ends the literal, as go/scanner reads it
			}
		case q:
			return i
		case '\n':
			return i - 1
		}
	}
	return len(src)
}
