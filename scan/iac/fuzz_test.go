package iac

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// checkOffsets fails when a finding points outside content.
func checkOffsets(t *testing.T, content string, fs []Finding) {
	t.Helper()
	for _, f := range fs {
		if f.Start < 0 || f.End > len(content) || f.Start > f.End {
			t.Fatalf("%s at %d:%d outside %d bytes", f.Rule.ID, f.Start, f.End, len(content))
		}
	}
}

// FuzzBicep checks that the getSecret argument splitter never panics and
// that every finding points into the file, at a quoted literal.
func FuzzBicep(f *testing.F) {
	for _, s := range []string{
		"var p = kv.getSecret('a', 'b')", "kv.getSecret('a', '''x''')", "kv.getSecret(f(1,2), 'v') // c",
		"az.getSecret('s','g','k','n','v')", "getSecret(", "getSecret('a\\'b', 'c'", "getSecret([1,{a:2}], 'x')",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, content string, param bool) {
		var out findings
		bicep("x.bicep", content, param, &out)
		checkOffsets(t, content, out)
		for _, x := range out {
			if lit := strings.TrimSpace(content[x.Start:x.End]); !strings.HasPrefix(lit, "'") {
				t.Fatalf("finding at %q, not a literal", lit)
			}
		}
	})
}

