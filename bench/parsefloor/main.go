// Command parsefloor is the cost floor of a syntax-only scanner: it parses
// every .go file under the given directories (skipping .git, vendor and
// testdata) with go/parser, on every core, and does nothing else.
package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

func main() {
	roots := os.Args[1:]
	if len(roots) == 0 {
		roots = []string{"."}
	}
	files := make(chan string, 256)
	var parsed, failed atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range files {
				src, err := os.ReadFile(name)
				if err == nil {
					_, err = parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments)
				}
				if err != nil {
					failed.Add(1)
					continue
				}
				parsed.Add(1)
			}
		}()
	}
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil //nolint:nilerr // an unreadable entry is skipped, as kvlint scan skips it
			}
			if d.IsDir() {
				switch d.Name() {
				case ".git", "vendor", "testdata", "node_modules":
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") && d.Type().IsRegular() {
				files <- path
			}
			return nil
		})
	}
	close(files)
	wg.Wait()
	fmt.Printf("parsed %d files, %d failed\n", parsed.Load(), failed.Load())
}
