package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
	"github.com/kvlint/kvlint/scan"
)

const scanUsage = `usage: kvlint scan [flags] [paths...]
       kvlint scan -history [flags] [REV-RANGE...]

Scan plain files of any type (YAML, JSON, .env, .properties, Dockerfiles,
Terraform, shell, and Go in syntax-only mode) for hardcoded secrets with the
same rules, configuration and suppressions as kvlint's analyzers. A directory
is walked, skipping .git, vendor, node_modules, symbolic links, binary files
and what .gitignore files exclude. Paths default to ".".

With -history, every blob reachable from the revision ranges (default: all
refs) is scanned once; see docs/history.md.

Suppress a finding with a comment in the file's own syntax on the line or the
line above ("# kvlint:ignore KV100 reason"), or a whole file with
"kvlint:file-ignore KV100 reason".

Exit status: 0 clean, 1 error, 2 bad usage, 3 findings (every -format).

Flags:
`

// scanFlags holds the flags of kvlint scan.
type scanFlags struct {
	format     string
	json       bool
	config     string
	maxSize    string
	staged     bool
	diffRev    string
	baseline   string
	writeBase  string
	workers    int
	quiet      bool
	goPackages bool
	wholePkgs  bool
	dir        string
	hist       historyFlags
}

// newScanFlags returns the flag set of kvlint scan.
func newScanFlags(stderr io.Writer) (*flag.FlagSet, *scanFlags) {
	fs := newFlagSet("kvlint scan", scanUsage, stderr)
	o := &scanFlags{}
	fs.StringVar(&o.format, "format", "text", "output format: text, json or sarif")
	fs.BoolVar(&o.json, "json", false, "same as -format json")
	fs.StringVar(&o.config, "config", "", "configuration `file` for every scanned file (default: the .kvlint.yaml found above each file)")
	fs.StringVar(&o.maxSize, "max-size", "10MiB", "skip files larger than `size` (bytes, or with a KB, KiB, MB, MiB suffix; 0 = no limit)")
	fs.BoolVar(&o.staged, "staged", false, "report only lines added in the git index, reading the staged content; with -go-packages, lint a checkout of the index and report findings in the named (default: staged) .go files")
	fs.StringVar(&o.diffRev, "diff", "", "report only lines of the work tree added since `rev`ision")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in baseline `file`")
	fs.StringVar(&o.writeBase, "write-baseline", "", "record today's findings in baseline `file` and exit 0")
	fs.IntVar(&o.workers, "j", 0, "files scanned in parallel (default GOMAXPROCS)")
	fs.BoolVar(&o.quiet, "q", false, "no notes about skipped files and no summary line (files named or staged that were not scanned are still said)")
	fs.BoolVar(&o.goPackages, "go-packages", false, "treat the paths as file names and lint the Go packages that hold them with all analyzers (the kvlint pre-commit hook)")
	fs.BoolVar(&o.wholePkgs, "whole-packages", false, "with -go-packages -staged, report findings in every file of the linted packages, not only in the named files")
	fs.StringVar(&o.dir, "C", "", "change to `dir` before doing anything (paths, -config and baselines are relative to it)")
	o.hist.register(fs)
	return fs, o
}

// parseScanArgs parses args; flags may follow paths (kvlint scan . -format
// json), and after "--" all arguments are paths. ok is false with the exit
// status when parsing stopped (-h, or a bad flag).
func parseScanArgs(fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, ExitClean, false
			}
			return nil, ExitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	return append(positional, rest...), 0, true
}

// runScan is kvlint scan [flags] [paths]: exit 0 clean, 1 error, 2 bad
// usage, 3 findings.
func runScan(args []string, stdout, stderr io.Writer) int {
	fs, o := newScanFlags(stderr)
	positional, code, ok := parseScanArgs(fs, args)
	if !ok {
		return code
	}
	if o.json {
		o.format = "json"
	}
	wd, err := commandDir(o.dir)
	if err != nil {
		return cmdError(stderr, "scan", ExitUsage, err)
	}
	if o.hist.on {
		return runScanHistory(o, wd, positional, stdout, stderr)
	}
	if o.dir != "" {
		for i, p := range positional {
			positional[i] = joinDir(wd, p)
		}
	}
	if o.goPackages && o.staged {
		return lintStaged(o, wd, positional, stdout, stderr)
	}
	if o.goPackages {
		return lintPackagesOf(packagesOf(positional), joinDir(wd, o.config), o.lintArgs(), nil, stdout, stderr)
	}
	opts, base, code := scanOptions(o, wd, positional, stderr)
	if code != ExitClean {
		return code
	}
	return scanFiles(o, wd, positional, opts, base, stdout, stderr)
}

