package vault

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"
)

// Memory is a map-backed Store for unit tests. Names are case-insensitive,
// like Key Vault's. It is safe for concurrent use. The zero value is ready.
type Memory struct {
	mu        sync.Mutex
	secrets   map[string]*memSecret // by lowercase name
	deleted   map[string]bool       // soft-deleted lowercase names
	gets      int
	sets      int // successful Sets
	failAfter int // -1: no fault
	failErr   error
	failReads error
}

type memSecret struct {
	name     string
	versions []memVersion // oldest first
}

type memVersion struct {
	id     string
	value  string
	params SetParams
}

// MemorySecret describes one secret held by a Memory store, without its value.
type MemorySecret struct {
	Name     string    // name as first written
	Hash     string    // Hash of the latest value
	Version  string    // latest version
	Versions int       // number of versions
	Params   SetParams // attributes of the latest version
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty Memory store.
func NewMemory() *Memory { return &Memory{} }

func (m *Memory) init() {
	if m.secrets == nil {
		m.secrets = map[string]*memSecret{}
		m.deleted = map[string]bool{}
		m.failAfter = -1
	}
}

// Get returns the latest value of the secret.
func (m *Memory) Get(ctx context.Context, name string) (string, bool, error) {
	if err := ctx.Err(); err != nil {
		return "", false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	if m.failReads != nil {
		return "", false, m.failReads
	}
	m.gets++
	key := strings.ToLower(name)
	if m.deleted[key] {
		return "", false, &DeletedError{Name: name, Vault: "memory"}
	}
	s := m.secrets[key]
	if s == nil {
		return "", false, nil
	}
	return s.versions[len(s.versions)-1].value, true, nil
}

// Set writes a new version of the secret. After FailAfterWrites(n, err),
// every Set after the first n successful ones returns err and writes nothing.
func (m *Memory) Set(ctx context.Context, name, value string, p SetParams) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	if m.failAfter >= 0 && m.sets >= m.failAfter {
		return "", m.failErr
	}
	key := strings.ToLower(name)
	if m.deleted[key] {
		return "", &DeletedError{Name: name, Vault: "memory"}
	}
	s := m.secrets[key]
	if s == nil {
		s = &memSecret{name: name}
		m.secrets[key] = s
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	tags := make(map[string]string, len(p.Tags))
	for k, v := range p.Tags {
		tags[k] = v
	}
	p.Tags = tags
	s.versions = append(s.versions, memVersion{id: id, value: value, params: p})
	m.sets++
	return id, nil
}

// FailAfterWrites makes every Set after the next n successful ones fail
// with err. A nil err removes the fault.
func (m *Memory) FailAfterWrites(n int, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	if err == nil {
		m.failAfter = -1
		m.failErr = nil
		return
	}
	m.failAfter = m.sets + n
	m.failErr = err
}

// FailReads makes every Get fail with err; nil removes the fault.
func (m *Memory) FailReads(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	m.failReads = err
}

// Delete soft-deletes the secret: Get and Set then fail with ErrDeleted
// until Purge. It reports whether the secret existed.
func (m *Memory) Delete(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	key := strings.ToLower(name)
	if m.secrets[key] == nil {
		return false
	}
	delete(m.secrets, key)
	m.deleted[key] = true
	return true
}

// Purge forgets a soft-deleted secret so that its name can be used again.
func (m *Memory) Purge(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	delete(m.deleted, strings.ToLower(name))
}

// Secrets returns a snapshot of the secrets, by lowercase name.
func (m *Memory) Secrets() map[string]MemorySecret {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	out := make(map[string]MemorySecret, len(m.secrets))
	for k, s := range m.secrets {
		last := s.versions[len(s.versions)-1]
		out[k] = MemorySecret{Name: s.name, Hash: Hash(last.value), Version: last.id, Versions: len(s.versions), Params: last.params}
	}
	return out
}

// Value returns the latest value of a secret, for tests that need to hand
// it to code under test. Never print it.
func (m *Memory) Value(name string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.init()
	s := m.secrets[strings.ToLower(name)]
	if s == nil {
		return "", false
	}
	return s.versions[len(s.versions)-1].value, true
}

// Counts returns the number of Get calls that reached the store and of
// successful Sets.
func (m *Memory) Counts() (gets, sets int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.gets, m.sets
}
