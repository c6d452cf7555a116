// Package handlers serves the EHR integration API. Handlers read secrets
// through the cached provider, never from Key Vault directly.
package handlers

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"time"

	"ehrservice/internal/fhir"
)

// SecretSource is the cached secret provider.
type SecretSource interface {
	Get(ctx context.Context, name string) (string, error)
}

// Server holds the handlers' dependencies.
type Server struct {
	FHIR              *fhir.Client
	Secrets           SecretSource
	WebhookSecretName string
	Log               *slog.Logger
}

// Routes registers the handlers on mux.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /patients/{id}", s.patient)
	mux.Handle("POST /webhooks/admission", http.HandlerFunc(s.admissionWebhook))
}

func (s *Server) patient(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := r.PathValue("id")
	p, err := s.FHIR.Patient(r.Context(), id)
	if err != nil {
		s.Log.Error("fhir lookup failed", "patient", id, "err", err)
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(p); err != nil {
		s.Log.Warn("write response", "err", err)
	}
	s.Log.Info("patient served", "patient", id, "took", time.Since(start))
}

// admissionWebhook verifies the HMAC signature of an admission event.
func (s *Server) admissionWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	signingKey, err := s.Secrets.Get(r.Context(), s.WebhookSecretName)
	if err != nil {
		s.Log.Error("webhook signing key unavailable", "name", s.WebhookSecretName, "err", err)
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	mac := hmac.New(sha256.New, []byte(signingKey))
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	got := r.Header.Get("X-Signature-SHA256")
	if !hmac.Equal([]byte(want), []byte(got)) {
		s.Log.Warn("webhook signature mismatch", "remote", r.RemoteAddr, "bytes", len(body))
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
