package iac

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A Terraform variable (or a Bicep or ARM parameter) whose name says
// secret does not always hold a secret's value: modules pass a secret's
// name, ID or URI, or a whole definition of it, under names such as
// key_vault_secret. What the variable holds is read, in this order, from:
//
//   - its name's last word (detect.SecretName): key_vault_secret_name,
//     secret_id, secret_uri, secret_version, admin_password_key_vault_id
//     name a secret, they do not hold one;
//   - its type: bool and number hold no string; an object holds a secret
//     only through an attribute that does (object({secret_name = string,
//     secret_type = string}) holds none, object({name = string, value =
//     string}) under a secret name, and object({secret_value = string}),
//     do); map, list, set and optional hold what their element holds;
//   - its default, when the type does not say (any, or no type): an object
//     or a list ({}, []) is a definition, not a secret string;
//   - its description (descriptionNames): "Name of the Key Vault secret",
//     "Provide the name of key vault secret", "Key Vault secret name".
//
// Bicep and ARM parameters are judged by name and description
// (@description('...'), metadata.description); their types are too coarse
// (string, object) to say more.
//
// A plural secret name (secrets, api_keys) holds values when its type is a
// map of strings (name to value, as AVM's secrets_value); a list or set of
// strings under such a name is a list of secret names, and is not reported.
// Plurals detect.SecretName takes whole (passwords, api_keys, credentials)
// are secret names in any collection.

// nameWords are the words that, ending a description's subject, say the
// value names or points to a secret rather than holding it.
var nameWords = map[string]bool{"name": true, "names": true, "id": true, "ids": true, "identifier": true,
	"identifiers": true, "uri": true, "uris": true, "url": true, "urls": true, "ref": true, "reference": true,
	"references": true, "path": true, "paths": true, "version": true, "versions": true, "type": true, "kind": true}

// descFillers are the words a description's subject may start with.
var descFillers = map[string]bool{"provide": true, "enter": true, "specify": true, "set": true, "the": true,
	"a": true, "an": true, "your": true, "this": true, "optional": true, "required": true}

// descStops end a description's subject: prepositions, relative pronouns
// and verbs that begin what the description says about it.
var descStops = map[string]bool{"of": true, "for": true, "in": true, "to": true, "that": true, "which": true,
	"where": true, "used": true, "with": true, "from": true, "on": true, "is": true, "will": true, "must": true,
	"should": true, "be": true, "as": true, "at": true, "by": true, "when": true, "if": true, "under": true,
	"containing": true, "holding": true, "stored": true,
	// A pronoun begins a relative clause whose "that" is left out
	// ("The secret name you used when ...").
	"you": true, "we": true, "they": true, "it": true, "i": true,
	"are": true, "was": true, "has": true, "have": true, "can": true, "may": true}

// descriptionNames reports whether a description says its variable holds
// a name (or ID, URI, ...): the subject of its first clause — its words up
// to the first punctuation or stop word (descStops), leading fillers
// (descFillers) and a parenthesized "(Optional)" dropped — ends with a
// name word (nameWords). "Name of the Key Vault secret" and "Key Vault
// secret name in Azure" do; "The admin password for the VM", "Name and
// password of the admin" and "Secret used to sign names" do not.
func descriptionNames(desc string) bool {
	desc = strings.TrimSpace(desc)
	if strings.HasPrefix(desc, "(") {
		if i := strings.IndexByte(desc, ')'); i > 0 {
			desc = desc[i+1:]
		}
	}
	if i := strings.IndexAny(desc, ".,;:()\n"); i >= 0 {
		desc = desc[:i]
	}
	var subject []string
	for _, w := range strings.FieldsFunc(strings.ToLower(desc), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) {
		if len(subject) == 0 && descFillers[w] {
			continue
		}
		if descStops[w] {
			break
		}
		subject = append(subject, w)
	}
	return len(subject) > 0 && nameWords[subject[len(subject)-1]]
}

// typeHolds is what a Terraform type constraint lets a secret-named
// variable hold.
type typeHolds uint8

