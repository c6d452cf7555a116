package migrate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/internal/atomicfile"
	"github.com/kvlint/kvlint/migrate/vault"
)

// Azure SDK modules the run-time package needs, at the versions kvlint is tested with.
var runtimeRequires = []string{
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets@v1.5.1",
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity@v1.15.0",
}

// testStepHook, when set by a test, is called at every step boundary of a
// run (step names: "store", "prepare", "go-get", "journal", "apply",
// "apply-N", "settle", "tidy", "check", "finish") and inside each external
// go command once it has started ("in-go get", "in-go mod"). The
// interruption test kills the process there.
var testStepHook func(step string)

func (m *migration) stepHook(step string) {
	if testStepHook != nil {
		testStepHook(step)
	}
}

// migration is the state of one run.
type migration struct {
	opts     *Options
	ctx      context.Context
	out      *printer
	root     string
	modPath  string
	vaultURL string
	fset     *token.FileSet
	pkgs     []*packages.Package
	places   []*place
	secrets  []*secret
	skipped  []*place // found but not in the applied plan
	report   *Report
	baseline map[string]bool // type errors before migration
	history  *historyScan    // the git history, for the rotation list
}

// Run carries out a migration as o says, printing to stdout and stderr. The
// returned error has already been printed.
func Run(ctx context.Context, o *Options, stdout, stderr io.Writer) error {
	m := &migration{opts: o, ctx: ctx, out: &printer{stdout: stdout, stderr: stderr}}
	err := m.run()
	if err != nil {
		m.report.Error = m.out.scrub(err.Error())
		m.out.errorf("kvlint migrate: %v", err)
	}
	if o.ReportOut != "" && m.report != nil {
		if werr := writeReport(o.ReportOut, m.report); werr != nil {
			m.out.errorf("kvlint migrate: report: %v", werr)
			if err == nil {
				err = werr
			}
		}
	}
	return err
}

func (m *migration) run() error {
	o := m.opts
	m.report = &Report{Mode: mode(o), Secrets: []ReportSecret{}, Manual: []ReportPlace{}}
	if err := checkOptions(o); err != nil {
		return err
	}
	var plan *Plan
	if o.ApplyPlan != "" {
		var err error
		if plan, err = readPlan(o.ApplyPlan); err != nil {
			return err
		}
	}
	if err := m.resolveVault(plan); err != nil {
		return err
	}
	if err := m.load(); err != nil {
		return err
	}
	if err := m.find(); err != nil {
		return err
	}
	if err := m.pickSecrets(plan); err != nil {
		return err
	}
	m.history = m.scanHistory()

	switch {
	case o.DryRun:
		m.printPlan()
		m.fillReport()
		return nil
	case o.PlanOut != "":
		return m.writePlanOut()
	}
	return m.storeAndRewrite()
}

// checkOptions fills the defaults of o's name template and content type,
// and checks the template and the number of tags.
func checkOptions(o *Options) error {
	if o.NameTemplate == "" {
		o.NameTemplate = DefaultNameTemplate
	}
	if err := checkTemplate(o.NameTemplate); err != nil {
		return err
	}
	if o.ContentType == "" {
		o.ContentType = "text/plain"
	}
	if len(o.Tags)+4 > 15 {
		return fmt.Errorf("too many -tag flags: Key Vault allows 15 tags and migrate writes 4")
	}
	return nil
}

// pickSecrets decides the secrets to store from the places found: those
// plan names (nil: grouped by value, named by the template); every value
// is then masked in the output.
func (m *migration) pickSecrets(plan *Plan) error {
	o := m.opts
	if plan != nil {
		if plan.Module != "" && plan.Module != m.modPath {
			return fmt.Errorf("plan %s is for module %s, not %s", o.ApplyPlan, plan.Module, m.modPath)
		}
		secrets, skipped, err := applyPlan(plan, m.places)
		if err != nil {
			return fmt.Errorf("plan %s refused:\n%w", o.ApplyPlan, err)
		}
		m.secrets, m.skipped = secrets, skipped
	} else {
		m.secrets = groupSecrets(m.places, o.NameTemplate)
	}
	for _, s := range m.secrets {
		m.out.addSecret(s.value)
	}
	for _, p := range m.places {
		m.out.addSecret(p.value)
	}
	return nil
}

