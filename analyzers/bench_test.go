package analyzers_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkSuite runs the whole suite (what kvlint ./... runs on each
// package, ignorecheck included) over generated service code of 500 units,
// beside the floor analyzer that only walks string literals: the in-process
// form of target 1 of issue 6 (kvlint at most 1.15x the floor).
//
//	go test -run - -bench Suite -count 10 ./analyzers | benchstat -col /analyzer -
func BenchmarkSuite(b *testing.B) {
	suite := analyzers.Suite(&config.Source{})
	for _, kind := range []benchpkg.Kind{benchpkg.Plain, benchpkg.Azure} {
		pkgs := benchpkg.Load(b, benchpkg.Source(kind, 500))
		for _, as := range [][]*analysis.Analyzer{{benchpkg.Floor}, suite} {
			name := "suite"
			if len(as) == 1 {
				name = as[0].Name
			}
			b.Run("kind="+string(kind)+"/analyzer="+name, func(b *testing.B) {
				if n := benchpkg.Loop(b, as, pkgs); name == "suite" && n == 0 {
					b.Fatalf("the suite found nothing in the %s package", kind)
				}
			})
		}
	}
}
