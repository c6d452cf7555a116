package suppress

// The fake rule analyzer reports KV101 for "SECRET..." and KV124 for "JWT...".

//kvlint:ignore KV101 documented fake value
var above = "SECRET-above"

var trailing = "SECRET-trailing" // kvlint:ignore KV101 documented fake value

var byName = "SECRET-name" //kvlint:ignore azure-entra-client-secret fake

var both = "JWT-x" + "SECRET-y" // kvlint:ignore KV101, jwt both fakes

var onlyOne = "JWT-x" /* want `fake KV124` */ + "SECRET-y" // kvlint:ignore KV101 only KV101 is covered

//kvlint:ignore KV101 too far away

var farAway = "SECRET-far" // want `fake KV101`

var wrongRule = "SECRET-wrong" // kvlint:ignore KV124 wrong rule // want `fake KV101`

var noReason = "SECRET-noreason" /* kvlint:ignore KV101 */ // want `fake KV101`

var typo = "SECRET-typo" // kvlint:ingore KV101 typo // want `fake KV101`

func f() {
	//kvlint:ignore KV101 inside a function
	x := "SECRET-in-func"
	y := "SECRET-next" // want `fake KV101`
	_, _ = x, y
}

var multi = []string{
	"SECRET-1", // kvlint:ignore KV101 trailing on an element
	"SECRET-2", // want `fake KV101`
}
