package clientsecretauth_test

import (
	"testing"

	"github.com/kvlint/kvlint/analyzers/clientsecretauth"
	"github.com/kvlint/kvlint/bench/benchpkg"
	"github.com/kvlint/kvlint/config"
)

// BenchmarkAnalyzer runs clientsecretauth over generated service code of 500 units
// (one in fifty builds a credential from a literal secret), beside the floor analyzer
// that only walks string literals:
//
//	go test -run - -bench . -count 10 ./analyzers/clientsecretauth | benchstat -col /analyzer -
func BenchmarkAnalyzer(b *testing.B) {
	benchpkg.Bench(b, clientsecretauth.New(&config.Source{}), 500, func(k benchpkg.Kind) bool { return k == benchpkg.Azure })
}
