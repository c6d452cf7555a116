package labelledtest

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/scan"
)

// threshold is the precision and recall the set must reach overall.
const threshold = 0.95

// lenient logs the figures without failing below the threshold (for
// measuring a branch whose detection is in flux).
var lenient = flag.Bool("labelled.lenient", false, "log the labelled-set figures without enforcing the threshold")

// lineKey names one line of the expanded tree.
type lineKey struct {
	file string // archive/path
	line int
}

// label is one labelled line.
type label struct {
	families []string // accepted families of a positive (a|b)
	negative string   // class of a negative; "" for a positive
}

// set is the labelled set, expanded.
type set struct {
	labels   map[lineKey]label
	archives map[string]string // file -> archive (ecosystem)
	secrets  []string          // every generated secret, to keep out of the log
}

// TestLabelledSet scans the expanded set as kvlint scan does and scores the
// findings by line against the labels.
func TestLabelledSet(t *testing.T) {
	sc := scoreSet(t, "../../testdata/labelled", gate{
		name: "labelled set", min: 150, precision: threshold, recall: threshold,
	})
	checkCoverage(t, sc)
}

// gate is what a scored set must hold: at least min positives and as many
// labelled negatives, and precision and recall at least their floors.
type gate struct {
	name              string // in the log and the failures: "labelled set"
	prefix            string // of the overall figures' lines: "", "held-out "
	min               int
	precision, recall float64
	why               string // how the floors were set, after a failure
}

// scoreSet runs and scores the set in dir, logs its figures, and fails
// where it breaks g (below the floors only without -labelled.lenient).
func scoreSet(t *testing.T, dir string, g gate) *scoring {
	t.Helper()
	s, sc := run(t, dir)
	checkFamilies(t, s)
	sc.log(t, s, g.name)
	p, r := sc.total()
	t.Logf("%soverall: precision %.3f recall %.3f (TP %d, FP %d, FN %d; %d positives, %d labelled negatives)",
		g.prefix, p, r, sc.tp, sc.fp, sc.fn, sc.positives, sc.negatives)
	if sc.positives < g.min || sc.negatives < g.min {
		t.Errorf("the %s holds %d positives and %d labelled negatives, want at least %d of each", g.name, sc.positives, sc.negatives, g.min)
	}
	if p < g.precision || r < g.recall {
		msg := fmt.Sprintf("%sprecision %.3f, recall %.3f: want at least %.2f and %.2f%s", g.prefix, p, r, g.precision, g.recall, g.why)
		if *lenient {
			t.Log("not enforced: " + msg)
		} else {
			t.Error(msg)
		}
	}
	return sc
}

// run expands the archives of the directory from (testdata/labelled or
// testdata/heldout), scans them as kvlint scan does and scores the findings.
func run(t *testing.T, from string) (*set, *scoring) {
	t.Helper()
	dir := t.TempDir()
	s := load(t, from, dir)
	res := scan.Run([]string{dir}, scan.Options{Config: &config.Source{}, MaxSize: scan.DefaultMaxSize, Root: dir})
	if res.Err != nil {
		t.Fatalf("scan: %v", res.Err)
	}
	return s, score(s, res, dir)
}

// load expands every archive of the directory from into dir/<archive>/ and
// reads its labels, checking that each labelled line exists and that each
// positive carries a generated value.
func load(t *testing.T, from, dir string) *set {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(from, "*.txtar"))
	if len(names) == 0 {
		t.Fatalf("no archives in %s", from)
	}
	s := &set{labels: map[lineKey]label{}, archives: map[string]string{}}
	for _, name := range names {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		eco := strings.TrimSuffix(filepath.Base(name), ".txtar")
		raw := map[string][]string{}
		for _, f := range ar.Files {
			if f.Name == "labels" {
				continue
			}
			rel := eco + "/" + f.Name
			lines := strings.Split(string(f.Data), "\n")
			raw[rel] = lines
			s.archives[rel] = eco
			writeExpanded(t, dir, rel, lines, s)
		}
		for _, f := range ar.Files {
			if f.Name == "labels" {
				readLabels(t, eco, f.Data, raw, s)
			}
		}
	}
	return s
}

