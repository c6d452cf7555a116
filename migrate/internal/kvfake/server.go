// Package kvfake is an in-process Azure Key Vault for tests: the secrets
// data plane that azsecrets v1.5.1 speaks, over HTTPS on 127.0.0.1, with
// challenge authentication, an App Service style managed-identity token
// endpoint, a CONNECT proxy, soft-delete and fault injection.
//
// # Reaching the fake
//
// In-process, give the client the fake's transport: [Server.ClientOptions]
// (or [Server.HTTPClient]) trusts the test CA and dials the fake for every
// Key Vault host (https://NAME.vault.azure.net/ and the other clouds'
// suffixes), so a client keeps challenge-resource verification on. Its
// dialer refuses every non-loopback address and records it ([Server.Stray]).
// [Server.URL] is the loopback address (https://127.0.0.1:PORT/), which
// needs DisableChallengeResourceVerification.
//
// A subprocess (go test of a migrated module, the kvlint command) uses the
// default transport and DefaultAzureCredential; give it [Server.Environ]:
//
//	IDENTITY_ENDPOINT, IDENTITY_HEADER  managed identity (App Service style) answered by the fake
//	SSL_CERT_FILE                       PEM of the test CA
//	HTTPS_PROXY, HTTP_PROXY             the fake's CONNECT proxy: Key Vault hosts reach the fake,
//	                                    any other host is refused and recorded in Stray
//
// and AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET,
// AZURE_FEDERATED_TOKEN_FILE, MSI_ENDPOINT, NO_PROXY and the like removed, so
// that DefaultAzureCredential goes straight to managed identity. Loopback
// addresses (IDENTITY_ENDPOINT) are never proxied by Go. A `go` subprocess
// must not need to download modules: the proxy refuses proxy.golang.org.
//
// [Server.Setenv] does the same for the current process, but Go reads
// SSL_CERT_FILE and the proxy variables once per process, so in-process tests
// should prefer ClientOptions.
//
// Tokens: the fake issues opaque tokens and accepts any token issued by a
// fake of this process: MSAL caches managed-identity tokens process-wide, so
// a second Server in the same process may see no token request at all.
package kvfake

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"

	"github.com/kvlint/kvlint/migrate/vault"
)

// Options configures a Server. The zero value is fine.
type Options struct {
	// PageSize is the number of items in a list page (default 25); a
	// request's maxresults lowers it.
	PageSize int
	// TenantID is the tenant named in the authentication challenge
	// (default 72f988bf-0000-4000-8000-00000000fa4e, a made-up GUID).
	TenantID string
	// Logf, if set, receives one line per request (method, path, status).
	Logf func(format string, args ...any)
}

// Server is a running fake Key Vault. Its methods are safe for concurrent use.
type Server struct {
	opts     Options
	vault    *httptest.Server // HTTPS, the Key Vault data plane
	identity *httptest.Server // HTTP, the managed-identity token endpoint
	proxyLn  net.Listener
	proxyWG  sync.WaitGroup
	dir      string // holds ca.pem
	ownDir   bool
	idHeader string

	mu       sync.Mutex
	secrets  map[string]*secret // by lowercase name
	deleted  map[string]*deletedSecret
	stats    Stats
	requests []Request
	stray    []string
	writeF   fault
	readF    fault
	conns    map[net.Conn]bool // proxied connections, closed by Close
	closed   bool
}

// Stats counts what the fake saw.
type Stats struct {
	Requests      int // requests to the vault, authenticated or not
	Unauthorized  int // answered 401 (challenge or bad token)
	Reads         int // authenticated GETs that reached the store
	Writes        int // authenticated PUT/PATCH/DELETE/POST that reached the store
	Faults        int // requests answered by an injected fault
	TokenRequests int // managed-identity token requests answered
	Connects      int // CONNECT tunnels opened by the proxy to the vault
}

// Request is one request the vault received.
type Request struct {
	Method string // HTTP method
	Host   string // Host header: NAME.vault.azure.net through the proxy or HTTPClient
	Path   string // URL path, such as /secrets/NAME/VERSION
	Query  string // raw query string, api-version included
	Auth   bool   // carried a valid token
	Status int    // status answered; 0 for a dropped connection
}

