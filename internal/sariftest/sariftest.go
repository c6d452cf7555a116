// Package sariftest checks a SARIF log against the subset of the SARIF 2.1.0
// schema that kvlint writes, and against what GitHub code scanning requires
// on top of the schema. It is used by tests only; there is no network to
// fetch the official schema from, and no JSON Schema validator dependency.
//
// The checks mirror the schema for the objects kvlint emits: each object may
// hold only the properties the schema defines for it (the schema sets
// additionalProperties false everywhere but property bags), required
// properties are present, and values have the schema's types, enums and
// minimums. GitHub's additions: $schema, rules with id, shortDescription,
// fullDescription and help, results with ruleId, message.text, a repo-relative
// artifact URI, a full region and partialFingerprints, security-severity as
// a numeric string, and ruleIndex consistent with ruleId.
package sariftest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// object describes one schema definition: the properties it allows and the
// ones it requires.
type object struct {
	allowed  []string
	required []string
}

// Allowed properties per definition, from the SARIF 2.1.0 schema (only the
// definitions kvlint writes are listed; others are rejected).
var schema = map[string]object{
	"log":                      {allowed: []string{"$schema", "version", "runs", "inlineExternalProperties", "properties"}, required: []string{"version", "runs"}},
	"run":                      {allowed: []string{"addresses", "artifacts", "automationDetails", "baselineGuid", "columnKind", "conversion", "defaultEncoding", "defaultSourceLanguage", "externalPropertyFileReferences", "graphs", "invocations", "language", "logicalLocations", "newlineSequences", "originalUriBaseIds", "policies", "properties", "redactionTokens", "results", "runAggregates", "specialLocations", "taxonomies", "threadFlowLocations", "tool", "translations", "versionControlProvenance", "webRequests", "webResponses"}, required: []string{"tool"}},
	"tool":                     {allowed: []string{"driver", "extensions", "properties"}, required: []string{"driver"}},
	"toolComponent":            {allowed: []string{"associatedComponent", "contents", "dottedQuadFileVersion", "downloadUri", "fullDescription", "fullName", "globalMessageStrings", "guid", "informationUri", "isComprehensive", "language", "localizedDataSemanticVersion", "locations", "minimumRequiredLocalizedDataSemanticVersion", "name", "notifications", "organization", "product", "productSuite", "properties", "releaseDateUtc", "rules", "semanticVersion", "shortDescription", "supportedTaxonomies", "taxa", "translationMetadata", "version"}, required: []string{"name"}},
	"reportingDescriptor":      {allowed: []string{"defaultConfiguration", "deprecatedGuids", "deprecatedIds", "deprecatedNames", "fullDescription", "guid", "help", "helpUri", "id", "messageStrings", "name", "properties", "relationships", "shortDescription"}, required: []string{"id"}},
	"multiformatMessageString": {allowed: []string{"markdown", "properties", "text"}, required: []string{"text"}},
	"message":                  {allowed: []string{"arguments", "id", "markdown", "properties", "text"}},
	"reportingConfiguration":   {allowed: []string{"enabled", "level", "parameters", "properties", "rank"}},
	"result":                   {allowed: []string{"analysisTarget", "attachments", "baselineState", "codeFlows", "correlationGuid", "fingerprints", "fixes", "graphTraversals", "graphs", "guid", "hostedViewerUri", "kind", "level", "locations", "message", "occurrenceCount", "partialFingerprints", "properties", "provenance", "rank", "relatedLocations", "rule", "ruleId", "ruleIndex", "stacks", "suppressions", "taxa", "webRequest", "webResponse", "workItemUris"}, required: []string{"message"}},
	"location":                 {allowed: []string{"annotations", "id", "logicalLocations", "message", "physicalLocation", "properties", "relationships"}},
	"physicalLocation":         {allowed: []string{"address", "artifactLocation", "contextRegion", "properties", "region"}},
	"artifactLocation":         {allowed: []string{"description", "index", "properties", "uri", "uriBaseId"}},
	"region":                   {allowed: []string{"byteLength", "byteOffset", "charLength", "charOffset", "endColumn", "endLine", "message", "properties", "snippet", "sourceLanguage", "startColumn", "startLine"}},
}

var levels = []string{"none", "note", "warning", "error"}

type checker struct {
	errs []error
}

func (c *checker) errorf(path, format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: "+format, append([]any{path}, args...)...))
}

// obj checks that v is an object of definition def and returns it.
func (c *checker) obj(path, def string, v any) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.errorf(path, "want an object (%s), have %T", def, v)
		return nil
	}
	d := schema[def]
	for k := range m {
		if !slices.Contains(d.allowed, k) {
			c.errorf(path, "property %q is not allowed in %s", k, def)
		}
	}
	for _, k := range d.required {
		if _, ok := m[k]; !ok {
			c.errorf(path, "required property %q missing from %s", k, def)
		}
	}
	return m
}

