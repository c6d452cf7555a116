package gosite

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/kvlint/kvlint/detect"
)

// Engine is what a Judge needs of detect.Engine.
type Engine interface {
	Scan(value string, ctx detect.Context, dst []detect.Finding) []detect.Finding // appends to dst the credentials found in value
}

// Judge runs a detection engine over sites. Its buffers are reused from
// site to site: use one per goroutine.
type Judge struct {
	buf  []detect.Finding
	out  []detect.Finding
	kept []span
}

// span is a secret already kept for the current site.
type span struct {
	id         string
	start, end int
}

// Site returns the secrets eng finds in s, with Start and End as byte
// offsets in s.Text: the whole value with the site's context, then, for a
// value that looks like JSON, YAML or .env text, each key/value pair in it
// with its key as the name (unless the whole value already gave a secret
// there). A rule reports a span once; a secret that lies wholly in a named
// constant the expression refers to (X + "suffix") is left to the
// constant's declaration. The slice is reused by the next call.
func (j *Judge) Site(eng Engine, s *Site) []detect.Finding {
	j.buf = eng.Scan(s.Value, s.Ctx, j.buf[:0])
	whole := len(j.buf)
	if s.Expr != nil && !s.Tag && looksStructured(s.Value) {
		ctx := detect.Context{Kind: detect.KindMapKey, Test: s.Ctx.Test}
		val := s.Value
		pairs(val, func(key string, start, end int) {
			ctx.Name = key
			n := len(j.buf)
			j.buf = eng.Scan(val[start:end], ctx, j.buf)
			for i := n; i < len(j.buf); i++ {
				j.buf[i].Start += start
				j.buf[i].End += start
			}
		})
	}
	j.out, j.kept = j.out[:0], j.kept[:0]
	for i, f := range j.buf {
		if f.Rule == nil {
			continue
		}
		if i >= whole && j.overlapsKept(f) {
			continue // a pair inside a JSON/YAML value, already found in the whole value
		}
		if s.Expr != nil && !s.Tag && s.w != nil {
			if _, lit := s.Expr.(*ast.BasicLit); !lit && inNamedConst(s.w.info, s.Expr, s.Value[f.Start:f.End]) {
				continue // the secret is a named constant's value, reported at its declaration
			}
		}
		if !j.keep(f) {
			continue
		}
		f.Start += s.Offset
		f.End += s.Offset
		j.out = append(j.out, f)
	}
	return j.out
}

// keep reports whether f is new for the current site and records it.
func (j *Judge) keep(f detect.Finding) bool {
	for _, k := range j.kept {
		if k.id == f.Rule.ID && k.start == f.Start && k.end == f.End {
			return false
		}
	}
	j.kept = append(j.kept, span{f.Rule.ID, f.Start, f.End})
	return true
}

// overlapsKept reports whether f overlaps a finding already kept.
func (j *Judge) overlapsKept(f detect.Finding) bool {
	for _, k := range j.kept {
		if f.Start < k.end && k.start < f.End {
			return true
		}
	}
	return false
}

// inNamedConst reports whether secret lies wholly in the value of a named
// constant that expr refers to (X + "suffix").
func inNamedConst(info *types.Info, expr ast.Expr, secret string) bool {
	if len(info.Uses) == 0 {
		return false
	}
	found := false
	ast.Inspect(expr, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if c, ok := info.Uses[id].(*types.Const); ok && c.Val().Kind() == constant.String &&
				strings.Contains(constant.StringVal(c.Val()), secret) {
				found = true
			}
		}
		return true
	})
	return found
}
