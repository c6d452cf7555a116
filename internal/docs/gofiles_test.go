package docs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
)

// walkGoFiles parses, with mode, each non-test .go file below root outside
// the directories skipDir rejects (root itself is never skipped), and calls
// fn with the file set, the file's slash-separated path relative to root
// and its syntax; the first error stops the walk and is returned.
func walkGoFiles(root string, skipDir func(path, name string) bool, mode parser.Mode, fn func(fset *token.FileSet, rel string, f *ast.File)) error {
	fset := token.NewFileSet()
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && skipDir(path, name) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, mode)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		fn(fset, filepath.ToSlash(rel), f)
		return nil
	})
}