func (c *checker) str(path string, m map[string]any, key string, required bool) string {
	v, ok := m[key]
	if !ok {
		if required {
			c.errorf(path, "required property %q missing", key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		c.errorf(path+"."+key, "want a string, have %T", v)
	}
	if required && s == "" {
		c.errorf(path+"."+key, "empty")
	}
	return s
}

func (c *checker) integer(path string, m map[string]any, key string, minimum int, required bool) (int, bool) {
	v, ok := m[key]
	if !ok {
		if required {
			c.errorf(path, "required property %q missing", key)
		}
		return 0, false
	}
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		c.errorf(path+"."+key, "want an integer, have %v", v)
		return 0, false
	}
	if int(f) < minimum {
		c.errorf(path+"."+key, "%d is below the minimum %d", int(f), minimum)
	}
	return int(f), true
}

func (c *checker) arr(path string, m map[string]any, key string, required bool) []any {
	v, ok := m[key]
	if !ok {
		if required {
			c.errorf(path, "required property %q missing", key)
		}
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		c.errorf(path+"."+key, "want an array, have %T", v)
	}
	return a
}

func (c *checker) mmstring(path string, m map[string]any, key string, required bool) {
	v, ok := m[key]
	if !ok {
		if required {
			c.errorf(path, "required property %q missing", key)
		}
		return
	}
	if mm := c.obj(path+"."+key, "multiformatMessageString", v); mm != nil {
		c.str(path+"."+key, mm, "text", true)
		c.str(path+"."+key, mm, "markdown", false)
	}
}

func (c *checker) propertyBag(path string, v any) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.errorf(path, "want an object (propertyBag), have %T", v)
		return nil
	}
	if tags, ok := m["tags"]; ok {
		a, ok := tags.([]any)
		if !ok {
			c.errorf(path+".tags", "want an array")
		}
		seen := map[any]bool{}
		for _, t := range a {
			if _, ok := t.(string); !ok || seen[t] {
				c.errorf(path+".tags", "tags must be unique strings, have %v", t)
			}
			seen[t] = true
		}
	}
	return m
}

// Validate checks a SARIF log and returns every problem found.
func Validate(data []byte) []error {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return []error{fmt.Errorf("not JSON: %w", err)}
	}
	c := &checker{}
	log := c.obj("$", "log", doc)
	if log == nil {
		return c.errs
	}
	if s := c.str("$", log, "$schema", true); s != "" {
		if u, err := url.Parse(s); err != nil || !u.IsAbs() {
			c.errorf("$.$schema", "not an absolute URI: %q", s)
		}
	}
	if v := c.str("$", log, "version", true); v != "2.1.0" {
		c.errorf("$.version", "want 2.1.0, have %q", v)
	}
	runs := c.arr("$", log, "runs", true)
	if len(runs) == 0 {
		c.errorf("$.runs", "no run")
	}
	for i, r := range runs {
		c.run(fmt.Sprintf("$.runs[%d]", i), r)
	}
	return c.errs
}

func (c *checker) run(path string, v any) {
	run := c.obj(path, "run", v)
	if run == nil {
		return
	}
	if ck, ok := run["columnKind"]; ok && !slices.Contains([]any{"utf16CodeUnits", "unicodeCodePoints"}, ck) {
		c.errorf(path+".columnKind", "bad value %v", ck)
	}
	if bases, ok := run["originalUriBaseIds"].(map[string]any); ok {
		for k, b := range bases {
			if al := c.obj(path+".originalUriBaseIds."+k, "artifactLocation", b); al != nil {
				if u := c.str(path+".originalUriBaseIds."+k, al, "uri", true); !strings.HasSuffix(u, "/") {
					c.errorf(path+".originalUriBaseIds."+k, "base URI %q must end with /", u)
				}
			}
		}
	}
	tool := c.obj(path+".tool", "tool", run["tool"])
	if tool == nil {
		return
	}
	driver := c.obj(path+".tool.driver", "toolComponent", tool["driver"])
	if driver == nil {
		return
	}
	c.str(path+".tool.driver", driver, "name", true)
	if u := c.str(path+".tool.driver", driver, "informationUri", false); u != "" {
		if pu, err := url.Parse(u); err != nil || !pu.IsAbs() {
			c.errorf(path+".tool.driver.informationUri", "not an absolute URI")
		}
	}
	var ids []string
	for i, r := range c.arr(path+".tool.driver", driver, "rules", true) {
		ids = append(ids, c.rule(fmt.Sprintf("%s.tool.driver.rules[%d]", path, i), r))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			c.errorf(path+".tool.driver.rules", "duplicate rule id %q", id)
		}
		seen[id] = true
	}
	for i, r := range c.arr(path, run, "results", true) {
		c.result(fmt.Sprintf("%s.results[%d]", path, i), r, ids)
	}
}