// writeExpanded writes the file rel with its placeholders expanded.
func writeExpanded(t *testing.T, dir, rel string, lines []string, s *set) {
	t.Helper()
	out := make([]string, len(lines))
	keep := func(v string) { s.secrets = append(s.secrets, v) }
	for i, l := range lines {
		e, err := expand(l, rel+":"+strconv.Itoa(i+1), keep)
		if err != nil {
			t.Fatalf("%s:%d: %v", rel, i+1, err)
		}
		out[i] = e
	}
	abs := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(abs, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// readLabels parses a labels section: "path:line family[|family]" or
// "path:line negative class"; # starts a comment.
func readLabels(t *testing.T, eco string, data []byte, raw map[string][]string, s *set) {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			continue
		}
		where := fmt.Sprintf("%s labels:%d", eco, n)
		path, ln, ok := strings.Cut(fields[0], ":")
		line, err := strconv.Atoi(ln)
		if !ok || err != nil || len(fields) < 2 {
			t.Fatalf("%s: want path:line family, or path:line negative class", where)
		}
		rel := eco + "/" + path
		lines, ok := raw[rel]
		if !ok || line < 1 || line > len(lines) {
			t.Fatalf("%s: no line %s:%d", where, path, line)
		}
		k := lineKey{rel, line}
		if _, dup := s.labels[k]; dup {
			t.Fatalf("%s: %s:%d labelled twice", where, path, line)
		}
		l := label{families: strings.Split(fields[1], "|")}
		if fields[1] == "negative" {
			if len(fields) < 3 {
				t.Fatalf("%s: a negative needs a class", where)
			}
			l = label{negative: fields[2]}
		} else if !generated(lines, line) {
			t.Fatalf("%s: positive %s:%d holds no {{fake:...}} value (wrong line number?)", where, path, line)
		}
		s.labels[k] = l
	}
}

// generated reports whether a positive line carries a generated secret:
// on the line itself, or on the next one for a PEM block's BEGIN line.
func generated(lines []string, line int) bool {
	has := func(l string) bool { return strings.Contains(l, "{{fake:") || strings.Contains(l, "{{bad:") }
	if has(lines[line-1]) {
		return true
	}
	return strings.Contains(lines[line-1], "-----BEGIN") && line < len(lines) && has(lines[line])
}

// familyOf maps a rule ID to its family, the unit the labels name.
var familyOf = map[string]string{
	"KV100": "generic-password", "KV101": "azure-entra", "KV102": "azure-storage", "KV103": "azure-storage",
	"KV104": "azure-sas", "KV105": "azure-servicebus", "KV106": "azure-cosmos", "KV107": "azure-devops",
	"KV108": "connection-string", "KV109": "connection-string", "KV126": "connection-string",
	"KV110": "aws", "KV111": "aws", "KV112": "github", "KV113": "gitlab", "KV114": "slack", "KV115": "slack",
	"KV554": "slack", "KV116": "stripe", "KV117": "stripe", "KV118": "sendgrid", "KV119": "twilio",
	"KV120": "google", "KV121": "npm", "KV520": "npm", "KV122": "pypi", "KV123": "datadog", "KV124": "jwt",
	"KV125": "private-key", "KV127": "basic-auth",
	"KV130": "azure-event-hubs", "KV131": "azure-relay", "KV132": "azure-redis", "KV133": "azure-functions",
	"KV134": "azure-search", "KV135": "azure-acr", "KV136": "azure-apim", "KV137": "azure-iot",
	"KV138": "azure-event-grid", "KV139": "azure-batch", "KV140": "azure-ml", "KV141": "azure-app-config",
	"KV142": "azure-fluid-relay", "KV143": "azure-mixed-reality", "KV144": "azure-maps",
	"KV145": "azure-communication", "KV146": "azure-ai-services", "KV147": "azure-openai",
	"KV148": "azure-sql-cask", "KV149": "azure-cask", "KV150": "teams-webhook", "KV151": "logic-app",
	"KV500": "openai", "KV501": "anthropic", "KV502": "huggingface", "KV503": "groq", "KV504": "replicate",
	"KV510": "docker-hub", "KV511": "vault", "KV512": "vault", "KV513": "terraform-cloud", "KV514": "atlassian",
	"KV515": "postman", "KV516": "linear", "KV517": "doppler", "KV518": "pulumi", "KV519": "1password",
	"KV521": "databricks", "KV525": "sentry", "KV526": "new-relic", "KV527": "grafana", "KV528": "grafana",
	"KV530": "digitalocean", "KV531": "heroku", "KV532": "cloudflare", "KV533": "cloudflare", "KV534": "okta",
	"KV535": "confluent", "KV536": "firebase", "KV537": "algolia", "KV538": "mapbox", "KV540": "shopify",
	"KV541": "square", "KV542": "braintree", "KV543": "mailgun", "KV544": "mailchimp", "KV550": "discord",
	"KV551": "discord", "KV552": "telegram", "KV553": "notion", "KV560": "age",
	"KV600": "generic-password", "KV607": "generic-password",
}

