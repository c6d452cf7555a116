package gosite

import "strings"

// UncommentPEM returns text with the comment marker of each line of a
// commented-out PEM private key block blanked, so that the block reads as
// the key it is: a "-----BEGIN ... PRIVATE KEY-----" line preceded by a
// marker ("// ", "# ", " * ", "-- ", "; ") has that marker removed from it
// and from each following line that starts with it, through the END line.
// Markers become spaces: every offset in the result is the offset in text.
// ok is false when text holds no commented private key block.
func UncommentPEM(text string) (out string, ok bool) {
	var buf []byte
	for off := 0; ; {
		start, next, label, ok := PEMBegin(text, off)
		if !ok {
			break
		}
		off = next
		if !strings.HasSuffix(label, "PRIVATE KEY") && !strings.HasSuffix(label, "PRIVATE KEY BLOCK") {
			continue
		}
		ls := strings.LastIndexByte(text[:start], '\n') + 1
		marker := strings.TrimSpace(text[ls:start])
		if !isMarker(marker) {
			continue // not in a comment, or inside a string literal
		}
		if buf == nil {
			buf = []byte(text)
		}
		off = blankBlock(buf, text, ls, marker)
	}
	if buf == nil {
		return text, false
	}
	return string(buf), true
}

// PEMBegin finds the first "-----BEGIN " at or after off in text and the
// label after it, up to the next "-----": start is the offset of the
// header's first dash, next the offset past "-----BEGIN ", where a search
// for the next header or the END line resumes. ok is false when no header
// with a closing "-----" follows off.
func PEMBegin(text string, off int) (start, next int, label string, ok bool) {
	k := strings.Index(text[off:], "-----BEGIN ")
	if k < 0 {
		return 0, 0, "", false
	}
	start = off + k
	next = start + len("-----BEGIN ")
	he := strings.Index(text[next:], "-----")
	if he < 0 {
		return 0, 0, "", false
	}
	return start, next, text[next : next+he], true
}

// isMarker reports whether m is a line-comment marker: one to four
// punctuation characters (//, #, *, /*, --, ;, <!--), never a quote.
func isMarker(m string) bool {
	if m == "" || len(m) > 4 {
		return false
	}
	for _, c := range m {
		if !strings.ContainsRune("/#*-;!<", c) {
			return false
		}
	}
	return true
}

// blankBlock blanks marker at the start (after indentation) of each line of
// buf from line start ls through the line holding "-----END ", and returns
// the offset after that line. A "/*" block's later lines may carry "*".
func blankBlock(buf []byte, text string, ls int, marker string) int {
	for line := ls; line < len(text); {
		end := LineEnd(text, line)
		l := text[line:end]
		ind := len(l) - len(strings.TrimLeft(l, " \t"))
		for _, m := range []string{marker, "*"} {
			if strings.HasPrefix(l[ind:], m) && (m == marker || marker == "/*") {
				for i := line + ind; i < line+ind+len(m); i++ {
					buf[i] = ' '
				}
				break
			}
		}
		if strings.Contains(l, "-----END ") || end == len(text) {
			return end
		}
		line = end + 1
	}
	return len(text)
}