// writePlanOut writes the plan of the secrets to -plan-out, for review,
// and changes nothing else.
func (m *migration) writePlanOut() error {
	o := m.opts
	pl, err := buildPlan(m.vaultURL, m.modPath, m.secrets)
	if err != nil {
		return err
	}
	pl.Rotate = m.rotationList()
	if err := writePlan(o.PlanOut, pl); err != nil {
		return err
	}
	m.printPlan()
	m.out.printf("plan written to %s: review the names, then run: kvlint migrate -apply %s\n", o.PlanOut, o.PlanOut)
	m.fillReport()
	return nil
}

// storeAndRewrite stores the secrets in the vault and, unless interrupted,
// rewrites the code to read them, then reports what it did.
func (m *migration) storeAndRewrite() error {
	m.stepHook("store")
	storeErr := m.store()
	if err := m.ctx.Err(); err != nil {
		m.fillReport()
		m.printReport()
		return fmt.Errorf("interrupted while storing (%v): no file was changed; the secrets stored so far stay in the vault and the next run reuses them", err)
	}
	if err := m.rewrite(); err != nil {
		m.fillReport()
		m.printReport()
		return errors.Join(storeErr, err)
	}
	m.fillReport()
	m.printReport()
	return storeErr
}

func mode(o *Options) string {
	switch {
	case o.DryRun:
		return "dry-run"
	case o.PlanOut != "":
		return "plan"
	case o.ApplyPlan != "":
		return "apply"
	}
	return "migrate"
}

// resolveVault picks and checks the vault URL: the flag, else the plan's,
// else AZURE_KEYVAULT_URL.
func (m *migration) resolveVault(plan *Plan) error {
	u := m.opts.VaultURL
	if plan != nil {
		if u == "" {
			u = plan.VaultURL
		} else if plan.VaultURL != "" {
			a, _, _ := vault.ParseVaultURL(u, m.opts.allowLoopback)
			b, _, _ := vault.ParseVaultURL(plan.VaultURL, m.opts.allowLoopback)
			if a != b {
				return fmt.Errorf("-vault-url %s differs from the plan's vault %s", u, plan.VaultURL)
			}
		}
	}
	if u == "" {
		u = os.Getenv("AZURE_KEYVAULT_URL")
	}
	if u == "" {
		return errors.New("no vault: pass -vault-url https://NAME.vault.azure.net/ or set AZURE_KEYVAULT_URL")
	}
	norm, _, err := vault.ParseVaultURL(u, m.opts.allowLoopback)
	if err != nil {
		return err
	}
	m.vaultURL = norm
	m.report.VaultURL = norm
	return nil
}

// load finds the module root and loads its packages with syntax and types.
func (m *migration) load() error {
	dir := m.opts.Dir
	if dir == "" {
		dir = "."
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return fmt.Errorf("%s is not a module root (no go.mod): run kvlint migrate from the directory holding go.mod, or pass -C", root)
	}
	m.modPath = modfile.ModulePath(gomod)
	if m.modPath == "" {
		return fmt.Errorf("%s: no module path in go.mod", filepath.Join(root, "go.mod"))
	}
	m.root = root
	m.report.Module = m.modPath
	if err := m.repair(); err != nil {
		return err
	}
	patterns := m.opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	m.fset = token.NewFileSet()
	cfg := &packages.Config{
		Mode:  packages.LoadSyntax,
		Dir:   root,
		Fset:  m.fset,
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return fmt.Errorf("load packages: %w", err)
	}
	if len(pkgs) == 0 {
		return fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	m.pkgs = pkgs
	m.baseline = typeErrors(pkgs)
	if n := len(m.baseline); n > 0 {
		m.report.Warnings = append(m.report.Warnings, fmt.Sprintf("the module had %d build errors before migration; places in files that do not build are left alone", n))
	}
	return nil
}

// typeErrors returns the errors of the loaded root packages as "file:line:col"
// keys with a message digest (never the message: it may quote a value).
func typeErrors(pkgs []*packages.Package) map[string]bool {
	errs := map[string]bool{}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			errs[e.Pos+"\x00"+e.Msg] = true
		}
	}
	return errs
}

