// Package atomicfile writes files so that readers never see a partial one:
// the one atomic-write helper of kvlint (baseline files, reports, migrate's
// rewrites, plans and journal).
package atomicfile

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to a temporary file beside path, syncs it and
// renames it over path. A new file gets perm; an existing regular file
// keeps its mode. A path that exists and is not a regular file (/dev/null,
// /dev/stdout, a named pipe) is written in place: renaming over it would
// replace the device. Errors are the file system's, which name the file
// they concern; callers add what they were writing.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	if fi, err := os.Stat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return writeInPlace(path, data)
		}
		perm = fi.Mode().Perm()
	}
	return replace(path, data, perm)
}

// writeInPlace writes data to the existing non-regular file path.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// replace writes a temporary file with data and mode perm and renames it to path.
func replace(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".kvlint-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(name, path)
}
