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

// positives says, for each analyzer BenchmarkAnalyzer runs alone, what one
// unit in fifty of the generated Azure package does that it reports.
var positives = map[string]string{
	"clientsecretauth": "builds a credential from a literal secret",
	"pinnedversion":    "reads a secret at a pinned version",
	"secretexpiry":     "sets a secret without an expiry",
	"secretlog":        "logs a secret value",
	"vaultperrequest":  "reads a secret in an HTTP handler",
}

// BenchmarkAnalyzer runs each Azure analyzer of the suite named in positives
// alone over generated service code of 500 units, beside the floor analyzer
// that only walks string literals (hardcodedcred has its own benchmarks in
// its package). One analyzer:
//
//	go test -run - -bench Analyzer/secretlog -count 10 ./analyzers | benchstat -col /analyzer -
func BenchmarkAnalyzer(b *testing.B) {
	ran := 0
	for _, a := range analyzers.Suite(&config.Source{}) {
		if _, ok := positives[a.Name]; !ok {
			continue
		}
		ran++
		b.Run(a.Name, func(b *testing.B) {
			benchpkg.Bench(b, a, 500, func(k benchpkg.Kind) bool { return k == benchpkg.Azure })
		})
	}
	if ran != len(positives) {
		b.Fatalf("%d of the %d analyzers in positives are in the suite", ran, len(positives))
	}
}
