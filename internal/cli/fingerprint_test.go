package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// secretModule writes a module whose package p holds two fake secrets (one
// inside a connection string) and a YAML file holding the first again.
func secretModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	clientSecret, _ := detect.FakeFor("KV101", "fingerprint-cli")
	accountKey, _ := detect.FakeFor("KV102", "fingerprint-cli")
	testfs.Write(t, dir, `
-- go.mod --
module example.com/m

go 1.24
-- p/p.go --
package p

const clientSecret = "`+clientSecret+`"

var conn = "DefaultEndpointsProtocol=https;AccountName=kvfake;AccountKey=`+accountKey+`;EndpointSuffix=core.windows.net"
-- deploy/app.yaml --
client_secret: `+clientSecret+`
`)
	return dir
}

// TestOneBaselineForLintAndScan: a baseline written by lint silences scan's
// findings of the same secrets (in the Go file and in a YAML file), and one
// written by scan silences lint's.
func TestOneBaselineForLintAndScan(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a module")
	}
	dir := secretModule(t)
	t.Chdir(dir)
	if code, _, errs := run(t, "baseline", "write", "lint.yaml", "./..."); code != ExitClean {
		t.Fatalf("baseline write: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "scan", "-baseline", "lint.yaml", ".")
	if code != ExitClean || out != "" {
		t.Errorf("scan with lint's baseline: exit %d, findings:\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, "scan", "-write-baseline", "scan.yaml", "p"); code != ExitClean {
		t.Fatalf("scan -write-baseline: exit %d: %s", code, errs)
	}
	code, out, errs = run(t, "-baseline", "scan.yaml", "./...")
	if code != ExitClean || out != "" {
		t.Errorf("lint with scan's baseline: exit %d, findings:\n%s%s", code, out, errs)
	}
	// A new secret is still reported by both.
	other, _ := detect.FakeFor("KV101", "fingerprint-cli-new")
	testfs.Write(t, dir, "-- p/q.go --\npackage p\n\nconst other = \""+other+"\"\n")
	if code, out, _ := run(t, "scan", "-baseline", "lint.yaml", "."); code != ExitFindings || strings.Count(out, "KV101") != 1 {
		t.Errorf("scan: exit %d, want the one new secret:\n%s", code, out)
	}
	if code, out, _ := run(t, "-baseline", "scan.yaml", "./..."); code != ExitFindings || strings.Count(out, "KV101") != 1 {
		t.Errorf("lint: exit %d, want the one new secret:\n%s", code, out)
	}
	if data, _ := os.ReadFile("lint.yaml"); strings.Contains(string(data), other[:12]) {
		t.Error("baseline holds a value")
	}
}
