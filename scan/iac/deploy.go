package iac

import (
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// A deployment is what a Bicep file or an ARM template declares, read into
// one model so that one set of checks (KV600-KV608 for Bicep and ARM) judges
// both: parameters, variables, resources (nested ones flattened, with their
// full type) and outputs, each with byte offsets into the file.
type deployment struct {
	lang      string // "Bicep" or "ARM", for messages
	paramFile bool   // a .bicepparam or ARM parameter file: values for a template's parameters
	params    map[string]*dParam
	order     []*dParam // params in file order
	vars      map[string]*dValue
	resources []*dResource
	outputs   []*dOutput
}

// dParam is a parameter declaration.
type dParam struct {
	name       string
	start, end int     // the declaration (Bicep) or the parameter's key (ARM)
	typ        string  // lowercase: string, object, securestring, bool, int, ...
	secure     bool    // @secure() or a secure ARM type
	def        *dValue // default value; nil when there is none
	desc       string  // @description('...') or metadata.description, when a literal
}

// dResource is a resource declaration.
type dResource struct {
	label      string // the symbolic name (Bicep) or the name when it is a literal (ARM)
	typ        string // full type, lowercase, without the API version
	shown      string // the type as written (full), for messages
	start, end int    // where to report what the resource lacks
	existing   bool   // a reference to a resource deployed elsewhere
	body       *dValue
}

// dOutput is an output declaration.
type dOutput struct {
	name       string
	start, end int
	typ        string
	secure     bool
	value      *dValue
}

// valueKind says what a dValue is.
type valueKind uint8

const (
	vExpr   valueKind = iota // anything computed
	vString                  // a string literal without interpolation
	vBool
	vNull
	vNumber
	vObject
	vArray
)

// dValue is a value with its byte span. Expressions keep only what the
// checks ask of them: the functions they call and the symbols they read.
type dValue struct {
	kind       valueKind
	start, end int
	str        string // vString: the value; never printed
	b          bool   // vBool
	props      []dProp
	elems      []*dValue
	calls      []string // lowercase names of the functions called (listkeys, parameters, ...)
	refs       []string // symbols read: Bicep identifiers, ARM parameters('x') as "param:x", variables('x') as "var:x"
}

// dProp is one property of an object value.
type dProp struct {
	key        string
	start, end int // the key through the end of its value
	val        *dValue
}

// get returns the property key of an object value (case-insensitive, as
// ARM and Bicep property names are), or nil.
func (v *dValue) get(key string) *dProp {
	if v == nil || v.kind != vObject {
		return nil
	}
	for i := range v.props {
		if strings.EqualFold(v.props[i].key, key) {
			return &v.props[i]
		}
	}
	return nil
}

// text returns the string value of property key of an object value; ok is
// false when there is no such property or its value is not a string.
func (v *dValue) text(key string) (s string, ok bool) {
	if p := v.get(key); p != nil && p.val.kind == vString {
		return p.val.str, true
	}
	return "", false
}

// members returns the properties of the object value of property key, or
// nil when there is none.
func (v *dValue) members(key string) []dProp {
	if p := v.get(key); p != nil {
		return p.val.props
	}
	return nil
}

// keyEnd is the offset past a property's quoted key.
func (p *dProp) keyEnd() int { return p.start + len(p.key) + 2 }

// path follows keys through nested objects.
func (v *dValue) path(keys ...string) *dProp {
	var p *dProp
	for _, k := range keys {
		p = v.get(k)
		if p == nil {
			return nil
		}
		v = p.val
	}
	return p
}

// resolved is a value after following a reference to a variable or a
// parameter default, and how it was reached (for messages).
type resolved struct {
	v   *dValue
	via string // "" when direct, else " (through var x)" and the like
}

// resolve follows a value that is exactly one reference: a Bicep variable or
// parameter identifier, or ARM's [variables('x')] / [parameters('x')]. A
// parameter without a default resolves to nil: the deployer decides.
func (d *deployment) resolve(v *dValue) resolved {
	for depth := 0; v != nil && depth < 8; depth++ {
		if v.kind != vExpr || len(v.refs) != 1 || !v.single() {
			return resolved{v: v}
		}
		ref := v.refs[0]
		kind, name := "", ref
		if k, n, ok := strings.Cut(ref, ":"); ok {
			kind, name = k, n
		}
		if x, ok := d.vars[name]; ok && kind != "param" {
			r := d.resolve(x)
			if r.via == "" {
				r.via = " (through variable " + name + ")"
			}
			return r
		}
		if p, ok := d.params[name]; ok && kind != "var" {
			if p.def == nil {
				return resolved{}
			}
			r := d.resolve(p.def)
			if r.via == "" {
				r.via = " (through the default of parameter " + name + ")"
			}
			return r
		}
		return resolved{v: v}
	}
	return resolved{v: v}
}

// single reports whether an expression is nothing but one reference (no
// calls besides ARM's parameters() / variables() that make the reference).
func (v *dValue) single() bool {
	for _, c := range v.calls {
		if c != "parameters" && c != "variables" {
			return false
		}
	}
	return len(v.calls) <= 1
}

// boolOf resolves a value to a boolean; ok is false when it is not known here.
func (d *deployment) boolOf(v *dValue) (on bool, via string, ok bool) {
	r := d.resolve(v)
	if r.v == nil {
		return false, "", false
	}
	switch r.v.kind {
	case vBool:
		return r.v.b, r.via, true
	case vString: // ARM parameters often say "true"
		switch strings.ToLower(r.v.str) {
		case "true":
			return true, r.via, true
		case "false":
			return false, r.via, true
		}
	}
	return false, "", false
}

// stringOf resolves a value to a string literal.
func (d *deployment) stringOf(v *dValue) (s, via string, ok bool) {
	r := d.resolve(v)
	if r.v == nil || r.v.kind != vString {
		return "", "", false
	}
	return r.v.str, r.via, true
}

const (
	typeVault  = "microsoft.keyvault/vaults"
	typeSecret = "microsoft.keyvault/vaults/secrets"
)

// check runs the Key Vault practice checks on a deployment.
func (d *deployment) check(out *findings) {
	for _, r := range d.resources {
		if r.existing {
			continue
		}
		switch r.typ {
		case typeSecret:
			d.secret(r, out)
		case typeVault:
			d.vault(r, out)
		}
	}
	for _, p := range d.order {
		d.param(p, out)
	}
	for _, o := range d.outputs {
		d.output(o, out)
	}
}

func (r *dResource) what(lang string) string {
	if r.label != "" {
		return lang + " resource " + r.label + " (" + r.shown + ")"
	}
	return lang + " resource " + r.shown
}

// secret checks a Microsoft.KeyVault/vaults/secrets resource.
func (d *deployment) secret(r *dResource, out *findings) {
	name := r.what(d.lang)
	props := r.body.get("properties")
	var pv *dValue
	if props != nil {
		pv = props.val
	}
	if pv != nil && pv.kind == vExpr {
		return // properties computed as a whole: unknown here
	}
	if v := pv.get("value"); v != nil {
		if s, via, ok := d.stringOf(v.val); ok && s != "" {
			out.add(rSecretLiteral, v.start, v.end, name+" value is a literal"+via+
				": generate it (newGuid(), a deployment script) or pass it in as a secure parameter")
		}
	}
	if pv.path("attributes", "exp") == nil {
		out.add(rSecretNoExpiry, r.start, r.end, name+" has no properties.attributes.exp: set one and rotate before it")
	}
	if pv.get("contentType") == nil {
		out.add(rSecretNoContentType, r.start, r.end, name+" has no properties.contentType: say what the value is (password, connection string, PEM)")
	}
}

// vault checks a Microsoft.KeyVault/vaults resource.
func (d *deployment) vault(r *dResource, out *findings) {
	name := r.what(d.lang)
	props := r.body.get("properties")
	if props == nil {
		return // a vault needs properties (tenantId, sku); this one is built elsewhere
	}
	pv := props.val
	if pv.kind != vObject {
		return
	}
	if a := pv.get("enablePurgeProtection"); a == nil {
		out.add(rVaultPurge, r.start, r.end, name+" has no enablePurgeProtection: true: a deleted vault or secret can be purged at once")
	} else if on, via, ok := d.boolOf(a.val); ok && !on {
		out.add(rVaultPurge, a.start, a.end, name+" enablePurgeProtection is false"+via+": enable it")
	}
	if a := pv.get("enableRbacAuthorization"); a == nil {
		out.add(rVaultAccessPolicies, r.start, r.end, name+" authorizes with access policies: set enableRbacAuthorization: true and use role assignments")
	} else if on, via, ok := d.boolOf(a.val); ok && !on {
		out.add(rVaultAccessPolicies, a.start, a.end, name+" enableRbacAuthorization is false"+via+": use Azure RBAC and role assignments")
	}
	d.vaultNetwork(r, pv, name, out)
}

// vaultNetwork reports a vault open to every network: public access not
// disabled and no firewall denying by default.
func (d *deployment) vaultNetwork(r *dResource, pv *dValue, name string, out *findings) {
	pna := pv.get("publicNetworkAccess")
	if pna != nil {
		s, _, ok := d.stringOf(pna.val)
		if !ok || !strings.EqualFold(s, "Enabled") {
			return // disabled, or decided elsewhere
		}
	}
	acls := pv.get("networkAcls")
	var allow *dProp
	if acls != nil {
		da := acls.val.get("defaultAction")
		if da == nil {
			return // built elsewhere, or no default action given: unknown
		}
		s, _, ok := d.stringOf(da.val)
		if !ok || !strings.EqualFold(s, "Allow") {
			return
		}
		allow = da
	}
	msg := name + " is reachable from every network: set networkAcls.defaultAction to 'Deny' or publicNetworkAccess to 'Disabled'"
	switch {
	case allow != nil:
		out.add(rVaultNetwork, allow.start, allow.end, msg)
	case pna != nil:
		out.add(rVaultNetwork, pna.start, pna.end, msg)
	default:
		out.add(rVaultNetwork, r.start, r.end, msg)
	}
}

// canBeSecure are the parameter types that can hold a secret and be marked
// secure.
var canBeSecure = map[string]bool{"string": true, "object": true, "securestring": true, "secureobject": true}

// param checks a parameter declaration.
func (d *deployment) param(p *dParam, out *findings) {
	if !canBeSecure[p.typ] {
		return
	}
	// A description that says the parameter holds a name (Name of the
	// Key Vault secret) takes it out of the secret names (varnames.go).
	byName := isSecretName(p.name) && !descriptionNames(p.desc)
	if d.paramFile {
		// Whether the template marks it secure is in the template; a literal
		// for a secret-named parameter is in version control either way,
		// unless it is one a generic filter rejects: parameter files are
		// forms to fill in, and the quickstart templates' hold placeholders
		// (GEN-PASSWORD, GEN-UNIQUE, <your password>) their CI replaces. A
		// template's default is different: it deploys when no value is given.
		if byName && p.def != nil && p.def.kind == vString && p.def.str != "" && detect.RejectedBy(p.def.str) == "" {
			out.add(rInputLiteralDefault, p.def.start, p.def.end, d.lang+" parameter file gives "+p.name+
				" a literal: read it from Key Vault (az.getSecret, reference.keyVault) or pass it at deployment")
		}
		return
	}
	if byName && !p.secure {
		how := "@secure()"
		if d.lang == "ARM" {
			how = "type securestring"
		}
		out.add(rInputNotSensitive, p.start, p.end, d.lang+" parameter "+p.name+" holds a secret but is not "+how+": deployment history and logs show it")
	}
	if p.def != nil && (byName || p.secure) && p.def.kind == vString && p.def.str != "" {
		out.add(rInputLiteralDefault, p.def.start, p.def.end, d.lang+" parameter "+p.name+
			" holds a secret and has a literal default: remove it and pass the value at deployment, or read it from Key Vault")
	}
}

// secretCall reports whether a function (lowercase name) returns keys,
// connection strings or credentials: ARM's and Bicep's resource functions
// listKeys, listSecrets, listCredentials, listConnectionStrings,
// listAccountSas, listServiceSas, listAdminKeys, listQueryKeys, ... (every
// list* function whose name says what it lists), and a vault's getSecret.
func secretCall(name string) bool {
	if name == "getsecret" {
		return true
	}
	if !strings.HasPrefix(name, "list") {
		return false
	}
	for _, w := range []string{"key", "secret", "credential", "connectionstring", "sas", "password", "token"} {
		if strings.Contains(name[4:], w) {
			return true
		}
	}
	return false
}

// output checks an output declaration.
func (d *deployment) output(o *dOutput, out *findings) {
	if o.secure || o.value == nil {
		return
	}
	what := d.secretIn(o.value, 0)
	if what == "" {
		return
	}
	how := "@secure()"
	if d.lang == "ARM" {
		how = "type securestring"
	}
	out.add(rOutputSecret, o.start, o.end, d.lang+" output "+o.name+" returns "+what+" without "+how+": the deployment history shows it to every Reader")
}

// secretIn says which secret a value reads, or "". depth bounds the
// variables followed (a cycle is a broken file, not a reason to hang).
func (d *deployment) secretIn(v *dValue, depth int) string {
	if v == nil || depth > 8 {
		return ""
	}
	for _, c := range v.calls {
		if secretCall(c) {
			return c + "()"
		}
	}
	for _, ref := range v.refs {
		name := ref
		if _, n, ok := strings.Cut(ref, ":"); ok {
			name = n
		}
		if p, ok := d.params[name]; ok && !strings.HasPrefix(ref, "var:") {
			if p.secure || (isSecretName(p.name) && canBeSecure[p.typ]) {
				return "parameter " + p.name
			}
			continue
		}
		if x, ok := d.vars[name]; ok && !strings.HasPrefix(ref, "param:") {
			if isSecretName(name) {
				return "variable " + name
			}
			if w := d.secretIn(x, depth+1); w != "" {
				return w + " (through variable " + name + ")"
			}
		}
	}
	for _, p := range v.props {
		if w := d.secretIn(p.val, depth+1); w != "" {
			return w
		}
	}
	for _, e := range v.elems {
		if w := d.secretIn(e, depth+1); w != "" {
			return w
		}
	}
	return ""
}

// bicepPractices checks the declarations of a Bicep or .bicepparam file.
func bicepPractices(path, content string, paramFile bool, out *findings) string {
	d, ok := parseBicep(content)
	if !ok {
		return path + ": cannot read this Bicep file (an unterminated string or comment); checked as text only"
	}
	d.paramFile = paramFile
	d.check(out)
	return ""
}

// armPractices checks an ARM template or parameter file; other JSON is left
// alone.
func armPractices(path, content string, out *findings) string {
	if !strings.Contains(content, "deploymentTemplate") && !strings.Contains(content, "deploymentParameters") {
		return ""
	}
	root, err := parseJSONPositions(content)
	if err != nil {
		return path + ": looks like an ARM file but is not JSON (" + err.Error() + "); checked as text only"
	}
	if d, ok := armDeployment(root); ok {
		d.check(out)
	}
	return ""
}
