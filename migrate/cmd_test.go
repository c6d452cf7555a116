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
)

// Main runs the library the way the kvlint migrate command in internal/cli
// does (flags, Validate, signals, exit 0/1/2), so that the tests here drive
// it with a command line. internal/cli's own tests cover the real command.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := Options{Tags: map[string]string{}}
	fs.StringVar(&o.Dir, "C", ".", "")
	fs.StringVar(&o.VaultURL, "vault-url", "", "")
	fs.StringVar(&o.NameTemplate, "name-template", DefaultNameTemplate, "")
	fs.StringVar(&o.ContentType, "content-type", "text/plain", "")
	fs.Var(testTags(o.Tags), "tag", "")
	fs.DurationVar(&o.Expires, "expires", 0, "")
	fs.BoolVar(&o.IncludeTests, "include-tests", false, "")
	fs.BoolVar(&o.IncludeGenerated, "include-generated", false, "")
	fs.BoolVar(&o.DryRun, "dry-run", false, "")
	fs.StringVar(&o.PlanOut, "plan", "", "")
	fs.StringVar(&o.ApplyPlan, "apply", "", "")
	fs.StringVar(&o.ReportOut, "report", "", "")
	fs.StringVar(&o.Config, "config", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	o.Patterns = fs.Args()
	if err := o.Validate(); err != nil {
		fmt.Fprintf(stderr, "kvlint migrate: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() { <-ctx.Done(); stop() }()
	if err := Run(ctx, &o, stdout, stderr); err != nil {
		return 1
	}
	return 0
}

type testTags map[string]string

func (t testTags) String() string { return "" }

func (t testTags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE")
	}
	t[k] = v
	return nil
}
