package scan

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Jupyter notebooks (.ipynb) are JSON: each cell's source is a string or a
// list of strings (one a line), JSON-escaped. A secret in a code cell
// (api_key = "...") sits in the file as "api_key = \"...\"\n", which the
// line scanner reads as a JSON key/value pair that is not there. So a
// notebook is parsed (encoding/json), each cell's text is decoded and
// scanned as what it is, code of the kernel's language or Markdown, and
// outputs' text as plain text; every offset found in the decoded text is
// mapped back to the byte of the .ipynb file it was decoded from. A
// notebook that does not parse is scanned as a plain file, with a note.

// nbText is one decoded text of a notebook: the decoded bytes and, for
// each, the offset in the file of the JSON text it was decoded from (one
// more entry: the offset just past the last).
type nbText struct {
	text string
	at   []int
	code bool // a code cell's source (not Markdown, not an output)
}

// nbDoc is the part of a notebook's JSON that says its language.
type nbDoc struct {
	Cells    []json.RawMessage `json:"cells"`
	Metadata struct {
		Kernelspec struct {
			Language string `json:"language"`
		} `json:"kernelspec"`
		LanguageInfo struct {
			Name string `json:"name"`
		} `json:"language_info"`
	} `json:"metadata"`
}

// notebook scans the notebook content (the bytes of the file). It returns
// false and a note when the content is not a notebook, which the caller
// then scans as a plain file.
func (w *worker) notebook(abs, content string, eng engine, test bool) (bool, string) {
	texts, err := notebookTexts(content)
	if err != nil {
		return false, fmt.Sprintf("%s: not a valid Jupyter notebook (%v): scanned as plain text", abs, err)
	}
	code := w.code
	defer func() { w.code = code }()
	for _, t := range texts {
		w.code, w.codeText = t.code, codeText{}
		w.notebookText(t, eng, test)
	}
	return true, ""
}

// notebookText scans one decoded text as a file of its own, then maps the
// hits back to the notebook's offsets.
func (w *worker) notebookText(t nbText, eng engine, test bool) {
	kept := w.hits
	w.hits = nil
	if w.ex != nil {
		w.ex.fileOff = func(off int) int { return t.at[min(max(off, 0), len(t.at)-1)] }
	}
	w.lines(t.text, eng, test, nil)
	w.pem(t.text, eng, test)
	if w.ex != nil {
		w.ex.fileOff = nil
	}
	found := w.hits
	w.hits = kept
	for _, h := range found {
		raw0, raw1 := t.at[h.start], t.at[h.end]
		if h.secret == "" && !sameText(t, h.start, h.end) {
			h.secret = t.text[h.start:h.end]
		}
		h.start, h.end = raw0, raw1
		w.add(h)
	}
}

// sameText reports whether the decoded bytes start..end were copied from
// the file unescaped, so that the file's bytes are the secret.
func sameText(t nbText, start, end int) bool {
	for i := start; i < end; i++ {
		if t.at[i+1]-t.at[i] != 1 { // at has one offset more than the text
			return false
		}
	}
	return true
}

// notebookTexts parses a notebook and returns its texts: each cell's
// source, code or Markdown, and each output's text, in file order.
func notebookTexts(content string) ([]nbText, error) {
	var doc nbDoc
	if err := json.Unmarshal([]byte(content), &doc); err != nil {
		return nil, err
	}
	if doc.Cells == nil {
		return nil, errors.New("no cells")
	}
	types := make([]string, len(doc.Cells))
	for i, c := range doc.Cells {
		var cell struct {
			CellType string `json:"cell_type"`
		}
		if json.Unmarshal(c, &cell) == nil {
			types[i] = cell.CellType
		}
	}
	lang := strings.ToLower(cmp.Or(doc.Metadata.Kernelspec.Language, doc.Metadata.LanguageInfo.Name, "python"))
	code := lang != "markdown"
	var texts []nbText
	index := map[string]int{} // a text's path to its index in texts
	err := walkJSON(content, func(path []string, elem bool, raw0, raw1 int) {
		if !notebookTextPath(path, elem) {
			return
		}
		s, at := decodeJSONString(content, raw0, raw1)
		key := strings.Join(path, "/")
		if elem {
			key = strings.Join(path[:len(path)-1], "/")
		}
		if i, ok := index[key]; ok {
			t := &texts[i]
			t.text += s
			t.at = append(t.at[:len(t.at)-1], at...)
			return
		}
		isCode := false
		if path[2] == "source" {
			n, _ := strconv.Atoi(path[1])
			isCode = code && n < len(types) && types[n] == "code"
		}
		index[key] = len(texts)
		texts = append(texts, nbText{text: s, at: at, code: isCode})
	})
	return texts, err
}

