package iac

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"golang.org/x/tools/txtar"
)

// TestFixtures runs every testdata/*.txtar archive: its files are written to
// a temporary directory (so Terraform modules see their sibling files), each
// is checked, and the findings, as "file:line: ID", must equal the archive's
// want section. Each archive holds positives and decoys side by side.
func TestFixtures(t *testing.T) {
	archives, _ := filepath.Glob("testdata/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no fixtures")
	}
	for _, name := range archives {
		t.Run(filepath.Base(name), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			var want []string
			for i, f := range ar.Files {
				if f.Name == "want" {
					for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						want = append(want, strings.TrimSpace(l))
					}
					continue
				}
				if strings.HasPrefix(f.Name, "want") {
					continue // want-scan: TestIaCFixtures in package scan
				}
				f.Data = withFakes(f.Data)
				ar.Files[i].Data = f.Data
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			c, all := &Checker{}, &Checker{parseAll: true}
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "want") {
					continue
				}
				content := string(f.Data)
				path := filepath.Join(dir, filepath.FromSlash(f.Name))
				fs, note := c.Check(path, content)
				if note != "" {
					t.Errorf("note: %s", note)
				}
				if unfiltered, _ := all.Check(path, content); !slices.Equal(fs, unfiltered) {
					t.Errorf("%s: the Terraform prefilter (tfChecked) changes the findings: %d with it, %d without", f.Name, len(fs), len(unfiltered))
				}
				for _, x := range fs {
					if x.Start < 0 || x.End > len(content) || x.Start > x.End {
						t.Errorf("%s: %s at bad offsets %d:%d", f.Name, x.Rule.ID, x.Start, x.End)
						continue
					}
					if strings.Contains(x.Message, "fake-") {
						t.Errorf("%s: %s message shows a value: %s", f.Name, x.Rule.ID, x.Message)
					}
					line := strings.Count(content[:x.Start], "\n") + 1
					got = append(got, fmt.Sprintf("%s:%d: %s", f.Name, line, x.Rule.ID))
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings differ\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
		})
	}
}

// TestRulesDocumented checks that every rule has an ID in its ranges, docs and examples.
func TestRulesDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if r.ID == "" || r.Name == "" || r.Title == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || r.Analyzer != Analyzer {
			t.Errorf("rule %+v is not fully documented", r.ID)
		}
		ok := (r.ID >= "KV240" && r.ID <= "KV259") || (r.ID >= "KV303" && r.ID <= "KV319") || (r.ID >= "KV600" && r.ID <= "KV699")
		if !ok || seen[r.ID] {
			t.Errorf("rule %s outside the IaC ranges or repeated", r.ID)
		}
		seen[r.ID] = true
	}
}

// TestTFCheckedPrefilter: the filter that spares parsing a .tf file lets
// through every file a Terraform check can report on, and skips files that
// hold none of it. Each positive runs through Check to show it is reported.
func TestTFCheckedPrefilter(t *testing.T) {
	pass := map[string]string{
		"vault":           "resource \"azurerm_key_vault\" \"v\" {\n  name = \"kv\"\n}\n",
		"secret variable": "variable \"db_password\" {\n  type = string\n}\n",
		"sensitive":       "variable \"x\" {\n  sensitive = true\n  default   = \"fake-abc-123\"\n}\n",
		"provider secret": "provider \"azurerm\" {\n  features {}\n  client_secret = var.s\n}\n",
		"output":          "output \"k\" {\n  value = azurerm_storage_account.a.primary_access_key\n}\n",
		"versioned id":    "resource \"x\" \"y\" {\n  key_vault_secret_id = data.azurerm_key_vault_secret.s.id\n}\n",
		"unquoted label":  "variable db_password {\n  type = string\n}\n",
		"kubeconfig":      "output \"k\" {\n  value = azurerm_kubernetes_cluster.c.kube_config_raw\n}\n",
		"nested key":      "output \"k\" {\n  value = azurerm_kubernetes_cluster.c.kube_config.0.client_key\n}\n",
		"second output":   "output \"id\" {\n  value = azurerm_resource_group.rg.id\n}\noutput \"pw\" {\n  value = random_password.p.result\n}\n",
		"past a brace":    "output \"k\" {\n  description = \"}\" # }\n  value = <<EOT\n}\n${azurerm_storage_account.a.primary_access_key}\nEOT\n}\n",
		"unclosed":        "output \"k\" {\n  description = \"${\"\n  value = var.db_password\n",
	}
	for name, content := range pass {
		if !tfChecked(content, noSensitive) {
			t.Errorf("%s: skipped by the prefilter", name)
		}
		if fs, _ := (&Checker{ReadDir: noDir}).Check("/m/"+name+".tf", content); len(fs) == 0 && name != "unquoted label" && name != "unclosed" {
			t.Errorf("%s: no finding (the fixture is not a positive)", name)
		}
	}
	for name, content := range map[string]string{
		"plain resources":     "resource \"azurerm_resource_group\" \"rg\" {\n  name     = var.prefix\n  location = var.location\n}\n",
		"non-secret variable": "variable \"location\" {\n  default = \"westeurope\"\n}\nvariable \"secret_name\" {}\n",
		"plain outputs": "output \"fqdn\" {\n  value = azurerm_kubernetes_cluster.c.fqdn\n}\n" +
			"output \"url\" {\n  value = \"https://${azurerm_linux_web_app.a.default_hostname}\"\n}\noutput \"loc\" {\n  value = var.location\n}\n" +
			"resource \"azurerm_storage_account\" \"a\" {\n  name = \"primary_access_key\"\n}\n",
		"output word": "resource \"azurerm_x\" \"y\" {\n  output_secret = true\n  outputs = [\"password\"]\n}\n",
	} {
		if tfChecked(content, noSensitive) {
			t.Errorf("%s: parsed though nothing in it is checked", name)
		}
	}
}

// TestSwitchNames: the switch filter (switchName) takes names that turn
// something on or tell whether it is there out of isSecretName, and lets
// secret names through, user* and used* among them.
func TestSwitchNames(t *testing.T) {
	for _, n := range []string{"enableSyncSecret", "enable_client_secret", "use_client_secret", "isPasswordSet", "has_api_key", "allowSharedKey", "disablePassword"} {
		if !switchName(n) || isSecretName(n) {
			t.Errorf("%s: not rejected by switchName", n)
		}
	}
	for _, n := range []string{"adminPassword", "userPassword", "used_secret", "client_secret", "isvSecret", "enablementToken", "password"} {
		if !isSecretName(n) {
			t.Errorf("%s: rejected as a switch", n)
		}
	}
}

// fakeMark stands for a generated fake value in a fixture: @@FAKE:seed@@.
var fakeMark = regexp.MustCompile(`@@FAKE:([a-z0-9-]+)@@`)

// withFakes puts detect.Fake values in place of the fixture's marks.
func withFakes(b []byte) []byte {
	return fakeMark.ReplaceAllFunc(b, func(m []byte) []byte {
		seed := fakeMark.FindSubmatch(m)[1]
		return []byte(detect.Fake(string(seed), "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24))
	})
}
