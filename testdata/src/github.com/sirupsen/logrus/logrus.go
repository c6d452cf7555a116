// Package logrus is a test stub of github.com/sirupsen/logrus.
package logrus

// Fields type, used to pass to WithFields.
type Fields map[string]interface{}

// Entry is the final or intermediate Logrus logging entry.
type Entry struct{}

// Info logs a message at level Info.
func (entry *Entry) Info(args ...interface{}) {}

// Infof logs a message at level Info.
func Infof(format string, args ...interface{}) {}

// Info logs a message at level Info on the standard logger.
func Info(args ...interface{}) {}

// WithField creates an entry from the standard logger and adds a field to it.
func WithField(key string, value interface{}) *Entry { return &Entry{} }
