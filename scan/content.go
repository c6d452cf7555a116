package scan

import (
	"fmt"
	"path/filepath"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/report"
)

// ContentResult is what Content found in one file's content.
type ContentResult struct {
	Findings []report.Finding // what was found, redacted as Run's are
	Keys     []baseline.Key   // the findings' baseline keys, index by index
	// Skip says why nothing was scanned ("binary"), "" when it was.
	Skip string
	// Note is what Run would print about the file: why it was skipped, or
	// how it was read (a notebook that is not JSON, scanned as text).
	Note string
}

// Content scans data as if it were the content of the file at abs (an
// absolute path, which need not exist): the same engine, file-type rules,
// configuration (opts.Config, found for abs's directory), suppression
// directives written in data, and redaction as Run. opts.MaxSize and
// opts.Added do not apply; binary content is skipped (Skip says so) and
// paths the configuration allows yield nothing. Findings name abs, and
// their baseline keys name it relative to opts.Root. Content is safe for
// concurrent use when opts.Config is.
func Content(abs string, data []byte, opts *Options) (ContentResult, error) {
	if opts.Config == nil {
		opts = &Options{Root: opts.Root, Config: &config.Source{}, GoCache: opts.GoCache}
	}
	w := &worker{opts: opts, cfgs: map[string]cfgEntry{}}
	l, err := w.config(filepath.Dir(abs))
	if err != nil {
		return ContentResult{}, fmt.Errorf("scan %s: %w", abs, err)
	}
	if l.PathAllowed(abs) {
		return ContentResult{}, nil
	}
	eng, err := engineOf(l)
	if err != nil {
		return ContentResult{}, fmt.Errorf("scan %s: %w", abs, err)
	}
	r := w.content(abs, data, l, eng, nil)
	return ContentResult{Findings: r.findings, Keys: r.keys, Skip: r.skip, Note: r.note}, r.err
}
