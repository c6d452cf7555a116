// Package history scans every blob of a git repository's history for
// secrets with the same engine, file-type rules, configuration,
// suppressions and redaction as package scan, and says for each secret
// where it was committed, when it was first introduced, the last commit
// that still held it and whether it is still at HEAD.
//
// The repository is read with the git command: one `git log --raw` walk
// gives every commit and which blob was at which path (nothing is read
// twice), `git cat-file --batch-check` the blob sizes, and one
// `git cat-file --batch` process per worker the contents, which are
// scanned as they stream in and never kept. Memory is bounded by the
// number of objects (IDs, paths and commit metadata), not by their content.
//
// Configuration is the one that applies in the work tree today (the
// .kvlint.yaml found above each path as if the blob were checked out
// there, or Options.Config): a rule disabled or a path allowed today is so
// for the whole history. Suppression directives are read from each blob,
// so a directive added in a later commit covers that version and not the
// older ones.
package history

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
	"github.com/kvlint/kvlint/scan"
)

// Options configures a history scan.
type Options struct {
	// Dir is a directory in the repository; "" means the working directory.
	Dir string
	// Revs are git revision arguments (ranges such as base..head, refs,
	// --branches); none means every ref (--all).
	Revs []string
	// Since limits the walk to commits newer than this date (git log --since).
	Since string
	// Config finds the configuration of each path; nil means discovery in
	// the work tree.
	Config *config.Source
	// MaxSize is the blob size limit in bytes; 0 means scan.DefaultMaxSize,
	// negative no limit. Larger blobs are listed in Result.Skipped.
	MaxSize int64
	// Workers is the number of blobs read and scanned at once; 0 means GOMAXPROCS.
	Workers int
}

// Place is one path where a secret was committed.
type Place struct {
	Path            string         // slash-separated, relative to the repository root
	Line, Col       int            // in the newest version of the file that holds it
	EndLine, EndCol int            // end of the match there
	First           Commit         // oldest commit that put the value at this path
	Last            Commit         // newest commit known to hold it there
	AtHEAD          bool           // HEAD's tree still holds it at this path
	Blob            string         // the newest version of the file that holds it
	Keys            []baseline.Key // baseline keys of every version (distinct)
	Severity        rules.Severity // effective severity
}

// Secret is one distinct secret value (by rule and value hash, as baselines
// fingerprint it) with every place it appeared.
type Secret struct {
	RuleID      string // rule ID
	RuleName    string // kebab-case rule name
	Message     string // redacted, from the newest place
	Fingerprint string // of the rule and value only, under baseline.PublicSalt
	// Value is the SHA-256 of the value (as in baseline keys), to match it
	// with a value found elsewhere; it stays in memory and is never written.
	Value  [32]byte
	Places []Place // every path and commit range it appeared at
}

// AtHEAD reports whether any place of s still holds it at HEAD.
func (s *Secret) AtHEAD() bool {
	for _, p := range s.Places {
		if p.AtHEAD {
			return true
		}
	}
	return false
}

// Result is the outcome of a history scan.
type Result struct {
	Root    string   // the repository root (findings' paths are relative to it)
	Head    string   // the commit at HEAD, "" if there is none
	Commits int      // commits walked
	Blobs   int      // distinct blobs scanned
	Bytes   int64    // bytes of those blobs
	Secrets []Secret // sorted by first appearance
	Skipped []string // blobs not scanned, and why (over the size limit, binary)
	Binary  int      // blobs of Skipped that were skipped as binary
	Notes   []string // how a blob was read where scan notes it (a notebook that is not JSON, scanned as text)
	Missing []string // blobs that could not be read ("OID (path)")
	Grafted []string // walked commits whose parents a shallow clone lacks
	Err     error    // what made the result incomplete: missing objects, a shallow history, configuration errors
}

// Incomplete reports whether some of the selected history was not scanned.
func (r *Result) Incomplete() bool { return r.Err != nil }

