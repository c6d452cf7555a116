package vaultperrequest_test

import (
	"testing"

	"github.com/kvlint/kvlint/analyzers/vaultperrequest"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkAnalyzer runs vaultperrequest over generated service code of 500 units
// (one in fifty reads a secret in an HTTP handler), beside the floor analyzer
// that only walks string literals:
//
//	go test -run - -bench . -count 10 ./analyzers/vaultperrequest | benchstat -col /analyzer -
func BenchmarkAnalyzer(b *testing.B) {
	benchpkg.Bench(b, vaultperrequest.New(&config.Source{}), 500, func(k benchpkg.Kind) bool { return k == benchpkg.Azure })
}
