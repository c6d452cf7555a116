package iac

import (
	"encoding/json"
	"strings"
)

// arm reports reference.secretVersion (KV309) in ARM parameter files and
// templates, found with json.Decoder token offsets. The practices of
// templates (KV600-KV608) are checked by armPractices (armparse.go).
func arm(path, content string, out *findings) string {
	if !strings.Contains(content, "secretVersion") {
		return ""
	}
	dec := json.NewDecoder(strings.NewReader(content))
	// Walk tokens, tracking the object keys on the path.
	var keys []string
	var stack []bool // true: object
	expectKey := false
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return ""
			}
			return path + ": not JSON (" + err.Error() + "); checked as text only"
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, true)
				keys = append(keys, "")
				expectKey = true
			case '[':
				stack = append(stack, false)
				keys = append(keys, "")
				expectKey = false
			default:
				stack, keys = stack[:len(stack)-1], keys[:len(keys)-1]
			}
			if t == '}' || t == ']' {
				expectKey = len(stack) > 0 && stack[len(stack)-1]
			}
			continue
		case string:
			if len(stack) > 0 && stack[len(stack)-1] && expectKey {
				keys[len(keys)-1] = t
				expectKey = false
				continue
			}
			if len(keys) >= 2 && keys[len(keys)-1] == "secretVersion" && keys[len(keys)-2] == "reference" && t != "" {
				s := before + strings.IndexByte(content[before:], '"')
				out.add(rPinnedARM, s, int(dec.InputOffset()), pinnedMsg("key vault parameter reference", t))
			}
		}
		if len(stack) > 0 && stack[len(stack)-1] {
			expectKey = true
		}
	}
}
