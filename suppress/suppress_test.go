package suppress

import (
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text      string
		ok        bool
		fileWide  bool
		rules     []string
		reason    string
		malformed string // substring; "" means well-formed
	}{
		{"kvlint:ignore KV101 test fixture", true, false, []string{"KV101"}, "test fixture", ""},
		{"  kvlint:ignore KV101,KV102   the emulator key\t", true, false, []string{"KV101", "KV102"}, "the emulator key", ""},
		{"kvlint:ignore KV101, github-token documented sample", true, false, []string{"KV101", "github-token"}, "documented sample", ""},
		{"kvlint:ignore KV101 ,KV102 x", true, false, []string{"KV101"}, ",KV102 x", ""},
		{"kvlint:file-ignore KV100 generated fixtures", true, true, []string{"KV100"}, "generated fixtures", ""},
		{"kvlint:ignore KV101 first line\nsecond line", true, false, []string{"KV101"}, "first line", ""},
		{"kvlint:ignore KV101", true, false, []string{"KV101"}, "", "a reason is required"},
		{"kvlint:ignore KV101,", true, false, []string{"KV101"}, "", "a reason is required"},
		{"kvlint:ignore", true, false, nil, "", "name the rules to ignore"},
		{"kvlint:file-ignore   ", true, true, nil, "", "name the rules to ignore"},
		{"kvlint:ignore * everything", true, false, []string{"*"}, "everything", "no wildcard"},
		{"kvlint:ignore KV101,all everything", true, false, []string{"KV101", "all"}, "everything", "no wildcard"},
		{"kvlint:ignore KV1$1 x", true, false, []string{"KV1$1"}, "x", `"KV1$1" is not a rule ID`},
		{"kvlint:ingore KV101 typo", true, false, nil, "", "unknown directive kvlint:ingore"},
		{"kvlint:ignore-file KV101 typo", true, false, nil, "", "unknown directive kvlint:ignore-file"},
		{"kvlint: the linter", false, false, nil, "", ""},
		{"kvlint://host/path", false, false, nil, "", ""},
		{"kvlint:", false, false, nil, "", ""},
		{"use kvlint:ignore KV101 reason", false, false, nil, "", ""},
		{"nolint:gosec", false, false, nil, "", ""},
		{"KVLINT:ignore KV101 r", false, false, nil, "", ""},
		{"", false, false, nil, "", ""},
	} {
		d, ok := Parse(tc.text)
		if ok != tc.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", tc.text, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		if d.FileWide != tc.fileWide || !slices.Equal(d.Rules, tc.rules) || d.Reason != tc.reason {
			t.Errorf("Parse(%q) = %+v, want fileWide=%v rules=%q reason=%q", tc.text, d, tc.fileWide, tc.rules, tc.reason)
		}
		if tc.malformed == "" && d.Malformed != "" || tc.malformed != "" && !strings.Contains(d.Malformed, tc.malformed) {
			t.Errorf("Parse(%q).Malformed = %q, want %q", tc.text, d.Malformed, tc.malformed)
		}
	}
}

func TestCovers(t *testing.T) {
	d, _ := Parse("kvlint:ignore kv101,GitHub-Token reason")
	if !d.Covers("KV101", "azure-entra-client-secret") || !d.Covers("KV112", "github-token") {
		t.Error("Covers should match IDs and names in any case")
	}
	if d.Covers("KV102", "azure-storage-account-key") || d.Covers("", "") {
		t.Error("Covers matched a rule it does not name")
	}
	m, _ := Parse("kvlint:ignore KV101")
	if m.Covers("KV101", "") {
		t.Error("a malformed directive covers nothing")
	}
}

func TestStripComment(t *testing.T) {
	for _, tc := range []struct {
		line, comment string
		ok            bool
	}{
		{`x := 1 // kvlint:ignore KV101 r`, "kvlint:ignore KV101 r", true},
		{`//kvlint:ignore KV101 r`, "kvlint:ignore KV101 r", true},
		{`key: value # comment`, "comment", true},
		{`# whole line`, "whole line", true},
		{`; ini comment`, "ini comment", true},
		{`SELECT 1 -- sql comment`, "sql comment", true},
		{`x = 1 /* block */ y = 2`, "block", true},
		{`<a/> <!-- xml comment -->`, "xml comment", true},
		{`url: https://host/a#frag`, "", false},
		{`glob: src/*.go`, "", false},
		{`a--b;c#d`, "", false},
		{`plain text`, "", false},
	} {
		c, ok := StripComment(tc.line)
		if c != tc.comment || ok != tc.ok {
			t.Errorf("StripComment(%q) = %q, %v; want %q, %v", tc.line, c, ok, tc.comment, tc.ok)
		}
	}
}

