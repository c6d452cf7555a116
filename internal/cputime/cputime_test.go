//go:build unix

package cputime

import (
	"testing"
	"time"
)

// TestProcessAdvances: CPU time spent spinning shows in Process, and it
// never goes back.
func TestProcessAdvances(t *testing.T) {
	start := Process()
	if start <= 0 {
		t.Fatalf("Process() = %v at the start of a test; want > 0", start)
	}
	x := 0
	for deadline := time.Now().Add(50 * time.Millisecond); time.Now().Before(deadline); {
		x++
	}
	if got := Process(); got <= start {
		t.Errorf("after 50ms of spinning (%d loops) Process() = %v, was %v; want more", x, got, start)
	}
}