// commandDir is the directory of -C dir (absolute), or the working
// directory; a -C directory that does not exist is an error that says so.
func commandDir(dir string) (string, error) {
	if dir == "" {
		return getwd(), nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("-C: %v", err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("-C %s: directory does not exist", dir)
		}
		return "", fmt.Errorf("-C: %v", err)
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("-C %s: not a directory", dir)
	}
	return abs, nil
}

// joinDir resolves a relative path against dir; "" stays "".
func joinDir(dir, path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// formatAndSize checks -format and returns -max-size in bytes; an error
// is bad usage.
func (o *scanFlags) formatAndSize() (int64, error) {
	switch o.format {
	case "text", "json", "sarif":
	default:
		return 0, fmt.Errorf("unknown -format %q: want text, json or sarif", o.format)
	}
	size, err := parseSize(o.maxSize)
	if err != nil {
		return 0, fmt.Errorf("-max-size: %w", err)
	}
	return size, nil
}

// scanOptions checks the flags of a file scan and turns them into
// scan.Options and the baseline to filter by. A non-zero code is the exit
// status of a usage or setup error, already reported.
func scanOptions(o *scanFlags, wd string, positional []string, stderr io.Writer) (scan.Options, *baseline.File, int) {
	fail := func(code int, format string, a ...any) (scan.Options, *baseline.File, int) {
		fmt.Fprintf(stderr, "kvlint scan: "+format+"\n", a...)
		return scan.Options{}, nil, code
	}
	size, err := o.formatAndSize()
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	if o.staged && o.diffRev != "" {
		return fail(ExitUsage, "-staged and -diff cannot be used together")
	}
	if o.baseline != "" && o.writeBase != "" {
		return fail(ExitUsage, "-baseline and -write-baseline cannot be used together")
	}
	cfgPath := joinDir(wd, o.config)
	if cfgPath != "" {
		if _, err := os.Stat(cfgPath); err != nil {
			return fail(ExitError, "-config: %v", err)
		}
	}
	opts := scan.Options{Config: &config.Source{Path: cfgPath}, MaxSize: size, Workers: o.workers, Root: wd}
	if size == 0 {
		opts.MaxSize = -1
	}
	var base *baseline.File
	if o.baseline != "" {
		if base, err = baseline.Load(joinDir(wd, o.baseline)); err != nil {
			return fail(ExitError, "%v", err)
		}
	}
	if o.staged || o.diffRev != "" {
		added, root, err := scan.AddedLines(wd, o.diffRev)
		if err != nil {
			return fail(ExitError, "%v", err)
		}
		opts.Added = added
		if o.staged {
			opts.ReadFile = scan.StagedReader(root)
		}
	}
	return opts, base, ExitClean
}

// scanFiles runs the scan and reports it: notes, errors, then the findings
// not in base (or a new baseline with -write-baseline).
func scanFiles(o *scanFlags, wd string, positional []string, opts scan.Options, base *baseline.File, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "kvlint scan: "+format+"\n", a...)
		return ExitError
	}
	res := scan.Run(positional, opts)
	if !o.quiet {
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "kvlint scan: note: %s\n", relTo(wd, n))
		}
	}
	// A file the user named, or a staged one, that was not scanned is said
	// even under -q: a hook must not pass a file it never read in silence.
	for _, s := range res.Skipped {
		if s.Named {
			fmt.Fprintf(stderr, "kvlint scan: warning: %s was not scanned (%s)\n", relTo(wd, s.Path), s.Reason)
		}
	}
	status := ExitClean
	if res.Err != nil {
		fmt.Fprintf(stderr, "kvlint scan: %v\n", relTo(wd, res.Err.Error()))
		status = ExitError
	}
	if o.writeBase != "" {
		b, err := baseline.New()
		if err != nil {
			return fail("%v", err)
		}
		for i, f := range res.Findings {
			b.Add(res.Keys[i], relTo(wd, f.Filename))
		}
		if err := b.Save(joinDir(wd, o.writeBase)); err != nil {
			return fail("%v", err)
		}
		fmt.Fprintf(stderr, "kvlint scan: recorded %d findings in %s\n", len(res.Findings), o.writeBase)
		return status
	}
	findings := res.Findings
	if base != nil {
		m := base.Matcher()
		findings = findings[:0:0]
		for i, f := range res.Findings {
			if !m.Match(res.Keys[i]) {
				findings = append(findings, f)
			}
		}
	}
	w := scanWriter(o.format, wd, positional)
	if err := w.Write(stdout, findings, knownRules(findings, opts.Config)); err != nil {
		return fail("%v", err)
	}
	if status == ExitClean && len(findings) > 0 {
		status = ExitFindings
	}
	if o.format == "text" && !o.quiet {
		scanSummary(stderr, res, len(findings))
	}
	return status
}