// find runs the analyzer and turns its findings into places.
func (m *migration) find() error {
	src := &config.Source{Path: m.opts.Config}
	if m.opts.IncludeGenerated {
		// The analyzer skips generated files unless its configuration
		// includes them: use the module's configuration with them included.
		loaded, err := src.ForDir(m.root)
		if err != nil {
			return fmt.Errorf("configuration: %w", err)
		}
		cp := *loaded
		cp.File.Generated = true
		src = &config.Source{Fixed: &cp}
	}
	findings, err := findCredentials(m.pkgs, src)
	if err != nil {
		return err
	}
	pl := &planner{
		opts: m.opts, root: m.root, modPath: m.modPath,
		runtimePkg: m.modPath + "/" + runtimeDir,
		fset:       m.fset, pkgs: m.pkgs, srcCache: map[string][]byte{},
	}
	places, notes := pl.places(findings)
	m.report.Warnings = append(m.report.Warnings, notes...)
	// Files with build errors are not touched.
	broken := map[string]bool{}
	for k := range m.baseline {
		pos, _, _ := strings.Cut(k, "\x00")
		broken[errFile(pos)] = true
	}
	imp := map[string]string{}
	for _, p := range places {
		if broken[p.filename] && p.manual == "" {
			p.manual = "the file does not build"
		}
		name, ok := imp[p.filename]
		if !ok {
			scope := p.pkg.Types.Scope()
			name, _ = importName(p.file, func(n string) bool { return scope.Lookup(n) != nil }, pl.runtimePkg)
			imp[p.filename] = name
		}
		p.impName = name
		p.status = "planned"
		if p.manual != "" {
			p.status = "manual"
		}
	}
	m.places = places
	return nil
}

// errFile returns the file name of a "file:line:col" error position.
func errFile(pos string) string {
	for i := 0; i < 2; i++ {
		j := strings.LastIndexByte(pos, ':')
		if j < 0 {
			break
		}
		if _, err := fmt.Sscanf(pos[j+1:], "%d", new(int)); err != nil {
			break
		}
		pos = pos[:j]
	}
	return pos
}

// store puts each secret that has a migratable place into the vault. It
// stops at the first vault error and returns it; secrets stored before it
// keep their status.
func (m *migration) store() error {
	var todo []*secret
	for _, s := range m.secrets {
		if len(s.migratable()) > 0 {
			todo = append(todo, s)
		} else {
			s.status = "skipped"
		}
	}
	if len(todo) == 0 {
		return nil
	}
	st, err := openStore(m.vaultURL)
	if err != nil {
		for _, s := range todo {
			s.status = "failed"
		}
		return fmt.Errorf("vault %s: %w", m.vaultURL, err)
	}
	if m.opts.Expires > 0 {
		m.out.warnf("warning: the secrets expire in %s (on %s): Key Vault stops serving an expired secret and the migrated program then fails; rotate them before that",
			m.opts.Expires, time.Now().Add(m.opts.Expires).UTC().Format(time.RFC3339))
	}
	taken := map[string]bool{}
	for _, s := range m.secrets {
		taken[strings.ToLower(s.name)] = true
	}
	now := time.Now().UTC()
	for i, s := range todo {
		if len(todo) > 5 {
			m.out.warnf("kvlint migrate: storing secret %d/%d: %s", i+1, len(todo), s.name)
		}
		if err := m.storeOne(st, s, m.setParams(s, now), taken); err != nil {
			s.status = "failed"
			for _, r := range todo[i+1:] {
				r.status = "not attempted"
			}
			return fmt.Errorf("vault %s: %w\nstopped after %d of %d secrets; only the places of secrets stored and verified were rewritten; fix the cause and run kvlint migrate again to finish",
				m.vaultURL, err, i, len(todo))
		}
	}
	return nil
}