// family returns the family of a rule; a detection rule the map does not
// know is its own family (the map lags a new rule, the score does not).
func family(id string) string {
	if f, ok := familyOf[id]; ok {
		return f
	}
	return id
}

// detectionRules are the IDs of the rules that report a secret value: the
// detection engine's, and the two IaC rules that report a literal secret
// (a Key Vault secret's literal value, a secret input's literal default).
// The other IaC practices scan reports (KV2xx, KV6xx) are not values and
// not scored.
var detectionRules = func() map[string]bool {
	m := map[string]bool{"KV600": true, "KV607": true}
	for _, r := range detect.Builtin() {
		m[r.ID] = true
	}
	return m
}()

// counts are one family's figures.
type counts struct{ tp, fp, fn int }

// scoring is the outcome of a score.
type scoring struct {
	tp, fp, fn           int
	positives, negatives int
	byFamily             map[string]*counts
	byEco                map[string]*ecoCounts
	misses, falsePos     []string // "file:line family/class (rule): message"
}

// ecoCounts are one ecosystem's (archive's) figures.
type ecoCounts struct {
	positives, negatives int
	counts
}

func (sc *scoring) eco(e string) *ecoCounts { return entry(sc.byEco, e) }

func (sc *scoring) fam(f string) *counts { return entry(sc.byFamily, f) }

// entry returns m's value for k, adding a zero one first if there is none.
func entry[K comparable, V any](m map[K]*V, k K) *V {
	v := m[k]
	if v == nil {
		v = new(V)
		m[k] = v
	}
	return v
}

// score matches findings to labels by line: a finding of an accepted
// family on a positive line is a true positive (one per line), any other
// finding a false positive, an unmatched positive a miss.
func score(s *set, res *scan.Result, dir string) *scoring {
	sc := &scoring{byFamily: map[string]*counts{}, byEco: map[string]*ecoCounts{}}
	found := map[lineKey]bool{}
	for _, f := range res.Findings {
		if !detectionRules[f.RuleID] {
			continue
		}
		rel, _ := filepath.Rel(dir, f.Filename)
		k := lineKey{filepath.ToSlash(rel), f.Line}
		fam := family(f.RuleID)
		l, ok := s.labels[k]
		if ok && l.negative == "" && slices.Contains(l.families, fam) {
			if !found[k] {
				found[k] = true
				sc.tp++
				sc.fam(l.families[0]).tp++
				sc.eco(s.archives[k.file]).tp++
			}
			continue
		}
		// Not a match of the line's family: another finding on the line may
		// still match; this one is judged below.
		class := "unlabelled"
		if ok {
			class = l.negative
			if l.negative == "" {
				class = "wrong-family(want " + strings.Join(l.families, "|") + ")"
			}
		}
		sc.fp++
		sc.fam(fam).fp++
		sc.eco(s.archives[k.file]).fp++
		sc.falsePos = append(sc.falsePos, fmt.Sprintf("%s:%d %s (%s %s): %s", k.file, k.line, class, f.RuleID, fam, f.Message))
	}
	keys := make([]lineKey, 0, len(s.labels))
	for k := range s.labels {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b lineKey) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		return a.line - b.line
	})
	for _, k := range keys {
		l := s.labels[k]
		eco := sc.eco(s.archives[k.file])
		if l.negative != "" {
			sc.negatives++
			eco.negatives++
			continue
		}
		sc.positives++
		eco.positives++
		sc.fam(l.families[0])
		if !found[k] {
			sc.fn++
			sc.fam(l.families[0]).fn++
			eco.fn++
			sc.misses = append(sc.misses, fmt.Sprintf("%s:%d %s", k.file, k.line, strings.Join(l.families, "|")))
		}
	}
	return sc
}

