package corpustest

import (
	"path/filepath"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
)

// corpusDir is the absolute path of the labelled corpus, testdata/corpus.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// corpusLabels returns the corpus directory and its labels.
func corpusLabels(t *testing.T) (string, *Labels) {
	t.Helper()
	dir := corpusDir(t)
	labels, err := ReadLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, labels
}

// TestCorpusPrecisionRecall runs every kvlint analyzer over the labelled
// corpus and fails when precision or recall falls below 0.95.
func TestCorpusPrecisionRecall(t *testing.T) {
	dir, labels := corpusLabels(t)
	if len(labels.Secrets) < 40 || len(labels.Decoys) < 80 {
		t.Fatalf("corpus too small: %d secrets, %d decoys (want 40+ and 80+)", len(labels.Secrets), len(labels.Decoys))
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("corpus has %d load errors", n)
	}
	graph, err := checker.Analyze(analyzers.Suite(&config.Source{}), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := map[Line]bool{}
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			found[Line{p.Filename, p.Line}] = true
		}
	}

	s := Compare(labels, found)
	t.Logf("corpus: %d secrets, %d decoys; TP=%d FP=%d FN=%d precision=%.3f recall=%.3f",
		len(labels.Secrets), len(labels.Decoys), s.TP, s.FP, s.FN, s.Precision(), s.Recall())
	for _, l := range sorted(s.Missed) {
		t.Logf("missed: %s:%d", rel(dir, l.File), l.Line)
	}
	for _, l := range sorted(s.FalsePositives) {
		t.Logf("false positive: %s:%d", rel(dir, l.File), l.Line)
	}
	if s.Precision() < 0.95 || s.Recall() < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: both must be at least 0.95", s.Precision(), s.Recall())
	}
}

func sorted(lines []Line) []Line {
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].File != lines[j].File {
			return lines[i].File < lines[j].File
		}
		return lines[i].Line < lines[j].Line
	})
	return lines
}

func rel(dir, file string) string {
	if r, err := filepath.Rel(dir, file); err == nil {
		return r
	}
	return file
}

func TestCompare(t *testing.T) {
	a, b, c := Line{"a.go", 1}, Line{"a.go", 2}, Line{"a.go", 3}
	l := &Labels{Secrets: map[Line]bool{a: true, b: true}, Decoys: map[Line]bool{c: true}}
	s := Compare(l, map[Line]bool{a: true, c: true})
	if s.TP != 1 || s.FP != 1 || s.FN != 1 {
		t.Fatalf("got TP=%d FP=%d FN=%d, want 1 1 1", s.TP, s.FP, s.FN)
	}
	if s.Precision() != 0.5 || s.Recall() != 0.5 {
		t.Fatalf("precision %v recall %v, want 0.5 0.5", s.Precision(), s.Recall())
	}
}

func TestPlantedValues(t *testing.T) {
	_, labels := corpusLabels(t)
	vals, err := PlantedValues(labels)
	if err != nil {
		t.Fatal(err)
	}
	// Every secret line contributes at least one planted run, except lines
	// whose secret is short or split (concatenations, short passwords).
	if len(vals) < 35 {
		t.Fatalf("only %d planted values extracted from %d secret lines", len(vals), len(labels.Secrets))
	}
}
