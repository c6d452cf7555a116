package secretlog_test

import (
	"testing"

	"github.com/kvlint/kvlint/analyzers/secretlog"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkAnalyzer runs secretlog over generated service code of 500 units
// (one in fifty logs a secret value), beside the floor analyzer
// that only walks string literals:
//
//	go test -run - -bench . -count 10 ./analyzers/secretlog | benchstat -col /analyzer -
func BenchmarkAnalyzer(b *testing.B) {
	benchpkg.Bench(b, secretlog.New(&config.Source{}), 500, func(k benchpkg.Kind) bool { return k == benchpkg.Azure })
}
