package migrate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// killSpec is KVLINT_MIGRATE_KILL_AT: "STEP:SIGNAL[:DELAY]". At step STEP
// (testStepHook's names) the subprocess sends SIGNAL (KILL or INT) to its
// whole process group, as a CI runner's timeout or a Ctrl-C in a terminal
// does, after DELAY (a Go duration; the step goes on meanwhile).
const killEnv = "KVLINT_MIGRATE_KILL_AT"

// installKillHook arms testStepHook from the environment (TestMain calls it
// in the subprocess).
func installKillHook() {
	spec := os.Getenv(killEnv)
	if spec == "" {
		return
	}
	parts := strings.Split(spec, ":")
	step, sig := parts[0], syscall.SIGKILL
	if len(parts) > 1 && parts[1] == "INT" {
		sig = syscall.SIGINT
	}
	var delay time.Duration
	if len(parts) > 2 {
		delay, _ = time.ParseDuration(parts[2])
	}
	testStepHook = func(s string) {
		if s != step {
			return
		}
		kill := func() { _ = syscall.Kill(-syscall.Getpgrp(), sig) }
		if delay == 0 {
			kill()
			time.Sleep(5 * time.Second) // a SIGINT is handled meanwhile; a SIGKILL ends us here
			return
		}
		time.AfterFunc(delay, kill)
	}
}

