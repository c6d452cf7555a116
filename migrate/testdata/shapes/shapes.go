// Package shapes holds every shape of declaration the rewrite handles. The
// "kvtest-" values are placeholders that a test hook reports as secrets.
package shapes

import "strings"

// Secret is a named string type.
type Secret string

const (
	// first is documented.
	first         = "kvtest-aaaaaaaaaaaa" // trailing comment
	second Secret = "kvtest-bbbbbbbbbbbb"
)

const (
	keep = 1
	// moved has a doc comment that holds kvtest-cccccccccccc.
	moved    = "kvtest-dddddddddddd" // moved along
	alsoKeep = "plain"
)

var vaultsecrets = "a variable that takes the package's name"

func use(s Secret) int { return len(s) }

// Check uses everything.
func Check(tok string) bool {
	switch tok {
	case "kvtest-eeeeeeeeeeee":
		return true
	}
	x := strings.ToUpper("kvtest-ffff" + "ffffffff")
	_ = x
	return use(second) > 0 && use("kvtest-gggggggggggg") > 0 && vaultsecrets != "" &&
		first != "" && moved != "" && alsoKeep != "" && keep > 0
}
