// Command floor is the cost floor of any go/analysis linter that loads
// packages with types: a do-nothing analyzer that only walks string literals
// with the inspector (bench/internal/floorpass), run by the standard
// singlechecker driver. bench/compare.sh reports kvlint's cost as a ratio to it.
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/kvlint/kvlint/bench/internal/floorpass"
)

func main() { singlechecker.Main(floorpass.Analyzer) }
