// Command golangci-lint is golangci-lint v2 with kvlint built in as a module
// plugin. It is the offline route to a custom golangci-lint: it needs only the
// Go module proxy, where `golangci-lint custom` clones golangci-lint's
// repository. Build it with scripts/build-golangci-kvlint.sh.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// Register the kvlint module plugin.
	_ "github.com/kvlint/kvlint/plugin"
)

func main() {
	info := commands.BuildInfo{Version: "2.15.0-kvlint", Commit: "kvlint", Date: "(unknown)", GoVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
		info.BuildInfo = bi
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
