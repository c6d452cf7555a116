// Package billing charges self-pay patients.
package billing

import "net/http"

var (
	stripeKey           = "sk_live_Fn87NE7Ygmb0pkBkyNi9xeQD"       // corpus:secret
	stripeRestrictedKey = "rk_live_YDqA8L1A4ffq9K7rUM6fJPr9"       // corpus:secret
	stripePublishable   = "pk_live_Omcw4GSGPw2VYb2OJST5XIYY"       // corpus:decoy
	webhookSecret       = "whsec_0HWJAUojBQS0GoRudDW0xVaWHXimlwUk" // corpus:secret
	stripeAPIBase       = "https://api.stripe.com/v1"              // corpus:decoy
	idempotencyHeader   = "Idempotency-Key"                        // corpus:decoy
)

// Verify checks a webhook signature header.
func Verify(r *http.Request) bool {
	sig := r.Header.Get("Stripe-Signature") // corpus:decoy
	return sig != "" && webhookSecret != ""
}