const (
	holdsUnknown typeHolds = iota // any, or a form not read here
	holdsString                   // string, or a collection of strings
	holdsNone                     // bool, number, or an object with no secret attribute
	holdsSecret                   // an object with a secret attribute
)

// tfTypeHolds reads a type constraint: string, bool, number, any,
// object({...}), map/list/set/optional(T), tuple([...]).
func tfTypeHolds(e hclsyntax.Expression, depth int) typeHolds {
	if depth > 8 {
		return holdsUnknown
	}
	switch e := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		switch e.Traversal.RootName() {
		case "string":
			return holdsString
		case "bool", "number":
			return holdsNone
		}
	case *hclsyntax.FunctionCallExpr:
		if len(e.Args) == 0 {
			return holdsUnknown
		}
		switch e.Name {
		case "map", "list", "set", "optional":
			return tfTypeHolds(e.Args[0], depth+1)
		case "object":
			return objectHolds(e.Args[0], depth)
		case "tuple":
			tup, ok := e.Args[0].(*hclsyntax.TupleConsExpr)
			if !ok {
				return holdsUnknown
			}
			h := holdsNone
			for _, el := range tup.Exprs {
				switch eh := tfTypeHolds(el, depth+1); eh {
				case holdsSecret:
					return holdsSecret
				case holdsString, holdsUnknown:
					h = eh
				}
			}
			return h
		}
	}
	return holdsUnknown
}

// objectHolds reads object({attr = type, ...}): holdsSecret when an
// attribute's name says secret and its type can hold a string (or is an
// object that holds one), holdsNone otherwise.
func objectHolds(e hclsyntax.Expression, depth int) typeHolds {
	obj, ok := e.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return holdsUnknown
	}
	for _, it := range obj.Items {
		name := hcl.ExprAsKeyword(it.KeyExpr)
		if k, ok := it.KeyExpr.(*hclsyntax.ObjectConsKeyExpr); ok && name == "" {
			name = hcl.ExprAsKeyword(k.Wrapped)
		}
		switch tfTypeHolds(it.ValueExpr, depth+1) {
		case holdsSecret:
			return holdsSecret
		case holdsString, holdsUnknown:
			if isSecretName(name) || name == "value" {
				return holdsSecret
			}
		}
	}
	return holdsNone
}

// pluralSecretName reports a plural of a secret name (secrets, api_keys)
// that is not itself one.
func pluralSecretName(name string) bool {
	base, ok := strings.CutSuffix(name, "s")
	return ok && !isSecretName(name) && isSecretName(base)
}

// isMapOfStrings reports type = map(string).
func isMapOfStrings(e hclsyntax.Expression) bool {
	fc, ok := e.(*hclsyntax.FunctionCallExpr)
	if !ok || fc.Name != "map" || len(fc.Args) != 1 {
		return false
	}
	t, ok := fc.Args[0].(*hclsyntax.ScopeTraversalExpr)
	return ok && t.Traversal.RootName() == "string"
}

// holdsSecretValue reports whether a variable block holds a secret's value
// (see the comment at the top of this file): its name says so and neither
// its type, its default nor its description says it holds a name or a
// definition.
func (s *tfScope) holdsSecretValue(b *hclsyntax.Block) bool {
	name, attrs := b.Labels[0], b.Body.Attributes
	var typ hclsyntax.Expression
	if t := attrs["type"]; t != nil {
		typ = t.Expr
	}
	switch {
	case isSecretName(name):
	case pluralSecretName(name) && typ != nil && isMapOfStrings(typ):
	default:
		return false
	}
	holds := holdsUnknown
	if typ != nil {
		holds = tfTypeHolds(typ, 0)
	}
	switch holds {
	case holdsNone:
		return false
	case holdsUnknown:
		if d := attrs["default"]; d != nil && isCollection(d.Expr) {
			return false
		}
	}
	if d := attrs["description"]; d != nil && holds != holdsSecret {
		if desc, _, ok := s.stringOf(d.Expr); ok && descriptionNames(desc) {
			return false
		}
	}
	return true
}

// isCollection reports an object or tuple literal ({...}, [...]).
func isCollection(e hclsyntax.Expression) bool {
	switch e.(type) {
	case *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr:
		return true
	}
	return false
}
