package history

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/scan"
)

// gitRepo is a throwaway repository with deterministic commits.
type gitRepo struct {
	t    testing.TB
	dir  string
	tick int
}

func newRepo(t testing.TB) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	date := time.Date(2024, 1, 1+r.tick, 12, 0, 0, 0, time.UTC).Format(time.RFC3339)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
		"GIT_COMMITTER_EMAIL=t@example.com", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *gitRepo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *gitRepo) remove(name string) { r.git("rm", "-q", name) }

// commit commits everything and returns the commit hash.
func (r *gitRepo) commit(msg string) string {
	r.t.Helper()
	r.tick++
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	return r.git("rev-parse", "HEAD")
}

// run scans r's history and fails the test on an error.
func (r *gitRepo) run(opts Options) *Result {
	r.t.Helper()
	opts.Dir = r.dir
	res, err := Run(opts)
	if err != nil {
		r.t.Fatal(err)
	}
	return res
}

// place returns the place of the secret with value hash of v at path, or nil.
func place(res *Result, v, path string) (*Secret, *Place) {
	for i := range res.Secrets {
		s := &res.Secrets[i]
		for j := range s.Places {
			p := &s.Places[j]
			if p.Path == path && len(p.Keys) > 0 && p.Keys[0].Value == sha(v) {
				return s, p
			}
		}
	}
	return nil, nil
}

func sha(v string) [32]byte { return baselineKeyValue(v) }

func checkPlace(t *testing.T, res *Result, v, path, first, last string, atHEAD bool) {
	t.Helper()
	_, p := place(res, v, path)
	if p == nil {
		t.Errorf("%s: no place found; secrets: %s", path, dump(res))
		return
	}
	if p.First.Hash != first || p.Last.Hash != last || p.AtHEAD != atHEAD {
		t.Errorf("%s: first %.7s last %.7s at HEAD %v, want first %.7s last %.7s at HEAD %v",
			path, p.First.Hash, p.Last.Hash, p.AtHEAD, first, last, atHEAD)
	}
}

func dump(res *Result) string {
	var b bytes.Buffer
	WriteText(&b, res.Secrets)
	return b.String()
}

// TestLifecycle follows secrets through a history: added, moved, renamed,
// deleted and re-added; on a branch that is merged; in a binary blob; in a
// blob over the size limit; and under a directive added in a later commit.
func TestLifecycle(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-life")
	branchTok := detect.FakeCRCToken("ghp_", "hist-branch")
	supTok := detect.FakeCRCToken("ghp_", "hist-suppressed")
	bigTok := detect.FakeCRCToken("ghp_", "hist-big")

	r.write("config/a.env", "TOKEN="+tok+"\n")
	r.write("s.env", "X=1\nTOKEN="+supTok+"\n")
	r.write("logo.bin", "\x00\x01PNG"+tok+"\x00")
	r.write("big.txt", strings.Repeat("filler line\n", 200)+"TOKEN="+bigTok+"\n")
	c1 := r.commit("add")

	r.write("config/a.env", "# moved down\nTOKEN="+tok+"\n") // same file, new blob, line 2
	c2 := r.commit("edit")

	r.git("mv", "config/a.env", "config/b.env") // renamed
	r.write("s.env", "X=1\n# kvlint:ignore KV112 fake token kept for the test\nTOKEN="+supTok+"\n")
	c3 := r.commit("rename and suppress")

	r.remove("config/b.env")
	c4 := r.commit("delete")

	r.git("checkout", "-q", "-b", "feature")
	r.write("feature.yaml", "token: "+branchTok+"\n")
	c5 := r.commit("feature")
	r.git("checkout", "-q", "main")
	r.write("config/c.env", "TOKEN="+tok+"\n") // re-added elsewhere
	c6 := r.commit("re-add")
	r.tick++
	r.git("merge", "-q", "--no-ff", "-m", "merge feature", "feature")
	merge := r.git("rev-parse", "HEAD")

	res := r.run(Options{MaxSize: 1 << 10})
	if res.Err != nil {
		t.Fatalf("unexpected error: %v", res.Err)
	}
	checkPlace(t, res, tok, "config/a.env", c1, c2, false)
	checkPlace(t, res, tok, "config/b.env", c3, c3, false)
	checkPlace(t, res, tok, "config/c.env", c6, merge, true)
	checkPlace(t, res, branchTok, "feature.yaml", c5, merge, true)
	// The unsuppressed version was last held by the commit before the directive.
	checkPlace(t, res, supTok, "s.env", c1, c2, false)
	_ = c4

	// One secret, every place: the three paths of tok are one item.
	s, _ := place(res, tok, "config/a.env")
	if s == nil || len(s.Places) != 3 {
		t.Errorf("want tok as one secret with 3 places; got\n%s", dump(res))
	}
	if s != nil && s.AtHEAD() != true {
		t.Errorf("tok is still at HEAD in config/c.env")
	}
	if _, p := place(res, tok, "logo.bin"); p != nil {
		t.Errorf("binary blob scanned: %+v", p)
	}
	if _, p := place(res, bigTok, "big.txt"); p != nil {
		t.Errorf("blob over -max-size scanned")
	}
	// Nothing is skipped silently: the huge blob and the binary one are named.
	if len(res.Skipped) != 2 || res.Binary != 1 ||
		!slices.ContainsFunc(res.Skipped, func(s string) bool { return strings.Contains(s, "(big.txt)") && strings.Contains(s, "size limit") }) ||
		!slices.ContainsFunc(res.Skipped, func(s string) bool { return strings.Contains(s, "(logo.bin)") && strings.Contains(s, "binary") }) {
		t.Errorf("Skipped = %q (Binary %d), want big.txt over the size limit and logo.bin as binary", res.Skipped, res.Binary)
	}
	if res.Commits != 7 {
		t.Errorf("Commits = %d, want 7", res.Commits)
	}
	for _, sec := range res.Secrets {
		if sec.RuleID != "KV112" {
			t.Errorf("unexpected %s at %s", sec.RuleID, sec.Places[0].Path)
		}
	}
	if len(res.Secrets) != 3 {
		t.Errorf("want 3 distinct secrets, got %d:\n%s", len(res.Secrets), dump(res))
	}
}