// Start starts a fake on loopback ports. Call Close when done; tests
// should use New.
func Start(opts *Options) (*Server, error) {
	if opts == nil {
		opts = &Options{}
	}
	if err := loadPKI(); err != nil {
		return nil, err
	}
	s := &Server{
		opts:     *opts,
		secrets:  map[string]*secret{},
		deleted:  map[string]*deletedSecret{},
		conns:    map[net.Conn]bool{},
		idHeader: randHex(16),
	}
	if s.opts.PageSize <= 0 || s.opts.PageSize > 25 {
		s.opts.PageSize = 25
	}
	if s.opts.TenantID == "" {
		s.opts.TenantID = "72f988bf-0000-4000-8000-00000000fa4e"
	}

	s.vault = httptest.NewUnstartedServer(http.HandlerFunc(s.serveVault))
	s.vault.TLS = &tls.Config{Certificates: []tls.Certificate{pki.leaf}, MinVersion: tls.VersionTLS12}
	s.vault.Config.ErrorLog = discardLog
	s.vault.StartTLS()

	s.identity = httptest.NewServer(http.HandlerFunc(s.serveIdentity))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.vault.Close()
		s.identity.Close()
		return nil, fmt.Errorf("kvfake: proxy: %w", err)
	}
	s.proxyLn = ln
	s.proxyWG.Add(1)
	go s.serveProxy()

	dir, err := os.MkdirTemp("", "kvfake-")
	if err != nil {
		s.Close()
		return nil, err
	}
	s.dir, s.ownDir = dir, true
	if err := os.WriteFile(s.CAFile(), pki.caPEM, 0o600); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// New starts a fake for the test and stops it with t.Cleanup.
func New(t testing.TB, opts *Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("kvfake: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// Close stops the servers and the proxy and removes the CA file.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	if s.proxyLn != nil {
		s.proxyLn.Close()
		s.proxyWG.Wait()
	}
	s.vault.CloseClientConnections()
	s.vault.Close()
	s.identity.Close()
	if s.ownDir {
		os.RemoveAll(s.dir)
	}
}

// URL returns the vault's loopback URL, https://127.0.0.1:PORT/. Clients
// using it need DisableChallengeResourceVerification (and vault.AzureOptions.AllowLoopback).
func (s *Server) URL() string { return s.vault.URL + "/" }

// Addr returns the vault listener's address, 127.0.0.1:PORT.
func (s *Server) Addr() string { return s.vault.Listener.Addr().String() }

// VaultURL returns https://NAME.vault.azure.net/, the URL of a real-looking
// vault that the fake answers through HTTPClient, ClientOptions or the proxy.
func (s *Server) VaultURL(name string) string { return "https://" + name + ".vault.azure.net/" }

// IdentityEndpoint returns the managed-identity token endpoint (plain HTTP on loopback).
func (s *Server) IdentityEndpoint() string { return s.identity.URL + "/msi/token" }

// IdentityHeader returns the value the token endpoint expects in X-IDENTITY-HEADER.
func (s *Server) IdentityHeader() string { return s.idHeader }

// ProxyURL returns the CONNECT proxy, http://127.0.0.1:PORT.
func (s *Server) ProxyURL() string { return "http://" + s.proxyLn.Addr().String() }

// CAFile returns the path of the test CA's PEM file.
func (s *Server) CAFile() string { return filepath.Join(s.dir, "kvfake-ca.pem") }

// CAPEM returns the test CA certificate in PEM form.
func (s *Server) CAPEM() []byte { return append([]byte(nil), pki.caPEM...) }

// CertPool returns a pool holding the test CA.
func (s *Server) CertPool() *x509.CertPool { return pki.pool.Clone() }

// ClearedEnv lists the variables Environ and Setenv remove so that
// DefaultAzureCredential skips environment, workload identity and other
// managed-identity sources, and nothing bypasses the proxy.
var ClearedEnv = []string{
	"AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET",
	"AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_CLIENT_CERTIFICATE_PASSWORD",
	"AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", "AZURE_USERNAME", "AZURE_PASSWORD",
	"AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST", "AZURE_TOKEN_CREDENTIALS",
	"AZURE_ADDITIONALLY_ALLOWED_TENANTS", "AZURE_REGIONAL_AUTHORITY_NAME",
	"MSI_ENDPOINT", "MSI_SECRET", "IDENTITY_SERVER_THUMBPRINT", "IMDS_ENDPOINT",
	"DEFAULT_IDENTITY_CLIENT_ID",
	"NO_PROXY", "no_proxy", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy", "REQUEST_METHOD",
}

// Env returns the variables a process needs to reach the fake with the
// default transport and DefaultAzureCredential: IDENTITY_ENDPOINT,
// IDENTITY_HEADER, SSL_CERT_FILE, HTTPS_PROXY and HTTP_PROXY.
func (s *Server) Env() map[string]string {
	return map[string]string{
		"IDENTITY_ENDPOINT": s.IdentityEndpoint(),
		"IDENTITY_HEADER":   s.idHeader,
		"SSL_CERT_FILE":     s.CAFile(),
		"HTTPS_PROXY":       s.ProxyURL(),
		"HTTP_PROXY":        s.ProxyURL(),
	}
}