// setParams is how s is stored: the content type, kvlint's tags (where
// the first place is, the rule, when, by what) and -tag's, and the expiry.
func (m *migration) setParams(s *secret, now time.Time) vault.SetParams {
	first := s.migratable()[0]
	params := vault.SetParams{
		ContentType: m.opts.ContentType,
		Tags: map[string]string{
			"source":      truncate(fmt.Sprintf("%s:%d", first.rel, first.line), 256),
			"rule":        s.ruleID,
			"migrated-at": now.Format(time.RFC3339),
			"tool":        "kvlint",
		},
	}
	for k, v := range m.opts.Tags {
		params.Tags[k] = v
	}
	if m.opts.Expires > 0 {
		exp := now.Add(m.opts.Expires)
		params.Expires = &exp
	}
	return params
}

// storeOne stores and verifies s under its name or, when the vault holds
// that name for another value or for a deleted or disabled secret, under
// the next free one (taken lists the names in use, lower-cased), with a
// warning; it records the name, version and status in s.
func (m *migration) storeOne(st vault.Store, s *secret, params vault.SetParams, taken map[string]bool) error {
	base, name := s.name, s.name
	for attempt := 0; ; attempt++ {
		out, err := vault.StoreVerified(m.ctx, st, name, s.value, params)
		if err != nil && (errors.Is(err, vault.ErrNameTaken) || errors.Is(err, vault.ErrDeleted) || errors.Is(err, vault.ErrDisabled)) && attempt < 20 {
			why := "holds a different value"
			switch {
			case errors.Is(err, vault.ErrDeleted):
				why = "belongs to a deleted (recoverable) secret"
			case errors.Is(err, vault.ErrDisabled):
				why = "belongs to a disabled secret (never reused or overwritten)"
			}
			next := uniqueName(base, taken)
			taken[strings.ToLower(next)] = true
			m.report.Warnings = append(m.report.Warnings, fmt.Sprintf("secret name %s %s in the vault: using %s", name, why, next))
			name = next
			continue
		}
		if err != nil {
			return err
		}
		s.name = name
		s.version = out.Version
		s.status = "stored"
		if out.Reused {
			s.status = "reused"
		}
		return nil
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// rewrite changes the places of stored and reused secrets, adds the
// run-time package and the SDK requirements, then type-checks the module
// and restores any file that no longer builds.
//
// It is the one step that changes the tree, and it is safe to interrupt at
// any moment: every new file content, go.mod and go.sum included (computed
// by go get on a scratch copy of go.mod), is prepared in memory first; a
// journal backs up what will change (journal.go); the files are written;
// go mod tidy and the type check run; the journal goes last. An error, a
// signal (m.ctx cancelled) or a kill anywhere in between puts the tree back
// as it was, now or at the next start.
func (m *migration) rewrite() error {
	byFile, files, code := m.rewriteTargets()
	if len(files) == 0 {
		return nil
	}
	m.stepHook("prepare")
	changes, originals, err := m.prepareChanges(byFile, files, code)
	if cerr := m.ctx.Err(); cerr != nil {
		return m.interrupted(cerr)
	}
	if err != nil || len(originals) == 0 {
		return err
	}
	m.stepHook("journal")
	j, err := beginJournal(m.root, changes)
	if err != nil {
		return err
	}
	m.stepHook("apply")
	for i, c := range changes {
		if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
			return m.rollBack(j, byFile, err)
		}
		if err := atomicfile.WriteFile(c.path, c.data, 0o644); err != nil {
			return m.rollBack(j, byFile, fmt.Errorf("write %s: %w", m.rel(c.path), err))
		}
		m.stepHook(fmt.Sprintf("apply-%d", i))
	}
	for f := range originals {
		for _, p := range byFile[f] {
			p.status = "rewritten"
		}
	}
	m.stepHook("settle")
	if err := m.settle(originals, byFile, code); err != nil {
		return m.rollBack(j, byFile, err)
	}
	if err := m.ctx.Err(); err != nil {
		return m.rollBack(j, byFile, err)
	}
	if len(originals) == 0 {
		// The check restored every file: go.mod, go.sum and the run-time
		// package go back too.
		_, err := j.rollback()
		m.report.Created = slices.DeleteFunc(m.report.Created, func(f string) bool { return f == runtimeDir+"/vaultsecrets.go" })
		return err
	}
	m.stepHook("finish")
	return j.finish()
}

// rewriteTargets groups the migratable places of stored and reused secrets
// by file, and reports whether any of them is code (not a comment).
func (m *migration) rewriteTargets() (byFile map[string][]*place, files []string, code bool) {
	byFile = map[string][]*place{}
	for _, s := range m.secrets {
		if s.status != "stored" && s.status != "reused" {
			continue
		}
		for _, p := range s.migratable() {
			if byFile[p.filename] == nil {
				files = append(files, p.filename)
			}
			byFile[p.filename] = append(byFile[p.filename], p)
			if p.kind != "comment" {
				code = true
			}
		}
	}
	sort.Strings(files)
	return byFile, files, code
}

// prepareChanges computes, without writing to the tree, every file the
// rewrite will write: the rewritten sources (originals keeps their old
// bytes), the run-time package when code reads secrets and the module lacks
// it, and go.mod and go.sum with the SDK required.
func (m *migration) prepareChanges(byFile map[string][]*place, files []string, code bool) ([]change, map[string][]byte, error) {
	runtimePkg := m.modPath + "/" + runtimeDir
	originals := map[string][]byte{}
	var sources []change
	for _, f := range files {
		ps := byFile[f]
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		out, err := rewriteFile(m.fset, src, ps[0].file, ps, runtimePkg)
		if err != nil {
			markManual(ps, err.Error())
			continue
		}
		if bytes.Equal(out, src) {
			continue
		}
		originals[f] = src
		sources = append(sources, change{path: f, data: out})
	}
	if len(originals) == 0 || !code {
		return sources, originals, nil
	}
	var changes []change
	mod, err := m.sdkModFiles()
	if err != nil {
		return nil, nil, err
	}
	changes = append(changes, mod...)
	dir := filepath.Join(m.root, filepath.FromSlash(runtimeDir))
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		src, err := runtimeSource(m.vaultURL)
		if err != nil {
			return nil, nil, err
		}
		changes = append(changes, change{path: filepath.Join(dir, "vaultsecrets.go"), data: src})
		m.report.Created = append(m.report.Created, runtimeDir+"/vaultsecrets.go")
	}
	return append(changes, sources...), originals, nil
}

