package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/kvlint/kvlint/rules"
)

// MaxSize is the largest configuration file kvlint reads, in bytes.
const MaxSize = 1 << 20

// Load reads and parses the configuration file at path. allow.paths are
// relative to the file's directory.
func Load(path string) (*Loaded, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	} else if st.IsDir() {
		return nil, fmt.Errorf("config %s: is a directory", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	l, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	if abs, err := filepath.Abs(path); err == nil {
		l.Path, l.Dir = abs, filepath.Dir(abs)
	}
	return l, nil
}

// Parse parses and validates configuration text. path names the file in
// error messages ("path:line: ...") and its directory becomes Loaded.Dir;
// with path "" messages say ".kvlint.yaml" and Dir is empty. Empty text (or
// only comments) gives the defaults. Every problem found is reported, joined.
func Parse(data []byte, path string) (*Loaded, error) {
	name := path
	if name == "" {
		name = FileName
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: config file is larger than %d bytes", name, MaxSize)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%s: config file is binary, not YAML text", name)
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8(data)], []byte("\n"))
		return nil, fmt.Errorf("%s:%d: config file is not valid UTF-8", name, line)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))

	var f File
	var root *yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		// Empty: defaults.
	case err != nil:
		return nil, yamlError(name, err)
	default:
		var extra yaml.Node
		if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
			if err != nil {
				return nil, yamlError(name, err)
			}
			return nil, fmt.Errorf("%s:%d: only one YAML document is allowed", name, extra.Line)
		}
		root = &doc
		if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
			root = root.Content[0]
		}
		if isNull(root) {
			root = nil
			break
		}
		if root.Kind != yaml.MappingNode {
			return nil, fmt.Errorf("%s:%d: the top level must be a mapping of keys (version, rules, allow, ...)", name, root.Line)
		}
		if err := checkKeys(name, root, reflect.TypeFor[File](), ""); err != nil {
			return nil, err
		}
		strict := yaml.NewDecoder(bytes.NewReader(data))
		strict.KnownFields(true)
		if err := strict.Decode(&f); err != nil {
			return nil, yamlError(name, err)
		}
	}
	l, err := build(f, &locator{name: name, root: root})
	if err != nil {
		return nil, err
	}
	l.Path = path
	if path != "" {
		l.Dir = filepath.Dir(path)
	}
	return l, nil
}

// Decode builds a configuration from golangci-lint plugin settings (a
// map[string]any decoded from .golangci.yml), with the same options and
// checks as .kvlint.yaml; unknown keys are errors. Loaded.Dir is empty: the
// caller sets it to the directory allow.paths are relative to.
func Decode(settings any) (*Loaded, error) {
	var f File
	switch s := settings.(type) {
	case nil:
	case File:
		f = s
	case *File:
		if s != nil {
			f = *s
		}
	default:
		data, err := json.Marshal(stringKeys(settings))
		if err != nil {
			return nil, fmt.Errorf("kvlint settings: %w", err)
		}
		if string(data) != "null" {
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&f); err != nil {
				return nil, fmt.Errorf("kvlint settings: %s", jsonMessage(err))
			}
		}
	}
	return build(f, &locator{name: "kvlint settings"})
}

// stringKeys turns map[any]any (as older YAML decoders produce) into
// map[string]any so the settings can be encoded as JSON.
func stringKeys(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = stringKeys(e)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, e := range v {
			s[i] = stringKeys(e)
		}
		return s
	}
	return v
}

var jsonUnknown = regexp.MustCompile(`^json: unknown field "(.*)"$`)

func jsonMessage(err error) string {
	msg := err.Error()
	if m := jsonUnknown.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("unknown key %q", m[1])
	}
	return strings.TrimPrefix(msg, "json: ")
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError rewrites a yaml.v3 error as "name:line: message".
func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		errs := make([]error, 0, len(te.Errors))
		for _, e := range te.Errors {
			errs = append(errs, yamlMessage(name, e))
		}
		return errors.Join(errs...)
	}
	return yamlMessage(name, err.Error())
}

