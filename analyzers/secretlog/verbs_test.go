package secretlog

import (
	"slices"
	"testing"
)

// TestPrintfVerbs: the verb consuming each argument, star widths
// included, and the formats for which the filter keeps every argument.
func TestPrintfVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   string
		ok     bool
	}{
		{"unmarshalling type %T: %v", "Tv", true},
		{"%p %s %q", "psq", true},
		{"100%% of %d", "d", true},
		{"%-10s|%+v|%#x|% d|%08.3f", "svxdf", true},
		{"%*d %.*s", "*d*s", true},
		{"no verbs", "", true},
		// Explicit indexes and a dangling percent: no mapping.
		{"%[1]T %[1]v", "", false},
		{"secret %", "", false},
	} {
		got, ok := printfVerbs(tc.format)
		if ok != tc.ok || ok && string(got) != tc.want {
			t.Errorf("printfVerbs(%q) = %q, %v; want %q, %v", tc.format, string(got), ok, tc.want, tc.ok)
		}
	}
}

// FuzzPrintfVerbs: any format parses without a panic, and an accepted one
// has no more verbs than percent signs.
func FuzzPrintfVerbs(f *testing.F) {
	for _, s := range []string{"%T %v", "%%", "%*.*d", "%[2]s", "%", "héllo %ü %s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		verbs, ok := printfVerbs(s)
		if !ok {
			return
		}
		percents := 0
		for i := 0; i < len(s); i++ {
			if s[i] == '%' || s[i] == '*' {
				percents++
			}
		}
		if len(verbs) > percents {
			t.Fatalf("printfVerbs(%q) = %d verbs for %d %% and * signs", s, len(verbs), percents)
		}
		if slices.Contains(verbs, '%') {
			t.Fatalf("printfVerbs(%q) counts %%%% as a verb", s)
		}
	})
}
