package scan

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
)

// Exit statuses of Main.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // bad usage, unreadable files, bad configuration
	ExitFindings = 3 // findings reported
)

const usage = `usage: kvlint scan [flags] [paths...]

Scan plain files of any type (YAML, JSON, .env, .properties, Dockerfiles,
Terraform, shell, and Go in syntax-only mode) for hardcoded secrets with the
same rules, configuration and suppressions as kvlint's analyzers. A directory
is walked, skipping .git, vendor, node_modules, symbolic links, binary files
and what .gitignore files exclude. Paths default to ".".

Suppress a finding with a comment in the file's own syntax on the line or the
line above ("# kvlint:ignore KV100 reason"), or a whole file with
"kvlint:file-ignore KV100 reason".

Exit status: 0 clean, 3 findings, 1 error.

Flags:
`

// Main runs `kvlint scan` with args (the arguments after "scan") and returns
// the exit status: 0 clean, 3 findings, 1 error.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("kvlint scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	var (
		format     = fs.String("format", "text", "output format: text, json or sarif")
		asJSON     = fs.Bool("json", false, "same as -format json")
		cfgPath    = fs.String("config", "", "configuration `file` for every scanned file (default: the .kvlint.yaml found above each file)")
		maxSize    = fs.String("max-size", "10MiB", "skip files larger than `size` (bytes, or with a KB, KiB, MB, MiB suffix; 0 = no limit)")
		staged     = fs.Bool("staged", false, "report only lines added in the git index, reading the staged content")
		diffRev    = fs.String("diff", "", "report only lines of the work tree added since `rev`ision")
		basePath   = fs.String("baseline", "", "report only findings not recorded in baseline `file`")
		writeBase  = fs.String("write-baseline", "", "record today's findings in baseline `file` and exit 0")
		workers    = fs.Int("j", 0, "files scanned in parallel (default GOMAXPROCS)")
		quiet      = fs.Bool("q", false, "do not print notes about skipped files")
		goPackages = fs.Bool("go-packages", false, "treat the paths as file names and lint the Go packages that hold them with all analyzers (the kvlint pre-commit hook)")
		positional []string
	)
	// Flags may follow paths (kvlint scan . -format json); after "--" all
	// arguments are paths.
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
				return ExitClean
			}
			return ExitError
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	positional = append(positional, rest...)
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "kvlint scan: "+format+"\n", a...)
		return ExitError
	}
	if *asJSON {
		*format = "json"
	}
	if *goPackages {
		return lintPackagesOf(positional, *cfgPath, stdout, stderr)
	}
	var w report.Writer
	cwd, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}
	switch *format {
	case "text":
		w = report.Text{Dir: cwd}
	case "json":
		w = report.JSON{}
	case "sarif":
		// URIs are relative to the repository holding the first path scanned.
		root := cwd
		if len(positional) > 0 {
			if abs, err := filepath.Abs(positional[0]); err == nil {
				if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
					abs = filepath.Dir(abs)
				}
				root = abs
			}
		}
		w = report.SARIF{Root: report.RepoRoot(root)}
	default:
		return fail("unknown -format %q: want text, json or sarif", *format)
	}
	size, err := parseSize(*maxSize)
	if err != nil {
		return fail("-max-size: %v", err)
	}
	if *staged && *diffRev != "" {
		return fail("-staged and -diff cannot be used together")
	}
	if *basePath != "" && *writeBase != "" {
		return fail("-baseline and -write-baseline cannot be used together")
	}

	opts := Options{Config: &config.Source{Path: *cfgPath}, MaxSize: size, Workers: *workers, Root: cwd}
	if size == 0 {
		opts.MaxSize = -1
	}
	if *cfgPath != "" {
		if _, err := os.Stat(*cfgPath); err != nil {
			return fail("-config: %v", err)
		}
	}
	var base *baseline.File
	if *basePath != "" {
		if base, err = baseline.Load(*basePath); err != nil {
			return fail("%v", err)
		}
	}
	if *staged || *diffRev != "" {
		added, root, err := AddedLines(cwd, *diffRev)
		if err != nil {
			return fail("%v", err)
		}
		opts.Added = added
		if *staged {
			opts.ReadFile = stagedReader(root)
		}
	}

	res := Run(positional, opts)
	if !*quiet {
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "kvlint scan: note: %s\n", relTo(cwd, n))
		}
	}
	// A file the user named, or a staged one, that was not scanned is said
	// even under -q: a hook must not pass a file it never read in silence.
	for _, s := range res.Skipped {
		if s.Named {
			fmt.Fprintf(stderr, "kvlint scan: warning: %s was not scanned (%s)\n", relTo(cwd, s.Path), s.Reason)
		}
	}
	status := ExitClean
	if res.Err != nil {
		fmt.Fprintf(stderr, "kvlint scan: %v\n", res.Err)
		status = ExitError
	}

	if *writeBase != "" {
		b, err := baseline.New()
		if err != nil {
			return fail("%v", err)
		}
		for i, f := range res.Findings {
			b.Add(res.Keys[i], relTo(cwd, f.Filename))
		}
		if err := b.Save(*writeBase); err != nil {
			return fail("%v", err)
		}
		fmt.Fprintf(stderr, "kvlint scan: recorded %d findings in %s\n", len(res.Findings), *writeBase)
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
	if err := w.Write(stdout, findings, knownRules(findings, *cfgPath)); err != nil {
		return fail("%v", err)
	}
	if status == ExitClean && len(findings) > 0 {
		status = ExitFindings
	}
	if *format == "text" && !*quiet {
		fmt.Fprintf(stderr, "kvlint scan: %s scanned: %s", count(res.Files, "file"), count(len(findings), "finding"))
		if n := len(res.Findings) - len(findings); n > 0 {
			fmt.Fprintf(stderr, ", %d in the baseline", n)
		}
		if len(res.Skipped) > 0 {
			fmt.Fprintf(stderr, ", %s skipped (see the notes above)", count(len(res.Skipped), "file"))
		}
		fmt.Fprintln(stderr)
	}
	return status
}

