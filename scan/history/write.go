package history

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/kvlint/kvlint/baseline"
	"github.com/kvlint/kvlint/report"
	"github.com/kvlint/kvlint/rules"
)

// date formats a commit's author time as a UTC date.
// fingerprintSalt salts the per-place fingerprints written in reports, as
// scan does (SARIF partialFingerprints).
const fingerprintSalt = baseline.PublicSalt

func date(c Commit) string {
	if c.Hash == "" {
		return ""
	}
	return time.Unix(c.AuthorTime, 0).UTC().Format("2006-01-02")
}

func abbrev(h string) string { return h[:min(len(h), 12)] }

// WriteText writes one block per secret: the rule and redacted message,
// then each place with its first and last commits.
//
//	KV101 azure-entra-client-secret: ... (abc…[h:1a2b]) [secret 1a2b3c4d]
//	  config/app.yaml:12:8  first 1a2b3c4d5e6f 2024-05-01  last 9f8e7d6c5b4a 2024-06-02  removed
func WriteText(w io.Writer, secrets []Secret) error {
	var b strings.Builder
	for _, s := range secrets {
		fmt.Fprintf(&b, "%s %s [secret %s]\n", s.RuleID, s.Message, s.Fingerprint[:16])
		for _, p := range s.Places {
			state := "removed: in history only"
			if p.AtHEAD {
				state = "still at HEAD"
			}
			fmt.Fprintf(&b, "  %s:%d:%d  first %s %s  last %s %s  %s\n", p.Path, p.Line, p.Col,
				abbrev(p.First.Hash), date(p.First), abbrev(p.Last.Hash), date(p.Last), state)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonPlace struct {
	Category    string `json:"category"`
	Posn        string `json:"posn"`
	End         string `json:"end"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
	Secret      string `json:"secret"`
	FirstCommit string `json:"first_commit"`
	FirstDate   string `json:"first_date"`
	LastCommit  string `json:"last_commit"`
	LastDate    string `json:"last_date"`
	AtHEAD      bool   `json:"at_head"`
	Blob        string `json:"blob"`
}

// WriteJSON writes scan's JSON shape, {"<path>": {"scan": [diagnostic...]}},
// with posn "path:line:col" relative to the repository root, one diagnostic
// per place, and the commit fields: first_commit and first_date (author
// date, RFC 3339) of the commit that introduced the value there,
// last_commit and last_date of the newest commit known to hold it, at_head,
// the blob, and secret (the value's fingerprint, the same for every place
// of one secret).
func WriteJSON(w io.Writer, secrets []Secret) error {
	tree := map[string]map[string][]jsonPlace{}
	for _, s := range secrets {
		for _, p := range s.Places {
			m := tree[p.Path]
			if m == nil {
				m = map[string][]jsonPlace{}
				tree[p.Path] = m
			}
			fp := ""
			if len(p.Keys) > 0 {
				fp = p.Keys[0].Fingerprint(fingerprintSalt)
			}
			m["scan"] = append(m["scan"], jsonPlace{
				Category:    s.RuleID,
				Posn:        fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col),
				End:         fmt.Sprintf("%s:%d:%d", p.Path, max(p.EndLine, p.Line), max(p.EndCol, p.Col)),
				Message:     s.Message,
				Fingerprint: fp,
				Secret:      s.Fingerprint,
				FirstCommit: p.First.Hash,
				FirstDate:   rfc3339(p.First),
				LastCommit:  p.Last.Hash,
				LastDate:    rfc3339(p.Last),
				AtHEAD:      p.AtHEAD,
				Blob:        p.Blob,
			})
		}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func rfc3339(c Commit) string {
	if c.Hash == "" {
		return ""
	}
	return time.Unix(c.AuthorTime, 0).UTC().Format(time.RFC3339)
}

// Findings returns one report finding per place (Filename absolute under
// res.Root), with the commit facts in Properties for SARIF.
func Findings(res *Result) []report.Finding {
	var out []report.Finding
	for _, s := range res.Secrets {
		for _, p := range s.Places {
			fp := ""
			if len(p.Keys) > 0 {
				fp = p.Keys[0].Fingerprint(fingerprintSalt)
			}
			out = append(out, report.Finding{
				RuleID: s.RuleID, RuleName: s.RuleName, Analyzer: "scan", Package: p.Path,
				Filename: filepath.Join(res.Root, filepath.FromSlash(p.Path)),
				Line:     p.Line, Col: p.Col, EndLine: p.EndLine, EndCol: p.EndCol,
				Message: s.Message, Severity: p.Severity, Fingerprint: fp,
				Properties: map[string]any{
					"commitSha":   p.First.Hash, // where the value was introduced: the commit to look at
					"firstCommit": p.First.Hash,
					"firstDate":   rfc3339(p.First),
					"lastCommit":  p.Last.Hash,
					"lastDate":    rfc3339(p.Last),
					"atHead":      p.AtHEAD,
					"blob":        p.Blob,
					"secret":      s.Fingerprint,
				},
			})
		}
	}
	return out
}

// WriteSARIF writes a SARIF log of the places, with the repository and HEAD
// as versionControlProvenance and each result's commits in its properties.
// known documents the rules (descriptors for the rules of the findings).
func WriteSARIF(w io.Writer, res *Result, repoURI string, known []rules.Info) error {
	if repoURI == "" {
		repoURI = (&url.URL{Scheme: "file", Path: filepath.ToSlash(res.Root)}).String()
	}
	s := report.SARIF{Root: res.Root, VersionControl: []report.VersionControl{{RepositoryURI: repoURI, RevisionID: res.Head}}}
	return s.Write(w, Findings(res), known)
}
