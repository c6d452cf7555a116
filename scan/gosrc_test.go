package scan

import (
	"testing"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/testfs"
)

// recordingEngine is the fake engine, keeping the context of every value
// it is asked about.
type recordingEngine struct {
	fakeEngine
	seen map[string]detect.Context
}

func (e *recordingEngine) Scan(value string, ctx detect.Context, dst []detect.Finding) []detect.Finding {
	e.seen[value] = ctx
	return e.fakeEngine.Scan(value, ctx, dst)
}

// TestGoSitesAsLint covers the cases where kvlint scan's own syntax walker
// used to disagree with lint (issue 10): each now reads as gosite reads it.
func TestGoSitesAsLint(t *testing.T) {
	re := &recordingEngine{seen: map[string]detect.Context{}}
	old := engineOf
	engineOf = func(*config.Loaded) (engine, error) { return re, nil }
	t.Cleanup(func() { engineOf = old })
	src := "package p\n" +
		"\n" +
		"import (\n\t\"flag\"\n\t\"os\"\n)\n" +
		"\n" +
		"var _ = flag.String(\"db-password\", \"\", \"the FAKEKEY_USAGE text\")\n" + // 8
		"\n" +
		"type C struct {\n" +
		"\tPassword string `env:\"DB_PASSWORD\" envDefault:\"tagsecret12\"`\n" + // 11
		"}\n" +
		"\n" +
		"func getPassword(x string) func() string {\n" +
		"\tsigningPassword := []byte(\"bytesecret1\")\n" + // 15
		"\t_ = signingPassword\n" +
		"\ttok := \"FAKE\" + \"KEY_SPLITX\"\n" + // 17
		"\t_ = tok\n" +
		"\tswitch x {\n\tcase \"FAKEKEY_CASEA\":\n\t}\n" + // 20
		"\tif os.Getenv(\"DB_PASSWORD\") == \"cmpsecret12\" {\n\t}\n" + // 22
		"\treturn func() string { return \"closuresecret\" }\n" + // 24
		"}\n"
	dir := testfs.Dir(t, "-- p.go --\n"+src)
	equal(t, runGot(t, dir, Options{}), []string{
		"p.go:11:18-62 KV100", // the tag default, reported at the tag
		"p.go:15:28-41 KV100", // []byte("lit"): the literal, named by the variable
		"p.go:17:9-30 FAKE1",  // "FAKE" + "KEY_SPLITX" folded into one token
		"p.go:20:7-22 FAKE1",
		"p.go:22:33-46 KV100", // compared with os.Getenv("DB_PASSWORD"): named DB_PASSWORD
		"p.go:24:32-47 KV100", // a return inside a closure: named by the enclosing function
	})
	if _, ok := re.seen["the FAKEKEY_USAGE text"]; ok {
		t.Error("a flag's usage text was judged")
	}
	for value, want := range map[string]detect.Context{
		"tagsecret12":   {Kind: detect.KindField, Name: "Password", Key: "DB_PASSWORD"},
		"bytesecret1":   {Kind: detect.KindAssign, Name: "signingPassword"},
		"FAKEKEY_CASEA": {Kind: detect.KindCompare, Name: "x"},
		"cmpsecret12":   {Kind: detect.KindCompare, Name: "DB_PASSWORD"},
		"closuresecret": {Kind: detect.KindReturn, Name: "getPassword"},
	} {
		c := re.seen[value]
		if c.Kind != want.Kind || c.Name != want.Name || c.Key != want.Key {
			t.Errorf("%s: context {Kind %d, Name %q, Key %q}, want {Kind %d, Name %q, Key %q}",
				value, c.Kind, c.Name, c.Key, want.Kind, want.Name, want.Key)
		}
	}
}
