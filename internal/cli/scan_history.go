package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/scan/history"
)

// historyFlags are the flags kvlint scan has for -history.
type historyFlags struct {
	on       bool
	since    string
	branches bool
}

// register adds the -history flags to the scan flag set.
func (h *historyFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&h.on, "history", false, "scan every blob of the git history; the arguments are revision ranges (default: all refs), such as base..head")
	fs.StringVar(&h.since, "since", "", "with -history: only commits more recent than `date` (git log --since)")
	fs.BoolVar(&h.branches, "branches", false, "with -history: the local branches (git --branches) in place of all refs")
}

// runScanHistory is kvlint scan -history [flags] [REV-RANGE...], with the
// flags of kvlint scan that apply (-format, -config, -max-size, -baseline,
// -write-baseline, -j, -q, -C).
func runScanHistory(o *scanFlags, wd string, revs []string, stdout, stderr io.Writer) int {
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "kvlint scan -history: "+format+"\n", a...)
		return code
	}
	opts, inBase, code, err := historyOptions(o, wd, revs)
	if err != nil {
		return fail(code, "%v", err)
	}
	res, err := history.Run(opts)
	if err != nil {
		return fail(ExitError, "%v", err)
	}
	if !o.quiet {
		for _, n := range slices.Concat(res.Skipped, res.Notes) {
			fmt.Fprintf(stderr, "kvlint scan -history: note: %s\n", n)
		}
	}
	status := ExitClean
	if res.Err != nil {
		// Reported before the findings and again in the summary: what was
		// scanned is shown, and never as the complete history.
		fmt.Fprintf(stderr, "kvlint scan -history: INCOMPLETE: %v\n", res.Err)
		status = ExitError
	}
	if o.writeBase != "" {
		n, err := writeHistoryBaseline(joinDir(wd, o.writeBase), res)
		if err != nil {
			return fail(ExitError, "%v", err)
		}
		fmt.Fprintf(stderr, "kvlint scan -history: recorded %d findings of %d commits in %s\n", n, res.Commits, o.writeBase)
		return status
	}
	if inBase != nil {
		res.Secrets = newSecrets(res.Secrets, inBase)
	}
	if err := writeHistoryReport(o.format, stdout, res, opts.Config); err != nil {
		return fail(ExitError, "%v", err)
	}
	fmt.Fprintln(stderr, historySummary(res))
	if status == ExitClean && len(res.Secrets) > 0 {
		status = ExitFindings
	}
	return status
}

// historyOptions checks the flags of a history scan and turns them into
// history.Options and the set of baselined keys (nil without -baseline).
// An error comes with its exit status.
func historyOptions(o *scanFlags, wd string, revs []string) (history.Options, func(baseline.Key) bool, int, error) {
	var none history.Options
	if o.staged || o.diffRev != "" || o.goPackages {
		return none, nil, ExitUsage, errors.New("-staged, -diff and -go-packages do not apply to -history")
	}
	if o.baseline != "" && o.writeBase != "" {
		return none, nil, ExitUsage, errors.New("-baseline and -write-baseline cannot be used together")
	}
	size, err := o.formatAndSize()
	if err != nil {
		return none, nil, ExitUsage, err
	}
	if size == 0 {
		size = -1
	}
	cfg := &config.Source{}
	if o.config != "" {
		cfg.Path = joinDir(wd, o.config)
	}
	if o.hist.branches {
		revs = append(revs, "--branches")
	}
	var inBase func(baseline.Key) bool
	if o.baseline != "" {
		base, err := baseline.Load(joinDir(wd, o.baseline))
		if err != nil {
			return none, nil, ExitError, err
		}
		inBase = baselineSet(base)
	}
	opts := history.Options{Dir: wd, Revs: revs, Since: o.hist.since, Config: cfg, MaxSize: size, Workers: o.workers}
	return opts, inBase, ExitClean, nil
}

// writeHistoryReport writes the history's secrets to w in format (text,
// json or sarif).
func writeHistoryReport(format string, w io.Writer, res *history.Result, cfg *config.Source) error {
	switch format {
	case "text":
		return history.WriteText(w, res.Secrets)
	case "json":
		return history.WriteJSON(w, res.Secrets)
	case "sarif":
		fs := history.Findings(res)
		return history.WriteSARIF(w, res, "", knownRules(fs, cfg))
	}
	return nil
}

// historyBaseline handles kvlint baseline write FILE -history [flags]
// [REV-RANGE...]: scan -history -write-baseline FILE with the same flags.
// ok is false when args do not ask for -history.
func historyBaseline(verb string, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	i := slices.IndexFunc(args, func(a string) bool { return a == "-history" || a == "--history" || a == "-history=true" })
	if i < 0 {
		return 0, false
	}
	if verb != "write" {
		fmt.Fprintf(stderr, "kvlint baseline %s: -history applies to baseline write only\n", verb)
		return ExitUsage, true
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "kvlint baseline write: missing FILE (kvlint baseline write FILE -history [REV-RANGE...])")
		return ExitUsage, true
	}
	file, rest := args[0], slices.Delete(slices.Clone(args[1:]), i-1, i)
	return runScan(append([]string{"-history", "-write-baseline", file}, rest...), stdout, stderr), true
}

// historySummary is the closing line: what was scanned and found, and
// whether it is the whole selected history.
func historySummary(res *history.Result) string {
	places, atHEAD := 0, 0
	for i := range res.Secrets {
		places += len(res.Secrets[i].Places)
		if res.Secrets[i].AtHEAD() {
			atHEAD++
		}
	}
	s := fmt.Sprintf("kvlint scan -history: %d commits, %d blobs (%.1f MB) scanned: %d secrets in %d places, %d still at HEAD",
		res.Commits, res.Blobs, float64(res.Bytes)/1e6, len(res.Secrets), places, atHEAD)
	if n := len(res.Skipped); n > 0 {
		s += fmt.Sprintf("; %d blobs not scanned (%d binary, %d over the size limit; see the notes above)", n, res.Binary, n-res.Binary)
	}
	if res.Err != nil {
		s += "; INCOMPLETE (see above)"
	}
	return s
}

// baselineSet reports whether a key is recorded in base. History findings
// are matched as a set, not counted: the same secret in many versions of a
// file is one entry.
func baselineSet(base *baseline.File) func(baseline.Key) bool {
	return base.Has
}

// newSecrets keeps the places with a version the baseline does not hold.
func newSecrets(secrets []history.Secret, inBase func(baseline.Key) bool) []history.Secret {
	var out []history.Secret
	for _, s := range secrets {
		var kept []history.Place
		for _, p := range s.Places {
			for _, k := range p.Keys {
				if !inBase(k) {
					kept = append(kept, p)
					break
				}
			}
		}
		if len(kept) > 0 {
			s.Places = kept
			out = append(out, s)
		}
	}
	return out
}

// writeHistoryBaseline records every distinct key of the history's findings
// in a new baseline file (keeping the salt of one already there) and returns
// how many it recorded.
func writeHistoryBaseline(path string, res *history.Result) (int, error) {
	b, err := baseline.New()
	if err != nil {
		return 0, err
	}
	if old, err := baseline.Load(path); err == nil {
		b.Salt = old.Salt
	}
	seen := map[baseline.Key]bool{}
	for _, s := range res.Secrets {
		for _, p := range s.Places {
			for _, k := range p.Keys {
				if !seen[k] {
					seen[k] = true
					b.Add(k, p.Path)
				}
			}
		}
	}
	return len(seen), b.Save(path)
}
