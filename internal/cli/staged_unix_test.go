//go:build unix

package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStagedHelperProcess is no test of its own: it runs kvlint with the
// arguments in $KVLINT_TEST_ARGS (one a line), for TestStagedInterrupt,
// which needs kvlint in a process it can interrupt.
func TestStagedHelperProcess(t *testing.T) {
	args := os.Getenv("KVLINT_TEST_ARGS")
	if args == "" {
		t.Skip("run by TestStagedInterrupt")
	}
	os.Exit(Main(strings.Split(args, "\n"), os.Stdout, os.Stderr))
}

// TestStagedInterrupt: SIGINT to the hook's process group while the staged
// checkout exists removes the checkout, and kvlint exits 130. The go
// command kvlint runs first hangs, ignoring SIGINT, so that the signal
// arrives with the checkout made.
func TestStagedInterrupt(t *testing.T) {
	dir := stagedRepo(t)
	tmp := os.Getenv("TMPDIR")
	bin := t.TempDir()
	mark := filepath.Join(bin, "go-started") // the checkout is complete once kvlint runs go
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte("#!/bin/sh\ntrap '' INT TERM\ntouch '"+mark+"'\nsleep 20\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStagedHelperProcess$")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KVLINT_TEST_ARGS=scan\n-go-packages\n-staged\na/clean.go", "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pgid := cmd.Process.Pid
	t.Cleanup(func() { syscall.Kill(-pgid, syscall.SIGKILL) }) // the hanging go
	deadline := time.Now().Add(30 * time.Second)
	for {
		m, _ := filepath.Glob(filepath.Join(tmp, "kvlint-staged-*", "go.mod"))
		if _, err := os.Stat(mark); err == nil && len(m) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no checkout appeared in 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := syscall.Kill(-pgid, syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("after SIGINT: %v; want exit status 130", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the checkout is left behind: %v", left)
	}
}

// TestStagedInterruptDuringCheckout: SIGINT that kills git checkout-index
// before kvlint's own handler runs still ends kvlint as the signal would
// (130), with no checkout left behind. A git wrapper on PATH kills itself
// with SIGINT on checkout-index, after writing part of the checkout.
func TestStagedInterruptDuringCheckout(t *testing.T) {
	dir := stagedRepo(t)
	tmp := os.Getenv("TMPDIR")
	realGit, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	bin := t.TempDir()
	wrapper := "#!/bin/sh\nfor a in \"$@\"; do\n  case \"$a\" in\n  --prefix=*) d=${a#--prefix=}; mkdir -p \"$d\" && echo partial > \"$d/partial.go\";;\n  checkout-index) ci=1;;\n  esac\ndone\n" +
		"if [ -n \"$ci\" ]; then kill -INT $$; sleep 5; exit 1; fi\nexec '" + realGit + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestStagedHelperProcess$")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KVLINT_TEST_ARGS=scan\n-go-packages\n-staged\na/clean.go", "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Errorf("git checkout-index killed by SIGINT: %v; want exit status 130\n%s", err, out)
	}
	if !strings.Contains(string(out), "killed by interrupt") {
		t.Errorf("output does not say git was interrupted:\n%s", out)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the checkout is left behind: %v", left)
	}
}
