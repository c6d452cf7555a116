package cli

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/kvlint/kvlint/migrate"
)

const migrateUsage = `usage: kvlint migrate -vault-url https://NAME.vault.azure.net/ [flags] [packages]

Moves hardcoded credentials of the Go module in the current directory (or -C)
into Azure Key Vault and rewrites the code to read them at run time through
the generated package internal/vaultsecrets. Packages default to ./...

  kvlint migrate -vault-url URL -dry-run          show the plan, change nothing
  kvlint migrate -vault-url URL -plan plan.yaml   write the plan for review
  kvlint migrate -apply plan.yaml                 carry out a reviewed plan
  kvlint migrate -vault-url URL                   plan, store, rewrite, report

Authentication: azidentity.DefaultAzureCredential (environment, workload
identity, managed identity, Azure CLI). Every migrated value stays in git
history: rotate each secret afterwards (the rotation list, from the git
history unless -history=false, says which and where).

Exit status: 0 done, 1 error (vault error, stale plan, bad input), 2 bad usage.

Flags:
`

// newMigrateFlags returns the flag set of kvlint migrate, filling o.
func newMigrateFlags(o *migrate.Options, history *bool, stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("kvlint migrate", migrateUsage, stderr)
	o.AddFlags(fs)
	fs.BoolVar(history, "history", true, "scan the git history for the rotation list (-history=false: only the secrets migrated now)")
	return fs
}

// runMigrate is kvlint migrate [flags] [packages]: exit 0 done, 1 failed,
// 2 bad usage.
func runMigrate(args []string, stdout, stderr io.Writer) int {
	var o migrate.Options
	history := true
	fs := newMigrateFlags(&o, &history, stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitUsage
	}
	o.Patterns = fs.Args()
	o.NoHistory = !history
	if err := o.Validate(); err != nil {
		return cmdError(stderr, "migrate", ExitUsage, err)
	}
	dir, err := commandDir(o.Dir)
	if err != nil {
		return cmdError(stderr, "migrate", ExitUsage, err)
	}
	// -C DIR means what it means for lint: files named on the command line
	// are relative to DIR.
	o.Dir = dir
	for _, p := range []*string{&o.Config, &o.PlanOut, &o.ApplyPlan, &o.ReportOut} {
		*p = joinDir(dir, *p)
	}
	// SIGINT and SIGTERM cancel the run's context: the current step finishes
	// or is undone (a rewrite is rolled back), and no signal leaves a
	// half-changed tree. A second signal kills at once; the journal then
	// repairs the tree at the next start.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	if err := migrate.Run(ctx, &o, stdout, stderr); err != nil {
		return ExitError
	}
	return ExitClean
}
