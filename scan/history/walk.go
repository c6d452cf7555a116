package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Commit is a commit that findings refer to.
type Commit struct {
	Hash       string // full commit hash
	AuthorTime int64  // seconds since 1970 UTC
}

// commitMeta is what the walk keeps of each commit: bounded by the number
// of commits, never their content.
type commitMeta struct {
	hash       string
	authorTime int64
	parent     string // first parent, "" for a root
	child      bool   // some walked commit names it as a parent
}

// pairKey is a blob at a path.
type pairKey struct {
	blob, path int32
}

// pair is what the walk learns of a blob at a path. Commit indexes are in
// the walk's topological order, newest first: a larger index is older.
type pair struct {
	added   int32 // oldest commit whose diff puts the blob at the path; -1 if none walked
	present int32 // newest commit known to hold it there (an add, a tip); -1 if none
	removed int32 // newest commit whose diff takes it away; -1 if none
	atHEAD  bool
}

// walk is the outcome of reading the commit graph: commits, interned blob
// IDs and paths, and which blob was at which path when.
type walk struct {
	commits []commitMeta
	index   map[string]int32
	blobs   []string
	blobID  map[string]int32
	paths   []string
	pathID  map[string]int32
	pairs   map[pairKey]*pair
	grafted []string // walked commits whose parents a shallow clone lacks
}

func newWalk() *walk {
	return &walk{index: map[string]int32{}, blobID: map[string]int32{}, pathID: map[string]int32{}, pairs: map[pairKey]*pair{}}
}

func intern(ids map[string]int32, list *[]string, s string) int32 {
	if id, ok := ids[s]; ok {
		return id
	}
	id := int32(len(*list))
	ids[s] = id
	*list = append(*list, s)
	return id
}

func (w *walk) pair(blob, path string) *pair {
	k := pairKey{intern(w.blobID, &w.blobs, blob), intern(w.pathID, &w.paths, path)}
	p := w.pairs[k]
	if p == nil {
		p = &pair{added: -1, present: -1, removed: -1}
		w.pairs[k] = p
	}
	return p
}

const nullOID = "0000000000000000000000000000000000000000"

// logArgs is the walk: every commit of revs, newest first in topological
// order, with the raw diff against its first parent (all files for a root
// or a shallow clone's grafted commit), NUL-separated.
func logArgs(revs []string, since string) []string {
	args := []string{"log", "--raw", "-z", "--no-abbrev", "--no-renames", "--root", "--diff-merges=first-parent",
		"--topo-order", "--no-color", "--no-ext-diff", "--format=%x01%H %at %P"}
	if since != "" {
		args = append(args, "--since="+since)
	}
	args = append(args, revs...)
	return append(args, "--")
}

// readLog parses git log's output (logArgs) into w.
func (w *walk) readLog(r io.Reader) error {
	fields := newNULReader(r)
	cur := int32(-1)
	for {
		tok, ok, err := fields.next()
		if !ok {
			return err
		}
		tok = strings.TrimLeft(tok, "\n")
		switch {
		case strings.HasPrefix(tok, "\x01"):
			c, err := w.commit(tok[1:])
			if err != nil {
				return err
			}
			cur = c
		case strings.HasPrefix(tok, ":"):
			path, perr := fields.br.ReadString(0)
			if perr != nil {
				return fmt.Errorf("git log: truncated raw diff entry")
			}
			if err := w.entry(cur, tok, strings.TrimSuffix(path, "\x00")); err != nil {
				return err
			}
		case tok == "":
		default:
			return fmt.Errorf("git log: unexpected output %.40q", tok)
		}
	}
}

// nulReader reads the NUL-terminated fields of git's -z output.
type nulReader struct{ br *bufio.Reader }

// newNULReader reads r through a 64 KB buffer.
func newNULReader(r io.Reader) nulReader { return nulReader{bufio.NewReaderSize(r, 1<<16)} }

// next returns the next field without its NUL (the last may have none);
// ok is false at the end of the input or on a read error.
func (n nulReader) next() (tok string, ok bool, err error) {
	tok, err = n.br.ReadString(0)
	if err == io.EOF && tok == "" {
		return "", false, nil
	}
	if err != nil && err != io.EOF {
		return "", false, err
	}
	return strings.TrimSuffix(tok, "\x00"), true, nil
}

// commit records a commit header "HASH AUTHORTIME [PARENT...]".
func (w *walk) commit(h string) (int32, error) {
	f := strings.Fields(h)
	if len(f) < 2 {
		return 0, fmt.Errorf("git log: bad commit header %q", h)
	}
	at, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("git log: bad author time in %q", h)
	}
	c := commitMeta{hash: f[0], authorTime: at}
	if len(f) > 2 {
		c.parent = f[2]
	}
	i := int32(len(w.commits))
	w.index[c.hash] = i
	w.commits = append(w.commits, c)
	return i, nil
}

