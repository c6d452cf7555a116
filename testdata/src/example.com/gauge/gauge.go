// Package gauge has a Logger that is no logger: its level methods take no
// message (a same-named type beside dapr's).
package gauge

// Logger counts events per level.
type Logger struct{}

// Info counts an info event.
func (*Logger) Info(n int) {}

// Debug counts a debug event.
func (*Logger) Debug(n int) {}

// Warn counts a warning.
func (*Logger) Warn() {}

// Error counts an error with its code.
func (*Logger) Error(code int, detail ...string) {}