func yamlMessage(name, msg string) error {
	msg = strings.TrimSpace(msg)
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", name, m[1], m[2])
	}
	return fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
}

func isNull(n *yaml.Node) bool {
	return n.Kind == 0 || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// checkKeys reports mapping keys that are not fields of t, with their lines.
func checkKeys(name string, n *yaml.Node, t reflect.Type, where string) error {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	var errs []error
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // the decoder reports the type mismatch
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" {
				continue // merge key: its content is checked by the strict decoder
			}
			field, ok := fieldByTag(t, k.Value)
			if !ok {
				msg := fmt.Sprintf("%s:%d: unknown key %q", name, k.Line, k.Value)
				if where != "" {
					msg += " in " + where
				}
				if s := suggest(k.Value, tags(t)); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				errs = append(errs, errors.New(msg))
				continue
			}
			sub := k.Value
			if where != "" {
				sub = where + "." + k.Value
			}
			errs = append(errs, checkKeys(name, v, field.Type, sub))
		}
	case reflect.Slice:
		// Only element types with keys of their own are visited, so aliases
		// to long lists of scalars cost nothing.
		if n.Kind == yaml.SequenceNode && hasKeys(t.Elem()) {
			for i, item := range n.Content {
				errs = append(errs, checkKeys(name, item, t.Elem(), fmt.Sprintf("%s[%d]", where, i)))
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode && hasKeys(t.Elem()) {
			for i := 0; i+1 < len(n.Content); i += 2 {
				errs = append(errs, checkKeys(name, n.Content[i+1], t.Elem(), where+"."+n.Content[i].Value))
			}
		}
	}
	return errors.Join(errs...)
}

func hasKeys(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		return true
	case reflect.Slice, reflect.Map:
		return hasKeys(t.Elem())
	}
	return false
}

func yamlTag(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if tag == "" {
		tag = strings.ToLower(f.Name)
	}
	return tag
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && yamlTag(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func tags(t reflect.Type) []string {
	var s []string
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			s = append(s, yamlTag(f))
		}
	}
	return s
}

