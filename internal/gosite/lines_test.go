package gosite

import "testing"

func TestLineEnd(t *testing.T) {
	for _, tc := range []struct {
		s          string
		start, end int
	}{
		{"ab\ncd", 0, 2}, {"ab\ncd", 2, 2}, {"ab\ncd", 3, 5}, {"ab\r\n", 0, 3}, {"", 0, 0}, {"ab", 2, 2},
	} {
		if got := LineEnd(tc.s, tc.start); got != tc.end {
			t.Errorf("LineEnd(%q, %d) = %d, want %d", tc.s, tc.start, got, tc.end)
		}
	}
}
