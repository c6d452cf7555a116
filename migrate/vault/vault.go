// Package vault is the Key Vault store layer of kvlint migrate.
//
// The Azure SDK sits behind the small [Store] interface: [Azure] talks to a
// real vault through azsecrets, [Memory] is a map for unit tests.
// [StoreVerified] is the one safe way to put a value into a store: it reads
// first, never overwrites a different value, and reads back what it wrote.
//
// No error, log line or result of this package ever holds a secret value:
// errors carry the secret name, the HTTP status and the Key Vault error code,
// and values are compared through [Hash].
package vault

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"time"
)

// Store reads and writes secrets of one vault. Names are Key Vault secret
// names; like Key Vault, implementations treat them case-insensitively.
type Store interface {
	// Get reads the latest version of the secret. found is false (and err nil)
	// when the vault has no such secret. A secret that is deleted but still
	// recoverable gives an error that wraps ErrDeleted.
	Get(ctx context.Context, name string) (value string, found bool, err error)
	// Set writes a new version of the secret and returns its version ID.
	// A name held by a deleted but recoverable secret gives an error that
	// wraps ErrDeleted.
	Set(ctx context.Context, name, value string, p SetParams) (version string, err error)
}

// SetParams are the attributes written with a new secret version.
type SetParams struct {
	// ContentType is the secret's content type, up to 255 characters.
	ContentType string
	// Tags are written as the secret's tags (at most 15 in Key Vault).
	Tags map[string]string
	// Expires, if set, is the expiry date of the new version. A vault stops
	// serving an expired secret, so it is opt-in.
	Expires *time.Time
}

// Outcome says what StoreVerified did.
type Outcome struct {
	// Name is the secret name.
	Name string
	// Hash is Hash(value) of the stored value.
	Hash string
	// Reused is true when the vault already held the same value: nothing was written.
	Reused bool
	// Stored is true when a new version was written and read back unchanged.
	Stored bool
	// Version is the version written; empty when Reused.
	Version string
}

// Errors that callers tell apart with errors.Is.
var (
	// ErrNameTaken means the name holds a different value: pick another name.
	// StoreVerified never overwrites it.
	ErrNameTaken = errors.New("secret name holds a different value")
	// ErrDeleted means the name belongs to a deleted secret that is still
	// recoverable (soft-delete): it must be recovered or purged before reuse.
	ErrDeleted = errors.New("secret is deleted but recoverable")
	// ErrVerify means the value read back after writing is not the value written.
	ErrVerify = errors.New("value read back differs from value written")
	// ErrInvalid means a name, value or parameter Key Vault would refuse.
	ErrInvalid = errors.New("invalid secret")
	// ErrDisabled means the name belongs to a secret whose latest version is
	// disabled: it cannot be read back, so it is never reused or overwritten.
	ErrDisabled = errors.New("secret is disabled")
)

// NameTakenError is returned by StoreVerified when the vault holds a
// different value under the name. It wraps ErrNameTaken.
type NameTakenError struct {
	Name string // the secret name that is taken
}

// Error says which name is taken and that it is never overwritten.
func (e *NameTakenError) Error() string {
	return fmt.Sprintf("secret %q already holds a different value; choose another name (it is never overwritten)", e.Name)
}

// Unwrap returns ErrNameTaken.
func (e *NameTakenError) Unwrap() error { return ErrNameTaken }

// DeletedError is returned when a secret name belongs to a deleted secret that
// is still recoverable. It wraps ErrDeleted.
type DeletedError struct {
	Name  string // the name of the deleted secret
	Vault string // vault name, if known
}

// Error names the secret and says how to recover or purge it.
func (e *DeletedError) Error() string {
	vault := e.Vault
	if vault == "" {
		vault = "<vault>"
	}
	return fmt.Sprintf("secret %q is deleted but recoverable (soft-delete) and its name cannot be reused: "+
		"recover it (az keyvault secret recover --vault-name %s --name %s) or purge it "+
		"(az keyvault secret purge --vault-name %s --name %s), or choose another name",
		e.Name, vault, e.Name, vault, e.Name)
}

// Unwrap returns ErrDeleted.
func (e *DeletedError) Unwrap() error { return ErrDeleted }

// Error is a failed vault request. Its text holds the operation, the secret
// name, the HTTP status and the Key Vault error code, never a request or
// response body (a SetSecret body holds the value).
type Error struct {
	Op         string // "get", "set", "get deleted"
	Name       string // secret name
	StatusCode int    // HTTP status; 0 when no response arrived
	Code       string // Key Vault error code, such as "Throttled" or "Forbidden"
	Inner      string // Key Vault inner error code, such as "SecretDisabled"; may be empty
	// Message is the service's own explanation ("Operation get is not allowed
	// on a disabled secret.", "... does not have secrets get permission ..."),
	// cut to 300 characters. Key Vault error messages never echo a value.
	Message string
	Err     error // transport error when StatusCode is 0; nil otherwise
}

