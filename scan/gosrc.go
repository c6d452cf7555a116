package scan

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/config"
	"github.com/kvlint/kvlint/internal/gosite"
)

// goFile scans a Go file in syntax-only mode through gosite, the walker
// lint uses: every string site with the context its place in the syntax
// gives, literal concatenations folded, struct tag defaults and comments.
// No type information is used. A finding spans what lint reports (the
// site's expression, or the secret in a comment) and carries lint's
// message, so one secret reads the same from kvlint scan and kvlint lint.
// handled is false when the file does not parse: the caller then scans it
// line by line. skip is true for generated files that the configuration
// excludes.
func (w *worker) goFile(abs string, data []byte, eng engine, test bool, l *config.Loaded) (handled, skip bool) {
	if w.opts.GoCache != nil && cacheable(eng) {
		if handled, skip, ok := w.goFileCached(abs, data, eng, test, l); ok {
			return handled, skip
		}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, abs, data, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return false, false
	}
	if !l.File.Generated && ast.IsGenerated(f) {
		w.ex.skip("generated file (\"Code generated ... DO NOT EDIT.\"): set generated: true in .kvlint.yaml to scan it")
		return true, true
	}
	tf := fset.File(f.Pos())
	if tf == nil {
		return false, false
	}
	w.goHits(f, tf.Base(), data, eng, test)
	return true, false
}

// goHits records the hits of f, whose source is src at position base: its
// string sites, then its comments (from index comments of w.hits), then
// the private keys commented out in it (from index pems), with the
// declaration each is in.
func (w *worker) goHits(f *ast.File, base int, src []byte, eng engine, test bool) (comments, pems int) {
	if w.walk == nil {
		w.walk = gosite.New(nil)
	}
	comments = -1
	w.walk.Walk(f, test, func(s *gosite.Site) {
		w.ex.at(int(s.Pos)-base, int(s.End)-base, "Go string site", s)
		if s.Comment != nil && comments < 0 {
			comments = len(w.hits)
		}
		for _, d := range w.judge.Site(eng, s) {
			pos, end := s.Span(d.Start, d.End)
			w.addSite(hit{
				start: int(pos) - base, end: int(end) - base,
				rule: d.Rule, conf: d.Confidence,
				secret: s.Text[d.Start:d.End], kind: s.Ctx.Kind,
			})
		}
	})
	if comments < 0 {
		comments = len(w.hits)
	}
	pems = len(w.hits)
	for _, cg := range f.Comments {
		// A private key commented out line by line spans the group: read
		// the group's text whole (pemAt strips the comment markers).
		from, to := int(cg.Pos())-base, int(cg.End())-base
		if bytes.Contains(src[from:to], []byte("PRIVATE KEY")) {
			w.pemAt(string(src[from:to]), from, eng, test)
		}
	}
	for i := range w.hits {
		w.hits[i].decl = baseline.DeclName(f, token.Pos(base+w.hits[i].start))
	}
	return comments, pems
}

// addSite records a hit of a Go string site. Several secrets of one site
// share its span, as in lint: only a repeat of the same rule and secret at
// the same span is dropped.
func (w *worker) addSite(h hit) {
	if h.rule == nil || h.end <= h.start {
		return
	}
	for _, o := range w.hits {
		if o.start == h.start && o.end == h.end && o.rule.ID == h.rule.ID && o.secret == h.secret {
			return
		}
	}
	w.hits = append(w.hits, h)
}
