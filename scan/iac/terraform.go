package iac

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// tfDefs are the variables and locals one .tf file defines.
type tfDefs struct {
	vars   map[string]*hclsyntax.Block
	locals map[string]hclsyntax.Expression
}

// module is what the .tf files of one directory define: the files that
// can (they hold the word variable or locals), read once and parsed on the
// first look-up of a name they hold.
type module struct {
	mu    sync.Mutex
	files map[string]*modFile
}

// modFile is one file of a module.
type modFile struct {
	data   []byte
	parsed bool
	defs   tfDefs // once parsed; empty when it is not valid HCL
}

// tfScope resolves var.x and local.y for one file: its own definitions
// first, then the other files of its module.
type tfScope struct {
	self tfDefs
	name string
	// modOf reads the module on first use: most files never look past
	// their own definitions, and parsing every sibling was most of the
	// cost of scanning a Terraform tree.
	modOf func() *module
	mod   *module
}

// module returns the other files of the module.
func (s *tfScope) module() *module {
	if s.mod == nil {
		s.mod = s.modOf()
	}
	return s.mod
}

func defsOf(body *hclsyntax.Body) tfDefs {
	d := tfDefs{vars: map[string]*hclsyntax.Block{}, locals: map[string]hclsyntax.Expression{}}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "variable" && len(b.Labels) == 1:
			d.vars[b.Labels[0]] = b
		case b.Type == "locals":
			for name, a := range b.Body.Attributes {
				d.locals[name] = a.Expr
			}
		}
	}
	return d
}

// module returns the .tf files in dir that can define variables or locals,
// read once.
func (c *Checker) module(dir string) *module {
	c.mu.Lock()
	defer c.mu.Unlock()
	if m, ok := c.modules[dir]; ok {
		return m
	}
	if c.modules == nil {
		c.modules = map[string]*module{}
	}
	m := &module{files: map[string]*modFile{}}
	c.modules[dir] = m
	readDir, readFile := c.ReadDir, c.ReadFile
	if readDir == nil {
		readDir = os.ReadDir
	}
	if readFile == nil {
		readFile = os.ReadFile
	}
	entries, err := readDir(dir)
	if err != nil {
		return m
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tf") {
			continue
		}
		data, err := readFile(filepath.Join(dir, e.Name()))
		if err != nil || !bytes.Contains(data, []byte("variable")) && !bytes.Contains(data, []byte("locals")) {
			continue // unreadable (the file's own scan says so), or defines nothing
		}
		m.files[e.Name()] = &modFile{data: data}
	}
	return m
}

// lookup returns what get finds in the first file of the module other than
// self that holds name, parsing each such file once.
func lookup[T any](m *module, self, name string, get func(tfDefs) (T, bool)) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for file, f := range m.files {
		if file == self || !bytes.Contains(f.data, []byte(name)) {
			continue
		}
		if !f.parsed {
			f.parsed = true
			if pf, diags := hclsyntax.ParseConfig(f.data, file, hcl.InitialPos); !diags.HasErrors() {
				f.defs = defsOf(pf.Body.(*hclsyntax.Body))
			}
		}
		if v, ok := get(f.defs); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// mentionsSensitive reports whether a file of the module other than self
// holds the word sensitive (a sensitive variable).
func (m *module) mentionsSensitive(self string) bool {
	for file, f := range m.files {
		if file != self && bytes.Contains(f.data, []byte("sensitive")) {
			return true
		}
	}
	return false
}

func (s *tfScope) variable(name string) *hclsyntax.Block {
	if b := s.self.vars[name]; b != nil {
		return b
	}
	b, _ := lookup(s.module(), s.name, name, func(d tfDefs) (*hclsyntax.Block, bool) {
		b := d.vars[name]
		return b, b != nil
	})
	return b
}

func (s *tfScope) local(name string) hclsyntax.Expression {
	if e := s.self.locals[name]; e != nil {
		return e
	}
	e, _ := lookup(s.module(), s.name, name, func(d tfDefs) (hclsyntax.Expression, bool) {
		e := d.locals[name]
		return e, e != nil
	})
	return e
}

// value is what an expression is known to be in the module.
type value struct {
	v      cty.Value
	via    string // "var.x" (its default) or "local.y", when not written in place
	direct bool   // a literal written in place
}

// eval returns the value of e when the module knows it: literals, literal
// templates, var.x with a default, local.y, ! and parentheses.
func (s *tfScope) eval(e hclsyntax.Expression, depth int) (value, bool) {
	if depth > 8 {
		return value{}, false
	}
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return value{v: e.Val, direct: depth == 0}, true
	case *hclsyntax.TemplateExpr:
		if !e.IsStringLiteral() {
			return value{}, false
		}
		v, diags := e.Value(nil)
		return value{v: v, direct: depth == 0}, !diags.HasErrors()
	case *hclsyntax.TemplateWrapExpr:
		return s.eval(e.Wrapped, depth)
	case *hclsyntax.ParenthesesExpr:
		return s.eval(e.Expression, depth)
	case *hclsyntax.UnaryOpExpr:
		if e.Op != hclsyntax.OpLogicalNot {
			return value{}, false
		}
		v, ok := s.eval(e.Val, depth)
		if !ok || v.v.Type() != cty.Bool || v.v.IsNull() {
			return value{}, false
		}
		v.v = v.v.Not()
		return v, true
	case *hclsyntax.ScopeTraversalExpr:
		root, attr, ok := rootAttr(e.Traversal)
		if !ok {
			return value{}, false
		}
		switch root {
		case "var":
			b := s.variable(attr)
			if b == nil {
				return value{}, false
			}
			d := b.Body.Attributes["default"]
			if d == nil {
				return value{}, false
			}
			v, ok := s.eval(d.Expr, depth+1)
			v.via, v.direct = "var."+attr, false
			return v, ok
		case "local":
			le := s.local(attr)
			if le == nil {
				return value{}, false
			}
			v, ok := s.eval(le, depth+1)
			if v.via == "" {
				v.via = "local." + attr
			}
			v.direct = false
			return v, ok
		}
	}
	return value{}, false
}

