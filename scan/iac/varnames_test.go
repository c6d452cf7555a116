package iac

import (
	"testing"

	"github.com/kvlint/kvlint/detect"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestHoldsSecretValue names, for each variable that is not a secret's
// value, what says so (the name's last word, the type, the default, the
// description), and shows the positives each of those lets through.
func TestHoldsSecretValue(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
		why  string
	}{
		{`variable "key_vault_secret_name" {}`, false, "name: last word name"},
		{`variable "secret_id" {}`, false, "name: last word id"},
		{`variable "secret_uri" {}`, false, "name: last word uri"},
		{`variable "keyvault_secret_url" {}`, false, "name: last word url"},
		{`variable "token_ref" {}`, false, "name: last word ref"},
		{`variable "cert_password_path" {}`, false, "name: last word path"},
		{`variable "password_version" {}`, false, "name: last word version"},
		{`variable "secret_type" {}`, false, "name: last word type"},
		{`variable "admin_password_key_vault_id" {}`, false, "name: key_vault_id"},
		{`variable "key_vault_secret" { type = object({ secret_name = string, key_vault_name = string }) }`, false, "type: object without a secret attribute"},
		{`variable "kv_secret" { type = map(object({ secret_type = string })) }`, false, "type: map of such objects"},
		{`variable "rotate_secret" { type = object({ days = number }) }`, false, "type: object of numbers"},
		{`variable "db_secret" { type = bool }`, false, "type: bool"},
		{`variable "kv_secret" { default = {} }`, false, "default: an object, no type"},
		{`variable "kv_secret" {
  type    = any
  default = []
}`, false, "default: a list, type any"},
		{`variable "key_vault_secret" { description = "Provide the name of key vault secret" }`, false, "description: name"},
		{`variable "redis_secret" { description = "ID of the Key Vault secret for Redis" }`, false, "description: id"},
		{`variable "db_secret" { description = "Key Vault secret name in Azure" }`, false, "description: ... name"},
		{`variable "secrets" { type = list(string) }`, false, "plural: a list of names"},
		{`variable "secrets" {}`, false, "plural: no type"},

		{`variable "client_secret" { type = string }`, true, "name"},
		{`variable "admin_password" {}`, true, "name, no type"},
		{`variable "sql_admin_password" { default = "x" }`, true, "a string default"},
		{`variable "app_secrets" { type = map(string) }`, true, "plural: a map of values"},
		{`variable "api_keys" { type = list(string) }`, true, "plural detect takes whole"},
		{`variable "client_secret" { type = map(string) }`, true, "a map of secrets"},
		{`variable "db_secret" { type = object({ name = string, value = string }) }`, true, "object with value"},
		{`variable "creds" { type = object({ client_id = string, client_secret = string }) }`, true, "object with a secret attribute"},
		{`variable "creds" { type = object({ sp = object({ password = optional(string) }) }) }`, true, "nested object"},
		{`variable "kv_secret" {
  type    = any
  default = "x"
}`, true, "type any, string default"},
		{`variable "pull_secret" { description = "Pull secret for the cluster" }`, true, "description: subject pull secret"},
		{`variable "admin_password" { description = "Name and password of the admin" }`, true, "description: subject ends in password"},
		{`variable "admin_password" { description = "The password; its name in Key Vault is admin" }`, true, "description: name after the subject"},
		{`variable "db_secret" {
  type        = object({ secret_name = string, secret_value = string })
  description = "Name of it"
}`, true, "object with a secret attribute beats the description"},
	} {
		f, diags := hclsyntax.ParseConfig([]byte(c.src), "v.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", c.src, diags)
		}
		b := f.Body.(*hclsyntax.Body).Blocks[0]
		s := &tfScope{self: defsOf(f.Body.(*hclsyntax.Body)), modOf: func() *module { return &module{} }}
		if got := s.holdsSecretValue(b); got != c.want {
			t.Errorf("%s (%s): holdsSecretValue = %v, want %v", c.src, c.why, got, c.want)
		}
	}
}

// TestDescriptionNames: the subject of a description's first clause
// decides; a name word later in the text does not.
func TestDescriptionNames(t *testing.T) {
	for desc, want := range map[string]bool{
		"Name of the Key Vault secret":                                                      true,
		"Provide the name of key vault secret":                                              true,
		"Key Vault Secret name in Azure":                                                    true,
		"(Optional) The versionless ID of the secret.":                                      true,
		"Secret identifier, versioned or not":                                               true,
		"The URI of the secret holding the password":                                        true,
		"The admin password for the VM":                                                     false,
		"Name and password of the admin":                                                    false,
		"Secret used to sign names":                                                         false,
		"Pull secret for the OpenShift cluster":                                             false,
		"The password. Its name in Key Vault is admin-password":                             false,
		"The Secret Name you used when creating the Secret (that contains the Private Key)": true, // azurerm examples' openshift-origin
		"Password you want for the admin account":                                           false,
		"The secret we rotate every month":                                                  false,
		"":                                                                                  false,
	} {
		if got := descriptionNames(desc); got != want {
			t.Errorf("descriptionNames(%q) = %v, want %v", desc, got, want)
		}
	}
}

// TestParamFilePlaceholders names the generic filter that keeps each
// placeholder of a parameter file from KV607 (arm-quickstart.txtar), and
// shows password shapes those filters let through.
func TestParamFilePlaceholders(t *testing.T) {
	for v, want := range map[string]string{
		"GEN-UNIQUE":               "identifier",
		"GEN-PASSWORD":             "identifier",
		"<your password>":          "text",
		"GET-PREREQ-adminPassword": "identifier",
		"secretVaule1":             "numbered sample",
		"secretValue2":             "numbered sample",
		"Secret2024!x":             "",
		"Tr0ub4dor&3":              "",
	} {
		if got := detect.RejectedBy(v); got != want {
			t.Errorf("%s: rejected by %q, want %q", detect.Redact(v), got, want)
		}
	}
}
