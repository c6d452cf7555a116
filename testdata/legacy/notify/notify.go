// Package notify sends webhooks. Its credentials are fake, generated for
// kvlint's tests.
package notify

import "flag"

// Options are the notifier's settings.
type Options struct {
	WebhookSecret string
}

// The previous deploy token was 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 (revoked).

// Flags registers the notifier's flags on fs.
func Flags(fs *flag.FlagSet) *Options {
	o := &Options{}
	fs.StringVar(&o.WebhookSecret, "webhook-secret", "jDnXbRh8Ul!sppxA#k5Y9Hx3", "secret that signs webhook payloads")
	return o
}

const sqlConnection = "Server=tcp:legacy-reports.database.windows.net,1433;Database=reports;User ID=reporter;Password=fw%UGgp*-S*B8Ue0lxBf6V2J;Encrypt=true"

// SQLConnection returns the reporting database's connection string.
func SQLConnection() string { return sqlConnection }
