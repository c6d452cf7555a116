package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/testfs"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10MiB": 10 << 20, "512KB": 512000, "1M": 1 << 20, "2048": 2048, "0": 0} {
		if n, err := parseSize(in); err != nil || n != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, n, err, want)
		}
	}
	for _, bad := range []string{"", "ten", "-1", "1TB"} {
		if _, err := parseSize(bad); err == nil {
			t.Errorf("parseSize(%q): no error", bad)
		}
	}
}

func TestPackagesOf(t *testing.T) {
	in := []string{"main.go", "a/b/c.go", "a/b/c_test.go", "a/README.md", "testdata/src/x/x.go",
		"vendor/m/m.go", ".hidden/h.go", "_old/o.go", "a/b/d.go", "/abs/dir/x.go", "cmd/tool/main.go"}
	want := []string{".", "./a/b", "./cmd/tool", "/abs/dir"}
	if got := packagesOf(in); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("packagesOf = %q, want %q", got, want)
	}
	if got := packagesOf([]string{"x.yaml"}); len(got) != 0 {
		t.Errorf("packagesOf(non-Go) = %q, want none", got)
	}
}

func TestModuleGroups(t *testing.T) {
	dir := testfs.Dir(t, `
-- go.mod --
module example.com/root
-- a/a.go --
package a
-- tools/go.mod --
module example.com/tools
-- tools/gen/gen.go --
package main
-- tools/main.go --
package main
`)
	t.Chdir(dir)
	got := moduleGroups(packagesOf([]string{"a/a.go", "tools/gen/gen.go", "tools/main.go", "main.go"}))
	want := []modGroup{
		{dir, []string{".", filepath.FromSlash("./a")}},
		{filepath.Join(dir, "tools"), []string{".", filepath.FromSlash("./gen")}},
	}
	if len(got) != len(want) {
		t.Fatalf("moduleGroups = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].dir != want[i].dir || strings.Join(got[i].pkgs, " ") != strings.Join(want[i].pkgs, " ") {
			t.Errorf("group %d = %v, want %v", i, got[i], want[i])
		}
	}
}