func rootAttr(t hcl.Traversal) (string, string, bool) {
	if len(t) < 2 {
		return "", "", false
	}
	a, ok := t[1].(hcl.TraverseAttr)
	return t.RootName(), a.Name, ok
}

// boolOf returns a known boolean (true/false, or the strings "true"/"false").
func (s *tfScope) boolOf(a *hclsyntax.Attribute) (bool, value, bool) {
	if a == nil {
		return false, value{}, false
	}
	v, ok := s.eval(a.Expr, 0)
	if !ok || v.v.IsNull() || !v.v.IsKnown() {
		return false, v, false
	}
	switch v.v.Type() {
	case cty.Bool:
		return v.v.True(), v, true
	case cty.String:
		switch strings.ToLower(v.v.AsString()) {
		case "true":
			return true, v, true
		case "false":
			return false, v, true
		}
	}
	return false, v, false
}

// stringOf returns a known string value.
func (s *tfScope) stringOf(e hclsyntax.Expression) (string, value, bool) {
	v, ok := s.eval(e, 0)
	if !ok || v.v.IsNull() || !v.v.IsKnown() || v.v.Type() != cty.String {
		return "", v, false
	}
	return v.v.AsString(), v, true
}

func viaText(v value) string {
	if v.via == "" {
		return ""
	}
	return " (" + v.via + ")"
}

// terraform checks one .tf file.
func (c *Checker) terraform(path, content string, out *findings) string {
	dir, name := filepath.Dir(path), filepath.Base(path)
	if !c.parseAll && !tfChecked(content, func() bool { return c.module(dir).mentionsSensitive(name) }) {
		return ""
	}
	body := (*hclsyntax.Body)(nil)
	if !c.parseAll {
		body = parseBlocks(path, content)
	}
	if body == nil {
		f, diags := hclsyntax.ParseConfig([]byte(content), path, hcl.InitialPos)
		if diags.HasErrors() {
			d := diags.Errs()[0].(*hcl.Diagnostic)
			where := ""
			if d.Subject != nil {
				where = " at line " + itoa(d.Subject.Start.Line)
			}
			return path + ": not valid HCL" + where + " (" + d.Summary + "); checked as text only"
		}
		body = f.Body.(*hclsyntax.Body)
	}
	s := &tfScope{self: defsOf(body), modOf: func() *module { return c.module(dir) }, name: name}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == "azurerm_key_vault_secret":
			s.secret(b, out)
		case b.Type == "resource" && len(b.Labels) == 2 && b.Labels[0] == "azurerm_key_vault":
			s.vault(b, out)
		case b.Type == "data" && len(b.Labels) == 2 && b.Labels[0] == "azurerm_key_vault_secret":
			if a := b.Body.Attributes["version"]; a != nil {
				if v, _, ok := s.stringOf(a.Expr); ok && v != "" {
					out.add(rPinnedTFData, start(a.SrcRange), end(a.SrcRange), pinnedMsg("data.azurerm_key_vault_secret."+b.Labels[1], v))
				}
			}
		case b.Type == "provider" && len(b.Labels) == 1:
			s.provider(b, out)
		case b.Type == "variable" && len(b.Labels) == 1:
			s.variableBlock(b, out)
		case b.Type == "output" && len(b.Labels) == 1:
			s.output(b, out)
		}
	}
	versionedIDs(content, body, out)
	return ""
}

