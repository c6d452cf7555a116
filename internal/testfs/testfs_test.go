package testfs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

func TestDirWritesEveryFile(t *testing.T) {
	dir := Dir(t, `
-- go.mod --
module example.com/m
-- a/b/c.txt --
line one
line two
-- empty --
-- last --
no newline at the end`)
	for name, want := range map[string]string{
		"go.mod":    "module example.com/m\n",
		"a/b/c.txt": "line one\nline two\n",
		"empty":     "",
		"last":      "no newline at the end\n",
	} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestWriteReplaces(t *testing.T) {
	dir := Dir(t, "-- a.txt --\nold\n")
	Write(t, dir, "-- a.txt --\nnew\n")
	if got, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(got) != "new\n" {
		t.Errorf("a.txt = %q after a second Write, want %q", got, "new\n")
	}
}

func TestRejectsEscapingNames(t *testing.T) {
	for _, name := range []string{"../out.txt", "a/../../out.txt", "/etc/out.txt", "a/../b", "./a", ".", "a//b", "a/"} {
		dir := t.TempDir()
		ar := &txtar.Archive{Files: []txtar.File{{Name: "ok.txt", Data: []byte("x\n")}, {Name: name, Data: []byte("x\n")}}}
		err := write(dir, ar)
		if err == nil || !strings.Contains(err.Error(), "not a local") {
			t.Errorf("write(%q) = %v, want a not-local error", name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("write(%q) wrote %d entries before failing", name, len(entries))
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(t.TempDir()), "out.txt")); err == nil {
		t.Error("a file escaped the directory")
	}
}

// TestWriteFile: one file, its parent directories made, its content kept
// byte for byte (no final newline added).
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	WriteFile(t, dir, "a/b/c.txt", "no newline")
	data, err := os.ReadFile(filepath.Join(dir, "a", "b", "c.txt"))
	if err != nil || string(data) != "no newline" {
		t.Errorf("a/b/c.txt = %q, %v; want %q", data, err, "no newline")
	}
}
