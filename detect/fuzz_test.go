package detect

import (
	"strings"
	"testing"
)

func FuzzScan(f *testing.F) {
	for _, r := range Builtin() {
		for _, s := range append(append([]Sample(nil), r.TruePositives...), r.FalsePositives...) {
			f.Add(s.Value, s.Context.Name, s.Context.Key, s.Context.Test)
		}
	}
	for _, v := range commonValues {
		f.Add(v, "password", "", false)
	}
	f.Add("", "", "", false)
	f.Add("\xff\xfe\x00", "\xff", "\x80", true)
	e, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, value, name, key string, test bool) {
		ctx := Context{Kind: KindAssign, Name: name, Key: key, Test: test}
		fs := e.Scan(value, ctx, nil)
		for i, fd := range fs {
			if fd.Rule == nil || fd.Start < 0 || fd.End > len(value) || fd.Start >= fd.End {
				t.Fatalf("finding %d: bad bounds %d:%d in %d bytes", i, fd.Start, fd.End, len(value))
			}
			if i > 0 && fd.Start < fs[i-1].End {
				t.Fatalf("findings %d and %d overlap", i-1, i)
			}
			if fd.Confidence < Low || fd.Confidence > High {
				t.Fatalf("finding %d: confidence %d", i, fd.Confidence)
			}
			secret := fd.Secret(value)
			if len(secret) >= 8 && strings.Contains(Redact(secret), secret) {
				t.Fatalf("finding %d (%s): redaction contains the secret", i, fd.Rule.ID)
			}
		}
		// Scanning again appends the same findings after a prefix.
		again := e.Scan(value, ctx, []Finding{{}})
		if len(again) != len(fs)+1 {
			t.Fatalf("second scan found %d, first %d", len(again)-1, len(fs))
		}
		if !strings.Contains(Hash(value), "sha256:") {
			t.Fatal("Hash without prefix")
		}
	})
}

func FuzzSplitWords(f *testing.F) {
	for _, s := range []string{"DBPassword", "APIKey", "x-api-key", "AZURE_CLIENT_SECRET", "oauth2Token", "\xff\x80A", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, w := range SplitWords(name) {
			if w == "" || strings.ToLower(w) != w {
				t.Fatalf("word %q is empty or not lowercase", w)
			}
		}
		secretName(name)
		weakSecretName(name)
		IsPlaceholder(name)
	})
}

// FuzzFallbackLiteral checks that a fallback literal lies inside the
// expression and holds no quote of the kind that delimits it.
func FuzzFallbackLiteral(f *testing.F) {
	for _, v := range []string{"process.env.X || 'Xq9mLr7Wp'", `os.getenv("X", "Xq9mLr7Wp")`, "${X:-Xq9mLr7Wp}",
		"${X:?msg}", `a ?? ""`, `''`, "${:-}", `get("`, `x or "a"b"`} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		s, e, ok := fallbackLiteral(v, 0, len(v))
		if !ok {
			return
		}
		if s < 0 || e > len(v) || s >= e {
			t.Fatalf("bounds %d:%d in %d bytes", s, e, len(v))
		}
		if v[s-1] == '"' && strings.IndexByte(v[s:e], '"') >= 0 || v[s-1] == '\'' && strings.IndexByte(v[s:e], '\'') >= 0 {
			t.Fatalf("literal %d:%d holds its quote", s, e)
		}
	})
}