func start(r hcl.Range) int { return r.Start.Byte }
func end(r hcl.Range) int   { return r.End.Byte }

func (s *tfScope) secret(b *hclsyntax.Block, out *findings) {
	attrs := b.Body.Attributes
	def := b.DefRange()
	name := "azurerm_key_vault_secret." + b.Labels[1]
	if a := attrs["value"]; a != nil && !ignoresValue(b) {
		if v, val, ok := s.stringOf(a.Expr); ok && v != "" && !strings.HasPrefix(val.via, "var.") {
			out.add(rSecretLiteral, start(a.SrcRange), end(a.SrcRange), name+" value is a literal"+viaText(val)+
				": it sits in version control and state; generate it (random_password) or pass a sensitive variable")
		}
	}
	if a := attrs["expiration_date"]; a == nil || isNull(a.Expr) {
		out.add(rSecretNoExpiry, start(def), end(def), name+" has no expiration_date: set one and rotate before it")
	}
	if attrs["content_type"] == nil {
		out.add(rSecretNoContentType, start(def), end(def), name+" has no content_type: say what the value is (password, connection string, PEM)")
	}
}

// ignoresValue reports lifecycle { ignore_changes = [value] } (or all).
func ignoresValue(b *hclsyntax.Block) bool {
	for _, lb := range b.Body.Blocks {
		if lb.Type != "lifecycle" {
			continue
		}
		a := lb.Body.Attributes["ignore_changes"]
		if a == nil {
			continue
		}
		if t, ok := a.Expr.(*hclsyntax.ScopeTraversalExpr); ok && t.Traversal.RootName() == "all" {
			return true
		}
		if tup, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
			for _, e := range tup.Exprs {
				if t, ok := e.(*hclsyntax.ScopeTraversalExpr); ok && t.Traversal.RootName() == "value" {
					return true
				}
			}
		}
	}
	return false
}

func isNull(e hclsyntax.Expression) bool {
	l, ok := e.(*hclsyntax.LiteralValueExpr)
	return ok && l.Val.IsNull()
}

func (s *tfScope) vault(b *hclsyntax.Block, out *findings) {
	attrs := b.Body.Attributes
	def := b.DefRange()
	name := "azurerm_key_vault." + b.Labels[1]
	if a := attrs["purge_protection_enabled"]; a == nil {
		out.add(rVaultPurge, start(def), end(def), name+" has no purge_protection_enabled = true: a deleted vault or secret can be purged at once")
	} else if on, v, ok := s.boolOf(a); ok && !on {
		out.add(rVaultPurge, start(a.SrcRange), end(a.SrcRange), name+" purge_protection_enabled is false"+viaText(v)+": enable it")
	}
	rbac3, rbac4 := attrs["enable_rbac_authorization"], attrs["rbac_authorization_enabled"]
	switch {
	case rbac3 == nil && rbac4 == nil:
		out.add(rVaultAccessPolicies, start(def), end(def), name+" authorizes with access policies: set rbac_authorization_enabled = true (enable_rbac_authorization in azurerm 3.x) and use role assignments")
	default:
		for _, a := range []*hclsyntax.Attribute{rbac3, rbac4} {
			if on, v, ok := s.boolOf(a); ok && !on {
				out.add(rVaultAccessPolicies, start(a.SrcRange), end(a.SrcRange), name+" "+a.Name+" is false"+viaText(v)+": use Azure RBAC and role assignments")
			}
		}
	}
	s.vaultNetwork(b, name, out)
}

