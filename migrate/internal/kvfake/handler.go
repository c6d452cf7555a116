package kvfake

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"maps"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

var discardLog = log.New(io.Discard, "", 0)

func newBufReader(c net.Conn) *bufio.Reader { return bufio.NewReader(c) }

// Limits that keep the fake bounded.
const (
	maxBody     = 64 << 10
	maxSecrets  = 10000
	maxVersions = 1000
	maxValue    = 25 << 10
	maxRequests = 10000
)

type version struct {
	id          string
	value       string
	contentType string
	tags        map[string]string
	enabled     bool
	exp, nbf    *int64
	created     int64
	updated     int64
}

type secret struct {
	name     string     // as first written
	versions []*version // oldest first
}

func (s *secret) latest() *version { return s.versions[len(s.versions)-1] }

type deletedSecret struct {
	secret    *secret
	deletedAt int64
}

// SecretInfo describes a secret in the fake, without its value.
type SecretInfo struct {
	Name        string            // as first written
	Hash        string            // "sha256:<hex>" of the latest value, like vault.Hash
	Version     string            // latest version
	Versions    []string          // every version ID, oldest first
	ContentType string            // content type of the latest version
	Tags        map[string]string // tags of the latest version
	Enabled     bool              // whether the latest version is enabled
	Expires     *time.Time        // expiry of the latest version; nil for none
}

// Secrets returns a snapshot of the live (not deleted) secrets, by lowercase name.
func (s *Server) Secrets() map[string]SecretInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]SecretInfo, len(s.secrets))
	for k, sec := range s.secrets {
		v := sec.latest()
		info := SecretInfo{
			Name: sec.name, Hash: hashValue(v.value), Version: v.id,
			ContentType: v.contentType, Tags: copyTags(v.tags), Enabled: v.enabled,
		}
		if v.exp != nil {
			t := time.Unix(*v.exp, 0).UTC()
			info.Expires = &t
		}
		for _, x := range sec.versions {
			info.Versions = append(info.Versions, x.id)
		}
		out[k] = info
	}
	return out
}