// TestBlobScannedOnce: the same blob at many paths and in many commits is
// read once (Blobs counts distinct blobs read).
func TestBlobScannedOnce(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-once")
	r.write("a/x.env", "TOKEN="+tok+"\n")
	r.commit("one")
	for i := range 5 {
		r.write(fmt.Sprintf("b%d/x.env", i), "TOKEN="+tok+"\n")
		r.write("counter.txt", fmt.Sprint(i))
		r.commit(fmt.Sprint(i))
	}
	res := r.run(Options{})
	// Blobs: the token file and the five counters.
	if res.Blobs != 6 {
		t.Errorf("Blobs = %d, want 6 (the shared blob once)", res.Blobs)
	}
	if len(res.Secrets) != 1 || len(res.Secrets[0].Places) != 6 {
		t.Errorf("want one secret in 6 places:\n%s", dump(res))
	}
}

// TestRange scans only what the commits of a range introduce.
func TestRange(t *testing.T) {
	r := newRepo(t)
	old := detect.FakeCRCToken("ghp_", "hist-old")
	r.write("old.env", "TOKEN="+old+"\n")
	base := r.commit("base")
	tok := detect.FakeCRCToken("ghp_", "hist-new")
	r.write("new.env", "TOKEN="+tok+"\n")
	head := r.commit("new")
	res := r.run(Options{Revs: []string{base + "..HEAD"}})
	if res.Commits != 1 || len(res.Secrets) != 1 {
		t.Fatalf("range: %d commits, secrets:\n%s", res.Commits, dump(res))
	}
	checkPlace(t, res, tok, "new.env", head, head, true)
}

