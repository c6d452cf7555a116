package atomicfile_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/internal/atomicfile"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	if err := atomicfile.WriteFile(path, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.WriteFile(path, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "two" {
		t.Fatalf("read %q, %v; want two", data, err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, %v; want the existing file's 0640 kept", fi.Mode().Perm(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the directory, want only out.txt (no temporary file left)", len(entries))
	}
	err = atomicfile.WriteFile(filepath.Join(dir, "no", "such", "dir"), nil, 0o600)
	if err == nil || !strings.Contains(err.Error(), filepath.Join("no", "such")) {
		t.Errorf("missing directory: error %v, want one naming the directory", err)
	}
}

// TestWriteFileDevice checks that a device is written in place, not
// replaced by a regular file.
func TestWriteFileDevice(t *testing.T) {
	if err := atomicfile.WriteFile(os.DevNull, []byte("report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(os.DevNull)
	if err != nil || fi.Mode().IsRegular() {
		t.Fatalf("%s is now a regular file (%v)", os.DevNull, err)
	}
}
