package detect

import (
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/cputime"
)

// reportCPU adds CPU-time figures, which a shared machine distorts less than
// wall time: cpu-ns/op and cpu-MB/s.
func reportCPU(b *testing.B, start int64, bytes int) {
	cpu := float64(int64(cputime.Process()) - start)
	b.ReportMetric(cpu/float64(b.N), "cpu-ns/op")
	if cpu > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/(cpu/1e9)/1e6, "cpu-MB/s")
	}
}

func benchmarkMix(b *testing.B, n int) {
	e := defaultEngine(b)
	vals, ctxs := benchMix(n)
	size := 0
	for _, v := range vals {
		size += len(v)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	dst := make([]Finding, 0, 16)
	start := int64(cputime.Process())
	for b.Loop() {
		for i := range vals {
			dst = e.Scan(vals[i], ctxs[i], dst[:0])
		}
	}
	reportCPU(b, start, size)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(vals)), "ns/value")
}

// BenchmarkScanMix scans about 1000 literal values of a realistic mix (one in
// a hundred a secret). Compare with BenchmarkScanMix10x for linearity.
func BenchmarkScanMix(b *testing.B) { benchmarkMix(b, 1000) }

// BenchmarkScanMix10x is BenchmarkScanMix with ten times the values.
func BenchmarkScanMix10x(b *testing.B) { benchmarkMix(b, 10000) }

// BenchmarkScanNonSecret scans values that no rule matches: the zero-allocation path.
func BenchmarkScanNonSecret(b *testing.B) {
	e := defaultEngine(b)
	vals := append([]string(nil), commonValues...)
	size := 0
	for _, v := range vals {
		size += len(v)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	ctx := Context{Kind: KindAssign, Name: "value"}
	start := int64(cputime.Process())
	for b.Loop() {
		for _, v := range vals {
			e.Scan(v, ctx, nil)
		}
	}
	reportCPU(b, start, size)
}

func benchmarkLarge(b *testing.B, n int) {
	e := defaultEngine(b)
	v := largeValueOf(n)
	b.SetBytes(int64(len(v)))
	b.ReportAllocs()
	start := int64(cputime.Process())
	for b.Loop() {
		e.Scan(v, Context{}, nil)
	}
	reportCPU(b, start, len(v))
}

// BenchmarkScanLarge scans one 10 MB value (a blob with text and a few tokens).
func BenchmarkScanLarge(b *testing.B) { benchmarkLarge(b, 10<<20) }

// BenchmarkScanLarge1MB is BenchmarkScanLarge at a tenth of the size.
func BenchmarkScanLarge1MB(b *testing.B) { benchmarkLarge(b, 1<<20) }

// BenchmarkKeywordPass is the automaton alone over the mix, joined.
func BenchmarkKeywordPass(b *testing.B) {
	e := defaultEngine(b)
	vals, _ := benchMix(1000)
	v := strings.Join(vals, "\n")
	b.SetBytes(int64(len(v)))
	start := int64(cputime.Process())
	for b.Loop() {
		var hits ruleSet
		e.ac.scan(v, &hits)
	}
	reportCPU(b, start, len(v))
}
