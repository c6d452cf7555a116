// Package sariftest checks kvlint's SARIF logs in tests, in two layers:
//
//   - ValidateSchema validates a log against the official SARIF 2.1.0 JSON
//     schema (sarif-schema-2.1.0.json, which gosec v2.30.0 ships as test
//     data; it is read from the local module cache, never fetched, and not
//     copied into this repository). Property names, types, enums, minimums
//     and required properties of the schema are checked there only.
//   - Validate checks what GitHub code scanning requires on top of the
//     schema ("SARIF support for code scanning"): things the schema leaves
//     optional or cannot express.
//
// Check runs both and reports through a testing.TB.
package sariftest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// GitHub's upload limits: a log over one of them is rejected.
const (
	maxRuns            = 20
	maxResultsPerRun   = 25000
	maxRulesPerRun     = 25000
	maxLocationsPerRes = 1000
	maxTagsPerRule     = 20
)

// Check fails t with every schema and GitHub problem of the SARIF log data.
func Check(t testing.TB, data []byte) {
	t.Helper()
	if err := ValidateSchema(data); err != nil {
		t.Error(err)
	}
	for _, err := range Validate(data) {
		t.Error(err)
	}
}

var schema struct {
	once sync.Once
	s    *jsonschema.Schema
	err  error
}

// ValidateSchema validates the SARIF log data against the official SARIF
// 2.1.0 JSON schema. It fails when the schema is not in the module cache
// (GOPROXY=off: tests make no network calls).
func ValidateSchema(data []byte) error {
	schema.once.Do(func() { schema.s, schema.err = compileSchema() })
	if schema.err != nil {
		return schema.err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("SARIF is not JSON: %w", err)
	}
	if err := schema.s.Validate(doc); err != nil {
		return fmt.Errorf("SARIF does not validate against the 2.1.0 schema: %w", err)
	}
	return nil
}

// compileSchema finds sarif-schema-2.1.0.json in gosec's module directory
// and compiles it.
func compileSchema() (*jsonschema.Schema, error) {
	cmd := exec.Command("go", "mod", "download", "-json", "github.com/securego/gosec/v2@v2.30.0")
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	out, err := cmd.Output()
	var mod struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &mod); err != nil || jerr != nil || mod.Dir == "" {
		return nil, fmt.Errorf("the SARIF schema comes with gosec v2.30.0, not in the module cache (go mod download github.com/securego/gosec/v2@v2.30.0): %v %s", err, mod.Error)
	}
	path := filepath.Join(mod.Dir, "report", "sarif", "testdata", "sarif-schema-2.1.0.json")
	s, err := jsonschema.NewCompiler().Compile(path)
	if err != nil {
		return nil, fmt.Errorf("compile the SARIF schema: %w", err)
	}
	return s, nil
}

// checker collects problems, each with the JSON path where it was found.
type checker struct {
	errs []error
}

func (c *checker) errorf(path, format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: "+format, append([]any{path}, args...)...))
}

// need reports key missing from m (a property GitHub needs that the schema
// leaves optional) and returns its value.
func (c *checker) need(path string, m map[string]any, key string) any {
	v, ok := m[key]
	if !ok {
		c.errorf(path, "GitHub needs %q", key)
	}
	return v
}

// Validate checks the GitHub code scanning requirements that the SARIF
// 2.1.0 schema does not cover and returns every problem found. It assumes
// nothing of the schema: values of the wrong type are skipped here and
// reported by ValidateSchema.
func Validate(data []byte) []error {
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		return []error{fmt.Errorf("not a JSON object: %w", err)}
	}
	c := &checker{}
	if s, _ := c.need("$", log, "$schema").(string); s != "" {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			c.errorf("$.$schema", "not an absolute URI: %q", s)
		}
	}
	runs, _ := log["runs"].([]any)
	if len(runs) == 0 || len(runs) > maxRuns {
		c.errorf("$.runs", "GitHub takes 1 to %d runs, have %d", maxRuns, len(runs))
	}
	for i, r := range runs {
		if run, ok := r.(map[string]any); ok {
			c.run(fmt.Sprintf("$.runs[%d]", i), run)
		}
	}
	return c.errs
}

// run checks a run's rules table and results.
func (c *checker) run(path string, run map[string]any) {
	tool, _ := run["tool"].(map[string]any)
	driver, _ := tool["driver"].(map[string]any)
	if driver == nil {
		return // the schema requires tool.driver
	}
	if name, _ := driver["name"].(string); strings.TrimSpace(name) == "" {
		c.errorf(path+".tool.driver.name", "empty: GitHub names the tool by it")
	}
	rules, _ := c.need(path+".tool.driver", driver, "rules").([]any)
	if len(rules) > maxRulesPerRun {
		c.errorf(path+".tool.driver.rules", "%d rules, GitHub takes %d", len(rules), maxRulesPerRun)
	}
	var ids []string
	seen := map[string]bool{}
	for i, r := range rules {
		rule, _ := r.(map[string]any)
		id := c.rule(fmt.Sprintf("%s.tool.driver.rules[%d]", path, i), rule)
		if seen[id] {
			c.errorf(path+".tool.driver.rules", "duplicate rule id %q", id)
		}
		seen[id] = true
		ids = append(ids, id)
	}
	results, _ := c.need(path, run, "results").([]any)
	if len(results) > maxResultsPerRun {
		c.errorf(path+".results", "%d results, GitHub takes %d", len(results), maxResultsPerRun)
	}
	for i, r := range results {
		if res, ok := r.(map[string]any); ok {
			c.result(fmt.Sprintf("%s.results[%d]", path, i), res, ids)
		}
	}
}

