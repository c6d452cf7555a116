package gosite

import "strings"

// LineEnd returns the offset of the first newline in s at or after start,
// or len(s) when none follows: s[start:LineEnd(s, start)] is the line that
// start is on, from start, without its newline.
func LineEnd(s string, start int) int {
	if k := strings.IndexByte(s[start:], '\n'); k >= 0 {
		return start + k
	}
	return len(s)
}
