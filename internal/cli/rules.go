package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/kvlint/kvlint/rules"
)

// ruleJSON is the -format json shape of a rule.
type ruleJSON struct {
	ID               string   `json:"id"`
	Name             string   `json:"name"`
	Analyzer         string   `json:"analyzer"`
	Title            string   `json:"title"`
	Severity         string   `json:"severity"`
	SecuritySeverity float64  `json:"security_severity,omitempty"`
	Tags             []string `json:"tags,omitempty"`
	Doc              string   `json:"doc,omitempty"`
	Bad              string   `json:"bad,omitempty"`
	Good             string   `json:"good,omitempty"`
}

func toRuleJSON(r rules.Info) ruleJSON {
	return ruleJSON{ID: r.ID, Name: r.Name, Analyzer: r.Analyzer, Title: r.Title, Severity: string(r.Severity),
		SecuritySeverity: r.SecuritySeverity, Tags: r.Tags, Doc: r.Doc, Bad: r.Bad, Good: r.Good}
}

// runRules is kvlint rules [-format text|json] [ID or name...].
func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("kvlint rules", "usage: kvlint rules [-format text|json] [rule ID or name...]\n", stderr)
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		errorf(stderr, "rules: unknown -format %q (want text or json)", *format)
		return ExitUsage
	}
	all := rulesFor()
	selected := all
	if fs.NArg() > 0 {
		selected = nil
		for _, ref := range fs.Args() {
			r, ok := findRule(all, ref)
			if !ok {
				errorf(stderr, "rules: unknown rule %q; kvlint rules lists them", ref)
				return ExitUsage
			}
			selected = append(selected, r)
		}
	}
	if *format == "json" {
		out := make([]ruleJSON, 0, len(selected))
		for _, r := range selected {
			out = append(out, toRuleJSON(r))
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			errorf(stderr, "rules: %v", err)
			return ExitError
		}
		return ExitClean
	}
	if fs.NArg() > 0 {
		for i, r := range selected {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			writeRuleDoc(stdout, r)
		}
		return ExitClean
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tANALYZER\tSEVERITY\tNAME\tTITLE")
	for _, r := range selected {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Analyzer, r.Severity, r.Name, r.Title)
	}
	if err := tw.Flush(); err != nil {
		return ExitError
	}
	return ExitClean
}

// findRule finds a rule by ID or name, ignoring case.
func findRule(all []rules.Info, ref string) (rules.Info, bool) {
	for _, r := range all {
		if strings.EqualFold(r.ID, ref) || strings.EqualFold(r.Name, ref) {
			return r, true
		}
	}
	return rules.Info{}, false
}

// writeRuleDoc writes one rule's full documentation.
func writeRuleDoc(w io.Writer, r rules.Info) {
	fmt.Fprintf(w, "%s %s: %s\n", r.ID, r.Name, r.Title)
	fmt.Fprintf(w, "Analyzer: %s   Severity: %s", r.Analyzer, r.Severity)
	if r.SecuritySeverity > 0 {
		fmt.Fprintf(w, "   Security severity: %.1f", r.SecuritySeverity)
	}
	fmt.Fprintln(w)
	if len(r.Tags) > 0 {
		fmt.Fprintf(w, "Tags: %s\n", strings.Join(r.Tags, ", "))
	}
	if r.Doc != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(r.Doc, "\n"))
	}
	if r.Bad != "" {
		fmt.Fprintf(w, "\nBad:\n%s\n", indentLines(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(w, "\nGood:\n%s\n", indentLines(r.Good))
	}
}

func indentLines(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\t" + l
		}
	}
	return strings.Join(lines, "\n")
}

// moduleVersion returns kvlint's module version from the build info:
// a tag such as v0.3.0 for go install ...@v0.3.0, else "(devel)".
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// runVersion is kvlint version.
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		errorf(stderr, "version takes no arguments")
		return ExitUsage
	}
	line := "kvlint " + moduleVersion()
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if modified == "true" {
				rev += "+dirty"
			}
			line += " (" + rev + ")"
		}
	}
	fmt.Fprintf(stdout, "%s %s %s/%s\n", line, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return ExitClean
}
