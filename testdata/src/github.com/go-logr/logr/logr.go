// Package logr is a test stub of github.com/go-logr/logr.
package logr

// Logger is a structured logger.
type Logger struct{}

// Info logs a message with key/value pairs.
func (l Logger) Info(msg string, keysAndValues ...any) {}

// Error logs an error with a message and key/value pairs.
func (l Logger) Error(err error, msg string, keysAndValues ...any) {}

// WithValues returns a logger that adds key/value pairs to every entry.
func (l Logger) WithValues(keysAndValues ...any) Logger { return l }

// V returns a logger for the verbosity level.
func (l Logger) V(level int) Logger { return l }
