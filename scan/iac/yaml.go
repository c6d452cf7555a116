package iac

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/kvlint/kvlint/internal/gosite"
)

// yamlTriggers: a YAML file is parsed only when it holds one of these.
var yamlTriggers = []string{"SecretProviderClass", "Secret", "azure/login", "Azure/login", "_CLIENT_SECRET"}

// yamlFile checks Kubernetes manifests, workflows, compose files and
// pipelines. Helm template actions are blanked first, keeping offsets.
func yamlFile(path, content string, out *findings) string {
	hit := false
	for _, t := range yamlTriggers {
		if strings.Contains(content, t) {
			hit = true
			break
		}
	}
	if !hit {
		return ""
	}
	text := blankTemplates(content)
	lines := lineStarts(content)
	dec := yaml.NewDecoder(strings.NewReader(text))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return ""
		}
		if err != nil {
			return path + ": not YAML (" + firstLine(err.Error()) + "); checked as text only"
		}
		if len(doc.Content) == 0 {
			continue
		}
		y := &yamlCheck{content: content, lines: lines, out: out}
		y.document(doc.Content[0])
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// blankTemplates replaces each {{ ... }} action with spaces (newlines kept).
func blankTemplates(s string) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	b := []byte(s)
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("{{"))
		if k < 0 {
			break
		}
		k += i
		e := bytes.Index(b[k:], []byte("}}"))
		if e < 0 {
			break
		}
		e += k + 2
		for j := k; j < e; j++ {
			if b[j] != '\n' {
				b[j] = ' '
			}
		}
		i = e
	}
	return string(b)
}

func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

type yamlCheck struct {
	content string
	lines   []int
	out     *findings
}

// off returns the byte offset of a node (yaml.v3 columns count runes; the
// files checked here are ASCII where it matters).
func (y *yamlCheck) off(n *yaml.Node) int {
	if n.Line < 1 || n.Line > len(y.lines) {
		return 0
	}
	o := y.lines[n.Line-1] + n.Column - 1
	return min(max(o, 0), len(y.content))
}

// span returns the offsets of a key node through the end of its line.
func (y *yamlCheck) span(n *yaml.Node) (int, int) {
	s := y.off(n)
	e := gosite.LineEnd(y.content, s)
	return s, max(s, len(strings.TrimRight(y.content[:e], "\r \t")))
}

func get(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (y *yamlCheck) document(root *yaml.Node) {
	_, kind := get(root, "kind")
	switch scalar(kind) {
	case "Secret":
		y.k8sSecret(root)
	case "SecretProviderClass":
		y.secretProviderClass(root)
	}
	y.walk(root, "")
}

// k8sSecret reports credentials by key in data and stringData (KV640).
func (y *yamlCheck) k8sSecret(root *yaml.Node) {
	for _, field := range []string{"data", "stringData"} {
		_, m := get(root, field)
		if m == nil || m.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if !secretKey(k.Value) || scalar(v) == "" {
				continue
			}
			s, e := y.span(k)
			y.out.add(rK8sSecret, s, e, "Secret "+field+" holds credential \""+k.Value+"\" in the manifest: store it in Key Vault and mount it with the Secrets Store CSI driver (SecretProviderClass)")
		}
	}
}

// secretProviderClass reports usePodIdentity "true" (KV641) and pinned
// objectVersion values (KV305).
func (y *yamlCheck) secretProviderClass(root *yaml.Node) {
	_, spec := get(root, "spec")
	_, params := get(spec, "parameters")
	if k, v := get(params, "usePodIdentity"); k != nil && strings.EqualFold(scalar(v), "true") {
		s, e := y.span(k)
		y.out.add(rPodIdentity, s, e, "SecretProviderClass uses AAD Pod Identity (deprecated): set clientID to a workload identity's client ID")
	}
	_, objs := get(params, "objects")
	if objs == nil || objs.Kind != yaml.ScalarNode {
		return
	}
	var versions []string
	collectVersions(objs.Value, &versions, 0)
	// Find the objectVersion keys in the file text in order, after the
	// objects key: nested block scalars keep their text in place.
	from := y.off(objs)
	n := 0
	for _, v := range versions {
		k := strings.Index(y.content[from:], "objectVersion")
		if k < 0 {
			return
		}
		at := from + k
		from = at + len("objectVersion")
		n++
		if !literal(v) {
			continue // empty, or a placeholder ($VERSION) filled in at deploy time
		}
		e := gosite.LineEnd(y.content, at)
		y.out.add(rPinnedCSI, at, at+len(strings.TrimRight(y.content[at:e], "\r \t")), pinnedMsg("SecretProviderClass object", v))
	}
}

// collectVersions parses the objects parameter (YAML whose array holds
// YAML strings) and appends each objectVersion value in text order.
func collectVersions(text string, out *[]string, depth int) {
	if depth > 3 {
		return
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte(blankTemplates(text)), &n) != nil || len(n.Content) == 0 {
		return
	}
	var visit func(*yaml.Node)
	visit = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "objectVersion" {
					*out = append(*out, scalar(n.Content[i+1]))
					continue
				}
				visit(n.Content[i+1])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				visit(c)
			}
		case yaml.ScalarNode:
			if strings.Contains(n.Value, "objectVersion") {
				collectVersions(n.Value, out, depth+1)
			}
		}
	}
	visit(n.Content[0])
}

// walk finds azure/login with creds (KV242) and client secrets in env
// (KV243) anywhere in a document.
func (y *yamlCheck) walk(n *yaml.Node, parentKey string) {
	switch n.Kind {
	case yaml.MappingNode:
		if _, uses := get(n, "uses"); uses != nil && strings.HasPrefix(strings.ToLower(scalar(uses)), "azure/login@") {
			_, with := get(n, "with")
			if k, v := get(with, "creds"); k != nil && scalar(v) != "" {
				s, e := y.span(k)
				y.out.add(rAzureLoginCreds, s, e, "azure/login signs in with a client secret (creds): use OIDC with client-id, tenant-id and subscription-id and permissions: id-token: write")
			}
		}
		// Kubernetes and pipeline lists: - name: AZURE_CLIENT_SECRET, value|valueFrom.
		if k, v := get(n, "name"); k != nil && clientSecretVar(scalar(v)) {
			_, val := get(n, "value")
			_, from := get(n, "valueFrom")
			if scalar(val) != "" || from != nil {
				s, e := y.span(v)
				y.out.add(rSecretEnv, s, e, envMsg(scalar(v), "a "+where(parentKey)))
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if clientSecretVar(k.Value) && (scalar(v) != "" || v.Kind == yaml.MappingNode) {
				s, e := y.span(k)
				y.out.add(rSecretEnv, s, e, envMsg(k.Value, "a "+where(parentKey)))
				continue
			}
			y.walk(v, k.Value)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				// compose: environment: [AZURE_CLIENT_SECRET=...]
				name, val, ok := strings.Cut(c.Value, "=")
				if ok && clientSecretVar(name) && strings.TrimSpace(val) != "" {
					s, e := y.span(c)
					y.out.add(rSecretEnv, s, e, envMsg(name, "a "+where(parentKey)))
				}
				continue
			}
			y.walk(c, parentKey)
		}
	}
}

func where(parentKey string) string {
	switch parentKey {
	case "env":
		return "workload or workflow env"
	case "environment":
		return "compose environment"
	case "variables":
		return "pipeline variables"
	}
	return "deployment file"
}