// rule checks the descriptions GitHub shows and the properties it reads
// (security-severity, precision, tags), and returns the rule's id.
func (c *checker) rule(path string, r map[string]any) string {
	if r == nil {
		return ""
	}
	id, _ := r["id"].(string)
	for _, key := range []string{"shortDescription", "fullDescription", "help"} {
		c.need(path, r, key)
	}
	props, _ := r["properties"].(map[string]any)
	if ss, ok := props["security-severity"]; ok {
		s, isStr := ss.(string)
		f, err := strconv.ParseFloat(s, 64)
		if !isStr || err != nil || f < 0 || f > 10 {
			c.errorf(path+".properties.security-severity", "want a string holding a number 0.0-10.0, have %v", ss)
		}
	}
	if p, ok := props["precision"]; ok && !slices.Contains([]any{"very-high", "high", "medium", "low"}, p) {
		c.errorf(path+".properties.precision", "bad precision %v", p)
	}
	if tags, _ := props["tags"].([]any); len(tags) > maxTagsPerRule {
		c.errorf(path+".properties.tags", "%d tags, GitHub takes %d", len(tags), maxTagsPerRule)
	}
	return id
}

// result checks that a result names a described rule, has the message text,
// a location GitHub can place and fingerprints to track it across runs.
func (c *checker) result(path string, r map[string]any, ruleIDs []string) {
	id, _ := c.need(path, r, "ruleId").(string)
	if idx, ok := r["ruleIndex"].(float64); ok {
		if i := int(idx); i < 0 || i >= len(ruleIDs) || ruleIDs[i] != id {
			c.errorf(path+".ruleIndex", "%v does not point at rule %q", idx, id)
		}
	} else if !slices.Contains(ruleIDs, id) {
		c.errorf(path+".ruleId", "rule %q is not described in driver.rules", id)
	}
	if msg, _ := r["message"].(map[string]any); msg != nil {
		c.need(path+".message", msg, "text")
	}
	locs, _ := r["locations"].([]any)
	if len(locs) == 0 || len(locs) > maxLocationsPerRes {
		c.errorf(path+".locations", "GitHub needs 1 to %d locations, have %d", maxLocationsPerRes, len(locs))
	}
	for i, l := range locs {
		loc, _ := l.(map[string]any)
		c.location(fmt.Sprintf("%s.locations[%d]", path, i), loc)
	}
	pf, _ := r["partialFingerprints"].(map[string]any)
	if len(pf) == 0 {
		c.errorf(path, "partialFingerprints missing or empty")
	}
	for k, v := range pf {
		if s, _ := v.(string); s == "" {
			c.errorf(path+".partialFingerprints."+k, "want a non-empty string")
		}
	}
}

// location checks a result location: a repository-relative URI under
// %SRCROOT% and a full region that does not end before it starts.
func (c *checker) location(path string, loc map[string]any) {
	pl, _ := c.need(path, loc, "physicalLocation").(map[string]any)
	if pl == nil {
		return
	}
	path += ".physicalLocation"
	if al, _ := c.need(path, pl, "artifactLocation").(map[string]any); al != nil {
		u, _ := c.need(path+".artifactLocation", al, "uri").(string)
		pu, err := url.Parse(u)
		if err != nil {
			c.errorf(path+".artifactLocation.uri", "not a URI reference: %v", err)
		} else if pu.IsAbs() || strings.HasPrefix(u, "/") || strings.HasPrefix(u, "..") {
			c.errorf(path+".artifactLocation.uri", "%q is not repository-relative", u)
		}
		if b, _ := al["uriBaseId"].(string); b != "%SRCROOT%" {
			c.errorf(path+".artifactLocation.uriBaseId", "want %%SRCROOT%%, have %q", b)
		}
	}
	reg, _ := c.need(path, pl, "region").(map[string]any)
	if reg == nil {
		return
	}
	var pos [4]float64
	for i, key := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
		pos[i], _ = c.need(path+".region", reg, key).(float64)
	}
	if sl, sc, el, ec := pos[0], pos[1], pos[2], pos[3]; el < sl || el == sl && ec < sc {
		c.errorf(path+".region", "ends (%v:%v) before it starts (%v:%v)", el, ec, sl, sc)
	}
}