// Error gives the operation, the secret name and the HTTP status and error
// code, or the transport error.
func (e *Error) Error() string {
	if e.StatusCode == 0 {
		return fmt.Sprintf("%s secret %q: %v", e.Op, e.Name, e.Err)
	}
	code := e.Code
	if code == "" {
		code = "no error code"
	}
	if e.Inner != "" && e.Inner != code {
		code += "/" + e.Inner
	}
	msg := fmt.Sprintf("%s secret %q: HTTP %d (%s)", e.Op, e.Name, e.StatusCode, code)
	if e.Message != "" {
		msg += ": " + e.Message
	}
	return msg
}

// Unwrap returns the transport error, if any, and ErrDisabled for a disabled
// secret.
func (e *Error) Unwrap() error {
	if e.Err == nil && e.StatusCode == http.StatusForbidden && e.Inner == "SecretDisabled" {
		return ErrDisabled
	}
	return e.Err
}

// MaxValueBytes is the largest secret value Key Vault accepts (25 KB).
const MaxValueBytes = 25 * 1024

var nameRE = regexp.MustCompile(`^[0-9A-Za-z-]{1,127}$`)

// ValidName reports whether name is a valid Key Vault secret name:
// 1-127 characters of [0-9A-Za-z-].
func ValidName(name string) bool { return nameRE.MatchString(name) }

// Hash returns "sha256:" and the hex SHA-256 of value, the same form as
// detect.Hash. Plans and reports carry hashes, never values.
func Hash(value string) string {
	sum := sha256.Sum256([]byte(value))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Check returns an error wrapping ErrInvalid if Key Vault would refuse the
// name, the value or the parameters. The error never holds the value.
func Check(name, value string, p SetParams) error {
	switch {
	case !ValidName(name):
		return fmt.Errorf("%w: name %q: want 1-127 characters of 0-9, A-Z, a-z and -", ErrInvalid, name)
	case value == "":
		return fmt.Errorf("%w: secret %q: empty value", ErrInvalid, name)
	case len(value) > MaxValueBytes:
		return fmt.Errorf("%w: secret %q: value is %d bytes, Key Vault's limit is %d", ErrInvalid, name, len(value), MaxValueBytes)
	case len(p.ContentType) > 255:
		return fmt.Errorf("%w: secret %q: content type longer than 255 characters", ErrInvalid, name)
	case len(p.Tags) > 15:
		return fmt.Errorf("%w: secret %q: %d tags, Key Vault allows 15", ErrInvalid, name, len(p.Tags))
	}
	for k, v := range p.Tags {
		if len(k) > 512 || len(v) > 256 {
			return fmt.Errorf("%w: secret %q: tag %q: name over 512 or value over 256 characters", ErrInvalid, name, k)
		}
	}
	return nil
}

// StoreVerified puts value into s under name, safely:
//
//   - the same value already present: nothing is written, Outcome.Reused;
//   - a different value present: an error wrapping ErrNameTaken (*NameTakenError);
//     the caller picks another name, the secret is never overwritten;
//   - absent: Set, then Get back and compare hashes: Outcome.Stored and the version.
//
// Errors name the secret (`store secret "db-password": ...`) and never hold the value.
func StoreVerified(ctx context.Context, s Store, name, value string, p SetParams) (Outcome, error) {
	wrap := func(err error) error { return fmt.Errorf("store secret %q: %w", name, err) }
	if err := Check(name, value, p); err != nil {
		return Outcome{}, err
	}
	want := Hash(value)
	out := Outcome{Name: name, Hash: want}

	got, found, err := s.Get(ctx, name)
	if err != nil {
		return Outcome{}, wrap(err)
	}
	if found {
		if Hash(got) == want {
			out.Reused = true
			return out, nil
		}
		return Outcome{}, &NameTakenError{Name: name}
	}

	version, err := s.Set(ctx, name, value, p)
	if err != nil {
		return Outcome{}, wrap(err)
	}
	got, found, err = s.Get(ctx, name)
	if err != nil {
		return Outcome{}, wrap(fmt.Errorf("read back: %w", err))
	}
	if !found {
		return Outcome{}, wrap(fmt.Errorf("read back: secret not found after writing version %s: %w", version, ErrVerify))
	}
	if Hash(got) != want {
		return Outcome{}, wrap(fmt.Errorf("read back version %s: %w", version, ErrVerify))
	}
	out.Stored = true
	out.Version = version
	return out, nil
}
