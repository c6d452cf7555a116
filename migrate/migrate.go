// Package migrate implements "kvlint migrate": it moves hardcoded
// credentials of a Go module into Azure Key Vault and rewrites the code to
// read them at run time through a small package generated into the module
// (internal/vaultsecrets).
//
// The steps: find credentials with the hardcodedcred analyzer (through
// golang.org/x/tools/go/analysis/checker), group them into one secret per
// distinct value with a stable name, store each with vault.StoreVerified
// (read first, never overwrite, read back), rewrite only the places whose
// secret is stored and verified (byte-range edits, gofmt, atomic writes),
// type-check the module and restore any file that no longer builds, then
// report. No output, plan, report or error holds a secret value.
package migrate

import (
	"errors"
	"fmt"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/kvlint/kvlint/migrate/vault"
)

// Options configure a migration. The kvlint migrate command (internal/cli)
// fills them from flags.
type Options struct {
	Dir              string            // module root; default "."
	Patterns         []string          // package patterns; default ./...
	VaultURL         string            // https://NAME.vault.azure.net/; default $AZURE_KEYVAULT_URL
	NameTemplate     string            // default DefaultNameTemplate
	ContentType      string            // default "text/plain"
	Tags             map[string]string // extra tags on every stored secret, besides source, rule, migrated-at and tool
	Expires          time.Duration     // 0: secrets never expire
	IncludeTests     bool              // migrate secrets in _test.go files too
	IncludeGenerated bool              // migrate secrets in generated files too
	DryRun           bool              // print what would change; touch neither the vault nor the tree
	PlanOut          string            // write the plan here and stop
	ApplyPlan        string            // carry out this reviewed plan
	ReportOut        string            // write the JSON report here
	Config           string            // .kvlint.yaml; default: discovered per package
	NoHistory        bool              // do not scan the git history for the rotation list

	allowLoopback bool // tests: accept https://127.0.0.1:PORT/ vault URLs
}

// storeFactory, when set by a test, opens the vault instead of NewAzure
// with DefaultAzureCredential.
var storeFactory func(vaultURL string) (vault.Store, error)

func openStore(vaultURL string) (vault.Store, error) {
	if storeFactory != nil {
		return storeFactory(vaultURL)
	}
	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		return nil, fmt.Errorf("azure credential: %w", err)
	}
	return vault.NewAzure(vaultURL, cred, nil)
}

// Validate checks the options for combinations that exclude each other;
// its error is a usage error.
func (o *Options) Validate() error {
	if o.DryRun && (o.PlanOut != "" || o.ApplyPlan != "") {
		return errors.New("-dry-run, -plan and -apply exclude each other")
	}
	if o.PlanOut != "" && o.ApplyPlan != "" {
		return errors.New("-plan and -apply exclude each other")
	}
	if o.Expires < 0 {
		return errors.New("-expires must be positive")
	}
	return nil
}
