package migrate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kvlint/kvlint/internal/strlit"
	"github.com/kvlint/kvlint/migrate/internal/kvfake"
	"github.com/kvlint/kvlint/migrate/vault"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const legacyVault = "https://legacy.vault.azure.net/"

// expectedSecrets are the names a migration of testdata/legacy stores.
var expectedSecrets = []string{
	"legacy-api-token",
	"legacy-database-url",
	"legacy-db-password",
	"legacy-default-smtp-password",
	"legacy-hmac-secret",
	"legacy-provider-keys-api-key",
	"legacy-service-secret",
	"legacy-storage-connection",
	"notify-github-token",
	"notify-sql-connection",
	"notify-webhook-secret",
}

// plantedValues reads the fake credentials planted in the legacy sample
// straight from its source, independently of the analyzer: every long
// string literal without spaces, and the token in a comment.
func plantedValues(t *testing.T) []string {
	t.Helper()
	var vals []string
	seen := map[string]bool{}
	tokenRE := regexp.MustCompile(`ghp_[0-9A-Za-z]{36}`)
	fset := token.NewFileSet()
	err := filepath.WalkDir("../testdata/legacy", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		add := func(v string) {
			if !seen[v] {
				seen[v] = true
				vals = append(vals, v)
			}
		}
		for _, v := range strlit.All(f) {
			if len(v) >= 20 && !strings.Contains(v, " ") {
				add(v)
			}
		}
		for _, cg := range f.Comments {
			for _, m := range tokenRE.FindAllString(cg.Text(), -1) {
				add(m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(vals) < 12 {
		t.Fatalf("found %d planted values, want at least 12", len(vals))
	}
	return vals
}

// assertNoSecret fails if any planted value, or its longer half, appears in text.
func assertNoSecret(t *testing.T, what, text string, planted []string) {
	t.Helper()
	for i, v := range planted {
		if strings.Contains(text, v) || len(v) >= 24 && strings.Contains(text, v[len(v)/2:]) {
			t.Errorf("%s holds planted value #%d (sha256 %s)", what, i, digest(v)[:12])
		}
	}
}

func digest(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// fixture is a copy of the legacy module and a fake vault.
type fixture struct {
	t       *testing.T
	dir     string
	srv     *kvfake.Server
	outputs map[string]string // everything migrate printed or wrote, by label
	planted []string          // values that must never appear in an output
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/legacy")); err != nil {
		t.Fatal(err)
	}
	f := startFake(t, dir)
	f.planted = plantedValues(t)
	return f
}

func startFake(t *testing.T, dir string) *fixture {
	t.Helper()
	srv := kvfake.New(t, nil)
	storeFactory = func(vaultURL string) (vault.Store, error) {
		return vault.NewAzure(vaultURL, srv.Credential(), &vault.AzureOptions{ClientOptions: srv.ClientOptions()})
	}
	t.Cleanup(func() {
		storeFactory = nil
		if s := srv.Stray(); len(s) > 0 {
			t.Errorf("requests to non-loopback destinations: %v", s)
		}
	})
	return &fixture{t: t, dir: dir, srv: srv, outputs: map[string]string{}}
}

// migrate runs Main in-process on the copy and returns its status and output.
func (f *fixture) migrate(label string, args ...string) (int, string, string) {
	f.t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"-C", f.dir}, args...)
	start := time.Now()
	code := Main(args, &stdout, &stderr)
	f.t.Logf("migrate %s: %v", label, time.Since(start).Round(time.Millisecond))
	f.outputs[label+" stdout"] = stdout.String()
	f.outputs[label+" stderr"] = stderr.String()
	if d := os.Getenv("KVLINT_MIGRATE_DUMP"); d != "" { // debugging aid: never logged
		os.WriteFile(filepath.Join(d, strings.ReplaceAll(f.t.Name()+"-"+label, "/", "_")+".txt"), []byte(stdout.String()+"\n--- stderr\n"+stderr.String()), 0o644)
	}
	// What tests show in failure messages has the planted values cut out
	// (the raw text is checked by checkOutputs).
	return code, f.hide(stdout.String()), f.hide(stderr.String())
}

func (f *fixture) hide(s string) string {
	for _, v := range f.planted {
		s = strings.ReplaceAll(s, v, "[planted value]")
	}
	return s
}

// record keeps a file migrate wrote for the secrets check.
func (f *fixture) record(label, path string) {
	f.t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		f.t.Fatal(err)
	}
	f.outputs[label] = string(b)
}

func (f *fixture) checkOutputs() {
	f.t.Helper()
	for label, text := range f.outputs {
		assertNoSecret(f.t, label, text, f.planted)
	}
}

// snapshot returns the content of every file of the copy.
func (f *fixture) snapshot() map[string]string {
	f.t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(f.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(f.dir, path)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return files
}

func diffSnapshots(a, b map[string]string) []string {
	var d []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			d = append(d, "removed "+k)
		} else if v != w {
			d = append(d, "changed "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, "added "+k)
		}
	}
	sort.Strings(d)
	return d
}

