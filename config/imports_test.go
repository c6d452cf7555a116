package config

import (
	gobuild "go/build"
	"strings"
	"testing"
)

// TestNoEngineImport: config is data and checks; it validates rule
// references against the registry and never imports the detection engine
// (internal/engine builds that from a Loaded).
func TestNoEngineImport(t *testing.T) {
	const module = "github.com/kvlint/kvlint/"
	seen := map[string]bool{}
	var visit func(path, dir string)
	visit = func(path, dir string) {
		if seen[path] {
			return
		}
		seen[path] = true
		pkg, err := gobuild.Import(path, dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range pkg.Imports {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			if imp == module+"detect" || imp == module+"internal/engine" {
				t.Errorf("%s imports %s", path, imp)
			}
			visit(imp, pkg.Dir)
		}
	}
	visit(module+"config", ".")
}
