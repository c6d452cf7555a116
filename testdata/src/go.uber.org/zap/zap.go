// Package zap is a test stub of go.uber.org/zap.
package zap

// Field is a marshaling operation used to add a key-value pair to a logger's context.
type Field struct{}

// String constructs a field with the given key and value.
func String(key string, val string) Field { return Field{} }

// Logger is a fast, leveled, structured logger.
type Logger struct{}

// NewNop returns a no-op Logger.
func NewNop() *Logger { return &Logger{} }

// Info logs a message at InfoLevel.
func (log *Logger) Info(msg string, fields ...Field) {}

// Error logs a message at ErrorLevel.
func (log *Logger) Error(msg string, fields ...Field) {}

// Sugar wraps the Logger to provide a more ergonomic API.
func (log *Logger) Sugar() *SugaredLogger { return &SugaredLogger{} }

// SugaredLogger wraps the base Logger functionality in a slower, but less verbose, API.
type SugaredLogger struct{}

// Infof logs a formatted message at InfoLevel.
func (s *SugaredLogger) Infof(template string, args ...interface{}) {}

// Infow logs a message with some additional context.
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{}) {}
