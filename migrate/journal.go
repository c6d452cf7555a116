package migrate

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/kvlint/kvlint/internal/atomicfile"
)

// The journal makes the one step of a migration that changes the tree safe
// to interrupt at any moment (SIGKILL included). Before the first file is
// written, every file the step will change is copied into journalDir with a
// journal naming them; the step then writes the new contents, type-checks,
// tidies go.mod, and removes the journal as its very last act. A journal
// found at start-up means a run stopped in between: every file it names is
// put back as it was (files the step created are removed), so the tree is
// the one the interrupted run started from. The secrets that run stored stay
// in the vault, and the next run reuses them.
//
// The backups hold the original source, secrets included, exactly as the
// tree held it a moment before; the directory carries a .gitignore that
// ignores everything in it, and it is removed once the step completes or
// is rolled back.
const journalDir = ".kvlint-migrate"

const journalVersion = 1

// journal is the record of one in-progress tree change.
type journal struct {
	Version int            `json:"version"`
	Started time.Time      `json:"started"`
	Files   []journalEntry `json:"files"`

	root string
}

// journalEntry is one file the step changes.
type journalEntry struct {
	Path    string `json:"path"`             // relative to the module root, slash-separated
	Existed bool   `json:"existed"`          // false: the step creates it, roll back removes it
	Backup  string `json:"backup,omitempty"` // file in journalDir holding the original bytes
	Mode    uint32 `json:"mode,omitempty"`   // original permission bits
	SHA256  string `json:"sha256,omitempty"` // of the original bytes, checked before restoring
}

// change is one file write of the tree-changing step.
type change struct {
	path string // absolute
	data []byte // new contents
}

func journalPath(root string) string { return filepath.Join(root, journalDir, "journal.json") }

// beginJournal backs up every file changes will touch and writes the
// journal. Nothing in the tree itself is changed yet.
func beginJournal(root string, changes []change) (*journal, error) {
	dir := filepath.Join(root, journalDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("# written by kvlint migrate while it changes the tree; removed when done\n*\n"), 0o600); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	j := &journal{Version: journalVersion, Started: time.Now().UTC(), root: root}
	for i, c := range changes {
		rel, err := filepath.Rel(root, c.path)
		if err != nil {
			return nil, err
		}
		e := journalEntry{Path: filepath.ToSlash(rel)}
		data, err := os.ReadFile(c.path)
		switch {
		case err == nil:
			fi, serr := os.Stat(c.path)
			if serr != nil {
				return nil, serr
			}
			e.Existed, e.Mode, e.SHA256 = true, uint32(fi.Mode().Perm()), digestHex(data)
			e.Backup = fmt.Sprintf("backup-%03d", i)
			if err := atomicfile.WriteFile(filepath.Join(dir, e.Backup), data, 0o600); err != nil {
				return nil, fmt.Errorf("journal: back up %s: %w", e.Path, err)
			}
		case errors.Is(err, os.ErrNotExist):
		default:
			return nil, fmt.Errorf("journal: read %s: %w", e.Path, err)
		}
		j.Files = append(j.Files, e)
	}
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := atomicfile.WriteFile(journalPath(root), data, 0o600); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	return j, nil
}

// finish removes the journal: the step is complete (or rolled back).
func (j *journal) finish() error {
	if err := os.Remove(journalPath(j.root)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("journal: %w", err)
	}
	return os.RemoveAll(filepath.Join(j.root, journalDir))
}

// readJournal returns the journal an interrupted run left in root, or nil.
func readJournal(root string) (*journal, error) {
	data, err := os.ReadFile(journalPath(root))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	j := &journal{root: root}
	if err := json.Unmarshal(data, j); err != nil || j.Version != journalVersion {
		return nil, fmt.Errorf("%s is not a journal this kvlint can read (%v): restore the files it names from version control and remove %s",
			journalPath(root), err, filepath.Join(root, journalDir))
	}
	return j, nil
}

// rollback puts every file of the journal back as it was before the step,
// removes the files the step created and the journal itself. It returns the
// restored paths, sorted.
func (j *journal) rollback() ([]string, error) {
	dir := filepath.Join(j.root, journalDir)
	var done []string
	var errs []error
	for _, e := range j.Files {
		abs := filepath.Join(j.root, filepath.FromSlash(e.Path))
		if !e.Existed {
			if err := os.Remove(abs); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, fmt.Errorf("remove %s: %w", e.Path, err))
				continue
			}
			removeEmptyParents(j.root, filepath.Dir(abs))
			done = append(done, e.Path)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Backup))
		if err != nil {
			errs = append(errs, fmt.Errorf("read the backup of %s: %w", e.Path, err))
			continue
		}
		if digestHex(data) != e.SHA256 {
			errs = append(errs, fmt.Errorf("the backup of %s is damaged (checksum mismatch)", e.Path))
			continue
		}
		if err := atomicfile.WriteFile(abs, data, os.FileMode(e.Mode)); err != nil {
			errs = append(errs, fmt.Errorf("restore %s: %w", e.Path, err))
			continue
		}
		done = append(done, e.Path)
	}
	sort.Strings(done)
	if len(errs) > 0 {
		// Keep the journal and backups: nothing is lost, and the next run
		// tries again.
		return done, fmt.Errorf("rolling back the interrupted migration (journal %s): %w", journalPath(j.root), errors.Join(errs...))
	}
	return done, j.finish()
}

