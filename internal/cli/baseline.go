package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kvlint/kvlint/baseline"
)

// runBaseline is kvlint baseline write|prune FILE [flags] [packages].
func runBaseline(args []string, stdout, stderr io.Writer) int {
	usage := func() { fmt.Fprintln(stderr, baselineUsage) }
	if len(args) == 0 {
		usage()
		return ExitUsage
	}
	verb := args[0]
	if verb != "write" && verb != "prune" {
		if verb == "-h" || verb == "-help" || verb == "--help" || verb == "help" {
			usage()
			return ExitClean
		}
		errorf(stderr, "baseline: unknown command %q (want write or prune)", verb)
		usage()
		return ExitUsage
	}
	rest := args[1:]
	if code, ok := historyBaseline(verb, rest, stdout, stderr); ok {
		return code
	}
	o, file, patterns, code := parseBaselineArgs(verb, rest, usage, stderr)
	if o == nil {
		return code
	}
	res, code := analyze(o, patterns, stderr)
	if res == nil {
		return code
	}
	if code == ExitError {
		errorf(stderr, "baseline %s: not writing %s: analysis failed", verb, file)
		return ExitError
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(res.wd, file)
	}
	if verb == "prune" {
		return prune(res, file, stdout, stderr)
	}
	return writeBaseline(res, file, stdout, stderr)
}

// baselineUsage is the baseline command's usage text.
const baselineUsage = `usage: kvlint baseline write FILE [flags] [packages]   record today's findings
       kvlint baseline prune FILE [flags] [packages]   drop entries that match no finding
       kvlint baseline write FILE -history [flags] [REV-RANGE...]
                                                  record the git history's findings
Flags are those of kvlint [packages] (-config, -test, -C, -NAME=false...);
with -history those of kvlint scan -history.`

// parseBaselineArgs parses the arguments after the verb: FILE, before or
// after the lint flags, then the package patterns. On bad usage or -help
// it returns nil flags and the exit code.
func parseBaselineArgs(verb string, rest []string, usage func(), stderr io.Writer) (o *lintFlags, file string, patterns []string, code int) {
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		file, rest = rest[0], rest[1:]
	}
	fs, o := newLintFlags(stderr)
	fs.Usage = usage
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, "", nil, ExitClean
		}
		return nil, "", nil, ExitUsage
	}
	patterns = fs.Args()
	if file == "" {
		if len(patterns) == 0 {
			errorf(stderr, "baseline %s: missing FILE", verb)
			usage()
			return nil, "", nil, ExitUsage
		}
		file, patterns = patterns[0], patterns[1:]
	}
	if o.fix || o.diff || o.baseline != "" || o.prune || o.output != "" {
		errorf(stderr, "baseline %s: -fix, -diff, -baseline, -baseline-prune and -o do not apply", verb)
		return nil, "", nil, ExitUsage
	}
	if err := o.validate(); err != nil {
		errorf(stderr, "baseline: %v", err)
		return nil, "", nil, ExitUsage
	}
	return o, file, patterns, ExitClean
}

// writeBaseline records res's primary findings in file, keeping the salt
// of the baseline already there so that the file diffs well.
func writeBaseline(res *result, file string, stdout, stderr io.Writer) int {
	bl, err := baseline.New()
	if err != nil {
		errorf(stderr, "%v", err)
		return ExitError
	}
	if old, err := baseline.Load(file); err == nil {
		bl.Salt = old.Salt
	} else if _, statErr := os.Stat(file); statErr == nil {
		errorf(stderr, "note: replacing unreadable baseline: %v", err)
	}
	n := 0
	for _, d := range res.diags {
		if d.primary {
			bl.Add(d.key, filepath.ToSlash(relPath(res.wd, d.f.Filename)))
			n++
		}
	}
	if err := bl.Save(file); err != nil {
		errorf(stderr, "%v", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "kvlint: baseline %s: recorded %d findings in %d entries\n", relPath(res.wd, file), n, len(bl.Entries))
	return ExitClean
}

// prune drops the entries of file that match no finding in the analyzed
// packages; it never adds entries.
func prune(res *result, file string, stdout, stderr io.Writer) int {
	bl, err := baseline.Load(file)
	if err != nil {
		errorf(stderr, "%v", err)
		return ExitError
	}
	stale := res.filterBaseline(bl)
	drop := map[string]int{}
	for _, e := range stale {
		drop[e.Rule+"\x00"+e.Package+"\x00"+e.Decl+"\x00"+e.Fingerprint] += e.Count
	}
	kept := bl.Entries[:0]
	removed := 0
	for _, e := range bl.Entries {
		k := e.Rule + "\x00" + e.Package + "\x00" + e.Decl + "\x00" + e.Fingerprint
		if n := min(drop[k], e.Count); n > 0 {
			drop[k] -= n
			e.Count -= n
			removed += n
		}
		if e.Count > 0 {
			kept = append(kept, e)
		}
	}
	bl.Entries = kept
	if err := bl.Save(file); err != nil {
		errorf(stderr, "%v", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "kvlint: baseline %s: pruned %d stale findings, %d entries left\n", relPath(res.wd, file), removed, len(bl.Entries))
	return ExitClean
}