// suggest returns the candidate closest to key if it is a likely typo.
func suggest(key string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(key), c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// locator gives "file:line" prefixes for values found by their key path.
type locator struct {
	name string
	root *yaml.Node // nil when there are no lines (plugin settings)
}

// at returns "name:line" for the value at path (string keys, int indices),
// or for the nearest enclosing node found; "name" when there are no lines.
func (lc *locator) at(path ...any) string {
	line := 0
	n := lc.root
	for _, p := range path {
		for n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n == nil {
			break
		}
		line = n.Line
		var next *yaml.Node
		switch p := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == p {
						// The key's line: a null value has no line of its own.
						line, next = n.Content[i].Line, n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && p >= 0 && p < len(n.Content) {
				next = n.Content[p]
			}
		}
		if next == nil {
			n = nil
			break
		}
		if !isNull(next) && next.Line > 0 {
			line = next.Line
		}
		n = next
	}
	if line == 0 {
		return lc.name
	}
	return lc.name + ":" + strconv.Itoa(line)
}

var ruleIDPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// build validates f and turns it into a Loaded, in phases: custom rules,
// rule references, then the other sections. The detection engine is built
// from it by the caller (internal/engine), so config stays data and checks.
func build(f File, lc *locator) (*Loaded, error) {
	b := &builder{lc: lc, table: builtinTable()}
	if f.Version != 0 && f.Version != 1 {
		b.bad(lc.at("version"), "unsupported version %d (want 1)", f.Version)
	}
	custom := b.customRules(f.CustomRules)
	l := &Loaded{
		File:     f,
		table:    b.table,
		custom:   custom,
		enable:   map[string]bool{},
		disable:  map[string]bool{},
		severity: map[string]rules.Severity{},
	}
	l.enableIDs, l.disableIDs = b.ruleRefs(l, f)
	b.sections(l, f)
	b.errs = append(b.errs, f.SecretLog.validate(lc)...)
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	return l, nil
}

// builder collects the errors of one configuration file while build checks
// it, and the table of rule references it knows so far.
type builder struct {
	lc    *locator
	table ruleTable
	errs  []error
}

// bad records an error at a location of the file.
func (b *builder) bad(where string, format string, args ...any) {
	b.errs = append(b.errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
}

// customRules checks the custom-rules section, adds each valid rule to the
// table and returns the checked rules.
func (b *builder) customRules(crs []CustomRule) []CheckedRule {
	var custom []CheckedRule
	for i, cr := range crs {
		if rule, ok := b.customRule(i, cr); ok {
			custom = append(custom, rule)
		}
	}
	return custom
}

// customRule checks custom-rules[i]; ok is false when its id is unusable.
func (b *builder) customRule(i int, cr CustomRule) (rule CheckedRule, ok bool) {
	lc, bad, table := b.lc, b.bad, b.table
	at := func(key string) string { return lc.at("custom-rules", i, key) }
	id := strings.TrimSpace(cr.ID)
	switch {
	case id == "":
		bad(lc.at("custom-rules", i), "custom-rules[%d]: id is required", i)
		return CheckedRule{}, false
	case !ruleIDPattern.MatchString(id) || len(id) > 64:
		bad(at("id"), "custom rule id %q must be letters, digits, '-' or '_' (such as KV901)", id)
		return CheckedRule{}, false
	}
	if prev, dup := table.lookup(id); dup {
		bad(at("id"), "custom rule id %q is already used by rule %s (%s)", id, prev.ID, prev.Name)
		return CheckedRule{}, false
	}
	if cr.Name != "" {
		if !ruleIDPattern.MatchString(cr.Name) {
			bad(at("name"), "custom rule name %q must be letters, digits, '-' or '_'", cr.Name)
		} else if prev, dup := table.lookup(cr.Name); dup {
			bad(at("name"), "custom rule name %q is already used by rule %s", cr.Name, prev.ID)
		}
	}
	var re *regexp.Regexp
	if strings.TrimSpace(cr.Regex) == "" {
		bad(lc.at("custom-rules", i), "custom rule %s: regex is required", id)
	} else if r, err := regexp.Compile(cr.Regex); err != nil {
		bad(at("regex"), "custom rule %s: bad regex: %s", id, regexpMessage(err))
	} else if r.MatchString("") {
		bad(at("regex"), "custom rule %s: regex matches the empty string, so it would match every value", id)
	} else {
		re = r
	}
	if !validEntropy(cr.Entropy) {
		bad(at("entropy"), "custom rule %s: entropy %v is outside 0-8 bits per byte", id, cr.Entropy)
	}
	sev := rules.SeverityError
	if cr.Severity != "" {
		if s, ok := parseSeverity(cr.Severity); ok {
			sev = s
		} else {
			bad(at("severity"), "custom rule %s: severity %q must be error, warning or info", id, cr.Severity)
		}
	}
	var keywords []string
	for j, k := range cr.Keywords {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			bad(lc.at("custom-rules", i, "keywords", j), "custom rule %s: empty keyword", id)
			continue
		}
		keywords = append(keywords, k)
	}
	info := rules.Info{
		ID:       id,
		Name:     cr.Name,
		Title:    cr.Title,
		Analyzer: DetectAnalyzer,
		Severity: sev,
		Tags:     []string{"custom"},
	}
	if info.Name == "" {
		info.Name = strings.ToLower(id)
	}
	if info.Title == "" {
		info.Title = "custom rule " + id
	}
	info.Doc = info.Title + " (custom rule from configuration)"
	table.add(info)
	rule = CheckedRule{Info: info, Keywords: keywords, Regex: cr.Regex, Entropy: cr.Entropy}
	if re != nil {
		if g := re.SubexpIndex("secret"); g > 0 {
			rule.SecretGroup = g
		}
	}
	return rule, true
}

// ruleRefs resolves rules.enable, rules.disable and severity against the
// table (the rule registry and the custom rules) and returns the IDs
// enabled and disabled.
func (b *builder) ruleRefs(l *Loaded, f File) (enableIDs, disableIDs []string) {
	lc, bad, table := b.lc, b.bad, b.table
	resolve := func(set map[string]bool, ids *[]string, key string, refs []string) {
		for i, ref := range refs {
			info, ok := table.lookup(ref)
			if !ok {
				bad(lc.at("rules", key, i), "unknown rule %q in rules.%s", ref, key)
				continue
			}
			set[strings.ToLower(info.ID)] = true
			set[strings.ToLower(info.Name)] = true
			*ids = append(*ids, info.ID)
		}
	}
	resolve(l.enable, &enableIDs, "enable", f.Rules.Enable)
	resolve(l.disable, &disableIDs, "disable", f.Rules.Disable)

	for _, ref := range sortedKeys(f.Severity) {
		info, ok := table.lookup(ref)
		if !ok {
			bad(lc.at("severity", ref), "unknown rule %q in severity", ref)
			continue
		}
		s, ok := parseSeverity(f.Severity[ref])
		if !ok {
			bad(lc.at("severity", ref), "severity %q of %s must be error, warning or info", f.Severity[ref], ref)
			continue
		}
		l.severity[strings.ToLower(info.ID)] = s
	}
	return enableIDs, disableIDs
}

// sections checks analyzers, entropy, allow and tests, and compiles the
// allowed path patterns.
func (b *builder) sections(l *Loaded, f File) {
	lc, bad := b.lc, b.bad
	for _, a := range sortedKeys(f.Analyzers) {
		if known := knownAnalyzers(); !known[strings.ToLower(a)] {
			bad(lc.at("analyzers", a), "unknown analyzer %q (want one of %s)", a, strings.Join(sortedKeys(known), ", "))
		}
	}
	if !validEntropy(f.Entropy.Generic) {
		bad(lc.at("entropy", "generic"), "entropy.generic %v is outside 0-8 bits per byte", f.Entropy.Generic)
	}
	for i, p := range f.Allow.Paths {
		if strings.TrimSpace(p) == "" {
			bad(lc.at("allow", "paths", i), "empty path pattern in allow.paths")
		} else if err := checkGlob(p); err != nil {
			bad(lc.at("allow", "paths", i), "bad path pattern %q in allow.paths: %v", p, err)
		} else {
			l.paths = append(l.paths, normGlob(p))
		}
	}
	for i, v := range f.Allow.Values {
		if _, err := regexp.Compile(v); err != nil {
			bad(lc.at("allow", "values", i), "bad regex in allow.values: %s", regexpMessage(err))
		}
	}
	switch f.Tests {
	case "", TestsFixtures, TestsScan, TestsSkip:
	default:
		bad(lc.at("tests"), "tests %q must be fixtures, scan or skip", f.Tests)
	}
}

// regexpMessage shortens a regexp error and never echoes a long pattern (a
// pattern could hold a secret that someone meant to allow).
func regexpMessage(err error) string {
	var re *syntax.Error
	if errors.As(err, &re) {
		expr := re.Expr
		if len(expr) > 12 {
			expr = expr[:12] + "..."
		}
		return fmt.Sprintf("%s: `%s`", re.Code, expr)
	}
	return err.Error()
}

func validEntropy(e float64) bool { return !math.IsNaN(e) && e >= 0 && e <= 8 }

func parseSeverity(s string) (rules.Severity, bool) {
	switch sev := rules.Severity(strings.ToLower(strings.TrimSpace(s))); sev {
	case rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo:
		return sev, true
	}
	return "", false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Defaults returns the configuration used when there is no .kvlint.yaml.
func Defaults() *Loaded {
	return &Loaded{table: builtinOnce()}
}
