package scan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// notebookFile builds a notebook whose cells hold secrets on known lines
// of the .ipynb file. It returns the file and, for each secret, the line
// of the file it must be reported on.
func notebookFile(lang string) (string, map[string]int) {
	key := detect.Fake("nb-key", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 26)
	pw := detect.Fake("nb-pw", "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 12) + "!7"
	tok := detect.Fake("nb-tok", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 30)
	nb := `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "# Ingest\n",
    "Call it with \u0060curl -u ingest:` + pw + `\u0060 first.\n"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [
    {
     "name": "stdout",
     "output_type": "stream",
     "text": [
      "connected\n",
      "session token=` + tok + `\n"
     ]
    }
   ],
   "source": [
    "import os\n",
    "client = Client(api_key=\"` + key + `\")\n",
    "db_password = os.environ[\"DB_PASSWORD\"]\n",
    "secret_token = settings.secret_token\n"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {"display_name": "Python 3", "language": "` + lang + `", "name": "python3"}
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`
	return nb, map[string]int{pw: 8, tok: 21, key: 27}
}

// TestNotebook checks that a notebook's code cells, Markdown cells and
// outputs are scanned as what they are, that each finding is on the line
// of the .ipynb file where its text lives, and that the message carries
// no secret. The expressions of the code cell (os.environ[...],
// settings.secret_token) are not reported.
func TestNotebook(t *testing.T) {
	nb, want := notebookFile("python")
	cr, err := Content(filepath.Join(t.TempDir(), "ingest.ipynb"), []byte(nb), &Options{})
	fs := cr.Findings
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(nb, "\n")
	got := map[int]bool{}
	for _, f := range fs {
		got[f.Line] = true
		l := lines[f.Line-1]
		if f.Col < 1 || f.Col > len(l) {
			t.Errorf("finding %s at %d:%d: the column is outside the line", f.RuleID, f.Line, f.Col)
		}
		for s := range want {
			if strings.Contains(f.Message, s) {
				t.Errorf("finding %s at line %d: the message holds the secret", f.RuleID, f.Line)
			}
		}
	}
	for s, line := range want {
		if !got[line] {
			t.Errorf("%s: not reported on line %d (findings on %v)", detect.Redact(s), line, got)
		}
		if !strings.Contains(lines[line-1], s) {
			t.Fatalf("test setup: line %d does not hold %s", line, detect.Redact(s))
		}
	}
	if len(got) != len(want) {
		t.Errorf("findings on lines %v, want only %v", got, want)
	}
}

// TestNotebookNotJSON checks that a .ipynb file that does not parse is
// scanned as plain text, with a note that says so.
func TestNotebookNotJSON(t *testing.T) {
	dir := t.TempDir()
	pw := detect.Fake("nb-broken", "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 14)
	p := filepath.Join(dir, "broken.ipynb")
	if err := os.WriteFile(p, []byte("{\"cells\": [\n  db_password = \""+pw+"\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := Run([]string{dir}, Options{Root: dir})
	if len(r.Findings) != 1 || r.Findings[0].Line != 2 {
		t.Errorf("want the password on line 2 found as plain text, got %d findings", len(r.Findings))
	}
	noted := false
	for _, n := range r.Notes {
		noted = noted || strings.Contains(n, "not a valid Jupyter notebook")
	}
	if !noted {
		t.Errorf("no note says the notebook did not parse: %q", r.Notes)
	}
}

// FuzzDecodeJSONString checks the offset map of decodeJSONString: the
// text equals encoding/json's decoding of the same string, the offsets
// grow and stay within the string, and a byte copied unescaped maps to
// itself.
func FuzzDecodeJSONString(f *testing.F) {
	for _, s := range []string{`plain`, `a\"b`, `\u0060x\u0060`, `\ud83d\ude00 ok`, `tab\tnl\n`, `\\`, `\/`, `é`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		doc := `{"s": "` + raw + `"}`
		var v struct{ S string }
		if json.Unmarshal([]byte(doc), &v) != nil {
			return
		}
		var found bool
		err := walkJSON(doc, func(path []string, elem bool, raw0, raw1 int) {
			found = true
			text, at := decodeJSONString(doc, raw0, raw1)
			if text != v.S && string([]rune(text)) != string([]rune(v.S)) { // invalid UTF-8: one U+FFFD a byte
				t.Fatalf("decoded %q, encoding/json %q", text, v.S)
			}
			if len(at) != len(text)+1 || at[len(at)-1] != raw1 {
				t.Fatalf("offset map of %d entries for %d bytes", len(at), len(text))
			}
			for i := range text {
				if at[i] < raw0 || at[i] >= raw1 || i > 0 && at[i] < at[i-1] {
					t.Fatalf("offset %d of byte %d outside %d..%d or decreasing", at[i], i, raw0, raw1)
				}
				if doc[at[i]] != '\\' && doc[at[i]] != text[i] && doc[at[i]] < 0x80 {
					t.Fatalf("byte %d maps to %q, not itself", i, doc[at[i]])
				}
			}
		})
		if err != nil || !found {
			t.Fatalf("walkJSON: %v (found %v)", err, found)
		}
	})
}

// FuzzNotebookTexts checks that notebookTexts never panics and that every
// decoded byte of every text maps to a byte of the notebook.
func FuzzNotebookTexts(f *testing.F) {
	nb, _ := notebookFile("python")
	f.Add(nb)
	f.Add(`{"cells": [{"cell_type": "code", "source": "x = \"1\"\n"}]}`)
	f.Add(`{"cells": []}`)
	f.Fuzz(func(t *testing.T, content string) {
		texts, err := notebookTexts(content)
		if err != nil {
			return
		}
		for _, x := range texts {
			if len(x.at) != len(x.text)+1 {
				t.Fatalf("offset map of %d entries for %d bytes", len(x.at), len(x.text))
			}
			for i, off := range x.at {
				if off < 0 || off > len(content) || i > 0 && off < x.at[i-1] {
					t.Fatalf("offset %d of byte %d outside the notebook (%d bytes) or decreasing", off, i, len(content))
				}
			}
		}
	})
}