// goRun runs the go command in the copy with the fake's environment: the
// default transport through the fake's proxy, managed identity from the
// fake, no module downloads.
func (f *fixture) goRun(args ...string) {
	f.t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = f.dir
	cmd.Env = append(f.srv.Environ(os.Environ()), "AZURE_KEYVAULT_URL="+legacyVault, "GOPROXY=off", "GOFLAGS=-mod=readonly")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	f.t.Logf("go %s: %v", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
	f.outputs["go "+strings.Join(args, " ")] = string(out)
	if err != nil {
		f.t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, f.hide(string(out)))
	}
}

// vaultNames returns the sorted names of the secrets in the fake.
func (f *fixture) vaultNames() []string {
	var names []string
	for _, s := range f.srv.Secrets() {
		names = append(names, s.Name)
	}
	sort.Strings(names)
	return names
}

// referencedSecrets returns the secret names the copy's code reads.
func (f *fixture) referencedSecrets() []string {
	re := regexp.MustCompile(`vaultsecrets\.MustGet\("([^"]+)"\)`)
	seen := map[string]bool{}
	for name, content := range f.snapshot() {
		if strings.HasSuffix(name, ".go") {
			for _, m := range re.FindAllStringSubmatch(content, -1) {
				seen[m[1]] = true
			}
		}
	}
	var out []string
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func TestMigrateLegacy(t *testing.T) {
	f := newFixture(t)
	report := filepath.Join(t.TempDir(), "report.json")
	code, stdout, stderr := f.migrate("migrate", "-vault-url", legacyVault, "-tag", "team=payments", "-report", report)
	if code != 0 {
		t.Fatalf("migrate exit %d\nstderr:\n%s", code, stderr)
	}
	f.record("report", report)
	if !strings.Contains(stderr, "storing secret 11/11: notify-sql-connection") {
		t.Error("no progress on stderr for more than 5 secrets")
	}
	if got := f.vaultNames(); strings.Join(got, " ") != strings.Join(expectedSecrets, " ") {
		t.Errorf("vault holds %v\nwant %v", got, expectedSecrets)
	}
	for _, s := range f.srv.Secrets() {
		if s.ContentType != "text/plain" || s.Tags["tool"] != "kvlint" || s.Tags["team"] != "payments" || s.Tags["rule"] == "" || s.Tags["source"] == "" || s.Tags["migrated-at"] == "" {
			t.Errorf("secret %s: content type %q, tags %v", s.Name, s.ContentType, s.Tags)
		}
	}
	if got := f.referencedSecrets(); strings.Join(got, " ") != strings.Join(expectedSecrets[:len(expectedSecrets)-3], " ")+" notify-sql-connection notify-webhook-secret" {
		t.Errorf("code reads %v", got)
	}
	for _, want := range []string{"found 15, stored 11, reused 0, rewritten 14, manual 1", "git history", "signingKey"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	var rep Report
	if err := json.Unmarshal([]byte(f.outputs["report"]), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Counts != (Counts{Found: 15, Secrets: 12, Stored: 11, Rewritten: 14, Manual: 1}) {
		t.Errorf("report counts %+v", rep.Counts)
	}

	// The migrated module builds, vets and passes its own tests with the
	// vault serving the values.
	f.goRun("build", "./...")
	f.goRun("vet", "./...")
	f.goRun("test", "-count=1", "./...")
	if f.srv.Stats().TokenRequests == 0 {
		t.Error("the migrated tests did not authenticate through managed identity")
	}

	compareGolden(t, f.dir, []string{"config.go", "auth.go", "notify/notify.go"})

	// A second run finds nothing to do and changes nothing.
	before := f.snapshot()
	writes := f.srv.Stats().Writes
	code, stdout, stderr = f.migrate("rerun", "-vault-url", legacyVault)
	if code != 0 {
		t.Fatalf("second run exit %d\n%s", code, stderr)
	}
	if d := diffSnapshots(before, f.snapshot()); len(d) > 0 {
		t.Errorf("second run changed files: %v", d)
	}
	if w := f.srv.Stats().Writes; w != writes {
		t.Errorf("second run wrote to the vault: %d writes", w-writes)
	}
	if !strings.Contains(stdout, "found 1, stored 0, reused 0, rewritten 0, manual 1") {
		t.Errorf("second run output:\n%s", stdout)
	}
	f.checkOutputs()
}

// compareGolden compares rewritten files with migrate/testdata/legacy.golden.
func compareGolden(t *testing.T, dir string, files []string) {
	t.Helper()
	compareGoldenIn(t, dir, filepath.Join("testdata", "legacy.golden"), files)
}

// compareGoldenIn compares files of dir with goldenDir/NAME.golden.
func compareGoldenIn(t *testing.T, dir, goldenDir string, files []string) {
	t.Helper()
	for _, name := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join(goldenDir, name+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", name, golden, lineDiff(string(want), string(got)))
		}
	}
}

// lineDiff shows the lines that differ (the golden files hold no values,
// so showing them is safe).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d\n- %s\n+ %s\n", i+1, a, c)
		}
	}
	return b.String()
}
