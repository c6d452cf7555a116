package vault

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

// AzureOptions configures NewAzure. The zero value is right for production.
type AzureOptions struct {
	// ClientOptions go to the azsecrets client: Transport (tests pass one
	// that trusts a test CA), Retry, Logging, Cloud. Zero fields of Retry
	// take the values of DefaultRetryOptions.
	ClientOptions azcore.ClientOptions
	// DisableChallengeResourceVerification lets the client answer an
	// authentication challenge whose resource is not a parent domain of the
	// vault host. Tests that talk to https://127.0.0.1:PORT/ need it.
	DisableChallengeResourceVerification bool
	// AllowLoopback accepts https://127.0.0.1:PORT/ (or localhost, [::1]) as
	// the vault URL. For tests only.
	AllowLoopback bool
}

// DefaultRetryOptions are the retry settings NewAzure uses for zero fields of
// AzureOptions.ClientOptions.Retry: 4 retries with exponential backoff from
// 1s (with jitter) up to 60s, on 408, 429, 500, 502, 503, 504 and on
// connection errors. azcore's retry policy waits for Retry-After (seconds or
// HTTP date), retry-after-ms or x-ms-retry-after-ms when the response has
// one; a Retry-After longer than MaxRetryDelay ends the retries.
func DefaultRetryOptions() policy.RetryOptions {
	return policy.RetryOptions{
		MaxRetries:    4,
		RetryDelay:    time.Second,
		MaxRetryDelay: 60 * time.Second,
		StatusCodes: []int{
			http.StatusRequestTimeout,
			http.StatusTooManyRequests,
			http.StatusInternalServerError,
			http.StatusBadGateway,
			http.StatusServiceUnavailable,
			http.StatusGatewayTimeout,
		},
	}
}

// Azure is a Store backed by an Azure Key Vault through azsecrets.
type Azure struct {
	client    *azsecrets.Client
	url, name string
}

var _ Store = (*Azure)(nil)

// NewAzure returns a Store for the vault at vaultURL (checked with
// ParseVaultURL), authenticating with cred, typically
// azidentity.NewDefaultAzureCredential. opts may be nil.
func NewAzure(vaultURL string, cred azcore.TokenCredential, opts *AzureOptions) (*Azure, error) {
	if opts == nil {
		opts = &AzureOptions{}
	}
	if cred == nil {
		return nil, errors.New("key vault: no credential")
	}
	u, name, err := ParseVaultURL(vaultURL, opts.AllowLoopback)
	if err != nil {
		return nil, err
	}
	co := opts.ClientOptions
	def := DefaultRetryOptions()
	r := &co.Retry
	if r.MaxRetries == 0 {
		r.MaxRetries = def.MaxRetries
	}
	if r.RetryDelay == 0 {
		r.RetryDelay = def.RetryDelay
	}
	if r.MaxRetryDelay == 0 {
		r.MaxRetryDelay = def.MaxRetryDelay
	}
	if r.StatusCodes == nil {
		r.StatusCodes = def.StatusCodes
	}
	c, err := azsecrets.NewClient(u, cred, &azsecrets.ClientOptions{
		ClientOptions:                        co,
		DisableChallengeResourceVerification: opts.DisableChallengeResourceVerification,
	})
	if err != nil {
		return nil, fmt.Errorf("key vault %s: %w", u, err)
	}
	return &Azure{client: c, url: u, name: name}, nil
}

// URL returns the normalized vault URL, such as https://myvault.vault.azure.net/.
func (a *Azure) URL() string { return a.url }

// Client returns the underlying azsecrets client.
func (a *Azure) Client() *azsecrets.Client { return a.client }