// settle makes the rewritten tree whole: go mod tidy (the run-time package
// now imports the SDK), then the type check, which restores files that no
// longer build.
func (m *migration) settle(originals map[string][]byte, byFile map[string][]*place, code bool) error {
	if code {
		m.stepHook("tidy")
		if err := m.goCmd("mod", "tidy"); err != nil {
			return err
		}
	}
	m.stepHook("check")
	return m.check(originals, byFile)
}

// rollBack undoes the rewrite through its journal after cause stopped it.
func (m *migration) rollBack(j *journal, byFile map[string][]*place, cause error) error {
	restored, err := j.rollback()
	for _, ps := range byFile {
		for _, p := range ps {
			if p.status == "rewritten" || p.status == "planned" {
				p.status = "manual"
				p.manual = "the migration stopped before the tree was complete; the file was restored"
			}
		}
	}
	m.report.Created = slices.DeleteFunc(m.report.Created, func(f string) bool { return f == runtimeDir+"/vaultsecrets.go" })
	what := fmt.Sprintf("the tree was put back as it was (%d files restored); the stored secrets stay in the vault and the next run reuses them", len(restored))
	if err != nil {
		what = err.Error()
	}
	if m.ctx.Err() != nil {
		return fmt.Errorf("interrupted while rewriting: %s", what)
	}
	return fmt.Errorf("%w\n%s", cause, what)
}

// interrupted is the error of a run stopped by a signal before the tree changed.
func (m *migration) interrupted(cause error) error {
	return fmt.Errorf("interrupted (%v) before any file was changed; the stored secrets stay in the vault and the next run reuses them", cause)
}

