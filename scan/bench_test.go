package scan_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/cputime"
	"github.com/kvlint/kvlint/scan"
)

// genTree writes a repository-like tree of n units (each a Go file, a YAML
// file, a JSON file and a .env file, about 9 KB together, one fake secret in
// twenty files) and returns its root and size in bytes.
func genTree(tb testing.TB, n int) (string, int64) {
	tb.Helper()
	dir := tb.TempDir()
	var total int64
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(len(content))
	}
	for i := range n {
		pkg := fmt.Sprintf("pkg%03d", i/10)
		var g strings.Builder
		fmt.Fprintf(&g, "// Package %s is generated for benchmarks.\npackage %s\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"os\"\n)\n\n", pkg, pkg)
		for j := range 12 {
			fmt.Fprintf(&g, "// Handler%d serves /api/v1/items/%d.\nfunc Handler%d_%d(w http.ResponseWriter, r *http.Request) {\n", j, j, i, j)
			fmt.Fprintf(&g, "\tname := r.URL.Query().Get(\"name-%d\")\n\tif name == \"\" {\n\t\thttp.Error(w, \"missing name parameter\", http.StatusBadRequest)\n\t\treturn\n\t}\n", j)
			fmt.Fprintf(&g, "\tw.Header().Set(\"Content-Type\", \"application/json\")\n\tfmt.Fprintf(w, `{\"item\": %%q, \"id\": %d}`, name)\n", j)
			fmt.Fprintf(&g, "\t_ = os.Getenv(\"APP_SETTING_%d\")\n}\n\n", j)
		}
		if i%20 == 0 {
			fmt.Fprintf(&g, "var uploadToken = %q\n", detect.FakeCRCToken("ghp_", fmt.Sprint("bench", i)))
		}
		write(fmt.Sprintf("%s/file%04d.go", pkg, i), g.String())

		var y strings.Builder
		fmt.Fprintf(&y, "# service %d\nservice:\n  name: app-%d\n  replicas: 3\n  image: registry.example.com/app:%d.0.1\n  env:\n", i, i, i)
		for j := range 30 {
			fmt.Fprintf(&y, "    - name: SETTING_%d\n      value: \"value-%d-%d\"\n", j, i, j)
		}
		fmt.Fprintf(&y, "  database:\n    host: db-%d.internal\n    password: ${DB_PASSWORD}\n", i)
		write(fmt.Sprintf("deploy/%s/values%04d.yaml", pkg, i), y.String())

		var js strings.Builder
		js.WriteString("{\n")
		for j := range 25 {
			fmt.Fprintf(&js, "  \"key%d\": {\"enabled\": true, \"threshold\": %d, \"label\": \"item %d of %d\"},\n", j, j*7, j, i)
		}
		js.WriteString("  \"last\": null\n}\n")
		write(fmt.Sprintf("config/%s/settings%04d.json", pkg, i), js.String())

		var env strings.Builder
		for j := range 10 {
			fmt.Fprintf(&env, "APP_OPTION_%d=option-%d\n", j, i)
		}
		if i%20 == 10 {
			fmt.Fprintf(&env, "DB_PASSWORD=%s\n", detect.Fake(fmt.Sprint("bench-pw", i), "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24))
		}
		write(fmt.Sprintf("env/%s/app%04d.env", pkg, i), env.String())
	}
	return dir, total
}

// BenchmarkScanTree scans a generated tree at two sizes; the ns/op ratio of
// the two is the linearity check of issue 6 (10x input, at most 10.5x time).
func BenchmarkScanTree(b *testing.B) {
	for _, n := range []int{50, 500} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			dir, size := genTree(b, n)
			b.SetBytes(size)
			var findings int
			start := cputime.Process()
			for b.Loop() {
				res := scan.Run([]string{dir}, scan.Options{})
				if res.Err != nil {
					b.Fatal(res.Err)
				}
				findings = len(res.Findings)
			}
			b.ReportMetric(float64(cputime.Process()-start)/float64(b.N), "cpu-ns/op")
			if want := 2 * ((n + 19) / 20); findings < want/2 {
				b.Fatalf("%d findings, want about %d", findings, want)
			}
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// BenchmarkParseFloor reads and parses the Go files of the same trees with
// go/parser, on as many goroutines as scan uses: the parse-only floor that
// issue 6 compares scan with (target: scan at most 3x).
func BenchmarkParseFloor(b *testing.B) {
	for _, n := range []int{50, 500} {
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			dir, size := genTree(b, n)
			var files []string
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".go") {
					files = append(files, p)
				}
				return nil
			})
			b.SetBytes(size)
			start := cputime.Process()
			for b.Loop() {
				var wg sync.WaitGroup
				ch := make(chan string)
				for range runtime.GOMAXPROCS(0) {
					wg.Go(func() {
						for f := range ch {
							data, err := os.ReadFile(f)
							if err != nil {
								b.Error(err)
								continue
							}
							if _, err := parser.ParseFile(token.NewFileSet(), f, data, parser.ParseComments|parser.SkipObjectResolution); err != nil {
								b.Error(err)
							}
						}
					})
				}
				for _, f := range files {
					ch <- f
				}
				close(ch)
				wg.Wait()
			}
			b.ReportMetric(float64(cputime.Process()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkScanDir scans the directory named by $KVLINT_BENCH_DIR (a real
// repository checked out outside the project), for profiling:
//
//	KVLINT_BENCH_DIR=~/src/cli go test -run - -bench ScanDir -cpuprofile cpu.out ./scan
func BenchmarkScanDir(b *testing.B) {
	dir := os.Getenv("KVLINT_BENCH_DIR")
	if dir == "" {
		b.Skip("set KVLINT_BENCH_DIR to a directory to scan")
	}
	for b.Loop() {
		if res := scan.Run([]string{dir}, scan.Options{}); res.Err != nil {
			b.Fatal(res.Err)
		}
	}
}
