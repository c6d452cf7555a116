package analyzers

import (
	"slices"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/config"
)

func TestTypeAware(t *testing.T) {
	got := TypeAware(Suite(&config.Source{}))
	if slices.Contains(got, "hardcodedcred") {
		t.Errorf("hardcodedcred runs on syntax alone, but TypeAware lists it: %v", got)
	}
	for _, want := range []string{"clientsecretauth", "sharedkeyauth", "pinnedversion", "secretexpiry", "secretlog", "vaultperrequest"} {
		if !slices.Contains(got, want) {
			t.Errorf("TypeAware = %v, missing %s", got, want)
		}
	}
}

func TestNotRun(t *testing.T) {
	suite := Suite(&config.Source{})
	if got := NotRun(suite, nil, 3); got != "" {
		t.Errorf("no broken package: got %q, want nothing", got)
	}
	got := NotRun(suite, []string{"example.com/b", "example.com/a", "example.com/b"}, 0)
	want := "clientsecretauth, ignorecheck, pinnedversion, secretexpiry, secretlog, sharedkeyauth, vaultperrequest did not run in 2 packages that do not type-check: example.com/a, example.com/b"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	got = NotRun(suite, []string{"c", "a", "b"}, 1)
	if want := "did not run in 3 packages that do not type-check: a and 2 more"; !strings.HasSuffix(got, want) {
		t.Errorf("limit 1: got %q, want it to end %q", got, want)
	}
}
