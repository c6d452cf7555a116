// Package integration tests kvlint with the real tools users run it in: the
// pre-commit framework (the hooks in .pre-commit-hooks.yaml) and a custom
// golangci-lint built with kvlint's module plugin (see golangci/). The tests
// are skipped under -short; otherwise a missing tool is a failure that says
// how to install it.
package integration
