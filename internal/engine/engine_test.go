package engine_test

import (
	"testing"

	// The registry of the real binaries: every analyzer registers its rules.
	_ "github.com/kvlint/kvlint/analyzers"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/engine"
)

func mustEngine(t *testing.T, l *config.Loaded) *detect.Engine {
	t.Helper()
	e, err := engine.For(l)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestDefaultsShareOneEngine(t *testing.T) {
	for _, l := range []*config.Loaded{nil, config.Defaults()} {
		if mustEngine(t, l) != engine.Default() {
			t.Errorf("For(%v) is not the default engine", l)
		}
	}
	l, err := config.Parse([]byte("tests: scan\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if e := mustEngine(t, l); e == engine.Default() || e != mustEngine(t, l) {
		t.Error("a configuration that changes the engine gets its own, built once")
	}
}

// The custom rule runs in the engine, and its "secret" group is the secret.
func TestCustomRuleRuns(t *testing.T) {
	l, err := config.Parse([]byte("custom-rules:\n  - id: KV901\n    name: acme-token\n    keywords: [acme_]\n    regex: 'ACME_(?P<secret>[A-Z0-9]{20})'\n    entropy: 3\n"), "/repo/.kvlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
	var fake []byte
	for i := range 20 {
		fake = append(fake, alphabet[(i*7+3)%len(alphabet)])
	}
	value := "x=ACME_" + string(fake)
	var hit bool
	for _, f := range mustEngine(t, l).Scan(value, detect.Context{}, nil) {
		if f.Rule.ID == "KV901" {
			hit = true
			if f.Secret(value) != string(fake) {
				t.Errorf("custom rule secret is %s, want the secret group", detect.Redact(f.Secret(value)))
			}
		}
	}
	if !hit {
		t.Error("the custom rule KV901 found nothing")
	}
}

func TestEngineGetsOnlyItsRules(t *testing.T) {
	for _, text := range []string{
		"rules:\n  enable: [KV410]\n",
		"rules:\n  disable: [KV201, KV001]\n",
		"rules:\n  enable: [KV101, KV420]\n  disable: [KV124]\n",
	} {
		l, err := config.Parse([]byte(text), "c.yaml")
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if mustEngine(t, l) == nil {
			t.Errorf("%q: no engine", text)
		}
	}

	// With rules.enable naming only another analyzer's rule, the engine finds
	// nothing; with defaults it finds its own samples.
	var sample *detect.Sample
	for _, r := range detect.Builtin() {
		if r.ID == "KV112" && len(r.TruePositives) > 0 {
			sample = &r.TruePositives[0]
		}
	}
	if sample == nil {
		t.Skip("no KV112 sample in the engine yet")
	}
	if got := engine.Default().Scan(sample.Value, sample.Context, nil); len(got) == 0 {
		t.Fatal("default engine misses the KV112 sample")
	}
	l, err := config.Parse([]byte("rules:\n  enable: [KV410]\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := mustEngine(t, l).Scan(sample.Value, sample.Context, nil); len(got) != 0 {
		t.Errorf("enable: [KV410] still finds %s", got[0].Rule.ID)
	}
	l, err = config.Parse([]byte("rules:\n  disable: [github-token]\n"), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range mustEngine(t, l).Scan(sample.Value, sample.Context, nil) {
		if f.Rule.ID == "KV112" {
			t.Error("disable: [github-token] still finds KV112")
		}
	}
}
