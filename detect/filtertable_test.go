package detect

import "testing"

// TestGenericFilters checks the filter table: each false-positive sample
// is rejected, and first by its own filter, and not reported under a
// password name; each true positive passes every filter and is reported.
func TestGenericFilters(t *testing.T) {
	e := defaultEngine(t)
	ctx := Context{Kind: KindAssign, Name: "dbPassword"}
	seen := map[string]bool{}
	for _, f := range GenericFilters() {
		if seen[f.Name] {
			t.Errorf("filter %q twice", f.Name)
		}
		seen[f.Name] = true
		if f.Rejects == "" || len(f.FalsePositives) == 0 || len(f.TruePositives) == 0 {
			t.Errorf("filter %q: needs a description, false positives and true positives", f.Name)
		}
		for _, fp := range f.FalsePositives {
			if got := rejectingFilter(fp); got != f.Name {
				t.Errorf("filter %q: FP %s rejected by %q", f.Name, Redact(fp), got)
			}
			if c := e.genericValue(fp, ctx); c != 0 {
				t.Errorf("filter %q: FP %s judged %v", f.Name, Redact(fp), c)
			}
		}
		for _, tp := range f.TruePositives {
			for _, g := range GenericFilters() {
				if g.reject(tp) {
					t.Errorf("filter %q: TP %s of %q rejected", g.Name, Redact(tp), f.Name)
				}
			}
			if c := e.genericValue(tp, ctx); c == 0 {
				t.Errorf("filter %q: TP %s not reported under dbPassword", f.Name, Redact(tp))
			}
		}
	}
}

// TestIssue9Passwords checks the passwords one-sample filters used to hide.
func TestIssue9Passwords(t *testing.T) {
	e := defaultEngine(t)
	for _, pw := range []string{"(Tr0ub4dor&3-horse", "[Tr0ub4dor&3-horse", "K9::xQ2#mpLr7", "Pa.*9xQ#mLr7", "Tr0ub4$$dor&3-horse"} {
		if fs := e.Scan(pw, Context{Kind: KindAssign, Name: "dbPassword"}, nil); len(fs) == 0 {
			t.Errorf("%s under dbPassword: not reported (%s)", Redact(pw), rejectingFilter(pw))
		}
	}
}

// TestPlaceholderNoAlloc: IsPlaceholder and the generic filters do not
// allocate, on the token-replacement and subscript shapes too.
func TestPlaceholderNoAlloc(t *testing.T) {
	for _, v := range []string{"__Db_Password__", "#{Api_Token}#", "config_db.password]", "Kq9mLr7Wp4Zx2#"} {
		if n := testing.AllocsPerRun(50, func() { IsPlaceholder(v); RejectedBy(v) }); n != 0 {
			t.Errorf("IsPlaceholder/RejectedBy(%s) allocate %v times", Redact(v), n)
		}
	}
}