// scanSummary is the line text output ends with: files scanned, findings,
// findings suppressed by directives and in the baseline, files skipped.
func scanSummary(w io.Writer, res *scan.Result, reported int) {
	fmt.Fprintf(w, "kvlint scan: %s scanned: %s", plural(res.Files, "file"), plural(reported, "finding"))
	if res.Suppressed > 0 {
		fmt.Fprintf(w, ", %d suppressed", res.Suppressed)
	}
	if n := len(res.Findings) - reported; n > 0 {
		fmt.Fprintf(w, ", %d in the baseline", n)
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(w, ", %s skipped (see the notes above)", plural(len(res.Skipped), "file"))
	}
	fmt.Fprintln(w)
}

// scanWriter is the report writer of -format (already checked). SARIF URIs
// are relative to the repository holding the first path scanned.
func scanWriter(format, wd string, positional []string) report.Writer {
	switch format {
	case "json":
		return report.JSON{}
	case "sarif":
		root := wd
		if len(positional) > 0 {
			abs := joinDir(wd, positional[0])
			if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
				abs = filepath.Dir(abs)
			}
			root = abs
		}
		return report.SARIF{Root: report.RepoRoot(root)}
	}
	return report.Text{Dir: wd}
}

// knownRules documents the rules of the findings, built-in or custom, for
// SARIF's rule descriptors.
func knownRules(findings []report.Finding, src *config.Source) []rules.Info {
	builtin := map[string]rules.Info{}
	for _, r := range rulesFor() {
		builtin[r.ID] = r
	}
	var out []rules.Info
	seen := map[string]bool{}
	for _, f := range findings {
		if seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		if info, ok := builtin[f.RuleID]; ok {
			out = append(out, info)
			continue
		}
		if l, err := src.ForDir(filepath.Dir(f.Filename)); err == nil {
			if info, ok := l.Rule(f.RuleID); ok {
				out = append(out, info)
			}
		}
	}
	return out
}

// lintArgs are the lint flags that scan's flags of the same meaning give
// (-format, -q) for -go-packages.
func (o *scanFlags) lintArgs() []string {
	args := []string{"-format", o.format}
	if o.quiet {
		args = append(args, "-q")
	}
	return args
}

// lintPackagesOf lints, in this process, the Go packages pkgs (patterns
// from packagesOf) with the lint driver, so the type-aware analyzers and the
// lint configuration, output and exit status apply; view, if not nil, is
// the staged checkout they are in. Each Go module among them (nearest
// go.mod) is linted from its own root, so a repository with several modules
// works; the exit status is 1 if any run failed, else 3 if any found
// something.
func lintPackagesOf(pkgs []string, cfgPath string, lintArgs []string, view *lintView, stdout, stderr io.Writer) int {
	groups := moduleGroups(pkgs)
	status := ExitClean
	for _, g := range groups {
		if len(groups) > 1 && g.dir != "" {
			dir := g.dir
			if view != nil {
				dir = relTo(view.wd, view.tree.toRepo(dir))
			}
			fmt.Fprintf(stderr, "kvlint: module in %s\n", dir)
		}
		args := slices.Clone(lintArgs)
		if g.dir != "" {
			args = append(args, "-C", g.dir)
		}
		if cfgPath != "" {
			args = append(args, "-config", cfgPath)
		}
		code := runLintIn(append(args, g.pkgs...), view, stdout, stderr)
		switch {
		case code == ExitFindings && status == ExitClean:
			status = ExitFindings
		case code != ExitClean && code != ExitFindings:
			status = ExitError
		}
	}
	return status
}

// relTo shortens the absolute file names in s to names relative to dir.
func relTo(dir, s string) string {
	if dir == "" {
		return s
	}
	return strings.ReplaceAll(s, dir+string(filepath.Separator), "")
}

// parseSize parses "10MiB", "512KB", "1M", "2048".
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{
		{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
		{"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
	} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("bad size %q: want bytes, or a number with KB, KiB, MB or MiB", s)
	}
	return n * mult, nil
}