// FuzzARM checks that the JSON position walk never panics and reports only
// string values inside the file.
func FuzzARM(f *testing.F) {
	for _, s := range []string{
		`{"p":{"reference":{"secretVersion":"v"}}}`, `{"reference":{"secretVersion":""}}`, `[{"reference":{"secretVersion":1}}]`,
		`{"reference":{"secretVersion":"a\"b"}} trailing`, `{"secretVersion"`, `{"a":[{"reference":{"x":[],"secretVersion":"v"}}]}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		var out findings
		arm("x.json", content, &out)
		checkOffsets(t, content, out)
		for _, x := range out {
			if s := content[x.Start:x.End]; len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
				t.Fatalf("finding at %q, not a JSON string", s)
			}
		}
	})
}

// FuzzCheck runs every check on arbitrary content under each file kind.
func FuzzCheck(f *testing.F) {
	f.Add("resource \"azurerm_key_vault\" \"x\" {}", "main.tf")
	f.Add("kind: SecretProviderClass\nspec:\n  parameters:\n    objects: |\n      array:\n        - |\n          objectVersion: x\n", "a.yaml")
	f.Add("az login --service-principal -p", "a.sh")
	f.Add("ENV AZURE_CLIENT_SECRET", "Dockerfile")
	f.Add("variable \"kv_secret\" {\n  type = map(object({ name = string, value = optional(tuple([string, object({ password = string })])) }))\n  default = {}\n  description = \"(Optional) Name of it\"\n}\noutput \"o\" {\n  value = var.kv_secret\n}\n", "variables.tf")
	f.Add("{\"$schema\": \"deploymentParameters\", \"parameters\": {\"adminPassword\": {\"value\": \"secretValue2\"}}}", "p.json")
	f.Fuzz(func(t *testing.T, content, name string) {
		if strings.ContainsAny(name, "/\\") || name == "" {
			return
		}
		c := &Checker{ReadDir: noDir}
		fs, _ := c.Check(name, content)
		checkOffsets(t, content, fs)
	})
}

func noDir(string) ([]os.DirEntry, error) { return nil, os.ErrNotExist }

func noSensitive() bool { return false }

// checkSpans fails when a value of the tree lies outside content or ends
// before it starts.
func checkSpans(t *testing.T, content string, v *dValue, depth int) {
	t.Helper()
	if v == nil || depth > 300 {
		return
	}
	if v.start < 0 || v.end > len(content) || v.start > v.end {
		t.Fatalf("value at %d:%d outside %d bytes", v.start, v.end, len(content))
	}
	for _, p := range v.props {
		if p.start < 0 || p.end > len(content) || p.start > p.end {
			t.Fatalf("property %q at %d:%d outside %d bytes", p.key, p.start, p.end, len(content))
		}
		checkSpans(t, content, p.val, depth+1)
	}
	for _, e := range v.elems {
		checkSpans(t, content, e, depth+1)
	}
}

// FuzzBicepPractices checks that the Bicep tokenizer and parser never panic
// or hang and that every value and finding lies inside the file.
func FuzzBicepPractices(f *testing.F) {
	for _, s := range []string{
		"@secure()\nparam p string = 'x'\n", "resource r 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {\n properties: {\n value: 'x'\n }\n}\n",
		"resource v 'Microsoft.KeyVault/vaults@1' = {\n resource s 'secrets' = {\n name: 'a'\n }\n}\n",
		"output o string = s.listKeys().keys[0].value\n", "var a = b\nvar b = a\noutput o string = a\n",
		"resource l 'x@1' = [for (x, i) in y: if (z) {\n}]\n", "param p {\n a: string\n}[]\n", "x = '${'${a}'}'\n",
		"'''multi\nline'''", "/* open", "'open", "{ a: [ { b: ( } ] }", "@sys.secure()\noutput x string = y\n",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, content string, param bool) {
		d, ok := parseBicep(content)
		if !ok {
			return
		}
		for _, r := range d.resources {
			checkSpans(t, content, r.body, 0)
		}
		for _, v := range d.vars {
			checkSpans(t, content, v, 0)
		}
		var out findings
		bicepPractices("x.bicep", content, param, &out)
		checkOffsets(t, content, out)
	})
}

// FuzzARMTree checks that the JSON position reader never panics, that every
// value lies inside the file, and that a string value's span is a JSON string.
func FuzzARMTree(f *testing.F) {
	for _, s := range []string{
		`{"$schema":"deploymentTemplate","resources":[{"type":"Microsoft.KeyVault/vaults/secrets","properties":{"value":"x"}}]}`,
		`{"$schema":"deploymentParameters","parameters":{"password":{"value":"x"}}}`, `[1, 2.5e3, true, null, "a\"b"]`,
		`{"a": {"b": [{"c": "[[escaped]"}]}}`, `{"x": "[concat(parameters('a'), variables('b'))]"}`, `{"unterminated": `,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		root, err := parseJSONPositions(content)
		if err != nil {
			return
		}
		checkSpans(t, content, root, 0)
		var out findings
		armPractices("x.json", content, &out)
		checkOffsets(t, content, out)
	})
}

// FuzzTFPrefilter checks that the Terraform prefilter (tfChecked) and the
// parse of only the blocks the checks read (parseBlocks) change no finding:
// a .tf file the prefilter skips would have had no Terraform finding, and
// the blocks parsed alone give what the whole file gives.
func FuzzTFPrefilter(f *testing.F) {
	for _, s := range []string{
		"output \"k\" {\n  value = azurerm_kubernetes_cluster.c.kube_config_raw\n}\n",
		"output \"k\" {\n  value = random_password.p[0].result\n}\n",
		"output \"k\" {\n  description = \"}\"\n  value = <<-EOT\n  }\n  ${var.db_password}\n  EOT\n}\n",
		"output \"k\" {\n  value = \"${\"}\"}${azurerm_storage_account.a.primary_access_key}\"\n}\n",
		"output k {\n  value = azurerm_kubernetes_cluster . c . kube_config . 0 . client_key\n}\n",
		"variable \"db_password\" {}\nresource \"azurerm_key_vault\" \"v\" {}\n",
		"output \"k\" { /* } */ value = var.client_secret }",
		"# c\nresource \"azurerm_linux_web_app\" \"a\" {\n  app_settings = { X = \"@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.s.id})\" }\n}\n" +
			"resource \"azurerm_resource_group\" \"rg\" {\n  name = \"}\"\n}\n/* x */ provider azurerm {\n  client_secret = \"fake-abc\"\n}\n",
		"locals {\n  p = false\n}\nresource \"azurerm_key_vault\" \"v\" {\n  purge_protection_enabled = local.p\n}\nx = 1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		fs, _ := (&Checker{ReadDir: noDir}).Check("main.tf", content)
		checkOffsets(t, content, fs)
		all, note := (&Checker{ReadDir: noDir, parseAll: true}).Check("main.tf", content)
		if note != "" {
			return // not valid HCL: the blocks read may still be checked alone
		}
		if !slices.Equal(fs, all) {
			t.Fatalf("%d findings with the prefilter, %d without", len(fs), len(all))
		}
	})
}