// minProviders is how many provider families (KV5xx rules) the set covers
// at least.
const minProviders = 25

// checkCoverage fails unless every Azure family (KV101-KV107, KV130-KV151)
// and every core rule's family has a positive, and at least minProviders
// provider families do.
func checkCoverage(t *testing.T, sc *scoring) {
	t.Helper()
	providers := map[string]bool{}
	var missing []string
	for _, r := range detect.Builtin() {
		fam := family(r.ID)
		has := sc.byFamily[fam] != nil && sc.byFamily[fam].tp+sc.byFamily[fam].fn > 0
		switch n, _ := strconv.Atoi(strings.TrimPrefix(r.ID, "KV")); {
		case n >= 500 && n < 600:
			if has {
				providers[fam] = true
			}
		case !has && !slices.Contains(missing, fam):
			missing = append(missing, fam)
		}
	}
	if len(missing) > 0 {
		t.Errorf("no positive for the families %v", missing)
	}
	if len(providers) < minProviders {
		t.Errorf("%d provider families have a positive, want at least %d", len(providers), minProviders)
	}
	if len(missing) == 0 {
		t.Logf("coverage: every Azure and core family, %d provider families", len(providers))
	}
}

// total returns the overall precision and recall.
func (sc *scoring) total() (p, r float64) {
	return ratio(sc.tp, sc.tp+sc.fp), ratio(sc.tp, sc.tp+sc.fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// log writes the per-ecosystem counts, the per-family table, the misses
// and the false positives (rule messages carry redacted previews only).
func (sc *scoring) log(t *testing.T, s *set, title string) {
	t.Helper()
	var b strings.Builder
	ecos := make([]string, 0, len(sc.byEco))
	for e := range sc.byEco {
		ecos = append(ecos, e)
	}
	slices.Sort(ecos)
	fmt.Fprintf(&b, "%-12s %9s %9s %4s %4s %4s %9s %6s\n", "ecosystem", "positives", "negatives", "TP", "FP", "FN", "precision", "recall")
	for _, e := range ecos {
		c := sc.byEco[e]
		fmt.Fprintf(&b, "%-12s %9d %9d %4d %4d %4d %9.3f %6.3f\n", e, c.positives, c.negatives, c.tp, c.fp, c.fn,
			ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn))
	}
	fams := make([]string, 0, len(sc.byFamily))
	for f := range sc.byFamily {
		fams = append(fams, f)
	}
	slices.Sort(fams)
	fmt.Fprintf(&b, "\n%-22s %4s %4s %4s %9s %6s\n", "family", "TP", "FP", "FN", "precision", "recall")
	for _, f := range fams {
		c := sc.byFamily[f]
		fmt.Fprintf(&b, "%-22s %4d %4d %4d %9.3f %6.3f\n", f, c.tp, c.fp, c.fn, ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn))
	}
	out := []string{title + "\n" + b.String()}
	for _, m := range sc.misses {
		out = append(out, "miss: "+m)
	}
	for _, f := range sc.falsePos {
		out = append(out, "false positive: "+f)
	}
	for _, o := range out {
		for _, v := range s.secrets {
			if len(v) >= 6 && strings.Contains(o, v) {
				t.Fatalf("a log line holds a generated secret (%s): refusing to print it", detect.Redact(v))
			}
		}
		t.Log(o)
	}
}
