// Package legacy is a sample of the code kvlint migrate is made for: a
// service whose credentials are written into its source.
//
// Every credential in this module is fake: random strings generated for
// kvlint's tests. None of them has ever been valid anywhere.
package legacy

// DBPassword is the password of the primary database.
const DBPassword = "sKVCsRjd+NmKzBJczRolfLkZ"

const (
	appName = "legacy"
	// ServiceSecret signs service-to-service calls.
	ServiceSecret = "UT1QGqVMxSe7gmJyEJrhPaPaZ6LSkhJ6"
	maxRetries    = 3
)

// signingKey is used where Go needs a constant, so it cannot move to the
// vault without a change of design: migrate leaves it for manual work.
const signingKey = "0OkEoo3ixWfQG2tBAFKfWJbuffZYuw4K"

// SigningKeyLen must stay a constant.
const SigningKeyLen = len(signingKey)

// APIToken is the release bot's GitHub token.
var APIToken = "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"

// StorageConnection reaches the blob store.
var StorageConnection = "DefaultEndpointsProtocol=https;AccountName=legacydata;AccountKey=oY5YV5tp1jYnY3UTwfeAivQ2sEEGWmeZGxxtHbKjQyjqlN5FBLAC7Cg6NGLAdKwATPmwu1wsQWu8jZA4Zb9Ing==;EndpointSuffix=core.windows.net"

// DatabaseURL is put together from parts, all of them constant.
var DatabaseURL = "postgres://app:" + "VxcdoYu4NjddJhS06QUXNGfnl2s5NzSF" +
	"@db.legacy.internal:5432/app?sslmode=require"

// Name returns the service name and its retry budget.
func Name() (string, int) { return appName, maxRetries }