// Get reads the latest version of the secret (versionless GetSecret).
// A 404 SecretNotFound gives found=false, unless the name belongs to a
// deleted but recoverable secret: then the error is a *DeletedError.
func (a *Azure) Get(ctx context.Context, name string) (string, bool, error) {
	resp, err := a.client.GetSecret(ctx, name, "", nil)
	if err == nil {
		if resp.Value == nil {
			return "", true, nil
		}
		return *resp.Value, true, nil
	}
	var re *azcore.ResponseError
	if errors.As(err, &re) && re.StatusCode == http.StatusNotFound && re.ErrorCode == "SecretNotFound" {
		// A soft-deleted secret answers 404 too; tell the two apart so the
		// caller learns why a later Set would fail with 409. Any failure of
		// this second look (404, or 403 without permission) means "absent".
		if _, derr := a.client.GetDeletedSecret(ctx, name, nil); derr == nil {
			return "", false, &DeletedError{Name: name, Vault: a.name}
		}
		return "", false, nil
	}
	return "", false, a.fail("get", name, err)
}

// Set writes a new, enabled version of the secret and returns its version.
// A 409 Conflict (the name belongs to a deleted but recoverable secret) gives
// a *DeletedError.
func (a *Azure) Set(ctx context.Context, name, value string, p SetParams) (string, error) {
	params := azsecrets.SetSecretParameters{
		Value:            &value,
		SecretAttributes: &azsecrets.SecretAttributes{Enabled: ptr(true)},
	}
	if p.ContentType != "" {
		params.ContentType = ptr(p.ContentType)
	}
	if p.Expires != nil {
		exp := p.Expires.UTC()
		params.SecretAttributes.Expires = &exp
	}
	if len(p.Tags) > 0 {
		params.Tags = make(map[string]*string, len(p.Tags))
		for k, v := range p.Tags {
			params.Tags[k] = ptr(v)
		}
	}
	resp, err := a.client.SetSecret(ctx, name, params, nil)
	if err != nil {
		var re *azcore.ResponseError
		if errors.As(err, &re) && re.StatusCode == http.StatusConflict {
			return "", &DeletedError{Name: name, Vault: a.name}
		}
		return "", a.failSet(name, value, err)
	}
	if resp.ID == nil {
		return "", nil
	}
	return resp.ID.Version(), nil
}

// fail turns an SDK error into an *Error without the response body, which
// azcore.ResponseError.Error() would print in full.
func (a *Azure) fail(op, name string, err error) error {
	var re *azcore.ResponseError
	if errors.As(err, &re) {
		e := &Error{Op: op, Name: name, StatusCode: re.StatusCode, Code: re.ErrorCode}
		e.Code, e.Inner, e.Message = serviceError(re)
		return e
	}
	return &Error{Op: op, Name: name, Err: err}
}

// failSet is fail for a SetSecret, whose request body holds the value: a
// service message that could quote that body (a misbehaving server or proxy
// echoing the request) is dropped.
func (a *Azure) failSet(name, value string, err error) error {
	e := a.fail("set", name, err)
	var ve *Error
	if errors.As(e, &ve) && ve.Message != "" {
		quoted, _ := json.Marshal(value)
		if strings.Contains(ve.Message, value) || strings.Contains(ve.Message, string(quoted[1:len(quoted)-1])) ||
			strings.Contains(ve.Message, `"value"`) {
			ve.Message = "(the service's message quoted the request and was dropped)"
		}
	}
	return e
}

// serviceError reads Key Vault's error body ({"error": {"code", "message",
// "innererror": {"code"}}}) from the response the SDK kept. It never returns
// the body itself, only those three fields; the message is cut to 300
// characters. The SDK's own ErrorCode is the fallback.
func serviceError(re *azcore.ResponseError) (code, inner, message string) {
	code = re.ErrorCode
	if re.RawResponse == nil || re.RawResponse.Body == nil {
		return code, "", ""
	}
	body, err := io.ReadAll(io.LimitReader(re.RawResponse.Body, 64<<10))
	if err != nil {
		return code, "", ""
	}
	var doc struct {
		Error struct {
			Code       string `json:"code"`
			Message    string `json:"message"`
			InnerError struct {
				Code string `json:"code"`
			} `json:"innererror"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &doc) != nil {
		return code, "", ""
	}
	if doc.Error.Code != "" {
		code = doc.Error.Code
	}
	message = strings.Join(strings.Fields(doc.Error.Message), " ")
	if len(message) > 300 {
		message = message[:300] + "..."
	}
	return code, doc.Error.InnerError.Code, message
}

func ptr[T any](v T) *T { return &v }
