// Command ehrservice is the EHR integration service: it serves patient data
// from the hospital's FHIR API and receives admission webhooks. It
// authenticates to Azure with DefaultAzureCredential (managed identity in
// Azure, developer sign-in locally) and reads its secrets from Key Vault.
package main

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"

	"ehrservice/internal/config"
	"ehrservice/internal/fhir"
	"ehrservice/internal/handlers"
	"ehrservice/internal/rotation"
	"ehrservice/internal/secrets"
)

func main() {
	if err := run(); err != nil {
		log.Fatalf("ehrservice: %v", err)
	}
}

func run() error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewJSONHandler(os.Stderr, nil))

	cred, err := azidentity.NewDefaultAzureCredential(nil)
	if err != nil {
		return err
	}
	vault, err := azsecrets.NewClient(cfg.VaultURL, cred, nil)
	if err != nil {
		return err
	}
	provider := secrets.NewProvider(secrets.Client(vault), cfg.SecretTTL, logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := provider.Warm(ctx, cfg.SecretNames.FHIRClientSecret, cfg.SecretNames.WebhookSigning); err != nil {
		return err
	}

	fhirClient, err := fhir.New(cfg.FHIRBaseURL, func(ctx context.Context) (string, error) {
		return provider.Get(ctx, cfg.SecretNames.FHIRClientSecret)
	})
	if err != nil {
		return err
	}
	srv := &handlers.Server{FHIR: fhirClient, Secrets: provider, WebhookSecretName: cfg.SecretNames.WebhookSigning, Log: logger}
	mux := http.NewServeMux()
	srv.Routes(mux)

	rot := &rotation.Rotator{Client: vault, Lifetime: 90 * 24 * time.Hour, Log: logger}
	go func() {
		t := time.NewTicker(cfg.RotationEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if _, err := rot.Rotate(ctx, cfg.SecretNames.WebhookSigning); err != nil {
					logger.Error("rotation failed", "err", err)
				}
			}
		}
	}()

	httpSrv := &http.Server{Addr: cfg.Addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = httpSrv.Shutdown(shutdown)
	}()
	logger.Info("listening", "addr", cfg.Addr, "vault", cfg.VaultURL)
	if err := httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
