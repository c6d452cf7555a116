package report_test

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/sariftest"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
)

var root = filepath.FromSlash("/src/repo")

var testRules = []rules.Info{
	{ID: "KV101", Name: "azure-entra-client-secret", Analyzer: "hardcodedcred", Title: "hardcoded entra client secret",
		Doc: "Reports Entra client secrets.", Bad: `secret := "..."`, Good: `secret := vault.Get(ctx, "x")`,
		Severity: rules.SeverityError, SecuritySeverity: 8.5, Tags: []string{"secret", "azure"}},
	{ID: "KV410", Name: "secret-logged", Analyzer: "secretlog", Title: "secret passed to a logger", Severity: rules.SeverityWarning},
}

func findings() []report.Finding {
	return []report.Finding{
		{RuleID: "KV410", RuleName: "secret-logged", Analyzer: "secretlog", Package: "example.com/x/db", PackageID: "example.com/x/db",
			Filename: filepath.Join(root, "db", "db.go"), Line: 20, Col: 2, EndLine: 20, EndCol: 30,
			Message: "secret logged", Severity: rules.SeverityInfo, Fingerprint: "bbbb"},
		{RuleID: "KV101", RuleName: "azure-entra-client-secret", Analyzer: "hardcodedcred", Package: "example.com/x", PackageID: "example.com/x",
			Filename: filepath.Join(root, "main.go"), Line: 7, Col: 12, EndLine: 7, EndCol: 54,
			Message: "entra client secret abc… (40 chars): store it in Azure Key Vault", Severity: rules.SeverityError, Fingerprint: "aaaa",
			SuggestedFixes: []report.Fix{{Message: "read it from the vault", Edits: []report.Edit{{Filename: filepath.Join(root, "main.go"), Start: 100, End: 142, New: `os.Getenv("X")`}}}}},
		{RuleID: "KV901", RuleName: "acme-token", Analyzer: "hardcodedcred", Package: "example.com/x", PackageID: "example.com/x [example.com/x.test]",
			Filename: filepath.Join(root, "dir with space", "x_test.go"), Line: 3, Col: 1,
			Message: "custom rule", Severity: rules.SeverityWarning, Fingerprint: "cccc"},
	}
}

func TestText(t *testing.T) {
	fs := findings()
	report.Sort(fs)
	var buf bytes.Buffer
	if err := (report.Text{Dir: root}).Write(&buf, fs, testRules); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		filepath.Join("db", "db.go") + ":20:2: KV410 secret logged (secretlog)",
		filepath.Join("dir with space", "x_test.go") + ":3:1: KV901 custom rule (hardcodedcred)",
		"main.go:7:12: KV101 entra client secret abc… (40 chars): store it in Azure Key Vault (hardcodedcred)",
	}, "\n") + "\n"
	if buf.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", buf.String(), want)
	}
	// Files outside Dir keep their absolute names.
	buf.Reset()
	if err := (report.Text{Dir: filepath.FromSlash("/elsewhere")}).Write(&buf, fs[:1], nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), filepath.Join(root, "db", "db.go")+":20:2: ") {
		t.Errorf("outside Dir: %s", buf.String())
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	w := report.JSON{Errors: []report.AnalyzerError{{PackageID: "example.com/x/db", Analyzer: "pinnedversion", Err: "boom"}}}
	if err := w.Write(&buf, findings(), testRules); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if got := string(tree["example.com/x/db"]["pinnedversion"]); !strings.Contains(got, `"error": "boom"`) {
		t.Errorf("error entry: %s", got)
	}
	var diags []map[string]any
	if err := json.Unmarshal(tree["example.com/x"]["hardcodedcred"], &diags); err != nil || len(diags) != 1 {
		t.Fatalf("hardcodedcred list: %v %s", err, tree["example.com/x"]["hardcodedcred"])
	}
	d := diags[0]
	main := filepath.Join(root, "main.go")
	if d["posn"] != main+":7:12" || d["end"] != main+":7:54" || d["category"] != "KV101" || d["message"] == "" {
		t.Errorf("diagnostic: %v", d)
	}
	fixes, _ := d["suggested_fixes"].([]any)
	if len(fixes) != 1 {
		t.Fatalf("fixes: %v", d["suggested_fixes"])
	}
	edit := fixes[0].(map[string]any)["edits"].([]any)[0].(map[string]any)
	if edit["filename"] != main || edit["start"] != 100.0 || edit["end"] != 142.0 || edit["new"] != `os.Getenv("X")` {
		t.Errorf("edit: %v", edit)
	}
	// A finding without an end position ends where it starts.
	if _, ok := tree["example.com/x [example.com/x.test]"]; !ok {
		t.Errorf("test variant package missing: %s", buf.String())
	}
}

