// Package hardcodedcred_disabled is scanned with KV112 and KV100 disabled.
// Every credential here is a generated fake.
package hardcodedcred_disabled

const token = "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"

var password = "4cCWTjgCzeOgTnvRutl8"
