package detect

import "testing"

// TestExplainAgreesWithScan checks, over every rule's samples, that Explain
// returns exactly Scan's findings: the trace comes from the same code path.
func TestExplainAgreesWithScan(t *testing.T) {
	e := defaultEngine(t)
	for _, r := range Builtin() {
		for _, s := range append(append([]Sample(nil), r.TruePositives...), r.FalsePositives...) {
			fs := e.Scan(s.Value, s.Context, nil)
			ex := e.Explain(s.Value, s.Context)
			if len(fs) != len(ex.Findings) {
				t.Errorf("%s: %s: Scan found %d, Explain %d", r.ID, Redact(s.Value), len(fs), len(ex.Findings))
				continue
			}
			for i := range fs {
				if fs[i] != ex.Findings[i] {
					t.Errorf("%s: %s: finding %d differs", r.ID, Redact(s.Value), i)
				}
			}
			traced := e.Traced(func(string, Context, Explanation) {})
			if got := traced.Scan(s.Value, s.Context, nil); len(got) != len(fs) {
				t.Errorf("%s: %s: the traced engine found %d, Scan %d", r.ID, Redact(s.Value), len(got), len(fs))
			}
		}
	}
}

// TestExplainNames checks that the trace names the rule that reported a
// positive, the filter that rejected a decoy and why a miss was not judged.
func TestExplainNames(t *testing.T) {
	e := defaultEngine(t)
	gh := FakeCRCToken("ghp_", "explain")
	pw := Fake("explain-pw", AlphaNum, 20)
	cases := []struct {
		name   string
		value  string
		ctx    Context
		step   Step
		rule   string
		filter string
	}{
		{"provider positive", gh, Context{}, StepMatch, "KV112", ""},
		{"generic positive", pw, Context{Kind: KindAssign, Name: "dbPassword"}, StepGeneric, "KV100", ""},
		{"placeholder decoy", "${DB_PASSWORD_FROM_VAULT}", Context{Kind: KindAssign, Name: "dbPassword"}, StepGeneric, "KV100", "placeholder"},
		{"path decoy", "/etc/app/secrets/db.txt", Context{Kind: KindAssign, Name: "dbPassword"}, StepGeneric, "KV100", "path"},
		{"bad checksum", gh[:len(gh)-1] + "A", Context{}, StepMatch, "KV112", "Confirm (the rule's checksum or confirmation)"},
		{"context decoy", "docker run -p 8080:8080 img", Context{}, StepContext, "KV100", "number"},
		{"miss: no keyword, no name", pw, Context{Kind: KindAssign, Name: "color"}, StepSkip, "", "no keyword in the value and no secret name"},
		{"miss: struct tag", pw, Context{Kind: KindStructTag}, StepSkip, "", "struct tag"},
	}
	for _, c := range cases {
		ex := e.Explain(c.value, c.ctx)
		found := false
		for _, d := range ex.Decisions {
			if d.Step != c.step || (c.rule != "" && (d.Rule == nil || d.Rule.ID != c.rule)) {
				continue
			}
			found = true
			if d.Filter != c.filter {
				t.Errorf("%s: %v %s: filter %q, want %q", c.name, c.step, c.rule, d.Filter, c.filter)
			}
			if c.filter == "" && c.step != StepSkip && d.Confidence == 0 {
				t.Errorf("%s: %v %s: no confidence on a reported decision", c.name, c.step, c.rule)
			}
		}
		if !found {
			t.Errorf("%s: no %v decision of %q in %+v", c.name, c.step, c.rule, ex.Decisions)
		}
		if (c.filter == "") != (len(ex.Findings) > 0) {
			t.Errorf("%s: %d findings", c.name, len(ex.Findings))
		}
	}
}