func (c *checker) rule(path string, v any) string {
	r := c.obj(path, "reportingDescriptor", v)
	if r == nil {
		return ""
	}
	id := c.str(path, r, "id", true)
	c.str(path, r, "name", false)
	// GitHub requires these three on every rule.
	c.mmstring(path, r, "shortDescription", true)
	c.mmstring(path, r, "fullDescription", true)
	c.mmstring(path, r, "help", true)
	if dc, ok := r["defaultConfiguration"]; ok {
		if m := c.obj(path+".defaultConfiguration", "reportingConfiguration", dc); m != nil {
			if l, ok := m["level"]; ok && !slices.Contains(levels, fmt.Sprint(l)) {
				c.errorf(path+".defaultConfiguration.level", "bad level %v", l)
			}
		}
	}
	if p, ok := r["properties"]; ok {
		if m := c.propertyBag(path+".properties", p); m != nil {
			if ss, ok := m["security-severity"]; ok {
				s, isStr := ss.(string)
				f, err := strconv.ParseFloat(s, 64)
				if !isStr || err != nil || f < 0 || f > 10 {
					c.errorf(path+".properties.security-severity", "want a string holding a number 0.0-10.0, have %v", ss)
				}
			}
			if p, ok := m["precision"]; ok && !slices.Contains([]any{"very-high", "high", "medium", "low"}, p) {
				c.errorf(path+".properties.precision", "bad precision %v", p)
			}
		}
	}
	return id
}

func (c *checker) result(path string, v any, ruleIDs []string) {
	r := c.obj(path, "result", v)
	if r == nil {
		return
	}
	id := c.str(path, r, "ruleId", true)
	if idx, ok := c.integer(path, r, "ruleIndex", -1, false); ok {
		if idx < 0 || idx >= len(ruleIDs) || ruleIDs[idx] != id {
			c.errorf(path+".ruleIndex", "%d does not point at rule %q", idx, id)
		}
	} else if !slices.Contains(ruleIDs, id) {
		c.errorf(path+".ruleId", "rule %q is not described in driver.rules", id)
	}
	if l, ok := r["level"]; ok && !slices.Contains(levels, fmt.Sprint(l)) {
		c.errorf(path+".level", "bad level %v", l)
	}
	if msg := c.obj(path+".message", "message", r["message"]); msg != nil {
		c.str(path+".message", msg, "text", true)
	}
	locs := c.arr(path, r, "locations", true)
	if len(locs) == 0 {
		c.errorf(path+".locations", "GitHub needs at least one location")
	}
	for i, l := range locs {
		lp := fmt.Sprintf("%s.locations[%d]", path, i)
		loc := c.obj(lp, "location", l)
		if loc == nil {
			continue
		}
		pl := c.obj(lp+".physicalLocation", "physicalLocation", loc["physicalLocation"])
		if pl == nil {
			continue
		}
		if al := c.obj(lp+".physicalLocation.artifactLocation", "artifactLocation", pl["artifactLocation"]); al != nil {
			u := c.str(lp+".physicalLocation.artifactLocation", al, "uri", true)
			pu, err := url.Parse(u)
			if err != nil {
				c.errorf(lp+".physicalLocation.artifactLocation.uri", "not a URI reference: %v", err)
			} else if pu.IsAbs() || strings.HasPrefix(u, "/") || strings.HasPrefix(u, "..") {
				c.errorf(lp+".physicalLocation.artifactLocation.uri", "%q is not repository-relative", u)
			}
			if b := c.str(lp+".physicalLocation.artifactLocation", al, "uriBaseId", false); b != "%SRCROOT%" {
				c.errorf(lp+".physicalLocation.artifactLocation.uriBaseId", "want %%SRCROOT%%, have %q", b)
			}
		}
		reg := c.obj(lp+".physicalLocation.region", "region", pl["region"])
		if reg == nil {
			continue
		}
		sl, _ := c.integer(lp+".physicalLocation.region", reg, "startLine", 1, true)
		sc, _ := c.integer(lp+".physicalLocation.region", reg, "startColumn", 1, true)
		el, _ := c.integer(lp+".physicalLocation.region", reg, "endLine", 1, true)
		ec, _ := c.integer(lp+".physicalLocation.region", reg, "endColumn", 1, true)
		if el < sl || el == sl && ec < sc {
			c.errorf(lp+".physicalLocation.region", "ends (%d:%d) before it starts (%d:%d)", el, ec, sl, sc)
		}
	}
	pf, ok := r["partialFingerprints"].(map[string]any)
	if !ok || len(pf) == 0 {
		c.errorf(path, "partialFingerprints missing or empty")
	}
	for k, v := range pf {
		if s, ok := v.(string); !ok || s == "" {
			c.errorf(path+".partialFingerprints."+k, "want a non-empty string")
		}
	}
}
