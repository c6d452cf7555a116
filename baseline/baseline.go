// Package baseline records the findings a legacy repository has today, so
// that kvlint reports only new ones.
//
// A finding is identified by a Key: rule ID, package path, enclosing
// declaration and a SHA-256 digest of the matched value (the normalized
// source text of the diagnostic's range). Line numbers are not part of it,
// so moving code around keeps a baseline entry matching.
//
// One fingerprint scheme serves every mode (lint, scan, scan -history and
// both pre-commit hooks): a key whose value is a detected secret (NewSecretKey)
// is fingerprinted by rule and value alone, SHA-256(salt, rule, SHA-256(secret)),
// so a baseline written by lint matches the same secret found by scan, in a
// YAML file or in history, wherever it moved. Other keys (findings about code,
// not a value) also fold in package and declaration.
//
// A baseline file stores, per key, only a fingerprint salted with a random
// salt of that file. It holds no secret value and no unsalted hash of one,
// so it can be committed. Identical keys are one entry with a count.
// Version 1 files (fingerprints over package and declaration for every key)
// are still read and matched the version 1 way; new files are version 2.
package baseline

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/kvlint/kvlint/internal/atomicfile"
)

// Version is the baseline file format version written.
const Version = 2

// PublicSalt is the fixed salt of fingerprints written where no baseline
// file supplies one (SARIF partialFingerprints). Such fingerprints are as
// hard to invert as the secret is to guess, like the short hash in
// detect.Redact's previews.
const PublicSalt = "kvlint/v1"

// Key identifies a finding independently of where in its file it is.
type Key struct {
	Rule    string   // rule ID, such as KV101
	Package string   // package path (for plain files: the slash-separated file path)
	Decl    string   // enclosing top-level declaration, such as "(*Client).Open"; "" at file level
	Value   [32]byte // SHA-256 of the normalized matched text
	// Secret says Value is the hash of a detected secret (not of code):
	// the fingerprint then ignores Package and Decl.
	Secret bool
}

// NewSecretKey builds the key of a detected secret; secret is the secret
// value itself, as the detection engine matched it (hashed at once, not
// kept). pkg and decl are informative: lint, scan and scan -history find the
// same secret under different package names, and its fingerprint is one.
func NewSecretKey(rule, pkg, decl, secret string) Key {
	k := NewKey(rule, pkg, decl, secret)
	k.Secret = true
	return k
}

// NewKey builds a key; value is the matched text (it is hashed at once and
// not kept).
func NewKey(rule, pkg, decl, value string) Key {
	return Key{Rule: rule, Package: pkg, Decl: decl, Value: sha256.Sum256([]byte(value))}
}

// Fingerprint returns the key's fingerprint under salt (32 hex digits), in
// the scheme of the current Version.
func (k Key) Fingerprint(salt string) string {
	if !k.Secret {
		return k.fingerprint("kvlint-fingerprint-v2", salt, k.Rule, k.Package, k.Decl)
	}
	return k.fingerprint("kvlint-fingerprint-v2", salt, k.Rule)
}

// FingerprintV1 returns the key's fingerprint as version 1 baselines hold
// it: over rule, package, declaration and value for every key.
func (k Key) FingerprintV1(salt string) string {
	return k.fingerprint("kvlint-fingerprint-v1", salt, k.Rule, k.Package, k.Decl)
}

// fingerprint hashes the NUL-terminated fields, then the value hash.
func (k Key) fingerprint(fields ...string) string {
	h := sha256.New()
	for _, s := range fields {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(k.Value[:])
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Entry is one baseline entry: Count findings with one key.
type Entry struct {
	Rule        string `yaml:"rule"`           // rule ID of the recorded findings
	Package     string `yaml:"package"`        // import path of the package they are in
	Decl        string `yaml:"decl,omitempty"` // enclosing top-level declaration (Key.Decl)
	Fingerprint string `yaml:"fingerprint"`    // Key.Fingerprint under Salt
	File        string `yaml:"file,omitempty"` // informative only: where the finding was when recorded
	Count       int    `yaml:"count"`          // how many findings the key stands for
}

// File is a baseline file.
type File struct {
	Version int     `yaml:"version"` // file format version
	Salt    string  `yaml:"salt"`    // the fingerprints' salt, kept when the file is rewritten
	Entries []Entry `yaml:"entries"` // the recorded findings, in File.Sort order
}

// New returns an empty baseline with a fresh random salt.
func New() (*File, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("baseline salt: %w", err)
	}
	return &File{Version: Version, Salt: hex.EncodeToString(b[:])}, nil
}

// fingerprintOf returns k's fingerprint in the scheme of f's version.
func (f *File) fingerprintOf(k Key) string {
	if f.Version == 1 {
		return k.FingerprintV1(f.Salt)
	}
	return k.Fingerprint(f.Salt)
}

// Add records one finding with key k, found in file (informative).
func (f *File) Add(k Key, file string) {
	fp := f.fingerprintOf(k)
	for i := range f.Entries {
		e := &f.Entries[i]
		if e.Fingerprint == fp && e.Rule == k.Rule {
			e.Count++
			return
		}
	}
	f.Entries = append(f.Entries, Entry{Rule: k.Rule, Package: k.Package, Decl: k.Decl, Fingerprint: fp, File: file, Count: 1})
}

// Sort orders the entries by rule, package, declaration and fingerprint, so
// the file diffs well.
func (f *File) Sort() {
	slices.SortFunc(f.Entries, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Package, b.Package),
			cmp.Compare(a.Decl, b.Decl), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
}

// Marshal encodes the baseline as YAML, sorted.
func (f *File) Marshal() ([]byte, error) {
	f.Sort()
	if f.Entries == nil {
		f.Entries = []Entry{}
	}
	var buf bytes.Buffer
	buf.WriteString("# kvlint baseline: findings recorded with `kvlint baseline write`.\n" +
		"# Fingerprints are salted hashes; this file holds no secret values.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode baseline: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode baseline: %w", err)
	}
	return buf.Bytes(), nil
}