// vaultNetwork reports a vault open to every network: public access not
// disabled and no firewall denying by default.
func (s *tfScope) vaultNetwork(b *hclsyntax.Block, name string, out *findings) {
	pna := b.Body.Attributes["public_network_access_enabled"]
	public := true
	if pna != nil {
		on, _, ok := s.boolOf(pna)
		if !ok {
			return // decided elsewhere
		}
		public = on
	}
	if !public {
		return
	}
	var allow *hclsyntax.Attribute
	for _, nb := range b.Body.Blocks {
		if nb.Type == "dynamic" && len(nb.Labels) == 1 && nb.Labels[0] == "network_acls" {
			return // built from an input: unknown here
		}
		if nb.Type != "network_acls" {
			continue
		}
		da := nb.Body.Attributes["default_action"]
		if da == nil {
			return
		}
		v, _, ok := s.stringOf(da.Expr)
		if !ok || !strings.EqualFold(v, "Allow") {
			return
		}
		allow = da
	}
	msg := name + " is reachable from every network: set network_acls { default_action = \"Deny\" } or public_network_access_enabled = false"
	switch {
	case allow != nil:
		out.add(rVaultNetwork, start(allow.SrcRange), end(allow.SrcRange), msg)
	case pna != nil:
		out.add(rVaultNetwork, start(pna.SrcRange), end(pna.SrcRange), msg)
	default:
		def := b.DefRange()
		out.add(rVaultNetwork, start(def), end(def), msg)
	}
}

var azureProviders = map[string]bool{"azurerm": true, "azuread": true, "azapi": true}

func (s *tfScope) provider(b *hclsyntax.Block, out *findings) {
	if !azureProviders[b.Labels[0]] {
		return
	}
	a := b.Body.Attributes["client_secret"]
	if a == nil || isNull(a.Expr) {
		return
	}
	how := "a client secret from " + exprKind(a.Expr)
	if v, _, ok := s.stringOf(a.Expr); ok {
		if v == "" {
			return
		}
		how = "a literal client secret"
	}
	out.add(rProviderSecret, start(a.SrcRange), end(a.SrcRange), "provider \""+b.Labels[0]+"\" authenticates with "+how+
		": use use_oidc = true in CI or use_msi = true on Azure compute")
}

func exprKind(e hclsyntax.Expression) string {
	if t, ok := e.(*hclsyntax.ScopeTraversalExpr); ok {
		if root, attr, ok := rootAttr(t.Traversal); ok && (root == "var" || root == "local") {
			return root + "." + attr
		}
	}
	return "an expression"
}

// nonSecretTypes are variable types that cannot hold a secret string.
var nonSecretTypes = map[string]bool{"bool": true, "number": true}

func (s *tfScope) variableBlock(b *hclsyntax.Block, out *findings) {
	attrs := b.Body.Attributes
	if t := attrs["type"]; t != nil {
		if st, ok := t.Expr.(*hclsyntax.ScopeTraversalExpr); ok && nonSecretTypes[st.Traversal.RootName()] {
			return
		}
	}
	name := b.Labels[0]
	sensitive, _, _ := s.boolOf(attrs["sensitive"])
	secretByName := s.holdsSecretValue(b)
	if secretByName && !sensitive {
		def := b.DefRange()
		out.add(rInputNotSensitive, start(def), end(def), "variable \""+name+"\" holds a secret but is not sensitive = true: plans and logs show it")
	}
	if d := attrs["default"]; d != nil && (secretByName || sensitive) {
		if v, val, ok := s.stringOf(d.Expr); ok && v != "" && val.direct {
			out.add(rInputLiteralDefault, start(d.SrcRange), end(d.SrcRange), "variable \""+name+"\" holds a secret and has a literal default: remove it and pass the value at run time")
		}
	}
}

// secretAttrs are resource attributes that hold secrets though their names
// do not say so, by resource type (the provider marks them sensitive). An
// attribute that is a block (kube_config) is a secret whole; a path into it
// is one when its last name says so (kube_config.0.client_key, not
// kube_config.0.host).
var secretAttrs = map[string]map[string]bool{
	"azurerm_key_vault_secret":           {"value": true},
	"random_password":                    {"result": true, "bcrypt_hash": true},
	"azurerm_kubernetes_cluster":         {"kube_config_raw": true, "kube_admin_config_raw": true, "kube_config": true, "kube_admin_config": true},
	"azuread_application_password":       {"value": true},
	"azuread_service_principal_password": {"value": true},
}