// interruptModule is a small module with three credentials, a constant used
// as a constant, and a test that checks the values reach the code.
func interruptModule(t *testing.T) (dir string, values []string) {
	t.Helper()
	dir = t.TempDir()
	values = []string{
		detect.Fake("intr-db", "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24),
		detect.FakeCRCToken("ghp_", "intr-gh"),
		detect.Fake("intr-hmac", "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32),
	}
	archive := `
-- go.mod --
module example.com/intr

go 1.26
-- db/db.go --
package db

// DBPassword is the database password.
const DBPassword = "` + values[0] + `"

// DSN builds the connection string.
func DSN(host string) string { return "postgres://app:" + DBPassword + "@" + host + "/app" }
-- api/api.go --
package api

import "net/http"

var githubToken = "` + values[1] + `"

// Sign adds the token to a request.
func Sign(r *http.Request) { r.Header.Set("Authorization", "Bearer "+githubToken) }

// Secret returns the HMAC key.
func Secret() []byte {
	hmacSecret := "` + values[2] + `"
	return []byte(hmacSecret)
}
-- api/api_test.go --
package api

import (
	"net/http"
	"strings"
	"testing"
)

func TestSign(t *testing.T) {
	r, _ := http.NewRequest("GET", "http://127.0.0.1/", nil)
	Sign(r)
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ghp_") || len(Secret()) != 32 {
		t.Fatal("the secrets do not reach the code")
	}
}
`
	testfs.Write(t, dir, archive)
	return dir, values
}

// TestInterruptAnywhere kills (SIGKILL to the process group) or interrupts
// (SIGINT to the group) a migrate run at every step boundary and inside each
// external command. After each, no secret is missing from both the code and
// the vault; a SIGINT leaves no journal (the run undid its step itself); and
// a plain re-run completes, after which the module builds, its test passes,
// every value is in the vault and none is left in the code.
func TestInterruptAnywhere(t *testing.T) {
	points := []string{
		"store:KILL", "prepare:KILL", "go-get:KILL", "in-go get:KILL", "journal:KILL", "apply:KILL",
		"apply-2:KILL", "settle:KILL", "in-go mod:KILL", "check:KILL:100ms", "finish:KILL",
		"store:INT", "in-go get:INT", "apply-1:INT", "in-go mod:INT", "check:INT:100ms",
	}
	if testing.Short() {
		points = []string{"apply-2:KILL", "in-go mod:INT"}
	}
	// The 16 points take about 85 s alone on 2 cores, and up to twice that
	// while go test runs other packages beside this one: the budget bounds
	// the suite's time without failing a loaded machine.
	deadline := time.Now().Add(240 * time.Second)
	for _, point := range points {
		if time.Now().After(deadline) {
			t.Errorf("the interruption loop ran out of its time budget before %s", point)
			break
		}
		t.Run(strings.NewReplacer(":", "_", " ", "_").Replace(point), func(t *testing.T) {
			interruptAt(t, point)
		})
	}
}

func interruptAt(t *testing.T, point string) {
	dir, values := interruptModule(t)
	f := startFake(t, dir)
	f.planted = values
	const vaultURL = "https://legacy.vault.azure.net/"

	args, _ := json.Marshal([]string{"-C", dir, "-vault-url", vaultURL})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(f.srv.Environ(os.Environ()), "KVLINT_MIGRATE_AS_MAIN="+string(args), killEnv+"="+point,
		"GOPROXY=off", "GOFLAGS=-mod=mod")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	f.outputs["interrupted run"] = out.String()
	delayed := strings.Count(point, ":") == 2 // a signal after a delay may come after the run ended
	if err == nil && delayed {
		t.Logf("the run at %s completed before its signal; checking the outcome all the same", point)
	}
	if err == nil && !delayed && !strings.HasPrefix(point, "finish") {
		t.Fatalf("the run at %s was not interrupted:\n%s", point, f.hide(out.String()))
	}

	// Nothing is lost: a value gone from the code is in the vault.
	code := strings.Join(mapValues(f.snapshot()), "\n")
	stored := map[string]bool{}
	for name := range f.srv.Secrets() {
		v, _ := f.srv.Value(name)
		stored[v] = true
	}
	for i, v := range values {
		if !strings.Contains(code, v) && !stored[v] {
			t.Fatalf("after %s: value #%d is neither in the code nor in the vault", point, i)
		}
	}
	if strings.Contains(point, ":INT") {
		if _, err := os.Stat(filepath.Join(dir, journalDir)); err == nil {
			t.Errorf("after SIGINT at %s the run left its journal: it should have undone its step", point)
		}
		if !strings.Contains(out.String(), "interrupted") {
			t.Errorf("after SIGINT at %s the run did not say it was interrupted:\n%s", point, f.hide(out.String()))
		}
	}

	// A plain re-run completes the migration.
	if code, _, stderr := f.migrate("re-run", "-vault-url", vaultURL); code != 0 {
		t.Fatalf("re-run after %s: exit %d\n%s\ninterrupted run said:\n%s", point, code, stderr, f.hide(out.String()))
	}
	if _, err := os.Stat(filepath.Join(dir, journalDir)); err == nil {
		t.Errorf("after the re-run the journal is still there")
	}
	f.goRun("build", "./...")
	f.goRun("test", "./...")
	after := strings.Join(mapValues(f.snapshot()), "\n")
	for i, v := range values {
		if strings.Contains(after, v) {
			t.Errorf("after the re-run value #%d is still in the code", i)
		}
		if !stored[v] {
			if _, ok := valueIn(f, v); !ok {
				t.Errorf("after the re-run value #%d is not in the vault", i)
			}
		}
	}
	f.checkOutputs()
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func valueIn(f *fixture, v string) (string, bool) {
	for name := range f.srv.Secrets() {
		if got, _ := f.srv.Value(name); got == v {
			return name, true
		}
	}
	return "", false
}

// TestJournalRollback checks the journal on its own: a created file is
// removed, changed files come back byte for byte with their mode, and a
// damaged backup keeps the journal for the next try.
func TestJournalRollback(t *testing.T) {
	root := t.TempDir()
	a := filepath.Join(root, "a.go")
	if err := os.WriteFile(a, []byte("package a // original\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	created := filepath.Join(root, "internal", "vaultsecrets", "vaultsecrets.go")
	j, err := beginJournal(root, []change{{path: a, data: []byte("package a // new\n")}, {path: created, data: []byte("package vaultsecrets\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(a, []byte("package a // half-wr"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(created), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(created, []byte("package vaultsecrets\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gi, err := os.ReadFile(filepath.Join(root, journalDir, ".gitignore"))
	if err != nil || !strings.Contains(string(gi), "\n*\n") {
		t.Errorf("the journal directory does not ignore itself: %q %v", gi, err)
	}

	again, err := readJournal(root)
	if err != nil || again == nil {
		t.Fatalf("readJournal: %v, %v", again, err)
	}
	restored, err := again.rollback()
	if err != nil || fmt.Sprint(restored) != "[a.go internal/vaultsecrets/vaultsecrets.go]" {
		t.Fatalf("rollback: %v, %v", restored, err)
	}
	if got, _ := os.ReadFile(a); string(got) != "package a // original\n" {
		t.Errorf("a.go after rollback: %q", got)
	}
	if fi, err := os.Stat(a); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("a.go mode after rollback: %v %v", fi.Mode(), err)
	}
	for _, gone := range []string{created, filepath.Join(root, "internal"), filepath.Join(root, journalDir)} {
		if _, err := os.Stat(gone); err == nil {
			t.Errorf("%s is still there after rollback", gone)
		}
	}
	if j2, err := readJournal(root); j2 != nil || err != nil {
		t.Errorf("a journal remains: %v %v", j2, err)
	}

	// A damaged backup: the rollback refuses and keeps everything.
	j, err = beginJournal(root, []change{{path: a, data: []byte("x")}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, journalDir, j.Files[0].Backup), []byte("tampered"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := j.rollback(); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged backup: %v", err)
	}
	if j2, _ := readJournal(root); j2 == nil {
		t.Error("the journal was removed although the rollback failed")
	}
}
