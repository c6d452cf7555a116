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
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/kvlint/kvlint/migrate/vault"
)

// Options configure a migration. Main fills them from flags.
type Options struct {
	Dir              string   // module root; default "."
	Patterns         []string // package patterns; default ./...
	VaultURL         string   // https://NAME.vault.azure.net/; default $AZURE_KEYVAULT_URL
	NameTemplate     string   // default DefaultNameTemplate
	ContentType      string   // default "text/plain"
	Tags             map[string]string
	Expires          time.Duration // 0: secrets never expire
	IncludeTests     bool
	IncludeGenerated bool
	DryRun           bool
	PlanOut          string // write the plan here and stop
	ApplyPlan        string // carry out this reviewed plan
	ReportOut        string // write the JSON report here
	Config           string // .kvlint.yaml; default: discovered per package
	NoHistory        bool   // do not scan the git history for the rotation list

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

type tagFlags map[string]string

func (t tagFlags) String() string { return "" }

func (t tagFlags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE")
	}
	t[k] = v
	return nil
}

const usage = `usage: kvlint migrate -vault-url https://NAME.vault.azure.net/ [flags] [packages]

Moves hardcoded credentials of the Go module in the current directory (or -C)
into Azure Key Vault and rewrites the code to read them at run time through
the generated package internal/vaultsecrets. Packages default to ./...

  kvlint migrate -vault-url URL -dry-run          show the plan, change nothing
  kvlint migrate -vault-url URL -plan plan.yaml   write the plan for review
  kvlint migrate -apply plan.yaml                 carry out a reviewed plan
  kvlint migrate -vault-url URL                   plan, store, rewrite, report

Authentication: azidentity.DefaultAzureCredential (environment, workload
identity, managed identity, Azure CLI). Every migrated value stays in git
history: rotate each secret afterwards.

Flags:
`

// Main runs "kvlint migrate" with args and returns the exit status: 0 done,
// 1 failed (vault error, stale plan, bad input), 2 usage error.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	o := Options{Tags: map[string]string{}}
	fs.StringVar(&o.Dir, "C", ".", "module root `dir` to migrate")
	fs.StringVar(&o.VaultURL, "vault-url", "", "Key Vault `URL`, such as https://NAME.vault.azure.net/ (default $AZURE_KEYVAULT_URL)")
	fs.StringVar(&o.NameTemplate, "name-template", DefaultNameTemplate, "secret name `template`: {pkg}, {name} (identifier, field, key or parameter), {rule}, {file}")
	fs.StringVar(&o.ContentType, "content-type", "text/plain", "content `type` of the stored secrets")
	fs.Var(tagFlags(o.Tags), "tag", "extra `KEY=VALUE` tag on every stored secret (repeatable)")
	fs.DurationVar(&o.Expires, "expires", 0, "set an expiry `duration` from now on each stored secret (an expired secret is no longer served!)")
	fs.BoolVar(&o.IncludeTests, "include-tests", false, "migrate credentials in _test.go files too")
	fs.BoolVar(&o.IncludeGenerated, "include-generated", false, "migrate credentials in generated files too")
	fs.BoolVar(&o.DryRun, "dry-run", false, "print the plan and change nothing (no vault call, no file written)")
	fs.StringVar(&o.PlanOut, "plan", "", "write the plan as YAML to `file` for review and stop")
	fs.StringVar(&o.ApplyPlan, "apply", "", "carry out the reviewed plan in `file`")
	fs.StringVar(&o.ReportOut, "report", "", "write the report as JSON to `file`")
	fs.StringVar(&o.Config, "config", "", "kvlint configuration `file` (default: .kvlint.yaml found from each package)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	o.Patterns = fs.Args()
	if o.DryRun && (o.PlanOut != "" || o.ApplyPlan != "") {
		fmt.Fprintln(stderr, "kvlint migrate: -dry-run, -plan and -apply exclude each other")
		return 2
	}
	if o.PlanOut != "" && o.ApplyPlan != "" {
		fmt.Fprintln(stderr, "kvlint migrate: -plan and -apply exclude each other")
		return 2
	}
	if o.Expires < 0 {
		fmt.Fprintln(stderr, "kvlint migrate: -expires must be positive")
		return 2
	}
	// SIGINT and SIGTERM cancel the run's context: the current step finishes
	// or is undone (a rewrite is rolled back), and no signal leaves a
	// half-changed tree. A second signal kills at once; the journal then
	// repairs the tree at the next start.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	if err := Run(ctx, &o, stdout, stderr); err != nil {
		return 1
	}
	return 0
}