// DeletedSecrets returns the lowercase names of soft-deleted secrets, sorted.
func (s *Server) DeletedSecrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.deleted {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Value returns the latest value of a secret, for tests that hand it to code
// under test. Never print it.
func (s *Server) Value(name string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.secrets[strings.ToLower(name)]
	if sec == nil {
		return "", false
	}
	return sec.latest().value, true
}

// Seed writes a new version of a secret directly (no request, no fault) and
// returns its version.
func (s *Server) Seed(name, value string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.put(name, value, "", nil, true, nil, nil)
	return v.id
}

// SoftDelete moves a secret to the deleted-but-recoverable state, as DELETE
// /secrets/{name} does. It reports whether the secret existed.
func (s *Server) SoftDelete(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.softDelete(strings.ToLower(name)) != nil
}

// Disable disables the latest version of a secret (GET then answers 403).
func (s *Server) Disable(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.secrets[strings.ToLower(name)]
	if sec == nil {
		return false
	}
	sec.latest().enabled = false
	return true
}

func (s *Server) put(name, value, contentType string, tags map[string]string, enabled bool, exp, nbf *int64) *version {
	key := strings.ToLower(name)
	sec := s.secrets[key]
	if sec == nil {
		sec = &secret{name: name}
		s.secrets[key] = sec
	}
	now := time.Now().Unix()
	v := &version{
		id: randHex(16), value: value, contentType: contentType, tags: copyTags(tags),
		enabled: enabled, exp: exp, nbf: nbf, created: now, updated: now,
	}
	sec.versions = append(sec.versions, v)
	if len(sec.versions) > maxVersions {
		sec.versions = sec.versions[len(sec.versions)-maxVersions:]
	}
	return v
}

func (s *Server) softDelete(key string) *deletedSecret {
	sec := s.secrets[key]
	if sec == nil {
		return nil
	}
	delete(s.secrets, key)
	d := &deletedSecret{secret: sec, deletedAt: time.Now().Unix()}
	s.deleted[key] = d
	return d
}

// ---- HTTP

var secretNameRE = regexp.MustCompile(`^[0-9A-Za-z-]{1,127}$`)

type statusWriter struct {
	http.ResponseWriter
	status  int
	dropped bool
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) serveVault(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w}
	rec := Request{Method: r.Method, Host: r.Host, Path: r.URL.Path, Query: r.URL.RawQuery}
	defer func() {
		rec.Status = sw.status
		if sw.status == 0 && !sw.dropped {
			rec.Status = http.StatusOK
		}
		s.mu.Lock()
		if len(s.requests) < maxRequests {
			s.requests = append(s.requests, rec)
		}
		s.mu.Unlock()
		if s.opts.Logf != nil {
			s.opts.Logf("kvfake: %s %s%s -> %d", rec.Method, rec.Host, rec.Path, rec.Status)
		}
	}()
	s.mu.Lock()
	s.stats.Requests++
	s.mu.Unlock()

	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || !validToken(tok) {
		s.mu.Lock()
		s.stats.Unauthorized++
		s.mu.Unlock()
		// Drain what the client sent so the connection can be reused; a
		// failed read changes nothing about the challenge.
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, maxBody))
		sw.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer authorization="https://login.microsoftonline.com/%s", resource="%s"`,
			s.opts.TenantID, resourceFor(r.Host)))
		writeError(sw, http.StatusUnauthorized, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.")
		return
	}
	rec.Auth = true

	write := r.Method != http.MethodGet && r.Method != http.MethodHead
	s.mu.Lock()
	var f Fault
	var fail bool
	if write {
		f, fail = s.writeF.take()
	} else {
		f, fail = s.readF.take()
	}
	if fail {
		s.stats.Faults++
	} else if write {
		s.stats.Writes++
	} else {
		s.stats.Reads++
	}
	s.mu.Unlock()
	if fail {
		s.inject(sw, f)
		return
	}

	if r.URL.Query().Get("api-version") == "" {
		writeError(sw, http.StatusBadRequest, "BadParameter", "The api-version query parameter is missing.")
		return
	}
	s.route(sw, r)
}

func (s *Server) inject(w *statusWriter, f Fault) {
	if f.Drop {
		if hj, ok := w.ResponseWriter.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				w.dropped = true
				return
			}
		}
		// Cannot hijack (HTTP/2): answer 503 instead.
		f.Status = http.StatusServiceUnavailable
	}
	if f.RetryAfter > 0 {
		if f.RetryAfterDate {
			w.Header().Set("Retry-After", time.Now().Add(f.RetryAfter).UTC().Format(http.TimeFormat))
		} else {
			secs := int((f.RetryAfter + time.Second - 1) / time.Second)
			w.Header().Set("Retry-After", strconv.Itoa(secs))
		}
	}
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	code := "InternalServerError"
	switch status {
	case http.StatusTooManyRequests:
		code = "Throttled"
	case http.StatusServiceUnavailable:
		code = "ServiceUnavailable"
	}
	writeError(w, status, code, "kvfake: injected fault")
}

func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	m := r.Method
	switch {
	case len(parts) == 1 && parts[0] == "secrets" && m == http.MethodGet:
		s.list(w, r)
	case len(parts) == 2 && parts[0] == "secrets":
		byMethod(w, m, map[string]func(){
			http.MethodPut:    func() { s.set(w, r, parts[1]) },
			http.MethodGet:    func() { s.get(w, r, parts[1], "") },
			http.MethodPatch:  func() { s.update(w, r, parts[1], "") },
			http.MethodDelete: func() { s.delete(w, r, parts[1]) },
		})
	case len(parts) == 3 && parts[0] == "secrets" && parts[2] == "versions" && m == http.MethodGet:
		s.listVersions(w, r, parts[1])
	case len(parts) == 3 && parts[0] == "secrets":
		byMethod(w, m, map[string]func(){
			http.MethodGet:   func() { s.get(w, r, parts[1], parts[2]) },
			http.MethodPatch: func() { s.update(w, r, parts[1], parts[2]) },
		})
	case len(parts) == 1 && parts[0] == "deletedsecrets" && m == http.MethodGet:
		s.listDeleted(w, r)
	case len(parts) == 2 && parts[0] == "deletedsecrets":
		byMethod(w, m, map[string]func(){
			http.MethodGet:    func() { s.getDeleted(w, r, parts[1]) },
			http.MethodDelete: func() { s.purge(w, r, parts[1]) },
		})
	case len(parts) == 3 && parts[0] == "deletedsecrets" && parts[2] == "recover" && m == http.MethodPost:
		s.recoverSecret(w, r, parts[1])
	default:
		writeError(w, http.StatusNotFound, "NotFound", "kvfake: no such operation: "+m+" "+r.URL.Path)
	}
}

// byMethod runs the handler of method m, or answers 405 when the resource
// has none for it.
func byMethod(w http.ResponseWriter, m string, handlers map[string]func()) {
	if h, ok := handlers[m]; ok {
		h()
		return
	}
	methodNotAllowed(w)
}

// ---- JSON shapes

type attrsJSON struct {
	Enabled         *bool  `json:"enabled,omitempty"`
	NotBefore       *int64 `json:"nbf,omitempty"`
	Expires         *int64 `json:"exp,omitempty"`
	Created         int64  `json:"created,omitempty"`
	Updated         int64  `json:"updated,omitempty"`
	RecoveryLevel   string `json:"recoveryLevel,omitempty"`
	RecoverableDays int    `json:"recoverableDays,omitempty"`
}

type bundleJSON struct {
	Value       *string           `json:"value,omitempty"`
	ID          string            `json:"id"`
	ContentType string            `json:"contentType,omitempty"`
	Tags        map[string]string `json:"tags,omitempty"`
	Attributes  attrsJSON         `json:"attributes"`
	// deleted secrets only
	RecoveryID         string `json:"recoveryId,omitempty"`
	DeletedDate        int64  `json:"deletedDate,omitempty"`
	ScheduledPurgeDate int64  `json:"scheduledPurgeDate,omitempty"`
}

type listJSON struct {
	Value    []bundleJSON `json:"value"`
	NextLink *string      `json:"nextLink"`
}

type setBody struct {
	Value       *string           `json:"value"`
	ContentType *string           `json:"contentType"`
	Tags        map[string]string `json:"tags"`
	Attributes  *struct {
		Enabled   *bool  `json:"enabled"`
		NotBefore *int64 `json:"nbf"`
		Expires   *int64 `json:"exp"`
	} `json:"attributes"`
}

const recoverableDays = 90

func base(r *http.Request) string { return "https://" + r.Host }

func (s *Server) bundle(r *http.Request, sec *secret, v *version, withValue, withVersion bool) bundleJSON {
	id := base(r) + "/secrets/" + sec.name
	if withVersion {
		id += "/" + v.id
	}
	b := bundleJSON{
		ID: id, ContentType: v.contentType, Tags: copyTags(v.tags),
		Attributes: attrsJSON{
			Enabled: &v.enabled, NotBefore: v.nbf, Expires: v.exp, Created: v.created, Updated: v.updated,
			RecoveryLevel: "Recoverable+Purgeable", RecoverableDays: recoverableDays,
		},
	}
	if len(b.Tags) == 0 {
		b.Tags = nil
	}
	if withValue {
		val := v.value
		b.Value = &val
	}
	return b
}

func (s *Server) set(w http.ResponseWriter, r *http.Request, name string) {
	if !secretNameRE.MatchString(name) {
		writeError(w, http.StatusBadRequest, "BadParameter", "The secret name is invalid: use 1-127 characters of 0-9, a-z, A-Z and -.")
		return
	}
	var body setBody
	if err := decode(r, &body); err != nil {
		writeError(w, http.StatusBadRequest, "BadParameter", "The request body is not valid JSON.")
		return
	}
	switch {
	case body.Value == nil:
		writeError(w, http.StatusBadRequest, "BadParameter", "The secret value is missing.")
		return
	case len(*body.Value) > maxValue:
		writeError(w, http.StatusBadRequest, "BadParameter", "The secret value is larger than 25 KB.")
		return
	case len(body.Tags) > 15:
		writeError(w, http.StatusBadRequest, "BadParameter", "A secret can have at most 15 tags.")
		return
	case body.ContentType != nil && len(*body.ContentType) > 255:
		writeError(w, http.StatusBadRequest, "BadParameter", "The content type is longer than 255 characters.")
		return
	}
	enabled := true
	var exp, nbf *int64
	if a := body.Attributes; a != nil {
		if a.Enabled != nil {
			enabled = *a.Enabled
		}
		exp, nbf = a.Expires, a.NotBefore
	}
	ct := ""
	if body.ContentType != nil {
		ct = *body.ContentType
	}
	key := strings.ToLower(name)
	s.mu.Lock()
	if _, ok := s.deleted[key]; ok {
		s.mu.Unlock()
		writeError(w, http.StatusConflict, "Conflict", fmt.Sprintf(
			"Secret %s is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.", name))
		return
	}
	if s.secrets[key] == nil && len(s.secrets) >= maxSecrets {
		s.mu.Unlock()
		writeError(w, http.StatusForbidden, "QuotaExceeded", "kvfake: too many secrets")
		return
	}
	v := s.put(name, *body.Value, ct, body.Tags, enabled, exp, nbf)
	b := s.bundle(r, s.secrets[key], v, true, true)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, b)
}

func (s *Server) get(w http.ResponseWriter, r *http.Request, name, ver string) {
	s.mu.Lock()
	sec := s.secrets[strings.ToLower(name)]
	var v *version
	if sec != nil {
		if ver == "" {
			v = sec.latest()
		} else {
			for _, x := range sec.versions {
				if strings.EqualFold(x.id, ver) {
					v = x
				}
			}
		}
	}
	if v == nil {
		s.mu.Unlock()
		notFound(w, name, ver)
		return
	}
	if !v.enabled {
		s.mu.Unlock()
		writeJSON(w, http.StatusForbidden, map[string]any{"error": map[string]any{
			"code": "Forbidden", "message": "Operation get is not allowed on a disabled secret.",
			"innererror": map[string]string{"code": "SecretDisabled"},
		}})
		return
	}
	b := s.bundle(r, sec, v, true, true)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, b)
}

func (s *Server) update(w http.ResponseWriter, r *http.Request, name, ver string) {
	var body setBody
	if err := decode(r, &body); err != nil {
		writeError(w, http.StatusBadRequest, "BadParameter", "The request body is not valid JSON.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	sec := s.secrets[strings.ToLower(name)]
	var v *version
	if sec != nil {
		if ver == "" {
			v = sec.latest()
		}
		for _, x := range sec.versions {
			if ver != "" && strings.EqualFold(x.id, ver) {
				v = x
			}
		}
	}
	if v == nil {
		notFound(w, name, ver)
		return
	}
	if body.ContentType != nil {
		v.contentType = *body.ContentType
	}
	if body.Tags != nil {
		if len(body.Tags) > 15 {
			writeError(w, http.StatusBadRequest, "BadParameter", "A secret can have at most 15 tags.")
			return
		}
		v.tags = copyTags(body.Tags)
	}
	if a := body.Attributes; a != nil {
		if a.Enabled != nil {
			v.enabled = *a.Enabled
		}
		if a.Expires != nil {
			v.exp = a.Expires
		}
		if a.NotBefore != nil {
			v.nbf = a.NotBefore
		}
	}
	v.updated = time.Now().Unix()
	writeJSON(w, http.StatusOK, s.bundle(r, sec, v, false, true))
}

func (s *Server) delete(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.softDelete(strings.ToLower(name))
	if d == nil {
		notFound(w, name, "")
		return
	}
	writeJSON(w, http.StatusOK, s.deletedBundle(r, d))
}

func (s *Server) deletedBundle(r *http.Request, d *deletedSecret) bundleJSON {
	b := s.bundle(r, d.secret, d.secret.latest(), false, true)
	b.RecoveryID = base(r) + "/deletedsecrets/" + d.secret.name
	b.DeletedDate = d.deletedAt
	b.ScheduledPurgeDate = d.deletedAt + recoverableDays*24*3600
	return b
}

func (s *Server) getDeleted(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.deleted[strings.ToLower(name)]
	if d == nil {
		writeError(w, http.StatusNotFound, "SecretNotFound", fmt.Sprintf("Deleted Secret not found: %s", name))
		return
	}
	writeJSON(w, http.StatusOK, s.deletedBundle(r, d))
}

func (s *Server) purge(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(name)
	if s.deleted[key] == nil {
		writeError(w, http.StatusNotFound, "SecretNotFound", fmt.Sprintf("Deleted Secret not found: %s", name))
		return
	}
	delete(s.deleted, key)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) recoverSecret(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(name)
	d := s.deleted[key]
	if d == nil {
		writeError(w, http.StatusNotFound, "SecretNotFound", fmt.Sprintf("Deleted Secret not found: %s", name))
		return
	}
	if s.secrets[key] != nil {
		writeError(w, http.StatusConflict, "Conflict", "kvfake: a live secret has this name")
		return
	}
	delete(s.deleted, key)
	s.secrets[key] = d.secret
	writeJSON(w, http.StatusOK, s.bundle(r, d.secret, d.secret.latest(), false, true))
}

// page serves items in pages of PageSize (or maxresults) with $skiptoken
// offsets and an absolute nextLink on the request's host.
func (s *Server) page(w http.ResponseWriter, r *http.Request, items []bundleJSON) {
	q := r.URL.Query()
	size := s.opts.PageSize
	if m, err := strconv.Atoi(q.Get("maxresults")); err == nil && m > 0 && m < size {
		size = m
	}
	start, _ := strconv.Atoi(q.Get("$skiptoken"))
	if start < 0 || start > len(items) {
		start = len(items)
	}
	end := min(start+size, len(items))
	out := listJSON{Value: items[start:end]}
	if out.Value == nil {
		out.Value = []bundleJSON{}
	}
	if end < len(items) {
		nq := url.Values{}
		nq.Set("api-version", q.Get("api-version"))
		nq.Set("$skiptoken", strconv.Itoa(end))
		if q.Get("maxresults") != "" {
			nq.Set("maxresults", q.Get("maxresults"))
		}
		link := base(r) + r.URL.Path + "?" + nq.Encode()
		out.NextLink = &link
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	keys := slices.Sorted(maps.Keys(s.secrets))
	items := make([]bundleJSON, 0, len(keys))
	for _, k := range keys {
		sec := s.secrets[k]
		items = append(items, s.bundle(r, sec, sec.latest(), false, false))
	}
	s.mu.Unlock()
	s.page(w, r, items)
}

func (s *Server) listVersions(w http.ResponseWriter, r *http.Request, name string) {
	s.mu.Lock()
	sec := s.secrets[strings.ToLower(name)]
	var items []bundleJSON
	if sec != nil {
		for _, v := range sec.versions {
			items = append(items, s.bundle(r, sec, v, false, true))
		}
	}
	s.mu.Unlock()
	s.page(w, r, items)
}

func (s *Server) listDeleted(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	keys := slices.Sorted(maps.Keys(s.deleted))
	items := make([]bundleJSON, 0, len(keys))
	for _, k := range keys {
		b := s.deletedBundle(r, s.deleted[k])
		b.ID = base(r) + "/secrets/" + s.deleted[k].secret.name
		items = append(items, b)
	}
	s.mu.Unlock()
	s.page(w, r, items)
}

// ---- managed identity

// serveIdentity answers App Service managed-identity token requests:
// GET IDENTITY_ENDPOINT?api-version=2019-08-01&resource=R with header
// X-IDENTITY-HEADER: IDENTITY_HEADER.
func (s *Server) serveIdentity(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case r.Method != http.MethodGet || r.URL.Path != "/msi/token":
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not_found"})
		return
	case r.Header.Get("X-IDENTITY-HEADER") != s.idHeader:
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_request", "error_description": "X-IDENTITY-HEADER is missing or wrong"})
		return
	case q.Get("api-version") != "2019-08-01":
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "api-version must be 2019-08-01"})
		return
	case q.Get("resource") == "":
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "resource is missing"})
		return
	}
	tok, exp := issueToken()
	s.mu.Lock()
	s.stats.TokenRequests++
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{
		"access_token": tok,
		"expires_on":   strconv.FormatInt(exp.Unix(), 10),
		"resource":     q.Get("resource"),
		"token_type":   "Bearer",
	})
}

// ---- helpers

// resourceFor is the challenge resource for a vault host: the cloud's Key
// Vault domain, so that challenge-resource verification passes.
func resourceFor(host string) string {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.ToLower(h)
	for _, n := range leafNames {
		if suffix, ok := strings.CutPrefix(n, "*."); ok && strings.HasSuffix(h, "."+suffix) {
			return "https://" + suffix
		}
	}
	return "https://vault.azure.net"
}

func decode(r *http.Request, v any) error {
	data, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return err
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return fmt.Errorf("empty body")
	}
	return json.Unmarshal(data, v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("x-ms-keyvault-service-version", "kvfake")
	w.WriteHeader(status)
	// The values are maps and structs of strings, which always encode; the
	// status is already sent, so a failed write (client gone) has no remedy.
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": msg}})
}

func notFound(w http.ResponseWriter, name, ver string) {
	msg := fmt.Sprintf("A secret with (name/id) %s was not found in this key vault.", name)
	if ver != "" {
		msg = fmt.Sprintf("A secret with (name/id) %s/%s was not found in this key vault.", name, ver)
	}
	writeError(w, http.StatusNotFound, "SecretNotFound", msg)
}

func methodNotAllowed(w http.ResponseWriter) {
	writeError(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "kvfake: method not allowed")
}

func hashValue(v string) string {
	sum := sha256.Sum256([]byte(v))
	return "sha256:" + hex.EncodeToString(sum[:])
}

func copyTags(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
