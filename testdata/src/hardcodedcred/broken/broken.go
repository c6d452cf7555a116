// Package broken does not type-check; its literals are still scanned.
// Every credential here is a generated fake.
package broken

import "missing/vault"

const githubToken = "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" // want `^github token`

var count int = "not a number"

func connect() {
	password := "4cCWTjgCzeOgTnvRutl8" + undefinedSuffix // want `^secret "4cCW…`
	apiSecret := "GcBV8t1eziUaBEXNc8NJ" + "jGTKKbUA"     // want `^secret "GcBV…\(28 chars`
	region := "westeurope"
	vault.Store(password, apiSecret, region, undefinedToken == "GJd1wFjQvEEAGdTTwtSs") // want `^secret "GJd1…`
	return 42
}