func TestFindInLine(t *testing.T) {
	for _, tc := range []struct {
		line  string
		ok    bool
		rules string
	}{
		{`password: "x" # kvlint:ignore KV100 test fixture`, true, "KV100"},
		{`API_KEY=abc // kvlint:ignore generic-secret documented sample`, true, "generic-secret"},
		{`v = "a # b" # kvlint:ignore KV100 fixture`, true, "KV100"}, // first "#" is inside a value
		{`key=1 ; kvlint:ignore KV101 ini`, true, "KV101"},
		{`-- kvlint:file-ignore KV108 sample schema`, true, "KV108"},
		{`<!-- kvlint:ignore KV125 doc sample -->`, true, "KV125"},
		{`x /* kvlint:ignore KV101 block */ y`, true, "KV101"},
		{`# kvlint:ignore KV101`, true, "KV101"}, // malformed, still found
		{`text: "kvlint:ignore KV101 not in a comment"`, false, ""},
		{`no directive here # just a comment`, false, ""},
	} {
		d, ok := FindInLine(tc.line)
		if ok != tc.ok || ok && strings.Join(d.Rules, ",") != tc.rules {
			t.Errorf("FindInLine(%q) = %+v, %v; want rules %q, %v", tc.line, d, ok, tc.rules, tc.ok)
		}
	}
	if d, _ := FindInLine(`# kvlint:ignore KV101`); d.Malformed == "" {
		t.Error("directive without reason should be malformed")
	}
	own, _ := FindInLine(`  # kvlint:ignore KV100 next line`)
	trailing, _ := FindInLine(`key: v # kvlint:ignore KV100 this line`)
	file, _ := FindInLine(`key: v # kvlint:file-ignore KV100 whole file`)
	if own.Trailing || !trailing.Trailing {
		t.Errorf("Trailing: own line %v, trailing %v", own.Trailing, trailing.Trailing)
	}
	for _, tc := range []struct {
		d          Directive
		line, want int
		covers     bool
	}{
		{own, 5, 5, true}, {own, 5, 6, true}, {own, 5, 7, false}, {own, 5, 4, false},
		{trailing, 5, 5, true}, {trailing, 5, 6, false},
		{file, 5, 1, true}, {file, 5, 100, true},
	} {
		if got := tc.d.CoversLine(tc.line, tc.want); got != tc.covers {
			t.Errorf("%q on line %d covers line %d = %v, want %v", tc.d.String(), tc.line, tc.want, got, tc.covers)
		}
	}
}

func FuzzDirective(f *testing.F) {
	for _, s := range []string{
		"kvlint:ignore KV101 reason",
		"kvlint:file-ignore KV101,KV102 reason here",
		"kvlint:ignore KV101, KV102 r",
		"kvlint:ignore",
		"kvlint:ingore x y",
		"x := 1 // kvlint:ignore KV101 r",
		"a: b # kvlint:ignore KV100 r",
		"/* kvlint:ignore KV101 r */",
		"<!-- kvlint:ignore KV101 r -->",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Parse(s)
		if !ok && (d.Malformed != "" || d.Rules != nil || d.FileWide) {
			t.Fatalf("Parse(%q) returned data without ok", s)
		}
		if ok && d.Malformed == "" {
			if len(d.Rules) == 0 || d.Reason == "" {
				t.Fatalf("well-formed directive without rules or reason: %+v", d)
			}
			// The canonical form parses back to the same directive.
			d2, ok2 := Parse(d.String())
			if !ok2 || d2.FileWide != d.FileWide || !slices.Equal(d2.Rules, d.Rules) || d2.Reason != d.Reason || d2.Malformed != "" {
				t.Fatalf("round trip of %q: %+v -> %q -> %+v", s, d, d.String(), d2)
			}
		}
		if strings.Contains(d.Reason, "\n") {
			t.Fatalf("reason spans lines: %q", d.Reason)
		}
		StripComment(s)
		if fd, ok := FindInLine(s); ok && !strings.Contains(s, Prefix) {
			t.Fatalf("FindInLine(%q) = %+v without %q in the line", s, fd, Prefix)
		}
	})
}
