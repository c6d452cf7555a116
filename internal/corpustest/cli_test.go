package corpustest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/cli"
	"github.com/kvlint/kvlint/internal/sariftest"
)

// corpusRun is one run of the kvlint command over the corpus.
type corpusRun struct {
	name string
	args []string
	file string // report file written with -o, if any
}

// TestCorpusOutputsLeakNothing runs the kvlint CLI over the labelled corpus in
// every output format, lint and scan, and searches every byte of output for
// every planted value.
func TestCorpusOutputsLeakNothing(t *testing.T) {
	dir, labels := corpusLabels(t)
	planted, err := PlantedValues(labels)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	runs := []corpusRun{
		{name: "text", args: []string{"-C", dir, "./..."}},
		{name: "json", args: []string{"-C", dir, "-json", "./..."}},
		{name: "sarif", args: []string{"-C", dir, "-format", "sarif", "-o", filepath.Join(out, "kvlint.sarif"), "./..."}, file: filepath.Join(out, "kvlint.sarif")},
		{name: "baseline", args: []string{"baseline", "write", filepath.Join(out, "baseline.yaml"), "-C", dir, "./..."}, file: filepath.Join(out, "baseline.yaml")},
		{name: "scan-text", args: []string{"scan", dir}},
		{name: "scan-json", args: []string{"scan", "-format", "json", dir}},
		{name: "scan-sarif", args: []string{"scan", "-format", "sarif", dir}},
	}
	for _, r := range runs {
		var stdout, stderr bytes.Buffer
		code := cli.Main(r.args, &stdout, &stderr)
		if code != cli.ExitFindings && code != cli.ExitClean {
			t.Errorf("%s: exit %d: %s", r.name, code, redactAll(stderr.String(), planted))
			continue
		}
		all := stdout.String() + stderr.String()
		if r.file != "" {
			data, err := os.ReadFile(r.file)
			if err != nil {
				t.Errorf("%s: %v", r.name, err)
			}
			all += string(data)
		}
		if len(all) == 0 || (r.name != "baseline" && !strings.Contains(all, "KV1")) {
			t.Errorf("%s: no findings in the output: the leak check would prove nothing", r.name)
		}
		// Decode JSON string escapes too, so that \u002b and friends cannot hide a value.
		all += unescapeJSONStrings(all)
		for i, v := range planted {
			if strings.Contains(all, v) {
				t.Errorf("%s: output holds planted value #%d (%s)", r.name, i, detect.Redact(v))
			}
		}
	}
}

// TestCorpusSARIFSchema validates kvlint's SARIF for the corpus against the
// official SARIF 2.1.0 JSON schema and GitHub code scanning's requirements
// (sariftest.Check).
func TestCorpusSARIFSchema(t *testing.T) {
	dir := corpusDir(t)
	for _, args := range [][]string{
		{"-C", dir, "-format", "sarif", "./..."},
		{"scan", "-format", "sarif", dir},
	} {
		var stdout, stderr bytes.Buffer
		if code := cli.Main(args, &stdout, &stderr); code != cli.ExitFindings {
			t.Fatalf("%v: exit %d, want %d", args[:len(args)-1], code, cli.ExitFindings)
		}
		if err := sariftest.ValidateSchema(stdout.Bytes()); err != nil {
			t.Errorf("%v: %v", args[:len(args)-1], err)
		}
		for _, err := range sariftest.Validate(stdout.Bytes()) {
			t.Errorf("%v: %v", args[:len(args)-1], err)
		}
	}
}

func redactAll(s string, planted []string) string {
	for _, v := range planted {
		s = strings.ReplaceAll(s, v, detect.Redact(v))
	}
	return s
}

// unescapeJSONStrings returns the decoded text of every JSON string literal
// in s (best effort).
func unescapeJSONStrings(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] != '"' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(s) {
			break
		}
		var v string
		if json.Unmarshal([]byte(s[i:j+1]), &v) == nil {
			b.WriteString(v)
			b.WriteByte('\n')
		}
		i = j
	}
	return b.String()
}
