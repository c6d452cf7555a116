package azsdk

import (
	"go/types"
	"testing"
)

// TestReaches checks reachability through imports, memoized for the SDK
// paths and not for others, across a diamond and a vendored path.
func TestReaches(t *testing.T) {
	pkg := func(path string, imports ...*types.Package) *types.Package {
		p := types.NewPackage(path, path[len(path)-1:])
		p.SetImports(imports)
		return p
	}
	secrets := pkg("example.com/app/vendor/" + AzSecrets)
	identity := pkg(AzIdentity)
	deps := pkg("example.com/deps", secrets)
	left, right := pkg("example.com/left", deps), pkg("example.com/right", deps, identity)
	app := pkg("example.com/app", left, right)
	plain := pkg("example.com/plain", pkg("fmt"), pkg("example.com/util"))
	for _, tc := range []struct {
		pkg   *types.Package
		paths []string
		want  bool
	}{
		{app, []string{AzSecrets}, true},
		{app, []string{AzIdentity, MSALConfidential}, true},
		{left, []string{AzIdentity, MSALConfidential}, false},
		{left, []string{AzSecrets}, true},
		{plain, []string{AzSecrets}, false},
		{plain, []string{"example.com/util"}, true}, // not memoized
		{app, []string{"example.com/util"}, false},
		{secrets, []string{AzSecrets}, true},
		{nil, []string{AzSecrets}, false},
	} {
		for range 2 { // the second answer comes from the memo
			if got := Reaches(tc.pkg, tc.paths...); got != tc.want {
				name := "nil"
				if tc.pkg != nil {
					name = tc.pkg.Path()
				}
				t.Errorf("Reaches(%s, %v) = %v, want %v", name, tc.paths, got, tc.want)
			}
		}
	}
}
