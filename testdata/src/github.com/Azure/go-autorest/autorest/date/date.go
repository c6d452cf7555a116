// Package date is a test stub of go-autorest's date package.
package date

import "time"

// UnixTime marshals time.Time as seconds since the Unix epoch.
type UnixTime time.Time
