// Package secretlogconfig is a fixture for sinks and sanitizers named in
// the configuration (see secretlog's TestConfigSinks).
package secretlogconfig

import "fmt"

// Audit writes to an audit trail: a sink only because the configuration says so.
func Audit(format string, args ...any) {}

// Recorder has methods, all sinks by the configuration (Recorder.*).
type Recorder struct{}

// Note records a note.
func (*Recorder) Note(msg string) {}

// Elide shortens its argument: a sanitizer only because the configuration says so.
func Elide(s string, n int) string { return s[:n] + "..." + s }

func use(r *Recorder, password string) {
	Audit("login with %s", password) // want `the secret-named password flows into secretlogconfig.Audit`
	r.Note(password)                 // want `flows into \(\*Recorder\).Note`
	fmt.Println(Elide(password, 3))  // a configured sanitizer
	Audit("login with %s", "no secret")
}
