package migrate

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Main runs the library the way the kvlint migrate command in internal/cli
// does (flags, Validate, signals, exit 0/1/2), so that the tests here drive
// it with a command line. internal/cli's own tests cover the real command.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o Options
	o.AddFlags(fs)
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
