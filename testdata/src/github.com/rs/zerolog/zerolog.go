// Package zerolog is a test stub of github.com/rs/zerolog.
package zerolog

// Logger represents an active logging object.
type Logger struct{}

// Event represents a log event.
type Event struct{}

// Info starts a new message with info level.
func (l *Logger) Info() *Event { return &Event{} }

// Str adds the field key with val as a string to the event.
func (e *Event) Str(key, val string) *Event { return e }

// Msg sends the event with msg added as the message field.
func (e *Event) Msg(msg string) {}

// Msgf sends the event with formatted msg added as the message field.
func (e *Event) Msgf(format string, v ...interface{}) {}
