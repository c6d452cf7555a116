package scan_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/scan"
	"golang.org/x/tools/txtar"
)

// TestIaCFixtures runs `kvlint scan` (scan.Run) on every fixture archive of
// package iac that has a want-scan section: the whole file tree, credential
// rules and Key Vault practices together, as "file:line: ID". It shows the
// decoys of real-world shapes (Helm template actions, pipeline variables)
// stay quiet under every rule, not only under the practice checks.
func TestIaCFixtures(t *testing.T) {
	archives, _ := filepath.Glob("iac/testdata/*.txtar")
	ran := 0
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, f := range ar.Files {
			if f.Name == "want-scan" {
				for _, l := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
					want = append(want, strings.TrimSpace(l))
				}
			}
		}
		if want == nil {
			continue
		}
		ran++
		t.Run(filepath.Base(name), func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range ar.Files {
				if strings.HasPrefix(f.Name, "want") {
					continue
				}
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, withFakes(f.Data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res := scan.Run([]string{dir}, scan.Options{})
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			var got []string
			for _, f := range res.Findings {
				rel, _ := filepath.Rel(dir, f.Filename)
				got = append(got, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), f.Line, f.RuleID))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings differ\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
			}
		})
	}
	if ran == 0 {
		t.Fatal("no fixture archive has a want-scan section")
	}
}

// fakeMark stands for a generated fake value in a fixture: @@FAKE:seed@@
// (package iac's tests put in the same values).
var fakeMark = regexp.MustCompile(`@@FAKE:([a-z0-9-]+)@@`)

func withFakes(b []byte) []byte {
	return fakeMark.ReplaceAllFunc(b, func(m []byte) []byte {
		seed := fakeMark.FindSubmatch(m)[1]
		return []byte(detect.Fake(string(seed), "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24))
	})
}
