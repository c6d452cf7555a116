package scan

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Text decodes data when it is UTF-16 text: a byte order mark (FF FE
// little-endian, FE FF big-endian), or, without one, the zero-byte pattern
// of mostly-ASCII UTF-16 (a NUL in every other byte, on the same side, in
// at least 90% of the first 4 KB's code units). Windows PowerShell, .reg
// exports and some .NET .config files are written this way; read as bytes
// they look binary (NULs) and used to be skipped without a word. The result
// is UTF-8 with the mark dropped; lines stay lines, so line numbers are the
// file's, and columns count the decoded text's bytes.
func utf16Text(data []byte) ([]byte, bool) {
	bigEndian, body, ok := utf16Layout(data)
	if !ok {
		return nil, false
	}
	units := make([]uint16, len(body)/2)
	for i := range units {
		lo, hi := body[2*i], body[2*i+1]
		if bigEndian {
			lo, hi = hi, lo
		}
		units[i] = uint16(lo) | uint16(hi)<<8
	}
	runes := utf16.Decode(units)
	out := make([]byte, 0, len(runes)+len(runes)/4)
	for _, r := range runes {
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// utf16Layout says whether data is UTF-16 and in which byte order, and
// returns the code units' bytes (without the mark).
func utf16Layout(data []byte) (bigEndian bool, body []byte, ok bool) {
	if len(data) >= 2 {
		switch {
		case data[0] == 0xFF && data[1] == 0xFE:
			if len(data) >= 4 && data[2] == 0 && data[3] == 0 {
				return false, nil, false // UTF-32LE: not handled, left to the binary check
			}
			return false, evenLen(data[2:]), true
		case data[0] == 0xFE && data[1] == 0xFF:
			return true, evenLen(data[2:]), true
		}
	}
	sample := evenLen(data[:min(len(data), 4<<10)])
	if bytes.IndexByte(sample, 0) < 0 {
		return false, nil, false // the common case: text without a NUL is not UTF-16 without a BOM
	}
	units := len(sample) / 2
	if units < 8 {
		return false, nil, false
	}
	var le, be int
	for i := 0; i+1 < len(sample); i += 2 {
		a, b := sample[i], sample[i+1]
		switch {
		case a != 0 && b == 0:
			le++
		case a == 0 && b != 0:
			be++
		}
	}
	switch {
	case le*10 >= units*9:
		return false, evenLen(data), true
	case be*10 >= units*9:
		return true, evenLen(data), true
	}
	return false, nil, false
}

func evenLen(b []byte) []byte { return b[:len(b)&^1] }
