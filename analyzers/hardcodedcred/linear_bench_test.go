package hardcodedcred_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkManyLiterals runs the analyzer, and the floor analyzer that only
// walks the literals, over one file of about 10k and 100k string literals
// (issue 6: a file of 100k literals is linear; compare the cpu-ns/op ratio
// of the two sizes with the floor's):
//
//	go test -run - -bench ManyLiterals -count 6 ./analyzers/hardcodedcred | benchstat -col /literals -
func BenchmarkManyLiterals(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		pkgs := benchpkg.Load(b, literalPackage(n))
		for _, a := range []*analysis.Analyzer{benchpkg.Floor, hardcodedcred.New(&config.Source{})} {
			b.Run(fmt.Sprintf("literals=%d/analyzer=%s", n, a.Name), func(b *testing.B) {
				benchpkg.Loop(b, []*analysis.Analyzer{a}, pkgs)
			})
		}
	}
}
