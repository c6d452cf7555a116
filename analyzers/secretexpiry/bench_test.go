package secretexpiry_test

import (
	"testing"

	"github.com/kvlint/kvlint/analyzers/secretexpiry"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkAnalyzer runs secretexpiry over generated service code of 500 units
// (one in fifty sets a secret without an expiry), beside the floor analyzer
// that only walks string literals:
//
//	go test -run - -bench . -count 10 ./analyzers/secretexpiry | benchstat -col /analyzer -
func BenchmarkAnalyzer(b *testing.B) {
	benchpkg.Bench(b, secretexpiry.New(&config.Source{}), 500, func(k benchpkg.Kind) bool { return k == benchpkg.Azure })
}
