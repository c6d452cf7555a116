// Package notify sends on-call alerts and patient reminders.
package notify

import (
	"bytes"
	"net/http"
)

const (
	slackWebhook  = "https://hooks.slack.com/services/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" // corpus:secret
	slackBotToken = "xoxb-131871316992-7277416085427-NtzX0NetcMr9yHFdZ6T5a3g5"                        // corpus:secret
	slackChannel  = "#ehr-oncall"                                                                     // corpus:decoy
	sendgridKey   = "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"           // corpus:secret
	twilioSID     = "AC92e6e239c5f8d8aeedbbbcd6bba7322f"                                              // corpus:decoy
	twilioAPIKey  = "SK65a018157910e88968b152e1915f92cf"                                              // corpus:secret
	twilioSecret  = "I3n9jexheRGQs8bMG8OTfGqktQ0qmaqE"                                                // corpus:secret
	reminderText  = "Your appointment is tomorrow. Reply STOP to opt out; never share your password." // corpus:decoy
	fromNumber    = "+15005550006"                                                                    // corpus:decoy
)

// templates maps message kinds to SendGrid template IDs.
var templates = map[string]string{
	"appointment": "d-ae003bfe1c1a321a5422250a5640ec5f", // corpus:decoy
	"results":     "d-859d6e0aaa2ec94a3b11fd7df65d74f8", // corpus:decoy
}

// Alert posts to Slack.
func Alert(msg string) error {
	resp, err := http.Post(slackWebhook, "application/json", bytes.NewBufferString(`{"text":"`+msg+`"}`)) // corpus:decoy
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
