package cli

import (
	"fmt"
	"strings"
	"testing"
)

// benchPair returns a Go-like file of n lines and a copy with one line in
// every step changed, one inserted and one deleted, as -fix rewrites do.
func benchPair(n, step int) (a, b []byte) {
	var sa, sb strings.Builder
	for i := range n {
		line := fmt.Sprintf("\tv%d := lookup(%q) // line %d\n", i, fmt.Sprint("name-", i%97), i)
		sa.WriteString(line)
		switch {
		case i%step == step/2:
			fmt.Fprintf(&sb, "\tv%d := lookup(\"kv-secret\")\n", i)
		case i%step == step/3:
			sb.WriteString(line)
			sb.WriteString("\t// inserted\n")
		case i%step == 2*step/3:
			// deleted
		default:
			sb.WriteString(line)
		}
	}
	return []byte(sa.String()), []byte(sb.String())
}

// BenchmarkUnifiedDiff times -diff on files of 500 to 50,000 lines and
// reports the size of the diff, which shows whether it stayed minimal.
func BenchmarkUnifiedDiff(b *testing.B) {
	for _, c := range []struct{ n, step int }{{500, 50}, {2000, 200}, {5000, 100}, {50000, 500}} {
		x, y := benchPair(c.n, c.step)
		b.Run(fmt.Sprintf("lines=%d", c.n), func(b *testing.B) {
			var out string
			for b.Loop() {
				out = unifiedDiff("a/f", "b/f", x, y)
			}
			b.ReportMetric(float64(strings.Count(out, "\n")), "difflines")
			b.ReportMetric(float64(strings.Count(out, "\n@@ ")), "hunks")
		})
	}
}
