package scan

import (
	"fmt"
	"io"
)

// Main runs `kvlint scan` with args and returns the exit status. This is a
// placeholder until the scan command is implemented.
func Main(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kvlint scan: not implemented")
	return 2
}