// Save writes the baseline to path atomically (temporary file and rename).
func (f *File) Save(path string) error {
	data, err := f.Marshal()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data, 0o644)
}

// Parse decodes a baseline file. Unknown keys, a missing salt and an
// unsupported version are errors.
func Parse(data []byte, path string) (*File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty baseline file", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if f.Version != Version && f.Version != 1 {
		return nil, fmt.Errorf("%s: unsupported baseline version %d (want %d, or 1)", path, f.Version, Version)
	}
	if len(f.Salt) < 16 {
		return nil, fmt.Errorf("%s: baseline salt is missing or too short", path)
	}
	for i, e := range f.Entries {
		if e.Rule == "" || e.Fingerprint == "" {
			return nil, fmt.Errorf("%s: entry %d: rule and fingerprint are required", path, i+1)
		}
		if e.Count < 1 {
			f.Entries[i].Count = 1
		}
	}
	return &f, nil
}

// Load reads and parses a baseline file.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return Parse(data, path)
}

// Matcher filters findings against a baseline. Each entry of a finding
// about code matches at most Count findings; the rest are new. An entry of
// a secret (NewSecretKey) matches every finding of that secret under its
// rule, once its count is used up too: the value is already recorded. It is not safe for concurrent use.
type Matcher struct {
	f    *File
	left map[string]int // entry index key -> matches left
}

// entryKey identifies an entry: the fingerprint already covers package
// and declaration where they count, so an entry recorded by lint (package
// path) matches a scan finding (file path) of the same secret.
func entryKey(rule, fp string) string {
	return rule + "\x00" + fp
}

// Matcher returns a new matcher over the baseline's entries.
func (f *File) Matcher() *Matcher {
	m := &Matcher{f: f, left: make(map[string]int)}
	for _, e := range f.Entries {
		m.left[entryKey(e.Rule, e.Fingerprint)] += max(e.Count, 1)
	}
	return m
}

// Match reports whether a finding with key k is in the baseline, using up
// one of the matching entry's count.
func (m *Matcher) Match(k Key) bool {
	ek := entryKey(k.Rule, m.f.fingerprintOf(k))
	n, ok := m.left[ek]
	if n > 0 {
		m.left[ek]--
		return true
	}
	// A recorded secret is known wherever it appears: lint sees it once in
	// Go, scan also in the YAML file beside it.
	return ok && k.Secret && m.f.Version != 1
}

// Stale returns the entries (with the count not matched) that no finding
// matched: the secret was removed or moved to another declaration.
func (m *Matcher) Stale() []Entry {
	var stale []Entry
	for _, e := range m.f.Entries {
		ek := entryKey(e.Rule, e.Fingerprint)
		if n := m.left[ek]; n > 0 {
			e.Count = min(n, max(e.Count, 1))
			m.left[ek] -= e.Count
			stale = append(stale, e)
		}
	}
	return stale
}

// WriteFileAtomic writes data to path atomically with
// atomicfile.WriteFile: readers never see a partial file, a device
// (/dev/stdout) is written in place, an existing file keeps its mode.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	if err := atomicfile.WriteFile(path, data, perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Has reports whether f records a finding with key k, regardless of
// counts: for a history, where one value appears in many versions.
func (f *File) Has(k Key) bool {
	fp := f.fingerprintOf(k)
	for _, e := range f.Entries {
		if e.Rule == k.Rule && e.Fingerprint == fp {
			return true
		}
	}
	return false
}
