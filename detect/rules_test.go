package detect

import (
	"fmt"
	"strings"
	"testing"
)

func defaultEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// describe names findings without their secrets.
func describe(value string, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "[%s %d:%d %s %s] ", f.Rule.ID, f.Start, f.End, f.Confidence, Redact(f.Secret(value)))
	}
	return b.String()
}

func TestRuleSamples(t *testing.T) {
	e := defaultEngine(t)
	for _, r := range Builtin() {
		t.Run(r.ID, func(t *testing.T) {
			if len(r.TruePositives) == 0 || len(r.FalsePositives) == 0 {
				t.Errorf("%s has %d true-positive and %d false-positive samples; want both", r.ID, len(r.TruePositives), len(r.FalsePositives))
			}
			for i, s := range r.TruePositives {
				fs := e.Scan(s.Value, s.Context, nil)
				secret := s.Secret
				if secret == "" {
					secret = s.Value
				}
				want := strings.Index(s.Value, secret)
				if want < 0 {
					t.Fatalf("TP %d: sample secret not in sample value", i)
				}
				found := false
				for _, f := range fs {
					if f.Rule == r && f.Start == want && f.End == want+len(secret) {
						found = true
					}
				}
				if !found {
					t.Errorf("TP %d (%s): want %s at %d:%d; got %s", i, Redact(secret), r.ID, want, want+len(secret), describe(s.Value, fs))
				}
			}
			for i, s := range r.FalsePositives {
				if fs := e.Scan(s.Value, s.Context, nil); len(fs) > 0 {
					t.Errorf("FP %d (%s): want no finding; got %s", i, Redact(s.Value), describe(s.Value, fs))
				}
			}
		})
	}
}
