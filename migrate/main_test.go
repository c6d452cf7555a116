package migrate

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the kvlint migrate command, so that a
// test can run it as a subprocess with the environment a real run has.
func TestMain(m *testing.M) {
	if args := os.Getenv("KVLINT_MIGRATE_AS_MAIN"); args != "" {
		var argv []string
		if err := json.Unmarshal([]byte(args), &argv); err != nil {
			os.Exit(2)
		}
		installKillHook()
		os.Exit(Main(argv, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestSubprocessDefaultCredential runs migrate as its own process with the
// production wiring: DefaultAzureCredential (managed identity from the
// fake's IDENTITY_ENDPOINT), the default transport through HTTPS_PROXY to
// https://legacy.vault.azure.net/, and the fake's CA from SSL_CERT_FILE.
func TestSubprocessDefaultCredential(t *testing.T) {
	f := newFixture(t)
	storeFactory = nil
	args, _ := json.Marshal([]string{"-C", f.dir, "-vault-url", legacyVault})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(f.srv.Environ(os.Environ()), "KVLINT_MIGRATE_AS_MAIN="+string(args), "GOPROXY=off", "GOFLAGS=-mod=mod")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	f.outputs["subprocess stdout"] = stdout.String()
	f.outputs["subprocess stderr"] = stderr.String()
	if err != nil {
		t.Fatalf("kvlint migrate: %v\n%s", err, f.hide(stderr.String()))
	}
	if got := strings.Join(f.vaultNames(), " "); got != strings.Join(expectedSecrets, " ") {
		t.Errorf("vault holds %s", got)
	}
	st := f.srv.Stats()
	if st.TokenRequests == 0 || st.Connects == 0 {
		t.Errorf("managed identity tokens %d, proxy tunnels %d: want both > 0", st.TokenRequests, st.Connects)
	}
	f.goRun("build", "./...")
	f.checkOutputs()
}