// Environ returns base (such as os.Environ()) without the ClearedEnv
// variables and with Env added: the environment of a subprocess.
func (s *Server) Environ(base []string) []string {
	env := s.Env()
	drop := map[string]bool{}
	for _, k := range ClearedEnv {
		drop[k] = true
	}
	for k := range env {
		drop[k] = true
	}
	var out []string
	for _, kv := range base {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			out = append(out, kv)
		}
	}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, k+"="+env[k])
	}
	return out
}

// Setenv sets Env and unsets ClearedEnv for the test (t.Setenv: not for
// parallel tests). Go reads SSL_CERT_FILE and the proxy variables once per
// process, so they only take effect if nothing in the process used them yet.
func (s *Server) Setenv(t testing.TB) {
	t.Helper()
	for k, v := range s.Env() {
		t.Setenv(k, v)
	}
	for _, k := range ClearedEnv {
		t.Setenv(k, "") // restores the old value at cleanup
		os.Unsetenv(k)
	}
}

// HTTPClient returns a client that trusts the test CA and dials the fake's
// listener for every Key Vault host (NAME.vault.azure.net and the other
// clouds), loopback addresses as they are, and refuses anything else
// (recorded in Stray). It never uses a proxy.
func (s *Server) HTTPClient() *http.Client {
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := &http.Transport{
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			switch {
			case isVaultHost(host):
				addr = s.Addr()
			case vault.IsLoopbackHost(host):
			default:
				s.addStray("dial " + addr)
				return nil, fmt.Errorf("kvfake: refused to dial non-loopback address %s", addr)
			}
			return d.DialContext(ctx, network, addr)
		},
		TLSClientConfig:     &tls.Config{RootCAs: pki.pool.Clone(), MinVersion: tls.VersionTLS12},
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     10 * time.Second,
	}
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// ClientOptions returns azcore client options for tests: HTTPClient as the
// transport and fast retries (3 retries, 1ms base delay, 5s cap; a
// Retry-After up to 5s is honoured).
func (s *Server) ClientOptions() azcore.ClientOptions {
	return azcore.ClientOptions{
		Transport: s.HTTPClient(),
		Retry: policy.RetryOptions{
			MaxRetries:    3,
			RetryDelay:    time.Millisecond,
			MaxRetryDelay: 5 * time.Second,
		},
	}
}

// Credential returns a credential that takes tokens straight from the fake,
// without the managed-identity endpoint.
func (s *Server) Credential() azcore.TokenCredential { return credential{} }

type credential struct{}

func (credential) GetToken(ctx context.Context, _ policy.TokenRequestOptions) (azcore.AccessToken, error) {
	tok, exp := issueToken()
	return azcore.AccessToken{Token: tok, ExpiresOn: exp}, nil
}

// Stats returns the counts so far.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// Requests returns the vault requests so far, oldest first (at most 10000).
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Stray returns the non-loopback, non-vault destinations that the proxy or
// HTTPClient was asked for and refused. A test wants it empty.
func (s *Server) Stray() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.stray...)
}

func (s *Server) addStray(what string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.stray) < 1000 {
		s.stray = append(s.stray, what)
	}
}

// ---- faults

// Fault is an injected failure.
type Fault struct {
	// Status is the HTTP status answered, such as 500 or 429. Ignored when Drop.
	Status int
	// RetryAfter, when positive, is sent as Retry-After in whole seconds
	// (rounded up), or as an HTTP date when RetryAfterDate.
	RetryAfter     time.Duration
	RetryAfterDate bool // send Retry-After as an HTTP date instead of seconds
	// Drop hijacks the connection and closes it without an answer.
	Drop bool
	// Times is how many requests fail before the fault clears itself; 0
	// means every request from then on.
	Times int
}

// InternalError is a fault answering 500 InternalServerError.
func InternalError() Fault { return Fault{Status: http.StatusInternalServerError} }

// Throttle is a fault answering 429 Throttled with Retry-After.
func Throttle(retryAfter time.Duration) Fault {
	return Fault{Status: http.StatusTooManyRequests, RetryAfter: retryAfter}
}

// DropConnection is a fault that closes the connection without an answer.
func DropConnection() Fault { return Fault{Drop: true} }

type fault struct {
	on    bool
	after int // passes left before the fault starts
	left  int // failures left; -1 unbounded
	f     Fault
}

