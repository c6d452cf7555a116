package history

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/cputime"
)

// BenchmarkHistoryDir scans the history of the repository named by
// $KVLINT_BENCH_HISTORY (one built with bench/history-repo.sh), for
// profiling:
//
//	KVLINT_BENCH_HISTORY=/tmp/hist-net go test -run - -bench HistoryDir -cpuprofile cpu.out ./scan/history
func BenchmarkHistoryDir(b *testing.B) {
	dir := os.Getenv("KVLINT_BENCH_HISTORY")
	if dir == "" {
		b.Skip("set KVLINT_BENCH_HISTORY to a git repository to scan")
	}
	for b.Loop() {
		res, err := Run(Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Bytes)/1e6, "MB")
	}
}

// BenchmarkHistorySize scans a generated history at two lengths, 24 and
// 48 commits of the same evolution (each commit edits a few declarations
// of each Go file, adds a file and an env file), and reports the CPU time
// per MB of unique blobs: the cost is linear in those bytes when the two
// figures agree.
//
//	go test -run - -bench HistorySize -count 5 ./scan/history
func BenchmarkHistorySize(b *testing.B) {
	for _, commits := range []int{24, 48} {
		b.Run(fmt.Sprintf("commits=%d", commits), func(b *testing.B) {
			r := newRepo(b)
			for v := range commits {
				for f := range 4 {
					r.write(fmt.Sprintf("svc/f%d.go", f), versionedSource(f, v))
				}
				r.write(fmt.Sprintf("svc/added%d.go", v), versionedSource(100+v, v))
				r.write(fmt.Sprintf("env/%d.env", v), fmt.Sprintf("NAME=svc%d\nTOKEN=%s\n", v, detect.FakeCRCToken("ghp_", fmt.Sprintf("size-%d", v))))
				r.commit(fmt.Sprintf("v%d", v))
			}
			var bytes int64
			var cpu time.Duration
			for b.Loop() {
				start := cputime.Process()
				res, err := Run(Options{Dir: r.dir})
				if err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Process() - start
				bytes = res.Bytes
				if len(res.Secrets) < commits {
					b.Fatalf("%d secrets, want at least %d", len(res.Secrets), commits)
				}
			}
			b.ReportMetric(float64(bytes)/1e6, "unique-MB")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N)/(float64(bytes)/1e6), "cpu-ms/MB")
		})
	}
}

// versionedSource is file f at version v: benchpkg's generated service
// code, with the declarations numbered v%8 and (v+3)%8 (of each eight)
// edited at that version.
func versionedSource(f, v int) string {
	src := benchpkg.Source(benchpkg.Plain, 24)
	for _, k := range []int{v % 8, (v + 3) % 8} {
		for i := k; i < 24; i += 8 {
			old := fmt.Sprintf("\"service-%d\"", i)
			src = strings.Replace(src, old, fmt.Sprintf("\"service-%d-f%d-v%d\"", i, f, v), 1)
		}
	}
	return src
}
