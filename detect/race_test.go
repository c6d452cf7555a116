//go:build race

package detect

// raceEnabled: the race detector drops sync.Pool items (regexp's machines),
// so allocation counts mean nothing under it.
const raceEnabled = true
