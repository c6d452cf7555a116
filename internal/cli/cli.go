// Package cli is the kvlint command: the lint driver over go/packages and
// go/analysis/checker, its subcommands (rules, version, baseline, scan,
// migrate, help) and the switch to unitchecker when go vet runs kvlint as
// its -vettool.
//
// Main takes its arguments and output streams as parameters and returns the
// exit status, so the command is tested in-process.
package cli

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
	_ "github.com/kvlint/kvlint/scan/iac" // registers the IaC practice rules
)

// Exit statuses of kvlint.
const (
	ExitClean    = 0 // no findings
	ExitError    = 1 // kvlint could not do its job (load failure, bad config, I/O error)
	ExitUsage    = 2 // bad command line
	ExitFindings = 3 // findings reported (every -format; the go/analysis flag -json exits 0)
)

// Main runs kvlint with args (without the program name) and returns the exit
// status. When go vet runs kvlint as its -vettool (arguments ending in a
// *.cfg file, or the -V=full and -flags queries), Main hands over to
// unitchecker, which reads os.Args itself and exits the process.
func Main(args []string, stdout, stderr io.Writer) int {
	if isVetInvocation(args) {
		if len(args) == 1 && strings.TrimLeft(args[0], "-") == "V=full" {
			return vetVersion(stdout, stderr)
		}
		unitchecker.Main(analyzers.Suite(&config.Source{})...)
		return ExitError // unreachable: unitchecker.Main exits
	}
	if len(args) > 0 {
		if run, ok := subcommands[args[0]]; ok {
			return run(args[1:], stdout, stderr)
		}
	}
	return runLint(args, stdout, stderr)
}

// subcommands maps the first argument that names a command to the function
// that runs it on the arguments after it; any other command line is lint.
var subcommands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"rules":    runRules,
	"version":  runVersion,
	"baseline": runBaseline,
	"scan":     runScan,
	"migrate":  runMigrate,
	"explain":  runExplain,
	"help":     runHelp,
}

// newFlagSet returns the flag set of command name, which reports errors on
// stderr and whose usage is text followed by the flags' defaults.
func newFlagSet(name, text string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = usageFunc(fs, text, stderr)
	return fs
}

// usageFunc prints text and then the defaults of fs's flags on stderr.
func usageFunc(fs *flag.FlagSet, text string, stderr io.Writer) func() {
	return func() {
		fmt.Fprint(stderr, text)
		fs.PrintDefaults()
	}
}

// isVetInvocation reports whether go vet runs kvlint as its -vettool: go vet
// first asks for the tool's version (-V=full) and flags (-flags), then runs
// it once per package with analyzer flags and one *.cfg file last.
func isVetInvocation(args []string) bool {
	if len(args) == 0 {
		return false
	}
	if len(args) == 1 && (args[0] == "-V=full" || args[0] == "--V=full" || args[0] == "-flags" || args[0] == "--flags") {
		return true
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") || strings.HasPrefix(last, "-") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false // kvlint ./pkg x.cfg is not a vet invocation
		}
	}
	return true
}

// vetVersion answers go vet's -V=full query. go vet keys its cache of
// each package's results on this line, so besides the executable's hash it
// includes the hash of the .kvlint.yaml that applies to the working
// directory: editing the configuration then re-runs the analysis instead of
// replaying stale results. (A .kvlint.yaml below the working directory is
// not seen here; go clean -cache covers that case.)
func vetVersion(stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		errorf(stderr, "-V=full: %v", err)
		return ExitError
	}
	h := sha256.New()
	f, err := os.Open(exe)
	if err != nil {
		errorf(stderr, "-V=full: %v", err)
		return ExitError
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		errorf(stderr, "-V=full: %v", err)
		return ExitError
	}
	if data, ok := nearestConfig(getwd()); ok {
		h.Write([]byte{0})
		h.Write(data)
	}
	// The go command wants "name version devel ... buildID=ID" for devel tools.
	fmt.Fprintf(stdout, "kvlint version devel kvlint-%s buildID=%x\n", moduleVersion(), h.Sum(nil))
	return ExitClean
}

