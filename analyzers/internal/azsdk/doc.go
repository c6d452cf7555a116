package azsdk

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// MustExtractDoc returns the text under the heading "# Analyzer name" in the
// package comment of the Go source content (an analyzer's doc.go, embedded),
// so that -help, pkg.go.dev and Analyzer.Doc say the same thing. It panics if
// the heading is missing: that is a programming error caught by any test.
func MustExtractDoc(content, name string) string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		panic(fmt.Sprintf("parse doc.go of %s: %v", name, err))
	}
	if f.Doc == nil {
		panic(fmt.Sprintf("doc.go of %s has no package comment", name))
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name
	i := strings.Index(text, heading+"\n")
	if i < 0 {
		panic(fmt.Sprintf("doc.go of %s lacks %q", name, heading))
	}
	rest := text[i+len(heading)+1:]
	if j := strings.Index(rest, "\n# "); j >= 0 {
		rest = rest[:j]
	}
	return strings.TrimSpace(rest)
}