// entry records one raw diff line ":srcmode dstmode src dst status" for path
// in commit c. Only regular files are content; symbolic links, submodules
// and directories are not.
func (w *walk) entry(c int32, raw, path string) error {
	f := strings.Fields(raw[1:])
	if len(f) < 5 || c < 0 {
		return fmt.Errorf("git log: bad raw diff entry %q", raw)
	}
	srcMode, dstMode, src, dst := f[0], f[1], f[2], f[3]
	if regular(dstMode) && dst != nullOID {
		p := w.pair(dst, path)
		p.added = max(p.added, c)
		if p.present < 0 || c < p.present {
			p.present = c
		}
	}
	if regular(srcMode) && src != nullOID && src != dst {
		p := w.pair(src, path)
		if p.removed < 0 || c < p.removed {
			p.removed = c
		}
	}
	return nil
}

func regular(mode string) bool { return mode == "100644" || mode == "100755" }

// resolve turns each pair's newest removal into the commit before it (its
// first parent, which still held the blob) and marks which walked commits
// are tips (no walked child).
func (w *walk) resolve() {
	for i := range w.commits {
		if j, ok := w.index[w.commits[i].parent]; ok {
			w.commits[j].child = true
		}
	}
	for _, p := range w.pairs {
		if p.removed < 0 {
			continue
		}
		if j, ok := w.index[w.commits[p.removed].parent]; ok && (p.present < 0 || j < p.present) {
			p.present = j
		}
	}
}

// tips returns the walked commits that no walked commit descends from.
func (w *walk) tips() []int32 {
	var out []int32
	for i, c := range w.commits {
		if !c.child {
			out = append(out, int32(i))
		}
	}
	return out
}

// readTree reads `git ls-tree -r -z` output and calls fn for each regular
// file's blob and path.
func readTree(r io.Reader, fn func(blob, path string)) error {
	fields := newNULReader(r)
	for {
		tok, ok, err := fields.next()
		if !ok {
			return err
		}
		// "MODE TYPE OID\tPATH"
		tab := strings.IndexByte(tok, '\t')
		if tab < 0 {
			return fmt.Errorf("git ls-tree: unexpected output %.40q", tok)
		}
		f := strings.Fields(tok[:tab])
		if len(f) == 3 && regular(f[0]) {
			fn(f[2], tok[tab+1:])
		}
	}
}

// markTree marks the pairs present in the tree of commit rev: as present at
// tip index c (when c >= 0) and, with head, as still at HEAD.
func (w *walk) markTree(r *repo, rev string, c int32, head bool) error {
	return r.stream(func(out io.Reader) error {
		return readTree(out, func(blob, path string) {
			bi, ok := w.blobID[blob]
			if !ok {
				return
			}
			pi, ok := w.pathID[path]
			if !ok {
				return
			}
			p := w.pairs[pairKey{bi, pi}]
			if p == nil || p.added < 0 {
				return
			}
			if head {
				p.atHEAD = true
			}
			if c >= 0 && (p.present < 0 || c < p.present) {
				p.present = c
			}
		})
	}, "ls-tree", "-r", "-z", "--full-tree", rev)
}

// shallowGrafts returns the commits at which a shallow clone's history is
// cut off (.git/shallow), or nil for a complete clone.
func shallowGrafts(r *repo) ([]string, error) {
	out, err := r.output("rev-parse", "--is-shallow-repository", "--git-path", "shallow")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || lines[0] != "true" {
		return nil, nil
	}
	p := lines[1]
	if !strings.HasPrefix(p, "/") {
		p = r.dir + "/" + p
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("shallow clone: %w", err)
	}
	return strings.Fields(string(bytes.TrimSpace(data))), nil
}

// promisorMissing returns the objects of the walk's revisions that a
// partial clone lacks (git rev-list --missing=print, which never fetches),
// or nil for a repository that is not a partial clone.
func promisorMissing(r *repo, opts *Options) (map[string]bool, error) {
	// A partial clone has a promisor remote (remote.NAME.promisor) or the
	// extensions.partialClone setting; git config exits 1 when neither is set.
	if out, err := r.output("config", "--get-regexp", `^(extensions\.partialclone|remote\..*\.promisor)$`); err != nil || strings.TrimSpace(string(out)) == "" {
		return nil, nil
	}
	revs := opts.Revs
	if len(revs) == 0 {
		revs = []string{"--all"}
	}
	args := []string{"rev-list", "--objects", "--missing=print"}
	if opts.Since != "" {
		args = append(args, "--since="+opts.Since)
	}
	missing := map[string]bool{}
	err := r.stream(func(out io.Reader) error {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "?") {
				missing[strings.TrimPrefix(line, "?")] = true
			}
		}
		return sc.Err()
	}, append(append(args, revs...), "--")...)
	return missing, err
}