// lintPackagesOf lints the Go packages that hold files (PackagesOf) by
// running this kvlint executable on them, so that the type-aware analyzers
// and the lint driver's configuration, output and exit status apply. Each Go
// module among them (nearest go.mod) is linted from its own root, so a
// repository with several modules works; the exit status is 1 if any run
// failed, else 3 if any found something.
func lintPackagesOf(files []string, cfgPath string, stdout, stderr io.Writer) int {
	groups := moduleGroups(PackagesOf(files))
	if len(groups) == 0 {
		return ExitClean
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "kvlint scan: -go-packages: %v\n", err)
		return ExitError
	}
	var args []string
	if cfgPath != "" {
		if abs, err := filepath.Abs(cfgPath); err == nil {
			cfgPath = abs
		}
		args = append(args, "-config", cfgPath)
	}
	status := ExitClean
	for _, g := range groups {
		if len(groups) > 1 && g.dir != "" {
			fmt.Fprintf(stderr, "kvlint: module in %s\n", g.dir)
		}
		cmd := exec.Command(exe, append(args, g.pkgs...)...)
		cmd.Dir = g.dir
		cmd.Stdout, cmd.Stderr = stdout, stderr
		code := ExitClean
		if err := cmd.Run(); err != nil {
			var exit *exec.ExitError
			if errors.As(err, &exit) && exit.ExitCode() > 0 {
				code = exit.ExitCode()
			} else {
				fmt.Fprintf(stderr, "kvlint scan: -go-packages: %v\n", err)
				code = ExitError
			}
		}
		switch {
		case code == ExitFindings && status == ExitClean:
			status = ExitFindings
		case code != ExitClean && code != ExitFindings:
			status = ExitError
		}
	}
	return status
}

// modGroup is package patterns relative to the root of the module (dir)
// that holds them; dir "" is the working directory (no go.mod found).
type modGroup struct {
	dir  string
	pkgs []string
}

// moduleGroups splits package patterns relative to the working directory by
// the Go module that holds them, rewriting them relative to its root.
func moduleGroups(pkgs []string) []modGroup {
	byRoot := map[string][]string{}
	var roots []string
	cache := map[string]string{}
	for _, p := range pkgs {
		abs, err := filepath.Abs(p)
		root := ""
		if err == nil {
			root = modRoot(abs, cache)
		}
		pat := p
		if root != "" {
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				root = ""
			} else if rel == "." {
				pat = "."
			} else {
				pat = "." + string(filepath.Separator) + rel
			}
		}
		if _, ok := byRoot[root]; !ok {
			roots = append(roots, root)
		}
		byRoot[root] = append(byRoot[root], pat)
	}
	slices.Sort(roots)
	var out []modGroup
	for _, r := range roots {
		out = append(out, modGroup{r, byRoot[r]})
	}
	return out
}

// modRoot returns the directory of the nearest go.mod at or above dir, or "".
func modRoot(dir string, cache map[string]string) string {
	if r, ok := cache[dir]; ok {
		return r
	}
	r := ""
	if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !fi.IsDir() {
		r = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		r = modRoot(parent, cache)
	}
	cache[dir] = r
	return r
}

// knownRules documents the rules of the findings, built-in or custom, for
// SARIF's rule descriptors.
func knownRules(findings []report.Finding, cfgPath string) []rules.Info {
	var out []rules.Info
	seen := map[string]bool{}
	src := &config.Source{Path: cfgPath}
	for _, f := range findings {
		if seen[f.RuleID] {
			continue
		}
		seen[f.RuleID] = true
		l, err := src.ForDir(filepath.Dir(f.Filename))
		if err != nil {
			l = nil
		}
		if info, ok := iacRule(f.RuleID); ok {
			out = append(out, info)
		} else if info, ok := l.Rule(f.RuleID); ok {
			out = append(out, info)
		}
	}
	return out
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

// count is "1 noun" or "n nouns".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
