package iac

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// armTree reads JSON into values with byte offsets (encoding/json's
// Decoder gives the offset after each token; a value starts at the first
// byte after the separators before it).
type armTree struct {
	src string
	dec *json.Decoder
}

// parseJSONPositions reads content into a value tree.
func parseJSONPositions(content string) (*dValue, error) {
	t := &armTree{src: content, dec: json.NewDecoder(strings.NewReader(content))}
	t.dec.UseNumber()
	v, err := t.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := t.dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("data after the top-level value")
	}
	return v, nil
}

// start skips whitespace and separators from off.
func (t *armTree) start(off int) int {
	for off < len(t.src) {
		switch t.src[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
		default:
			return off
		}
	}
	return off
}

func (t *armTree) value(depth int) (*dValue, error) {
	if depth > 256 {
		return nil, errors.New("nested too deeply")
	}
	before := int(t.dec.InputOffset())
	tok, err := t.dec.Token()
	if err != nil {
		return nil, err
	}
	v := &dValue{start: t.start(before)}
	switch x := tok.(type) {
	case json.Delim:
		switch x {
		case '{':
			v.kind = vObject
			for t.dec.More() {
				kb := int(t.dec.InputOffset())
				kt, err := t.dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				val, err := t.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.props = append(v.props, dProp{key: key, start: t.start(kb), end: val.end, val: val})
			}
		case '[':
			v.kind = vArray
			for t.dec.More() {
				e, err := t.value(depth + 1)
				if err != nil {
					return nil, err
				}
				v.elems = append(v.elems, e)
			}
		default:
			return nil, errors.New("unexpected " + x.String())
		}
		if _, err := t.dec.Token(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		armString(v, x)
	case bool:
		v.kind, v.b = vBool, x
	case nil:
		v.kind = vNull
	default:
		v.kind = vNumber
	}
	v.end = int(t.dec.InputOffset())
	return v, nil
}

// armString sets v from a JSON string: an ARM expression "[...]" keeps the
// functions it calls and the parameters and variables it reads; "[[" escapes
// a literal that starts with '['.
func armString(v *dValue, s string) {
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") || strings.HasPrefix(s, "[[") {
		v.kind, v.str = vString, strings.TrimPrefix(s, "[")
		if !strings.HasPrefix(s, "[[") {
			v.str = s
		}
		return
	}
	v.kind = vExpr
	e := s[1 : len(s)-1]
	for i := 0; i < len(e); i++ {
		switch c := e[i]; {
		case c == '\'':
			j := i + 1
			for j < len(e) && (e[j] != '\'' || j+1 < len(e) && e[j+1] == '\'') {
				if e[j] == '\'' {
					j++ // '' escapes a quote
				}
				j++
			}
			i = j
		case isIdentStart(c):
			j := i + 1
			for j < len(e) && (isIdentStart(e[j]) || e[j] >= '0' && e[j] <= '9') {
				j++
			}
			name := strings.ToLower(e[i:j])
			afterDot := i > 0 && e[i-1] == '.'
			if j < len(e) && e[j] == '(' && !afterDot {
				v.calls = append(v.calls, name)
				if name == "parameters" || name == "variables" {
					if arg, ok := armStringArg(e[j+1:]); ok {
						kind := "param:"
						if name == "variables" {
							kind = "var:"
						}
						v.refs = append(v.refs, kind+arg)
					}
				}
			}
			i = j - 1
		}
	}
}

// armStringArg reads a first argument that is a string literal: 'name').
func armStringArg(s string) (string, bool) {
	s = strings.TrimLeft(s, " ")
	if !strings.HasPrefix(s, "'") {
		return "", false
	}
	end := strings.IndexByte(s[1:], '\'')
	if end < 0 {
		return "", false
	}
	return s[1 : 1+end], true
}

// armDeployment reads an ARM template or parameter file into a deployment;
// ok is false when content is neither.
func armDeployment(root *dValue) (d *deployment, ok bool) {
	schema, ok := root.text("$schema")
	if !ok {
		return nil, false
	}
	s := strings.ToLower(schema)
	d = &deployment{lang: "ARM", params: map[string]*dParam{}, vars: map[string]*dValue{}}
	switch {
	case strings.Contains(s, "deploymentparameters"):
		d.paramFile = true
		armParams(d, root, "value")
	case strings.Contains(s, "deploymenttemplate"):
		armParams(d, root, "defaultValue")
		for _, p := range root.members("variables") {
			d.vars[p.key] = p.val
		}
		if res := root.get("resources"); res != nil {
			armResources(d, res.val, "")
		}
		armOutputs(d, root)
	default:
		return nil, false
	}
	return d, true
}

// armParams reads the parameters section; def names the property that
// holds a value (defaultValue in templates, value in parameter files).
func armParams(d *deployment, root *dValue, def string) {
	for _, p := range root.members("parameters") {
		dp := &dParam{name: p.key, start: p.start, end: p.keyEnd()}
		if t, ok := p.val.text("type"); ok {
			dp.typ = strings.ToLower(t)
		} else if d.paramFile {
			dp.typ = "string"
		}
		dp.secure = strings.HasPrefix(dp.typ, "secure")
		if md := p.val.get("metadata"); md != nil {
			dp.desc, _ = md.val.text("description")
		}
		if v := p.val.get(def); v != nil {
			dp.def = v.val
		}
		d.params[p.key] = dp
		d.order = append(d.order, dp)
	}
}

// armResources reads a resources section: an array, or an object of
// symbolic names (languageVersion 2.0), with nested child resources whose
// type is relative to their parent's.
func armResources(d *deployment, v *dValue, parent string) {
	var list []*dValue
	switch v.kind {
	case vArray:
		list = v.elems
	case vObject:
		for _, p := range v.props {
			list = append(list, p.val)
		}
	}
	for _, r := range list {
		tp := r.get("type")
		if tp == nil || tp.val.kind != vString {
			continue
		}
		shown, _, _ := strings.Cut(tp.val.str, "@")
		if parent != "" && !strings.Contains(shown, ".") {
			shown = parent + "/" + shown
		}
		typ := strings.ToLower(shown)
		dr := &dResource{typ: typ, shown: shown, start: tp.start, end: tp.end, body: r}
		dr.label, _ = r.text("name")
		if e := r.get("existing"); e != nil && e.val.kind == vBool && e.val.b {
			dr.existing = true
		}
		d.resources = append(d.resources, dr)
		if kids := r.get("resources"); kids != nil {
			armResources(d, kids.val, shown)
		}
	}
}

// armOutputs reads the outputs section.
func armOutputs(d *deployment, root *dValue) {
	for _, p := range root.members("outputs") {
		o := &dOutput{name: p.key, start: p.start, end: p.keyEnd()}
		if t, ok := p.val.text("type"); ok {
			o.typ = strings.ToLower(t)
		}
		o.secure = strings.HasPrefix(o.typ, "secure")
		if v := p.val.get("value"); v != nil {
			o.value = v.val
		}
		d.outputs = append(d.outputs, o)
	}
}