// TestOneCommitMatchesScan: on a one-commit repository, history reports
// exactly what scan reports on the tree.
func TestOneCommitMatchesScan(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-one")
	r.write("app.env", "TOKEN="+tok+"\nPASSWORD="+detect.Fake("hist-pw", "abcdefghijkmnopqrstuvwxyzABCDEFGH23456789", 20)+"\n")
	r.write("deploy/values.yaml", "db:\n  password: "+detect.Fake("hist-pw2", "abcdefghijkmnopqrstuvwxyz23456789", 18)+"\n  token: "+tok+"\n")
	r.write("main.go", "package main\n\nconst apiToken = \""+detect.FakeCRCToken("ghp_", "hist-go")+"\"\n\nfunc main() {}\n")
	r.write("ok.env", "# kvlint:ignore KV112 fake\nTOKEN="+detect.FakeCRCToken("ghp_", "hist-ign")+"\n")
	r.commit("one")

	tree := scan.Run([]string{r.dir}, scan.Options{Root: r.dir})
	if tree.Err != nil {
		t.Fatal(tree.Err)
	}
	var want []string
	for _, f := range tree.Findings {
		rel, _ := filepath.Rel(r.dir, f.Filename)
		want = append(want, fmt.Sprintf("%s:%d:%d %s %s %s", filepath.ToSlash(rel), f.Line, f.Col, f.RuleID, f.Message, f.Fingerprint))
	}
	var got []string
	for _, f := range Findings(r.run(Options{})) {
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s", f.Package, f.Line, f.Col, f.RuleID, f.Message, f.Fingerprint))
	}
	slicesSort(want)
	slicesSort(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) < 4 {
		t.Errorf("history:\n%s\nscan:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestMissingObject: a blob whose object file is gone is named, the rest is
// scanned, and the result is marked incomplete.
func TestMissingObject(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-kept")
	lost := detect.FakeCRCToken("ghp_", "hist-lost")
	r.write("kept.env", "TOKEN="+tok+"\n")
	r.write("lost.env", "TOKEN="+lost+"\n")
	r.commit("one")
	oid := r.git("rev-parse", "HEAD:lost.env")
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", oid[:2], oid[2:])); err != nil {
		t.Fatal(err)
	}
	res := r.run(Options{})
	if res.Err == nil || !strings.Contains(res.Err.Error(), "could not be read") {
		t.Errorf("Err = %v, want the missing blob named", res.Err)
	}
	if len(res.Missing) != 1 || !strings.Contains(res.Missing[0], oid) || !strings.Contains(res.Missing[0], "lost.env") {
		t.Errorf("Missing = %q, want %s (lost.env)", res.Missing, oid)
	}
	if _, p := place(res, tok, "kept.env"); p == nil {
		t.Errorf("the readable blob was not scanned:\n%s", dump(res))
	}
}

// TestShallow: a shallow clone's result says which history is missing.
func TestShallow(t *testing.T) {
	r := newRepo(t)
	r.write("a.env", "TOKEN="+detect.FakeCRCToken("ghp_", "hist-shallow")+"\n")
	r.commit("one")
	r.write("b.txt", "b")
	r.commit("two")
	r.write("c.txt", "c")
	tip := r.commit("three")
	clone := &gitRepo{t: t, dir: t.TempDir()}
	clone.git("clone", "-q", "--depth", "1", "file://"+r.dir, ".")
	res := clone.run(Options{})
	if len(res.Grafted) != 1 || res.Grafted[0] != tip {
		t.Errorf("Grafted = %q, want %s", res.Grafted, tip)
	}
	if res.Err == nil || !strings.Contains(res.Err.Error(), "shallow clone") || !strings.Contains(res.Err.Error(), tip[:12]) {
		t.Errorf("Err = %v, want the shallow boundary named", res.Err)
	}
}

func TestNotARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Run(Options{Dir: dir})
	if err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("err = %v, want not in a git repository", err)
	}
}

func TestNoGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Run(Options{Dir: t.TempDir()})
	if err != ErrNoGit {
		t.Errorf("err = %v, want ErrNoGit", err)
	}
}

