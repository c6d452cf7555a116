package corpustest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

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
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	labels, err := ReadLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
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
// official SARIF 2.1.0 JSON schema and GitHub code scanning's requirements.
// The schema comes from the Go module proxy (gosec v2.30.0 ships it as test
// data), read from the module cache, not copied into this repository.
func TestCorpusSARIFSchema(t *testing.T) {
	schemaFile := sarifSchema(t)
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"-C", dir, "-format", "sarif", "./..."},
		{"scan", "-format", "sarif", dir},
	} {
		var stdout, stderr bytes.Buffer
		if code := cli.Main(args, &stdout, &stderr); code != cli.ExitFindings {
			t.Fatalf("%v: exit %d, want %d", args[:len(args)-1], code, cli.ExitFindings)
		}
		c := jsonschema.NewCompiler()
		sch, err := c.Compile(schemaFile)
		if err != nil {
			t.Fatalf("compile schema: %v", err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
		if err != nil {
			t.Fatalf("kvlint's SARIF is not JSON: %v", err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%v: SARIF does not validate against the 2.1.0 schema: %v", args[:len(args)-1], err)
		}
		for _, err := range sariftest.Validate(stdout.Bytes()) {
			t.Errorf("%v: %v", args[:len(args)-1], err)
		}
	}
}

// sarifSchema returns the path of sarif-schema-2.1.0.json in the module cache.
func sarifSchema(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/securego/gosec/v2@v2.30.0").Output()
	if err != nil {
		t.Fatalf("go mod download gosec (for the SARIF schema it ships): %v", err)
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %s %v", mod.Error, err)
	}
	path := filepath.Join(mod.Dir, "report", "sarif", "testdata", "sarif-schema-2.1.0.json")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	return path
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
