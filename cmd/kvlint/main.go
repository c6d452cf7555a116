// Command kvlint finds hardcoded secrets and risky Azure Key Vault usage in
// Go code, and moves secrets into Azure Key Vault.
//
//	kvlint ./...                          lint packages
//	kvlint -format sarif -o kvlint.sarif ./...
//	kvlint rules                          list the rules
//	go vet -vettool=$(which kvlint) ./... run inside go vet
//
// Exit status: 0 no findings, 1 error, 2 bad usage, 3 findings.
package main

import (
	"os"

	"github.com/kvlint/kvlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