// Run scans the history selected by opts. A returned error means nothing
// useful was scanned (not a repository, no git, a failed walk); problems
// with parts of the history are in Result.Err with the rest scanned.
func Run(opts Options) (*Result, error) {
	if opts.Dir == "" {
		opts.Dir = "."
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	r, err := openRepo(dir)
	if err != nil {
		return nil, err
	}
	if opts.MaxSize == 0 {
		opts.MaxSize = scan.DefaultMaxSize
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Config == nil {
		opts.Config = &config.Source{}
	}
	for _, rev := range opts.Revs {
		if strings.HasPrefix(rev, "-") && !slices.Contains(allowedRevFlags, rev) {
			return nil, fmt.Errorf("revision %q: only %s may start with '-'", rev, strings.Join(allowedRevFlags, ", "))
		}
	}
	revs := opts.Revs
	if len(revs) == 0 {
		revs = []string{"--all"}
	}

	w, err := walkHistory(r, revs, opts.Since)
	if err != nil {
		return nil, err
	}
	res := &Result{Root: r.root, Commits: len(w.commits), Grafted: w.grafted}
	var problems []error
	if len(w.grafted) > 0 {
		problems = append(problems, fmt.Errorf("shallow clone: the history before %s is missing (grafted); fetch it with git fetch --unshallow", strings.Join(short(w.grafted), ", ")))
	}
	s := &scanner{w: w, opts: &opts, root: r.root, found: map[pairKey][]found{}}
	if !noGoCache {
		s.goCache = &scan.GoCache{}
	}
	if err := s.classify(); err != nil {
		problems = append(problems, err)
	}
	restoreGC := tuneGC()
	err = s.read(r, res)
	restoreGC()
	if err != nil {
		problems = append(problems, err)
	}
	if len(res.Missing) > 0 {
		problems = append(problems, fmt.Errorf("%d blobs could not be read (missing or corrupt objects; nothing was fetched): %s", len(res.Missing), strings.Join(res.Missing[:min(len(res.Missing), 5)], ", ")))
	}
	if head, err := r.output("rev-parse", "--verify", "-q", "HEAD^{commit}"); err == nil {
		res.Head = strings.TrimSpace(string(head))
	}
	res.Secrets = s.secrets()
	res.Err = errors.Join(problems...)
	return res, nil
}

// allowedRevFlags are the rev-list options accepted among revisions.
var allowedRevFlags = []string{"--all", "--branches", "--tags", "--remotes"}

func short(hashes []string) []string {
	out := make([]string, len(hashes))
	for i, h := range hashes {
		out[i] = h[:min(len(h), 12)]
	}
	return out
}

// walkHistory reads the commit graph of revs and marks what the selected
// tips and HEAD hold.
func walkHistory(r *repo, revs []string, since string) (*walk, error) {
	w := newWalk()
	if err := r.stream(w.readLog, logArgs(revs, since)...); err != nil {
		return nil, err
	}
	w.resolve()
	grafts, err := shallowGrafts(r)
	if err != nil {
		return nil, err
	}
	for _, g := range grafts {
		if _, ok := w.index[g]; ok {
			w.grafted = append(w.grafted, g)
		}
	}
	for _, t := range w.tips() {
		if err := w.markTree(r, w.commits[t].hash, t, false); err != nil {
			return nil, err
		}
	}
	if _, err := r.output("rev-parse", "--verify", "-q", "HEAD^{commit}"); err == nil {
		if err := w.markTree(r, "HEAD", -1, true); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// found is a finding of one blob at one path.
type found struct {
	f report.Finding
	k baseline.Key
}

// scanner scans each blob once per class of paths that scan it alike.
type scanner struct {
	w    *walk
	opts *Options
	root string
	// jobs: for each blob, the paths that hold it grouped by class; the
	// first path of a group is the one scanned.
	groups map[int32][][]int32
	mu     sync.Mutex
	found  map[pairKey][]found
	// goCache keeps the sites of Go declarations from version to version.
	goCache *scan.GoCache
}

// noGoCache turns the declaration cache off (the equality test).
var noGoCache = false

// class is what of a path changes how its content is scanned: the
// configuration that applies, Go syntax or plain lines, a test file or not.
type class struct {
	cfg    *config.Loaded
	goFile bool
	test   bool
}

func (s *scanner) abs(path int32) string {
	return filepath.Join(s.root, filepath.FromSlash(s.w.paths[path]))
}

// classify groups each added blob's paths by class, dropping the paths the
// configuration allows.
func (s *scanner) classify() error {
	s.groups = map[int32][][]int32{}
	classes := map[int32]map[class]int{}
	var errs []error
	keys := make([]pairKey, 0, len(s.w.pairs))
	for k, p := range s.w.pairs {
		if p.added >= 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b pairKey) int { return cmp.Or(cmp.Compare(a.blob, b.blob), cmp.Compare(a.path, b.path)) })
	seenErr := map[string]bool{}
	for _, k := range keys {
		abs := s.abs(k.path)
		l, err := s.opts.Config.ForDir(filepath.Dir(abs))
		if err != nil {
			if !seenErr[err.Error()] {
				seenErr[err.Error()] = true
				errs = append(errs, err)
			}
			continue
		}
		if l.PathAllowed(abs) {
			continue
		}
		p := s.w.paths[k.path]
		c := class{cfg: l, goFile: strings.HasSuffix(p, ".go"), test: strings.HasSuffix(p, "_test.go") || strings.Contains(filepath.ToSlash(abs), "/testdata/")}
		m := classes[k.blob]
		if m == nil {
			m = map[class]int{}
			classes[k.blob] = m
		}
		i, ok := m[c]
		if !ok {
			i = len(s.groups[k.blob])
			m[c] = i
			s.groups[k.blob] = append(s.groups[k.blob], nil)
		}
		s.groups[k.blob][i] = append(s.groups[k.blob][i], k.path)
	}
	return errors.Join(errs...)
}

// read reads and scans every grouped blob, in the walk's order (newest
// first, which is the order packs store whole objects in).
func (s *scanner) read(r *repo, res *Result) error {
	ids := make([]string, 0, len(s.groups))
	for b := range s.groups {
		ids = append(ids, s.w.blobs[b])
	}
	slices.Sort(ids)
	// In a partial clone cat-file dies on an object the promisor remote
	// would have to send, so those are found first, without fetching.
	absent, err := promisorMissing(r, s.opts)
	if err != nil {
		return err
	}
	var missing []string
	if len(absent) > 0 {
		ids = slices.DeleteFunc(ids, func(id string) bool {
			if absent[id] {
				missing = append(missing, id)
				return true
			}
			return false
		})
	}
	sizes, gone, err := blobSizes(r, ids)
	if err != nil {
		return err
	}
	missing = append(missing, gone...)
	for _, id := range missing {
		res.Missing = append(res.Missing, s.describe(id))
	}
	todo := ids[:0]
	for _, id := range ids {
		n, ok := sizes[id]
		if !ok {
			continue
		}
		if s.opts.MaxSize > 0 && n > s.opts.MaxSize {
			res.Skipped = append(res.Skipped, fmt.Sprintf("%s: skipped, %d bytes is over the size limit of %d", s.describe(id), n, s.opts.MaxSize))
			continue
		}
		todo = append(todo, id)
		res.Blobs++
		res.Bytes += n
	}
	var mu sync.Mutex
	var scanErrs []error
	err = readBlobs(r, todo, s.opts.Workers, func(id string, data []byte) {
		skip, notes, err := s.scanBlob(s.w.blobID[id], data)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			scanErrs = append(scanErrs, err)
		}
		for _, n := range notes {
			res.Notes = append(res.Notes, id+": "+n) // n names the path
		}
		if skip == "binary" {
			// Counted with the blobs to read; it was not scanned after all.
			res.Binary++
			res.Blobs--
			res.Bytes -= int64(len(data))
			res.Skipped = append(res.Skipped, s.describe(id)+": skipped, binary (a NUL byte in its first 8 KB, or mostly invalid UTF-8)")
		}
	}, func(id, why string) {
		mu.Lock()
		res.Missing = append(res.Missing, s.describe(id)+": "+why)
		mu.Unlock()
	})
	slices.Sort(res.Missing)
	slices.Sort(res.Skipped)
	slices.Sort(res.Notes)
	return errors.Join(append(scanErrs, err)...)
}

// describe names a blob by ID and one path that held it.
func (s *scanner) describe(id string) string {
	b := s.w.blobID[id]
	if g := s.groups[b]; len(g) > 0 && len(g[0]) > 0 {
		return fmt.Sprintf("%s (%s)", id, s.w.paths[g[0][0]])
	}
	return id
}

// scanBlob scans a blob's content once per class of its paths and records
// the findings for every path of the class. It returns why the blob was
// not scanned ("binary": then for no class) and scan's notes on it.
func (s *scanner) scanBlob(b int32, data []byte) (skip string, notes []string, _ error) {
	sopts := &scan.Options{Config: s.opts.Config, Root: s.root, GoCache: s.goCache}
	var errs []error
	for _, paths := range s.groups[b] {
		cr, err := scan.Content(s.abs(paths[0]), data, sopts)
		if err != nil {
			errs = append(errs, err)
		}
		if cr.Skip != "" {
			skip = cr.Skip
			continue
		}
		if cr.Note != "" && !slices.Contains(notes, cr.Note) {
			notes = append(notes, cr.Note)
		}
		fs, keys := cr.Findings, cr.Keys
		if len(fs) == 0 {
			continue
		}
		s.mu.Lock()
		for _, p := range paths {
			rel := s.w.paths[p]
			for i, f := range fs {
				f.Filename = s.abs(p)
				f.Package = rel
				k := keys[i]
				k.Package = rel
				f.Fingerprint = k.Fingerprint(baseline.PublicSalt)
				s.found[pairKey{b, p}] = append(s.found[pairKey{b, p}], found{f, k})
			}
		}
		s.mu.Unlock()
	}
	return skip, notes, errors.Join(errs...)
}

// secrets groups the findings by secret (rule and value hash) and then by
// path, with the first and last commits of each place.
func (s *scanner) secrets() []Secret {
	bySecret, order := s.group(s.places())
	out := make([]Secret, 0, len(order))
	for _, id := range order {
		sec := bySecret[id]
		for i := range sec.Places {
			slices.SortFunc(sec.Places[i].Keys, compareKeys) // found in map order
		}
		slices.SortFunc(sec.Places, func(a, b Place) int {
			return cmp.Or(cmp.Compare(a.First.AuthorTime, b.First.AuthorTime), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
		})
		out = append(out, *sec)
	}
	slices.SortFunc(out, func(a, b Secret) int {
		return cmp.Or(cmp.Compare(a.Places[0].First.AuthorTime, b.Places[0].First.AuthorTime),
			cmp.Compare(a.Places[0].Path, b.Places[0].Path), cmp.Compare(a.Places[0].Line, b.Places[0].Line),
			cmp.Compare(a.RuleID, b.RuleID), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	return out
}

// placeKey is one secret (rule and value) at one path.
type placeKey struct {
	rule  string
	value [32]byte
	path  int32
}

// placeAcc gathers the versions of a path that hold one secret.
type placeAcc struct {
	place  Place
	first  int32 // oldest commit index (largest)
	last   int32 // newest (smallest)
	newest int32 // newest add among versions, for the position shown
	f      report.Finding
}

// places folds the findings of every version of every path into one
// place a secret and path: the commits it was added in and last present
// in, and the position in its newest version.
func (s *scanner) places() map[placeKey]*placeAcc {
	places := map[placeKey]*placeAcc{}
	for k, list := range s.found {
		p := s.w.pairs[k]
		for _, fd := range list {
			pk := placeKey{fd.k.Rule, fd.k.Value, k.path}
			a := places[pk]
			if a == nil {
				a = &placeAcc{first: -1, last: -1, newest: -1}
				a.place.Path = s.w.paths[k.path]
				places[pk] = a
			}
			if p.added > a.first {
				a.first = p.added
			}
			if p.present >= 0 && (a.last < 0 || p.present < a.last) {
				a.last = p.present
			}
			a.place.AtHEAD = a.place.AtHEAD || p.atHEAD
			if !slices.Contains(a.place.Keys, fd.k) {
				a.place.Keys = append(a.place.Keys, fd.k)
			}
			// The position shown is that of the newest version (ties: the first line).
			if a.newest < 0 || p.present < a.newest || (p.present == a.newest && fd.f.Line < a.f.Line) {
				a.newest = p.present
				a.f = fd.f
				a.place.Blob = s.w.blobs[k.blob]
			}
		}
	}
	return places
}

// group gathers the places into one Secret a rule and value, by an id, and
// returns the ids in the order first met.
func (s *scanner) group(places map[placeKey]*placeAcc) (map[string]*Secret, []string) {
	bySecret := map[string]*Secret{}
	newest := map[string]*placeAcc{} // the place each secret's message is taken from
	var order []string
	for pk, a := range places {
		a.place.Line, a.place.Col, a.place.EndLine, a.place.EndCol = a.f.Line, a.f.Col, a.f.EndLine, a.f.EndCol
		a.place.Severity = a.f.Severity
		a.place.First = s.commit(a.first)
		a.place.Last = s.commit(max(a.last, 0))
		if a.last < 0 {
			a.place.Last = a.place.First
		}
		id := pk.rule + "\x00" + string(pk.value[:])
		sec := bySecret[id]
		if sec == nil {
			sec = &Secret{RuleID: a.f.RuleID, RuleName: a.f.RuleName, Message: a.f.Message,
				Fingerprint: baseline.Key{Rule: pk.rule, Value: pk.value, Secret: true}.Fingerprint(baseline.PublicSalt), Value: pk.value}
			bySecret[id] = sec
			order = append(order, id)
		}
		// The message is the newest place's (ties: the first path and
		// line), whatever order the map gives the places in.
		if n := newest[id]; n == nil || a.newest < n.newest || a.newest == n.newest &&
			cmp.Or(cmp.Compare(a.place.Path, n.place.Path), cmp.Compare(a.f.Line, n.f.Line), cmp.Compare(a.f.Col, n.f.Col)) < 0 {
			newest[id] = a
			sec.Message = a.f.Message
		}
		sec.Places = append(sec.Places, a.place)
	}
	return bySecret, order
}

func compareKeys(a, b baseline.Key) int {
	return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Package, b.Package), cmp.Compare(a.Decl, b.Decl),
		bytes.Compare(a.Value[:], b.Value[:]), cmp.Compare(boolInt(a.Secret), boolInt(b.Secret)))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s *scanner) commit(i int32) Commit {
	if i < 0 || int(i) >= len(s.w.commits) {
		return Commit{}
	}
	c := s.w.commits[i]
	return Commit{Hash: c.hash, AuthorTime: c.authorTime}
}
