package migrate

import (
	"go/token"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/internal/strlit"
	"github.com/kvlint/kvlint/migrate/vault"
)

// TestRewriteShapes rewrites testdata/shapes, whose "kvtest-" strings a
// test hook reports as secrets, and compares it with its golden file:
// whole const blocks, a spec moved out of a block with its comments, a
// named string type, a switch case, a concatenation, a secret in a moved
// doc comment, and an import name that is already taken.
func TestRewriteShapes(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/shapes")); err != nil {
		t.Fatal(err)
	}
	mem := vault.NewMemory()
	storeFactory = func(string) (vault.Store, error) { return mem, nil }
	findHook = kvtestFinder
	t.Cleanup(func() { storeFactory, findHook = nil, nil })

	var stdout, stderr strings.Builder
	if code := Main([]string{"-C", dir, "-vault-url", legacyVault}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "found 7, stored 7, reused 0, rewritten 7, manual 0") {
		t.Errorf("output:\n%s", stdout.String())
	}
	if _, sets := mem.Counts(); sets != 7 {
		t.Errorf("%d secrets written, want 7", sets)
	}
	compareGoldenIn(t, dir, "testdata/shapes.golden", []string{"shapes.go"})
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

var kvtestRE = regexp.MustCompile(`kvtest-[a-z]+`)

// kvtestFinder reports every string literal starting with "kvtest-" and
// every "kvtest-..." word in a comment.
func kvtestFinder(pkgs []*packages.Package) ([]rawFinding, error) {
	var out []rawFinding
	for _, pkg := range pkgs {
		for _, f := range pkg.Syntax {
			for lit, v := range strlit.All(f) {
				if strings.HasPrefix(v, "kvtest-") {
					out = append(out, rawFinding{Pos: lit.Pos(), End: lit.End(), RuleID: "KV100", RuleName: "generic-secret"})
				}
			}
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					for _, loc := range kvtestRE.FindAllStringIndex(c.Text, -1) {
						out = append(out, rawFinding{Pos: c.Slash + token.Pos(loc[0]), End: c.Slash + token.Pos(loc[1]), RuleID: "KV100", RuleName: "generic-secret", Comment: true})
					}
				}
			}
		}
	}
	return out, nil
}