func (s *tfScope) output(b *hclsyntax.Block, out *findings) {
	a := b.Body.Attributes["value"]
	if a == nil {
		return
	}
	sensitive, _, _ := s.boolOf(b.Body.Attributes["sensitive"])
	unwrapped := false
	hclsyntax.VisitAll(a.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
		if fc, ok := n.(*hclsyntax.FunctionCallExpr); ok && fc.Name == "nonsensitive" {
			unwrapped = true
		}
		return nil
	})
	if sensitive && !unwrapped {
		return
	}
	for _, t := range a.Expr.Variables() {
		if what := s.secretRef(t); what != "" {
			msg := "output \"" + b.Labels[0] + "\" returns " + what + " without sensitive = true: apply prints it and state keeps it"
			if unwrapped {
				msg = "output \"" + b.Labels[0] + "\" unwraps " + what + " with nonsensitive(): apply prints it"
			}
			out.add(rOutputSecret, start(a.SrcRange), end(a.SrcRange), msg)
			return
		}
	}
}

// secretRef says what secret a traversal reads, or "".
func (s *tfScope) secretRef(t hcl.Traversal) string {
	parts := traversalNames(t)
	if len(parts) < 2 {
		return ""
	}
	switch parts[0] {
	case "var":
		b := s.variable(parts[1])
		if b == nil {
			if isSecretName(parts[1]) {
				return "var." + parts[1]
			}
			return ""
		}
		if on, _, _ := s.boolOf(b.Body.Attributes["sensitive"]); on {
			return "sensitive var." + parts[1]
		}
		if s.holdsSecretValue(b) {
			return "var." + parts[1]
		}
		return ""
	case "local", "each", "count", "path", "terraform", "module":
		return ""
	case "data":
		parts = parts[1:]
	}
	if len(parts) < 3 {
		return ""
	}
	attrs := parts[2:]
	switch {
	case isSecretName(attrs[0]) || len(attrs) == 1 && secretAttrs[parts[0]][attrs[0]]:
		return strings.Join(parts[:3], ".")
	case len(attrs) > 1 && isSecretName(attrs[len(attrs)-1]):
		return strings.Join(parts, ".")
	}
	return ""
}

// versionedAttrs take a secret identifier that should be versionless.
var versionedAttrs = map[string]bool{"key_vault_secret_id": true, "secret_id": true}

// versionedIDs reports azurerm_key_vault_secret.x.id and
// azurerm_key_vault_certificate.x.secret_id given to a secret-id attribute
// or written into an @Microsoft.KeyVault reference (KV310).
func versionedIDs(content string, body *hclsyntax.Body, out *findings) {
	hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		a, ok := n.(*hclsyntax.Attribute)
		if !ok {
			return nil
		}
		r := a.Expr.Range()
		inRef := indexFold(content[r.Start.Byte:r.End.Byte], kvRefPrefix) >= 0
		if !inRef && !versionedAttrs[a.Name] {
			return nil
		}
		for _, t := range a.Expr.Variables() {
			if what := pinnedTraversal(t); what != "" {
				tr := t.SourceRange()
				out.add(rPinnedTFID, start(tr), end(tr), what+" is a versioned identifier: use "+versionless(what)+" so rotations reach the consumer")
			}
		}
		return nil
	})
}

// traversalNames returns the root and attribute names of a traversal, in
// order; index steps are left out, so azurerm_key_vault_secret.x["k"].id
// gives azurerm_key_vault_secret, x, id.
func traversalNames(t hcl.Traversal) []string {
	var parts []string
	for _, step := range t {
		switch st := step.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, st.Name)
		case hcl.TraverseAttr:
			parts = append(parts, st.Name)
		}
	}
	return parts
}

// pinnedTraversal says which versioned secret identifier a traversal reads
// (azurerm_key_vault_secret.x.id, azurerm_key_vault_certificate.x.secret_id),
// or "".
func pinnedTraversal(t hcl.Traversal) string {
	parts := traversalNames(t)
	p := parts
	if len(p) > 0 && p[0] == "data" {
		p = p[1:]
	}
	if len(p) != 3 {
		return ""
	}
	if (p[0] == "azurerm_key_vault_secret" && p[2] == "id") || (p[0] == "azurerm_key_vault_certificate" && p[2] == "secret_id") {
		return strings.Join(parts, ".")
	}
	return ""
}

func versionless(what string) string {
	if strings.HasSuffix(what, ".secret_id") {
		return strings.TrimSuffix(what, ".secret_id") + ".versionless_secret_id"
	}
	return strings.TrimSuffix(what, ".id") + ".versionless_id"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
