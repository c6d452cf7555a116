package cli

import (
	"fmt"

	udiff "github.com/aymanbagabas/go-udiff"
)

// diffContext is the number of unchanged lines around each hunk.
const diffContext = 3

// unifiedDiff returns a unified diff of a and b with file names oldName and
// newName, or "" if they are equal. The line diff is Myers' algorithm
// (go-udiff, a copy of the one in x/tools/internal/diff), linear in the size
// of the inputs times the number of changes rather than in their product.
func unifiedDiff(oldName, newName string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	old := string(a)
	out, err := udiff.ToUnified(oldName, newName, old, udiff.Lines(old, string(b)), diffContext)
	if err != nil {
		// Lines returns edits consistent with old by construction.
		panic(fmt.Sprintf("unified diff of %s: %v", oldName, err))
	}
	return out
}
