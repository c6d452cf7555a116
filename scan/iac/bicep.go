package iac

import "strings"

// bicep checks a Bicep or .bicepparam file for calls of getSecret (a
// method of an existing vault, or az.getSecret in .bicepparam files) whose
// last argument is a version (KV308): it splits the argument list at
// top-level commas, skipping strings, comments and nested brackets. The
// declarations (KV600-KV608) are read by bicepPractices (bicepparse.go).
func bicep(path, content string, param bool, out *findings) string {
	want := 2 // kv.getSecret(name, version)
	if param {
		want = 5 // az.getSecret(subscription, group, vault, name, version)
	}
	for off := 0; ; {
		k := strings.Index(content[off:], "getSecret(")
		if k < 0 {
			return ""
		}
		at := off + k
		off = at + len("getSecret(")
		args, _, ok := bicepArgs(content, off)
		if !ok || len(args) < want {
			continue
		}
		v := args[want-1]
		lit := strings.TrimSpace(content[v[0]:v[1]])
		if len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' || strings.Contains(lit, "${") || lit == "''" {
			continue
		}
		out.add(rPinnedBicep, v[0], v[1], pinnedMsg("getSecret", strings.Trim(lit, "'")))
	}
}

// bicepArgs splits the argument list that starts at off (after "(") into
// argument spans, returning the offset after ")".
func bicepArgs(s string, off int) ([][2]int, int, bool) {
	var args [][2]int
	depth, start := 0, off
	for i := off; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'':
			j := i + 1
			for j < len(s) && s[j] != '\'' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case '/':
			if i+1 < len(s) && s[i+1] == '/' {
				e := strings.IndexByte(s[i:], '\n')
				if e < 0 {
					return nil, 0, false
				}
				i += e
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				if c != ')' {
					return nil, 0, false
				}
				if strings.TrimSpace(s[start:i]) != "" {
					args = append(args, [2]int{start, i})
				}
				return args, i + 1, true
			}
			depth--
		case ',':
			if depth == 0 {
				args = append(args, [2]int{start, i})
				start = i + 1
			}
		}
	}
	return nil, 0, false
}
