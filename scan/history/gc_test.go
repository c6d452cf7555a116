package history

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestTuneGC(t *testing.T) {
	t.Run("raises and restores", func(t *testing.T) {
		t.Setenv("GOGC", "") // t.Setenv restores the variable; unset it below
		unsetenv(t, "GOGC")
		before := debug.SetGCPercent(123)
		defer debug.SetGCPercent(before)
		restore := tuneGC()
		if got := debug.SetGCPercent(scanGCPercent); got != scanGCPercent {
			t.Errorf("during the scan GC percent = %d, want %d", got, scanGCPercent)
		}
		restore()
		if got := debug.SetGCPercent(123); got != 123 {
			t.Errorf("after restore GC percent = %d, want 123", got)
		}
	})
	t.Run("GOGC from the environment wins", func(t *testing.T) {
		t.Setenv("GOGC", "50")
		before := debug.SetGCPercent(50)
		defer debug.SetGCPercent(before)
		restore := tuneGC()
		defer restore()
		if got := debug.SetGCPercent(50); got != 50 {
			t.Errorf("with GOGC=50 set, GC percent = %d, want 50 (left alone)", got)
		}
	})
}

func unsetenv(t *testing.T, key string) {
	t.Helper()
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}
