// Package testfs writes file trees for tests from txtar archives
// (golang.org/x/tools/txtar), so a fixture reads as the files it holds:
//
//	dir := testfs.Dir(t, `
//	-- go.mod --
//	module example.com/m
//	-- a/a.go --
//	package a
//	`)
//
// Each file name is a slash-separated path below the directory; a name that
// is absolute, climbs out with "..", or is otherwise not local fails the test
// before anything is written. txtar gives every file but an empty one a
// final newline.
package testfs

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// Dir returns a new temporary directory (removed when the test ends) holding
// the files of the txtar archive.
func Dir(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, archive)
	return dir
}

// Write writes the files of the txtar archive into dir, creating parent
// directories and replacing files that exist.
func Write(t testing.TB, dir, archive string) {
	t.Helper()
	WriteArchive(t, dir, txtar.Parse([]byte(archive)))
}

// WriteFile writes one file, name slash-separated below dir, like Write; a
// generated content need not be put in an archive first.
func WriteFile(t testing.TB, dir, name, content string) {
	t.Helper()
	WriteArchive(t, dir, &txtar.Archive{Files: []txtar.File{{Name: name, Data: []byte(content)}}})
}

// WriteArchive writes the files of a parsed archive into dir, like Write.
func WriteArchive(t testing.TB, dir string, ar *txtar.Archive) {
	t.Helper()
	if err := write(dir, ar); err != nil {
		t.Fatal(err)
	}
}

// write checks every name before it writes any file, so a bad archive
// leaves dir untouched.
func write(dir string, ar *txtar.Archive) error {
	for _, f := range ar.Files {
		if err := checkName(f.Name); err != nil {
			return err
		}
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("testfs: %w", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("testfs: %w", err)
		}
	}
	return nil
}

// checkName rejects a file name that would be written outside the
// directory: absolute, with a ".." element, empty, or (on Windows) a
// reserved or volume name.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || !filepath.IsLocal(filepath.FromSlash(name)) {
		return fmt.Errorf("testfs: file name %q is not a local slash-separated path", name)
	}
	return nil
}