func TestSARIF(t *testing.T) {
	var buf bytes.Buffer
	fs := findings()
	report.Sort(fs)
	if err := (report.SARIF{Root: root, Version: "v1.2.3"}).Write(&buf, fs, testRules); err != nil {
		t.Fatal(err)
	}
	sariftest.Check(t, buf.Bytes())
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name, Version string
					Rules         []struct {
						ID               string
						DefaultConfig    map[string]string `json:"defaultConfiguration"`
						Help             struct{ Text, Markdown string }
						Properties       map[string]any
						ShortDescription struct{ Text string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           map[string]int
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "kvlint" || run.Tool.Driver.Version != "v1.2.3" || len(run.Tool.Driver.Rules) != 3 {
		t.Fatalf("driver: %+v", run.Tool.Driver)
	}
	r0 := run.Tool.Driver.Rules[0]
	if r0.ID != "KV101" || r0.DefaultConfig["level"] != "error" || r0.Properties["security-severity"] != "8.5" ||
		!strings.Contains(r0.Help.Markdown, "Bad:\n\n```go\nsecret := \"...\"\n```") || !strings.Contains(r0.Help.Text, "Good:") {
		t.Errorf("rule KV101: %+v", r0)
	}
	if tags := r0.Properties["tags"].([]any); len(tags) != 3 || tags[0] != "security" {
		t.Errorf("tags: %v", tags)
	}
	if run.Tool.Driver.Rules[2].ID != "KV901" {
		t.Errorf("undocumented custom rule not described: %+v", run.Tool.Driver.Rules[2])
	}
	var uris []string
	for _, res := range run.Results {
		uris = append(uris, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	if strings.Join(uris, " ") != "db/db.go dir%20with%20space/x_test.go main.go" {
		t.Errorf("URIs: %v", uris)
	}
	main := run.Results[2]
	if main.RuleID != "KV101" || main.RuleIndex != 0 || main.Level != "error" || main.PartialFingerprints["kvlint/v1"] != "aaaa" {
		t.Errorf("result: %+v", main)
	}
	if reg := main.Locations[0].PhysicalLocation.Region; reg["startLine"] != 7 || reg["startColumn"] != 12 || reg["endLine"] != 7 || reg["endColumn"] != 54 {
		t.Errorf("region: %v", reg)
	}
	if run.Results[0].Level != "note" || run.Results[1].Locations[0].PhysicalLocation.Region["endColumn"] != 1 {
		t.Errorf("info level or missing end: %+v", run.Results[:2])
	}
}

func TestSARIFUTF16Columns(t *testing.T) {
	var buf bytes.Buffer
	w := report.SARIF{Root: root, UTF16Column: func(file string, line, col int) int { return col * 10 }}
	if err := w.Write(&buf, findings()[1:2], testRules); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"startColumn": 120`) || !strings.Contains(buf.String(), `"endColumn": 540`) ||
		!strings.Contains(buf.String(), `"columnKind": "utf16CodeUnits"`) {
		t.Errorf("converted columns missing:\n%s", buf.String())
	}
	sariftest.Check(t, buf.Bytes())
}

// TestValidatorCatches makes sure each SARIF check can fail: the schema
// catches what the schema states, sariftest.Validate what GitHub adds.
func TestValidatorCatches(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.SARIF{Root: root}).Write(&buf, findings(), testRules); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	if err := sariftest.ValidateSchema(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if errs := sariftest.Validate(buf.Bytes()); len(errs) != 0 {
		t.Fatal(errs)
	}
	for _, c := range []struct {
		name, bad string
		schema    bool // caught by the schema, not by the GitHub checks
	}{
		{"absolute uri", strings.Replace(good, `"uri": "main.go"`, `"uri": "file:///src/repo/main.go"`, 1), false},
		{"unknown property", strings.Replace(good, `"ruleId"`, `"ruleID": "x", "ruleId"`, 1), true},
		{"no fingerprints", strings.Replace(good, `"kvlint/v1": "aaaa"`, ``, 1), false},
		{"bad index", strings.Replace(good, `"ruleIndex": 0`, `"ruleIndex": 1`, 1), false},
		{"bad severity", strings.Replace(good, `"security-severity": "8.5"`, `"security-severity": 8.5`, 1), false},
		{"bad version", strings.Replace(good, `"version": "2.1.0"`, `"version": "2.0"`, 1), true},
		{"no help", strings.Replace(good, `"help": {`, `"helpx": {`, 1), false},
		{"bad level", strings.Replace(good, `"level": "error"`, `"level": "fatal"`, 1), true},
		{"line 0", strings.Replace(good, `"startLine": 7`, `"startLine": 0`, 1), true},
		{"no region end", strings.Replace(good, `"endLine": 7,`, ``, 1), false},
	} {
		if c.bad == good {
			t.Fatalf("%s: mutation did not apply", c.name)
		}
		if c.schema {
			if err := sariftest.ValidateSchema([]byte(c.bad)); err == nil {
				t.Errorf("%s: not caught by the schema", c.name)
			}
		} else if errs := sariftest.Validate([]byte(c.bad)); len(errs) == 0 {
			t.Errorf("%s: not caught by the GitHub checks", c.name)
		}
	}
}
