package migrate

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers/hardcodedcred"
	"github.com/kvlint/kvlint/config"
)

// rawFinding is what migrate needs of one hardcodedcred finding. Everything
// else (the maximal constant expression, the kind of place, the name) is
// read from the string site gosite finds there, as the analyzer read it, so
// that tests can hand in bare positions (findHook).
type rawFinding struct {
	Pos, End   token.Pos
	RuleID     string
	RuleName   string
	NeedsConst bool
	Suppressed bool
	Generated  bool
	Comment    bool // the finding is in a comment; Pos and End delimit the secret
}

// findHook, when set by a test, replaces the hardcodedcred analyzer as the
// source of findings.
var findHook func(pkgs []*packages.Package) ([]rawFinding, error)

// findCredentials runs the hardcodedcred analyzer over pkgs through the
// go/analysis checker and returns its findings.
func findCredentials(pkgs []*packages.Package, src *config.Source) ([]rawFinding, error) {
	if findHook != nil {
		return findHook(pkgs)
	}
	a := hardcodedcred.New(src)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	var out []rawFinding
	var errs []string
	for act := range graph.All() {
		if act.Analyzer != a || !act.IsRoot {
			continue
		}
		if act.Err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
			continue
		}
		out = append(out, resultFindings(act.Result)...)
	}
	if len(out) == 0 && len(errs) > 0 {
		return nil, fmt.Errorf("analysis: %s", strings.Join(errs, "; "))
	}
	return out, nil
}

// resultFindings converts the analyzer's result.
func resultFindings(res any) []rawFinding {
	r, ok := res.(*hardcodedcred.Result)
	if !ok || r == nil {
		return nil
	}
	out := make([]rawFinding, 0, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		if !f.Pos.IsValid() {
			continue
		}
		out = append(out, rawFinding{
			Pos:        f.Pos,
			End:        f.End,
			RuleID:     f.RuleID,
			RuleName:   f.RuleName,
			NeedsConst: f.NeedsConst,
			Suppressed: f.Suppressed,
			Generated:  f.Generated,
			Comment:    f.Place == hardcodedcred.PlaceComment,
		})
	}
	return out
}