// TestOutputsLeakNothing: no format writes a secret value.
func TestOutputsLeakNothing(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-leak")
	pw := detect.Fake("hist-leak-pw", "abcdefghijkmnopqrstuvwxyzABCDEFGH23456789", 22)
	r.write("a.env", "TOKEN="+tok+"\nDB_PASSWORD="+pw+"\n")
	r.commit("one")
	r.remove("a.env")
	r.commit("two")
	res := r.run(Options{})
	if len(res.Secrets) < 2 {
		t.Fatalf("want both planted secrets found:\n%s", dump(res))
	}
	var text, js, sarif bytes.Buffer
	if err := WriteText(&text, res.Secrets); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&js, res.Secrets); err != nil {
		t.Fatal(err)
	}
	if err := WriteSARIF(&sarif, res, "", nil); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": text.String(), "json": js.String(), "sarif": sarif.String()} {
		for _, v := range []string{tok, pw, tok[4:20], pw[:12]} {
			if strings.Contains(out, v) {
				t.Errorf("%s output holds a secret value (or a long part of one)", name)
			}
		}
	}
	for _, want := range []string{`"versionControlProvenance"`, `"firstCommit"`, `"partialFingerprints"`} {
		if !strings.Contains(sarif.String(), want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	if !strings.Contains(js.String(), `"posn": "a.env:1:7"`) || !strings.Contains(js.String(), `"first_commit"`) {
		t.Errorf("JSON lacks scan's relative posn or the commit fields:\n%s", js.String())
	}
}

func baselineKeyValue(v string) [32]byte { return baseline.NewKey("", "", "", v).Value }

func slicesSort(s []string) { slices.Sort(s) }

// TestPartialCloneNeverFetches: in a blob-less partial clone the blobs of
// old commits are missing; they are named, nothing is fetched, the rest is
// scanned.
func TestPartialCloneNeverFetches(t *testing.T) {
	r := newRepo(t)
	old := detect.FakeCRCToken("ghp_", "hist-partial-old")
	r.write("old.env", "TOKEN="+old+"\n")
	r.commit("one")
	r.remove("old.env")
	tok := detect.FakeCRCToken("ghp_", "hist-partial-head")
	r.write("head.env", "TOKEN="+tok+"\n")
	r.commit("two")
	r.git("config", "uploadpack.allowFilter", "true")
	clone := &gitRepo{t: t, dir: t.TempDir()}
	clone.git("clone", "-q", "--filter=blob:none", "file://"+r.dir, ".")
	count := func() string { return clone.git("count-objects", "-v") }
	before := count()
	res := clone.run(Options{})
	if after := count(); after != before {
		t.Errorf("objects were fetched:\n%s\n->\n%s", before, after)
	}
	if len(res.Missing) != 1 || !strings.Contains(res.Missing[0], "old.env") || res.Err == nil {
		t.Errorf("Missing = %q, Err = %v; want old.env's blob named", res.Missing, res.Err)
	}
	if _, p := place(res, tok, "head.env"); p == nil {
		t.Errorf("the checked-out blob was not scanned:\n%s", dump(res))
	}
}

// TestCorruptObject: git dies while streaming a corrupt blob; that blob is
// named with git's reason and every other blob is still scanned.
func TestCorruptObject(t *testing.T) {
	r := newRepo(t)
	var toks []string
	for i := range 6 {
		tok := detect.FakeCRCToken("ghp_", fmt.Sprint("hist-corrupt-", i))
		toks = append(toks, tok)
		r.write(fmt.Sprintf("f%d.env", i), strings.Repeat("# padding line to compress\n", 40)+"TOKEN="+tok+"\n")
	}
	r.commit("one")
	oid := r.git("rev-parse", "HEAD:f2.env")
	p := filepath.Join(r.dir, ".git", "objects", oid[:2], oid[2:])
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0xff
	data[len(data)/2+1] ^= 0xff
	os.Chmod(p, 0o644)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	res := r.run(Options{Workers: 2})
	if len(res.Missing) != 1 || !strings.Contains(res.Missing[0], oid+" (f2.env)") || res.Err == nil {
		t.Fatalf("Missing = %q, Err = %v; want f2.env's blob named", res.Missing, res.Err)
	}
	for i, tok := range toks {
		_, p := place(res, tok, fmt.Sprintf("f%d.env", i))
		if (p == nil) != (i == 2) {
			t.Errorf("f%d.env: found %v", i, p != nil)
		}
	}
}

// TestNotesKept: what scan notes about a blob's content (here a notebook
// that is not JSON, scanned as plain text) is a note of the history scan
// too, never dropped.
func TestNotesKept(t *testing.T) {
	r := newRepo(t)
	tok := detect.FakeCRCToken("ghp_", "hist-notebook")
	r.write("nb/broken.ipynb", "{ not json\nTOKEN="+tok+"\n")
	r.commit("a broken notebook")
	res := r.run(Options{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "broken.ipynb") || !strings.Contains(res.Notes[0], "scanned as plain text") {
		t.Errorf("Notes = %q, want the notebook scanned as plain text", res.Notes)
	}
	if _, p := place(res, tok, "nb/broken.ipynb"); p == nil {
		t.Errorf("the token in the notebook read as text was not found:\n%s", dump(res))
	}
}