// removeEmptyParents removes dir and its parents up to root while they are empty.
func removeEmptyParents(root, dir string) {
	for dir != root && len(dir) > len(root) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

func digestHex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// repair runs at start-up, before the packages are loaded. A journal left by
// an interrupted run is rolled back, so the run starts from the tree the
// interrupted one started from (in -dry-run and -plan, which change nothing,
// the run stops and says so instead). A run-time package without the SDK in
// go.mod (what older kvlint versions could leave when killed during go get)
// gets the requirement added, through the journal like any tree change.
func (m *migration) repair() error {
	j, err := readJournal(m.root)
	if err != nil {
		return err
	}
	readOnly := m.opts.DryRun || m.opts.PlanOut != ""
	if j != nil {
		if readOnly {
			return fmt.Errorf("a kvlint migrate run started %s was interrupted while rewriting %d files (journal %s): run kvlint migrate without -dry-run or -plan to put them back first",
				j.Started.Format(time.RFC3339), len(j.Files), journalPath(m.root))
		}
		restored, err := j.rollback()
		if err != nil {
			return err
		}
		msg := fmt.Sprintf("a kvlint migrate run started %s was interrupted while rewriting; the %d files it had changed were put back first: %s",
			j.Started.Format(time.RFC3339), len(restored), strings.Join(restored, ", "))
		m.out.warnf("kvlint migrate: %s", msg)
		m.report.Warnings = append(m.report.Warnings, msg)
	}
	return m.repairRuntimeRequires(readOnly)
}

// repairRuntimeRequires adds the SDK requirements when the module has
// kvlint's run-time package but go.mod lacks them.
func (m *migration) repairRuntimeRequires(readOnly bool) error {
	if own, err := m.runtimeIsOurs(); err != nil || !own {
		return err
	}
	gomod, err := os.ReadFile(filepath.Join(m.root, "go.mod"))
	if err != nil {
		return err
	}
	missing, err := missingRequires(gomod)
	if err != nil || len(missing) == 0 {
		return err
	}
	msg := fmt.Sprintf("%s exists but go.mod does not require %s, so the module does not build (an earlier run was interrupted)", runtimeDir, strings.Join(missing, ", "))
	if readOnly {
		m.report.Warnings = append(m.report.Warnings, msg+"; a run without -dry-run or -plan adds the requirement")
		m.out.warnf("kvlint migrate: warning: %s; a run without -dry-run or -plan adds the requirement", msg)
		return nil
	}
	changes, err := m.sdkModFiles()
	if err != nil {
		return fmt.Errorf("%s; adding the requirement failed: %w", msg, err)
	}
	j, err := beginJournal(m.root, changes)
	if err != nil {
		return err
	}
	for _, c := range changes {
		if err := atomicfile.WriteFile(c.path, c.data, 0o644); err != nil {
			_, rerr := j.rollback()
			return errors.Join(err, rerr)
		}
	}
	if err := m.goCmd("mod", "tidy"); err != nil {
		_, rerr := j.rollback()
		return errors.Join(err, rerr)
	}
	m.out.warnf("kvlint migrate: %s: added the requirement", msg)
	m.report.Warnings = append(m.report.Warnings, msg+": added the requirement")
	return j.finish()
}

// runtimeMarker is a line of the package doc of the run-time package kvlint
// writes (runtime.go); a package at runtimeDir without it is the module's own.
const runtimeMarker = `It was written by "kvlint migrate"`

// runtimeIsOurs reports whether runtimeDir exists and was written by kvlint
// migrate. A directory there that kvlint did not write is an error: migrate
// would put its package there.
func (m *migration) runtimeIsOurs() (bool, error) {
	dir := filepath.Join(m.root, filepath.FromSlash(runtimeDir))
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return false, err
		}
		if strings.Contains(string(data), runtimeMarker) {
			return true, nil
		}
	}
	return false, &runtimeClashError{dir: runtimeDir}
}

// runtimeClashError says the module has its own package where migrate puts
// the run-time package.
type runtimeClashError struct{ dir string }

func (e *runtimeClashError) Error() string {
	return fmt.Sprintf("the module already has a package %s that kvlint migrate did not write; migrate puts its run-time package there: rename or move yours, then run again (nothing was stored or changed)", e.dir)
}