// notebookTextPath reports whether a string at path (with elem: an element
// of a list of strings) is a text to scan: cells/N/source,
// cells/N/outputs/M/text, cells/N/outputs/M/data/text/plain.
func notebookTextPath(path []string, elem bool) bool {
	if elem {
		path = path[:len(path)-1]
	}
	switch {
	case len(path) == 3 && path[0] == "cells" && path[2] == "source":
		return true
	case len(path) == 5 && path[0] == "cells" && path[2] == "outputs" && path[4] == "text":
		return true
	case len(path) == 6 && path[0] == "cells" && path[2] == "outputs" && path[4] == "data" && path[5] == "text/plain":
		return true
	}
	return false
}

// walkJSON calls fn for every string value of the JSON document content
// with its path (object keys and list indexes), whether it is an element
// of a list, and the offsets of its text between the quotes.
func walkJSON(content string, fn func(path []string, elem bool, raw0, raw1 int)) error {
	dec := json.NewDecoder(strings.NewReader(content))
	var path []string
	var walk func(elem bool) error
	walk = func(elem bool) error {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				for dec.More() {
					k, err := dec.Token()
					if err != nil {
						return err
					}
					ks, _ := k.(string)
					path = append(path, ks)
					err = walk(false)
					path = path[:len(path)-1]
					if err != nil {
						return err
					}
				}
			case '[':
				for i := 0; dec.More(); i++ {
					path = append(path, strconv.Itoa(i))
					err := walk(true)
					path = path[:len(path)-1]
					if err != nil {
						return err
					}
				}
			}
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return err
			}
		case string:
			end := int(dec.InputOffset())
			start := before
			for start < end && content[start] != '"' {
				start++ // blanks, ',' and ':' before the string
			}
			if start+1 < end {
				fn(path, elem, start+1, end-1)
			}
		}
		return nil
	}
	if err := walk(false); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("data after the notebook")
	}
	return nil
}

// decodeJSONString decodes the JSON string text content[raw0:raw1] (the
// bytes between its quotes) and returns it with the file offset of each
// decoded byte, plus raw1 at the end.
func decodeJSONString(content string, raw0, raw1 int) (string, []int) {
	var b strings.Builder
	at := make([]int, 0, raw1-raw0+1)
	for i := raw0; i < raw1; {
		c := content[i]
		if c != '\\' || i+1 >= raw1 {
			b.WriteByte(c)
			at = append(at, i)
			i++
			continue
		}
		n := 2
		var r rune = -1
		switch content[i+1] {
		case 'n':
			r = '\n'
		case 't':
			r = '\t'
		case 'r':
			r = '\r'
		case 'b':
			r = '\b'
		case 'f':
			r = '\f'
		case 'u':
			r, n = jsonRune(content, i, raw1)
		default:
			r = rune(content[i+1]) // \" \\ \/
		}
		var buf [utf8.UTFMax]byte
		k := utf8.EncodeRune(buf[:], r)
		for j := 0; j < k; j++ {
			at = append(at, i)
		}
		b.Write(buf[:k])
		i += n
	}
	at = append(at, raw1)
	return b.String(), at
}

// jsonRune decodes the \uXXXX escape at content[i:] (with its low
// surrogate when it has one) and returns the rune and the escape's length.
func jsonRune(content string, i, end int) (rune, int) {
	hex := func(at int) (rune, bool) {
		if at+6 > end || content[at] != '\\' || content[at+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(content[at+2:at+6], 16, 16)
		return rune(v), err == nil
	}
	r, ok := hex(i)
	if !ok {
		return utf8.RuneError, 2
	}
	if utf16.IsSurrogate(r) {
		if lo, ok := hex(i + 6); ok {
			if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
				return d, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}
