package scan

import (
	"fmt"
	"path/filepath"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/report"
)

// Content scans data as if it were the content of the file at abs (an
// absolute path, which need not exist): the same engine, file-type rules,
// configuration (opts.Config, found for abs's directory), suppression
// directives written in data, and redaction as Run. opts.MaxSize and
// opts.Added do not apply; binary content and paths the configuration
// allows yield nothing. Findings name abs, and their baseline keys (index
// by index) name it relative to opts.Root. Content is safe for concurrent
// use when opts.Config is.
func Content(abs string, data []byte, opts *Options) ([]report.Finding, []baseline.Key, error) {
	if opts.Config == nil {
		opts = &Options{Root: opts.Root, Config: &config.Source{}, GoCache: opts.GoCache}
	}
	w := &worker{opts: opts, cfgs: map[string]cfgEntry{}}
	l, err := w.config(filepath.Dir(abs))
	if err != nil {
		return nil, nil, fmt.Errorf("scan %s: %w", abs, err)
	}
	if l.PathAllowed(abs) {
		return nil, nil, nil
	}
	eng, err := engineOf(l)
	if err != nil {
		return nil, nil, fmt.Errorf("scan %s: %w", abs, err)
	}
	r := w.content(abs, data, l, eng, nil)
	return r.findings, r.keys, r.err
}
