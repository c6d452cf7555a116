package migrate

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// benchModule writes a module of pkgs packages, each with a file of ordinary
// code and six fake secrets in the shapes migrate plans for (a constant,
// package variables, a struct field, a call argument, a map value; one of
// the values is shared by every package), and returns its root.
func benchModule(tb testing.TB, pkgs int) string {
	tb.Helper()
	root := tb.TempDir()
	testfs.WriteFile(tb, root, "go.mod", "module example.com/bench\n\ngo 1.22\n")
	shared := detect.FakeCRCToken("ghp_", "migrate-bench-shared")
	for i := range pkgs {
		tok := func(k int) string { return detect.FakeCRCToken("ghp_", fmt.Sprintf("migrate-bench-%d-%d", i, k)) }
		var b strings.Builder
		fmt.Fprintf(&b, "// Package p%d is generated for the planning benchmark.\npackage p%d\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n", i, i)
		fmt.Fprintf(&b, "const githubToken = %q\n\nvar uploadToken = %q\n\nvar sharedToken = %q\n\n", tok(0), tok(1), shared)
		b.WriteString("// Client calls an API.\ntype Client struct{ Name, Token string }\n\nfunc setToken(name, value string) { _ = os.Setenv(name, value) }\n\n")
		fmt.Fprintf(&b, "// New returns a client.\nfunc New() *Client {\n\tsetToken(\"GITHUB_TOKEN\", %q)\n", tok(2))
		fmt.Fprintf(&b, "\theaders := map[string]string{\"Authorization\": %q}\n\t_ = headers\n", "token "+tok(3))
		fmt.Fprintf(&b, "\treturn &Client{Name: \"client\", Token: %q}\n}\n\n", tok(4))
		for j := range 20 {
			fmt.Fprintf(&b, "// Get%d gets item %d.\nfunc (c *Client) Get%d(id string) (string, error) {\n", j, j, j)
			fmt.Fprintf(&b, "\tif id == \"\" {\n\t\treturn \"\", fmt.Errorf(\"get %d: empty id\")\n\t}\n", j)
			fmt.Fprintf(&b, "\treturn fmt.Sprintf(\"https://example.invalid/api/v1/items/%d/%%s?client=%%s\", id, c.Name), nil\n}\n\n", j)
		}
		b.WriteString("var _ = githubToken + uploadToken + sharedToken\n")
		testfs.WriteFile(tb, root, fmt.Sprintf("p%d/p%d.go", i, i), b.String())
	}
	return root
}

// BenchmarkPlan measures migration planning (the hardcodedcred analysis,
// placing each finding in the syntax, grouping values into secrets, naming
// them, building the plan) over a loaded module of 10 and 100 packages with
// six fake secrets each; loading is outside the loop. The ns/op ratio of
// the two sizes is the linearity check.
func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{10, 100} {
		root := benchModule(b, n)
		m := &migration{
			opts:   &Options{Dir: root, NameTemplate: DefaultNameTemplate},
			out:    &printer{stdout: io.Discard, stderr: io.Discard},
			report: &Report{},
		}
		if err := m.load(); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("pkgs=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var pl *Plan
			for b.Loop() {
				m.report = &Report{}
				if err := m.find(); err != nil {
					b.Fatal(err)
				}
				pl, _ = buildPlan("https://bench.vault.azure.net/", m.modPath, groupSecrets(m.places, DefaultNameTemplate))
			}
			// Five distinct values per package and one shared by all.
			if want := 5*n + 1; len(pl.Secrets) != want {
				b.Fatalf("plan has %d secrets, want %d", len(pl.Secrets), want)
			}
			b.ReportMetric(float64(len(m.places)), "places")
		})
	}
}
