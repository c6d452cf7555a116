package migrate

import (
	"fmt"
	"io"
)

// Main runs `kvlint migrate` with args and returns the exit status. This is a
// placeholder until the migrate command is implemented.
func Main(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "kvlint migrate: not implemented")
	return 2
}