// nearestConfig returns the contents of the .kvlint.yaml that discovery
// finds from dir: the nearest one walking up, stopping at a .git directory.
func nearestConfig(dir string) ([]byte, bool) {
	for d := dir; ; {
		if data, err := os.ReadFile(filepath.Join(d, config.FileName)); err == nil {
			return data, true
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return nil, false
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, false
		}
		d = parent
	}
}

const usageText = `kvlint finds hardcoded secrets and risky Azure Key Vault usage in Go code.

Usage:
  kvlint [flags] [packages]           lint packages (default ./...)
  kvlint rules [-format json] [ID]    list rules, or show one rule's documentation
  kvlint version                      print the version
  kvlint baseline write FILE [flags] [packages]
                                      record today's findings in a baseline file
  kvlint baseline prune FILE [flags] [packages]
                                      drop baseline entries that match nothing any more
  kvlint baseline write FILE -history [REV-RANGE...]
                                      record the git history's findings
  kvlint scan [flags] [paths]         scan plain files (any type) for secrets
  kvlint scan -history [flags] [REV-RANGE...]
                                      every secret ever committed (-since, -max-size, -branches)
  kvlint migrate [flags]              move hardcoded secrets to Azure Key Vault
  kvlint explain [flags] FILE:LINE[:COL]
                                      what kvlint decided about each string there, and why
  kvlint help                         this text

  go vet -vettool=$(which kvlint) ./...   runs kvlint's analyzers inside go vet

Exit status (lint, scan, baseline): 0 no findings, 1 error, 2 bad usage,
3 findings. -format json exits 3 on findings like text and SARIF; -json
keeps go/analysis' convention and exits 0 with findings. migrate: 0 done,
1 error, 2 bad usage. explain: 0 nothing reported there, 1 error, 2 bad
usage, 3 a finding reported there. -C DIR works in DIR for lint, scan,
migrate and explain.

Flags of kvlint [packages]:
`

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		// kvlint help KV101 is kvlint rules KV101.
		return runRules(args, stdout, stderr)
	}
	fmt.Fprint(stdout, usageText)
	fs, _ := newLintFlags(io.Discard)
	fs.SetOutput(stdout)
	fs.PrintDefaults()
	return ExitClean
}

// errorf prints a kvlint error line to w.
func errorf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "kvlint: "+format+"\n", args...)
}

// cmdError reports err on w as the error of command cmd ("kvlint scan:
// ...") and returns code, the exit status it leads to.
func cmdError(w io.Writer, cmd string, code int, err error) int {
	fmt.Fprintf(w, "kvlint %s: %v\n", cmd, err)
	return code
}

// getwd returns the working directory, or "." if it is unknown.
func getwd() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}

// relPath returns name relative to dir if it lies under dir, else name.
var relPath = report.RelPath

// suiteFor and rulesFor are the analyzers and rule documentation the driver
// uses; tests replace them.
var (
	suiteFor = analyzers.Suite
	rulesFor = allRules
)

// allRules is the documentation of every built-in rule, from the one
// registry: the rules each analyzer and the IaC practices register
// (rules.Registered) and the detection engine's (detect.Builtin, reported
// by hardcodedcred), ordered by ID. kvlint rules, the README table and
// SARIF's rule descriptors all read it.
func allRules() []rules.Info {
	all := rules.Registered()
	for _, r := range detect.Builtin() {
		if !slices.ContainsFunc(all, func(i rules.Info) bool { return i.ID == r.ID }) {
			info := r.Info
			if info.Analyzer == "" {
				info.Analyzer = config.DetectAnalyzer
			}
			all = append(all, info)
		}
	}
	slices.SortStableFunc(all, func(a, b rules.Info) int { return strings.Compare(a.ID, b.ID) })
	return all
}
