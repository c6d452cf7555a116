package detect

import "testing"

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
	for b.Loop() {
		for i := range vals {
			dst = e.Scan(vals[i], ctxs[i], dst[:0])
		}
	}
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
	for b.Loop() {
		for _, v := range vals {
			e.Scan(v, ctx, nil)
		}
	}
}

func benchmarkLarge(b *testing.B, n int) {
	e := defaultEngine(b)
	v := largeValueOf(n)
	b.SetBytes(int64(len(v)))
	b.ReportAllocs()
	for b.Loop() {
		e.Scan(v, Context{}, nil)
	}
}

// BenchmarkScanLarge scans one 10 MB value (a blob with text and a few tokens).
func BenchmarkScanLarge(b *testing.B) { benchmarkLarge(b, 10<<20) }

// BenchmarkScanLarge1MB is BenchmarkScanLarge at a tenth of the size.
func BenchmarkScanLarge1MB(b *testing.B) { benchmarkLarge(b, 1<<20) }