func (m *migration) rel(abs string) string {
	if r, err := filepath.Rel(m.root, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return abs
}

func markManual(ps []*place, why string) {
	for _, p := range ps {
		p.manual = why
		p.status = "manual"
	}
}

// sdkModFiles returns go.mod and go.sum as they must be for the run-time
// package to build: when the SDK modules are missing, go get adds them to a
// scratch copy (-modfile), so that the module's own files are untouched
// until the journaled write. Nothing is returned when go.mod has them.
func (m *migration) sdkModFiles() ([]change, error) {
	gomodPath := filepath.Join(m.root, "go.mod")
	gomod, err := os.ReadFile(gomodPath)
	if err != nil {
		return nil, err
	}
	get, err := missingRequires(gomod)
	if err != nil || len(get) == 0 {
		return nil, err
	}
	scratch, err := os.MkdirTemp("", "kvlint-migrate-mod-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(scratch)
	modfilePath := filepath.Join(scratch, "go.mod.kvlint.mod")
	sumPath := strings.TrimSuffix(modfilePath, ".mod") + ".sum"
	gosumPath := filepath.Join(m.root, "go.sum")
	gosum, err := os.ReadFile(gosumPath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err := os.WriteFile(modfilePath, gomod, 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(sumPath, gosum, 0o600); err != nil {
		return nil, err
	}
	m.stepHook("go-get")
	if err := m.goCmd(append([]string{"get", "-modfile=" + modfilePath}, get...)...); err != nil {
		return nil, err
	}
	newMod, err := os.ReadFile(modfilePath)
	if err != nil {
		return nil, err
	}
	newSum, err := os.ReadFile(sumPath)
	if err != nil {
		return nil, err
	}
	return []change{{path: gomodPath, data: newMod}, {path: gosumPath, data: newSum}}, nil
}

// missingRequires returns the runtimeRequires that go.mod lacks.
func missingRequires(gomod []byte) ([]string, error) {
	f, err := modfile.ParseLax("go.mod", gomod, nil)
	if err != nil {
		return nil, fmt.Errorf("go.mod: %w", err)
	}
	have := map[string]bool{}
	for _, r := range f.Require {
		have[r.Mod.Path] = true
	}
	var get []string
	for _, r := range runtimeRequires {
		path, _, _ := strings.Cut(r, "@")
		if !have[path] {
			get = append(get, r)
		}
	}
	return get, nil
}

func (m *migration) goCmd(args ...string) error {
	cmd := exec.CommandContext(m.ctx, "go", args...)
	cmd.Dir = m.root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Start()
	if err == nil {
		m.stepHook("in-go " + args[0])
		err = cmd.Wait()
	}
	if err != nil {
		tail := strings.TrimSpace(out.String())
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, tail)
	}
	return nil
}

// compilerPosRE finds "path/file.go:LINE:COL:" at the start of a line of a
// go build error message; the path is relative to the module root.
var compilerPosRE = regexp.MustCompile(`(?m)^(?:\./)?([^\s:]+\.go):\d+(?::\d+)?: `)

// check type-checks the module after rewriting. The usual culprit of a new
// error is a constant turned into a variable (its untyped uses change
// meaning): first the failing files are rewritten again without their
// constants; a file that still fails is restored, and an error that cannot
// be tied to a rewritten file restores every file.
func (m *migration) check(originals map[string][]byte, byFile map[string][]*place) error {
	for round := 0; round < 3 && len(originals) > 0; round++ {
		bad, foreign, err := m.typeCheck(originals)
		if err != nil {
			m.restore(originals, byFile, "the module could not be type-checked after rewriting; restored")
			return fmt.Errorf("type-check after rewriting: %w", err)
		}
		if len(bad) == 0 && !foreign {
			return nil
		}
		switch {
		case round == 0:
			targets := bad
			if foreign {
				targets = map[string]bool{}
				for f := range originals {
					targets[f] = true
				}
			}
			for f := range targets {
				m.rewriteWithoutConsts(f, originals, byFile)
			}
		case round == 1 && !foreign:
			sub := map[string][]byte{}
			for f := range bad {
				sub[f] = originals[f]
				delete(originals, f)
			}
			m.restore(sub, byFile, "the rewritten file did not type-check; it was restored")
		default:
			m.restore(originals, byFile, "the migration broke the build; all rewritten files were restored")
			clear(originals)
			return nil
		}
	}
	return nil
}

// rewriteWithoutConsts rewrites file f again from its original bytes,
// leaving its constants alone (reported as manual); without other places
// the file is restored.
func (m *migration) rewriteWithoutConsts(f string, originals map[string][]byte, byFile map[string][]*place) {
	var keep, consts []*place
	for _, p := range byFile[f] {
		if p.kind == "const" {
			consts = append(consts, p)
		} else {
			keep = append(keep, p)
		}
	}
	if len(consts) == 0 {
		return // nothing to try: round 1 restores the file if it still fails
	}
	markManual(consts, "turning the constant into a variable broke the build; the constant was left as it is")
	byFile[f] = keep
	orig := originals[f]
	if len(keep) > 0 {
		out, err := rewriteFile(m.fset, orig, keep[0].file, keep, m.modPath+"/"+runtimeDir)
		if err == nil && atomicfile.WriteFile(f, out, 0o644) == nil {
			return
		}
	}
	m.restore(map[string][]byte{f: orig}, byFile, "the rewritten file did not type-check; it was restored")
	delete(originals, f)
}

// typeCheck loads the module and returns the rewritten files with new
// errors, and whether a new error lies elsewhere.
func (m *migration) typeCheck(originals map[string][]byte) (bad map[string]bool, foreign bool, err error) {
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedImports,
		Context: m.ctx,
		Dir:     m.root,
		Tests:   true,
	}
	patterns := m.opts.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, false, err
	}
	bad = map[string]bool{}
	for k := range typeErrors(pkgs) {
		if m.baseline[k] {
			continue
		}
		pos, msg, _ := strings.Cut(k, "\x00")
		files := []string{errFile(pos)}
		if pos == "" {
			// A compiler error of a dependency, "./a.go:11:22: ..." in the message.
			files = files[:0]
			for _, mm := range compilerPosRE.FindAllStringSubmatch(msg, -1) {
				files = append(files, filepath.Join(m.root, filepath.FromSlash(mm[1])))
			}
			if len(files) == 0 {
				foreign = true
			}
		}
		for _, f := range files {
			if _, ok := originals[f]; ok {
				if !m.baselineHas(f, msg) {
					bad[f] = true
				}
				continue
			}
			foreign = true
		}
	}
	return bad, foreign, nil
}

func (m *migration) baselineHas(file, msg string) bool {
	for k := range m.baseline {
		pos, bm, _ := strings.Cut(k, "\x00")
		if bm == msg && errFile(pos) == file {
			return true
		}
	}
	return false
}

// restore writes back the original bytes of files and marks their places manual.
func (m *migration) restore(originals map[string][]byte, byFile map[string][]*place, why string) {
	for f, src := range originals {
		if err := atomicfile.WriteFile(f, src, 0o644); err != nil {
			m.report.Warnings = append(m.report.Warnings, fmt.Sprintf("could not restore %s: %v", f, err))
		}
		markManual(byFile[f], why)
	}
}

// printer prints, removing any known secret value from what it prints.
type printer struct {
	stdout, stderr io.Writer
	values         []string
}

func (p *printer) addSecret(v string) {
	if len(v) >= 6 {
		p.values = append(p.values, v)
	}
}

// scrub replaces every known secret value in s by its redacted form: a last
// line of defence; messages are built without values in the first place.
func (p *printer) scrub(s string) string {
	for _, v := range p.values {
		if strings.Contains(s, v) {
			s = strings.ReplaceAll(s, v, "[redacted]")
		}
	}
	return s
}

func (p *printer) printf(format string, args ...any) {
	fmt.Fprint(p.stdout, p.scrub(fmt.Sprintf(format, args...)))
}

func (p *printer) warnf(format string, args ...any) {
	fmt.Fprintln(p.stderr, p.scrub(fmt.Sprintf(format, args...)))
}

func (p *printer) errorf(format string, args ...any) {
	fmt.Fprintln(p.stderr, p.scrub(fmt.Sprintf(format, args...)))
}
