package scan

import (
	"testing"

	"github.com/kvlint/kvlint/config"
)

// FuzzScanContent runs the Go and plain-file scanners over arbitrary content
// with the fake engine: nothing panics and every hit lies within the file.
func FuzzScanContent(f *testing.F) {
	for _, s := range []string{
		"package p\nvar password = \"FAKEKEY_A\\u0041\"\n// token: FAKEKEY_B\n",
		"package p\nfunc f() { if x == `FAKEKEY_C` { return \"\\x41FAKEKEY_D\" } }\n/* FAKEKEY_E\n password = longenough */\n",
		"a: FAKEKEY_F # kvlint:ignore FAKE1 why\n-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----\n",
		"password=hunter2hunter2\r\n--password x\n",
	} {
		f.Add(s)
	}
	eng := &fakeEngine{}
	defaults := config.Defaults()
	f.Fuzz(func(t *testing.T, content string) {
		w := &worker{opts: &Options{Root: "/"}}
		for _, goMode := range []bool{true, false} {
			w.hits = w.hits[:0]
			handled := false
			if goMode {
				handled, _ = w.goFile("/x.go", []byte(content), eng, false, defaults)
			}
			if !handled {
				w.lines(content, eng, false, nil)
				w.pem(content, eng, false)
			}
			for _, h := range w.hits {
				if h.start < 0 || h.end > len(content) || h.start >= h.end {
					t.Fatalf("hit [%d,%d) outside the %d-byte file", h.start, h.end, len(content))
				}
			}
			_ = findDirectives(content)
			if len(w.hits) > 0 {
				pos := newPosTable(content)
				for _, h := range w.hits {
					if line, col := pos.at(h.start); line < 1 || col < 1 {
						t.Fatalf("position %d:%d", line, col)
					}
				}
			}
		}
	})
}
