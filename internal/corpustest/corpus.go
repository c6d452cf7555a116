// Package corpustest scores kvlint against its labelled corpus,
// testdata/corpus: a realistic EHR-integration module whose lines are marked
// "corpus:secret" (a planted, fake credential) or "corpus:decoy" (a value that
// only looks like one).
package corpustest

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// Line is a file and line number.
type Line struct {
	File string // absolute path
	Line int    // 1-based line number
}

// Labels are the marked lines of a corpus.
type Labels struct {
	Secrets map[Line]bool // lines marked as holding a real-looking fake secret
	Decoys  map[Line]bool // lines marked as look-alikes that must not be reported
}

// ReadLabels collects the markers of every .go file under dir. A marker
// labels the line its comment is on; when a multi-line string literal ends on
// that line, it labels the line where the literal starts, since that is where
// a finding is reported.
func ReadLabels(dir string) (*Labels, error) {
	l := &Labels{Secrets: map[Line]bool{}, Decoys: map[Line]bool{}}
	// Walk and read through an os.Root, so nothing outside dir is read.
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fsys := root.FS()
	err = fs.WalkDir(fsys, ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(rel, ".go") {
			return err
		}
		src, err := fs.ReadFile(fsys, rel)
		if err != nil {
			return err
		}
		path := filepath.Join(dir, filepath.FromSlash(rel))
		fset := token.NewFileSet()
		tf := fset.AddFile(path, -1, len(src))
		var sc scanner.Scanner
		sc.Init(tf, src, nil, scanner.ScanComments)
		lastStringStart, lastStringEnd := 0, 0
		for {
			pos, tok, lit := sc.Scan()
			if tok == token.EOF {
				return nil
			}
			switch tok {
			case token.STRING:
				lastStringStart = fset.Position(pos).Line
				lastStringEnd = lastStringStart + strings.Count(lit, "\n")
			case token.COMMENT:
				line := fset.Position(pos).Line
				if line == lastStringEnd {
					line = lastStringStart
				}
				switch {
				case strings.Contains(lit, "corpus:secret"):
					l.Secrets[Line{path, line}] = true
				case strings.Contains(lit, "corpus:decoy"):
					l.Decoys[Line{path, line}] = true
				}
			}
		}
	})
	return l, err
}

// Score is the outcome of comparing findings with labels.
type Score struct {
	TP, FP, FN     int    // secret lines found, findings on unmarked lines, secret lines missed
	Missed         []Line // secret lines with no finding
	FalsePositives []Line // finding lines not marked secret
}

// Precision is TP / (TP + FP).
func (s Score) Precision() float64 {
	if s.TP+s.FP == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Recall is TP / (TP + FN).
func (s Score) Recall() float64 {
	if s.TP+s.FN == 0 {
		return 0
	}
	return float64(s.TP) / float64(s.TP+s.FN)
}

// Compare scores the lines that have findings against the labels. Findings
// are counted per line: several findings on one line count once.
func Compare(l *Labels, found map[Line]bool) Score {
	var s Score
	for line := range l.Secrets {
		if found[line] {
			s.TP++
		} else {
			s.FN++
			s.Missed = append(s.Missed, line)
		}
	}
	for line := range found {
		if !l.Secrets[line] {
			s.FP++
			s.FalsePositives = append(s.FalsePositives, line)
		}
	}
	return s
}

var secretRun = regexp.MustCompile(`[A-Za-z0-9+/=_~.\-]{16,}`)

// PlantedValues returns the high-entropy runs (16+ characters) inside the
// string literals and comments of the secret lines: the parts of each planted
// credential that must never appear in any output.
func PlantedValues(l *Labels) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		for _, run := range secretRun.FindAllString(s, -1) {
			if !seen[run] && !strings.Contains(run, "corpus:") && strings.ContainsAny(run, "0123456789") {
				seen[run] = true
				out = append(out, run)
			}
		}
	}
	byFile := map[string][]int{}
	for line := range l.Secrets {
		byFile[line.File] = append(byFile[line.File], line.Line)
	}
	for file, lines := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		want := map[int]bool{}
		for _, n := range lines {
			want[n] = true
		}
		fset := token.NewFileSet()
		tf := fset.AddFile(file, -1, len(src))
		var sc scanner.Scanner
		sc.Init(tf, src, nil, scanner.ScanComments)
		for {
			pos, tok, lit := sc.Scan()
			if tok == token.EOF {
				break
			}
			if !want[fset.Position(pos).Line] {
				continue
			}
			switch tok {
			case token.STRING:
				if v, err := strconv.Unquote(lit); err == nil {
					add(v)
				}
			case token.COMMENT:
				add(lit)
			}
		}
	}
	return out, nil
}
