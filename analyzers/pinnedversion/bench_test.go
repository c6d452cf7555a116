package pinnedversion_test

import (
	"testing"

	"github.com/kvlint/kvlint/analyzers/pinnedversion"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkAnalyzer runs pinnedversion over generated service code of 500 units
// (one in fifty reads a secret at a pinned version), beside the floor analyzer
// that only walks string literals:
//
//	go test -run - -bench . -count 10 ./analyzers/pinnedversion | benchstat -col /analyzer -
func BenchmarkAnalyzer(b *testing.B) {
	benchpkg.Bench(b, pinnedversion.New(&config.Source{}), 500, func(k benchpkg.Kind) bool { return k == benchpkg.Azure })
}