func newFault(n int, f Fault) fault {
	left := f.Times
	if left <= 0 {
		left = -1
	}
	if n < 0 {
		n = 0
	}
	return fault{on: true, after: n, left: left, f: f}
}

// take reports whether this request fails, and with what.
func (x *fault) take() (Fault, bool) {
	if !x.on {
		return Fault{}, false
	}
	if x.after > 0 {
		x.after--
		return Fault{}, false
	}
	if x.left > 0 {
		x.left--
		if x.left == 0 {
			x.on = false
		}
	}
	return x.f, true
}

// FailAfterWrites lets the next n writes (authenticated PUT, PATCH, DELETE,
// POST) through and fails the writes after them with f.
func (s *Server) FailAfterWrites(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writeF = newFault(n, f)
}

// FailAfterReads lets the next n reads (authenticated GETs) through and fails
// the reads after them with f.
func (s *Server) FailAfterReads(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readF = newFault(n, f)
}

// FailReads fails reads from now on with f (FailAfterReads(0, f)).
func (s *Server) FailReads(f Fault) { s.FailAfterReads(0, f) }

// ClearFaults removes all injected faults.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.writeF, s.readF = fault{}, fault{}
}

// ---- proxy

func (s *Server) serveProxy() {
	defer s.proxyWG.Done()
	for {
		c, err := s.proxyLn.Accept()
		if err != nil {
			return
		}
		if !s.track(c) {
			c.Close()
			return
		}
		s.proxyWG.Add(1)
		go func() {
			defer s.proxyWG.Done()
			defer s.untrack(c)
			s.proxyConn(c)
		}()
	}
}

func (s *Server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	s.conns[c] = true
	return true
}

func (s *Server) untrack(c net.Conn) {
	c.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
}

// proxyConn serves one client connection of the proxy: a CONNECT to a Key
// Vault host is tunnelled to the fake's listener, whatever the host; any
// other request is refused with 403 and recorded.
func (s *Server) proxyConn(c net.Conn) {
	if err := c.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
		return // the connection is already unusable
	}
	br := newBufReader(c)
	req, err := http.ReadRequest(br)
	if err != nil {
		return
	}
	if err := c.SetReadDeadline(time.Time{}); err != nil {
		return
	}
	target := req.Host
	if req.Method != http.MethodConnect {
		target = req.Method + " " + req.URL.String()
	}
	host, _, _ := net.SplitHostPort(req.Host)
	if req.Method != http.MethodConnect || !isVaultHost(host) {
		s.addStray("proxy " + target)
		// Best effort: the connection is closed next whether or not the
		// refusal reached the client.
		_, _ = io.WriteString(c, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		return
	}
	up, err := net.DialTimeout("tcp", s.Addr(), 5*time.Second)
	if err != nil {
		_, _ = io.WriteString(c, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		return
	}
	if !s.track(up) {
		up.Close()
		return
	}
	defer s.untrack(up)
	s.mu.Lock()
	s.stats.Connects++
	s.mu.Unlock()
	if _, err := io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n"); err != nil {
		return
	}
	// Each direction copies until EOF or an error; either way the tunnel
	// half is over and the half-close tells the other side, so the copy and
	// CloseWrite errors carry nothing to act on.
	done := make(chan struct{}, 2)
	go func() {
		// Bytes the client sent after the CONNECT head are buffered in br.
		_, _ = io.Copy(up, br)
		if tc, ok := up.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
		done <- struct{}{}
	}()
	go func() {
		_, _ = io.Copy(c, up)
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.CloseWrite()
		}
		done <- struct{}{}
	}()
	<-done
	<-done
}

// ---- helpers

func isVaultHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, n := range leafNames {
		if suffix, ok := strings.CutPrefix(n, "*."); ok && strings.HasSuffix(host, "."+suffix) {
			label := strings.TrimSuffix(host, "."+suffix)
			return label != "" && !strings.Contains(label, ".")
		}
	}
	return false
}

func randHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// Process-wide token registry: see the package doc.
var tokens = struct {
	sync.Mutex
	m map[string]time.Time
}{m: map[string]time.Time{}}

const tokenLifetime = time.Hour

func issueToken() (string, time.Time) {
	tok := "kvfake-token-" + randHex(16)
	exp := time.Now().Add(tokenLifetime)
	tokens.Lock()
	defer tokens.Unlock()
	if len(tokens.m) > 100000 {
		tokens.m = map[string]time.Time{}
	}
	tokens.m[tok] = exp
	return tok, exp
}

func validToken(tok string) bool {
	tokens.Lock()
	defer tokens.Unlock()
	exp, ok := tokens.m[tok]
	return ok && time.Now().Before(exp)
}
