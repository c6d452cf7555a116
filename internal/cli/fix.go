package cli

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/engine"
	"github.com/kvlint/kvlint/report"
)

// applyFixes applies the first suggested fix of each reported diagnostic.
// Edits of one fix are taken together or not at all; a fix that overlaps an
// edit already taken is skipped with a note. Edits are applied last to
// first, the result is gofmt-ed, and each file is written atomically
// (temporary file and rename). With diff set, nothing is written: a unified
// diff goes to out instead. It returns how many diagnostics were fixed.
func applyFixes(res *result, out io.Writer, stderr io.Writer, diff bool) (int, error) {
	byFile, fixed := pickFixes(res, stderr)
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs []error
	var masker *masker
	if diff {
		masker = newMasker(res.secrets())
	}
	for _, name := range names {
		old, updated, err := fixedFile(name, byFile[name])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if bytes.Equal(old, updated) {
			continue
		}
		if diff {
			rel := filepath.ToSlash(relPath(res.wd, name))
			if _, err := io.WriteString(out, masker.mask(unifiedDiff("a/"+rel, "b/"+rel, old, updated))); err != nil {
				return fixed, err
			}
			continue
		}
		perm := os.FileMode(0o644)
		if st, err := os.Stat(name); err == nil {
			perm = st.Mode().Perm()
		}
		if err := baseline.WriteFileAtomic(name, updated, perm); err != nil {
			errs = append(errs, fmt.Errorf("fix: %w", err))
		}
	}
	return fixed, errors.Join(errs...)
}

// pickFixes takes, in file and position order, the suggested fix of each
// primary, unbaselined finding whose edits conflict with none taken
// before (an edit taken already is shared, not a conflict), and returns
// the edits by file and how many fixes it took. A conflicting fix is
// skipped with a line on stderr.
func pickFixes(res *result, stderr io.Writer) (map[string][]report.Edit, int) {
	byFile := map[string][]report.Edit{}
	fixed := 0
	diags := slices.Clone(res.diags)
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].f, diags[j].f
		return cmp.Or(cmp.Compare(a.Filename, b.Filename), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) < 0
	})
	for _, d := range diags {
		if !d.primary || d.matched || len(d.edits) == 0 {
			continue
		}
		take, ok := newEdits(byFile, d.edits)
		if !ok {
			errorf(stderr, "%s:%d:%d: %s: fix %q conflicts with another fix; skipped", relPath(res.wd, d.f.Filename), d.f.Line, d.f.Col, d.f.RuleID, d.f.SuggestedFixes[0].Message)
			continue
		}
		for _, e := range take {
			byFile[e.Filename] = append(byFile[e.Filename], e)
		}
		fixed++
	}
	return byFile, fixed
}

// newEdits checks a whole fix against the edits taken so far: it returns
// the fix's edits not taken already, and false when one overlaps a taken
// edit.
func newEdits(byFile map[string][]report.Edit, edits []report.Edit) ([]report.Edit, bool) {
	ok := true
	var take []report.Edit
	for _, e := range edits {
		dup := false
		for _, x := range byFile[e.Filename] {
			if x == e {
				dup = true
				break
			}
			if overlaps(x, e) {
				ok = false
			}
		}
		if !dup {
			take = append(take, e)
		}
	}
	return take, ok
}

// fixedFile reads name and returns it before and after edits, gofmt'd when
// the result parses.
func fixedFile(name string, edits []report.Edit) (old, updated []byte, err error) {
	old, err = os.ReadFile(name)
	if err != nil {
		return nil, nil, fmt.Errorf("fix: %w", err)
	}
	updated, err = applyEdits(old, edits)
	if err != nil {
		return nil, nil, fmt.Errorf("fix %s: %w", name, err)
	}
	if formatted, err := format.Source(updated); err == nil {
		updated = formatted
	}
	return old, updated, nil
}

// overlaps reports whether two edits of one file conflict: their ranges
// intersect, or both insert different text at one point.
func overlaps(a, b report.Edit) bool {
	if a.Filename != b.Filename {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start && a.New != b.New
	}
	return a.Start < b.End && b.Start < a.End || (a.Start == a.End && b.Start < a.Start && a.Start < b.End) || (b.Start == b.End && a.Start < b.Start && b.Start < a.End)
}

// applyEdits applies non-overlapping edits to src, last to first.
func applyEdits(src []byte, edits []report.Edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b report.Edit) int {
		return cmp.Or(cmp.Compare(b.Start, a.Start), cmp.Compare(b.End, a.End))
	})
	out := slices.Clone(src)
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(out) {
			return nil, fmt.Errorf("edit [%d,%d) is outside the file (%d bytes); was it changed since?", e.Start, e.End, len(src))
		}
		out = slices.Concat(out[:e.Start], []byte(e.New), out[e.End:])
	}
	return out, nil
}

// masker replaces secrets in text that is about to be printed (a diff shows
// source lines): the source text of every hardcodedcred finding, and any span
// the default detection engine flags on a line.
type masker struct {
	secrets []string // unquoted values first, then source texts
	engine  *detect.Engine
}

func newMasker(secrets []string) *masker {
	m := &masker{engine: engine.Default()}
	var values, raw []string
	for _, s := range secrets {
		if v := baseline.NormalizeValue(s); v != s {
			values = append(values, v) // masked first, so quotes stay readable
			raw = append(raw, s)       // then any escaped form left
		} else {
			values = append(values, s)
		}
	}
	// Longest first, so a secret containing another is masked whole.
	longest := func(a, b string) int { return cmp.Compare(len(b), len(a)) }
	slices.SortFunc(values, longest)
	slices.SortFunc(raw, longest)
	m.secrets = append(values, raw...)
	return m
}

func (m *masker) mask(text string) string {
	for _, s := range m.secrets {
		if len(s) >= 4 {
			text = strings.ReplaceAll(text, s, detect.Redact(s))
		}
	}
	if m.engine == nil {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		fs := m.engine.Scan(line, detect.Context{Kind: detect.KindLine}, nil)
		if len(fs) == 0 {
			continue
		}
		slices.SortFunc(fs, func(a, b detect.Finding) int { return cmp.Compare(b.Start, a.Start) })
		last := len(line) + 1
		for _, f := range fs {
			if f.End > last || f.Start < 0 || f.End > len(line) || f.Start > f.End {
				continue // overlaps a span already masked
			}
			line = line[:f.Start] + detect.Redact(line[f.Start:f.End]) + line[f.End:]
			last = f.Start
		}
		lines[i] = line
	}
	return strings.Join(lines, "")
}
