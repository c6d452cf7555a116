// Package secretlog is a fixture: positives with want, decoys beside them.
package secretlog

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

func vault(ctx context.Context, c *azsecrets.Client, name string) error {
	resp, err := c.GetSecret(ctx, name, "", nil)
	if err != nil {
		return fmt.Errorf("get secret %s: %w", name, err) // the name and the error are fine
	}
	log.Printf("password is %s", *resp.Value)          // want `a Key Vault secret value flows into log.Printf: log a redacted form \(a short prefix and the length, or a hash\) or nothing`
	log.Println("value:", resp.Secret.Value)           // want `a Key Vault secret value flows into log.Println`
	fmt.Printf("%+v\n", resp)                          // want `a Key Vault secret flows into fmt.Printf`
	slog.Info("loaded", "value", *resp.Value)          // want `flows into slog.Info`
	slog.Info("loaded", slog.String("v", *resp.Value)) // want `flows into slog.Info`
	log.Printf("loaded %s, %d bytes", name, len(*resp.Value))
	log.Printf("loaded %s version %s", name, resp.ID.Version())

	v := *resp.Value
	conn := "Server=db;Password=" + v
	log.Print(conn) // want `a Key Vault secret value flows into log.Print`
	msg := fmt.Sprintf("conn=%s", conn)
	fmt.Fprintln(os.Stderr, msg) // want `flows into fmt.Fprintln to os.Stderr`
	fmt.Fprintln(io.Discard, msg)
	_ = errors.New("bad secret " + v) // want `flows into errors.New`

	var b strings.Builder
	b.WriteString("dsn=")
	b.WriteString(strings.TrimSpace(v))
	log.Print(b.String()) // want `flows into log.Print`

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s", v)
	os.Stdout.Write(buf.Bytes()) // want `flows into os.Stdout.Write`

	log.Printf("hash %x", sha256.Sum256([]byte(v)))
	log.Printf("redacted %s", redact(v))
	log.Printf("masked %s", maskSecret(v))
	log.Printf("prefix %s...", v[:4])
	return nil
}

func redact(s string) string     { return "****" }
func maskSecret(s string) string { return "****" }

type cache struct {
	value  string
	secret string
	name   string
}

func (c *cache) store(resp azsecrets.GetSecretResponse) {
	c.value = *resp.Value
	log.Printf("cached %s", c.value) // want `a Key Vault secret value flows into log.Printf`
	log.Printf("cached %s", c.name)
	c.name = "db-password"
	log.Printf("cached %s", c.name)
}

func fields(m map[string]string, resp *azsecrets.GetSecretResponse) {
	m["db"] = *resp.Value
	log.Printf("%v", m) // want `flows into log.Printf`
}

type settings struct {
	ClientSecret string
	ClientID     string
	SecretName   string
	PasswordFile string
	DBPassword   *string
}

func byName(cfg settings, password string, apiKey []byte, nextPageToken string) {
	log.Printf("client %s secret %s", cfg.ClientID, cfg.ClientSecret) // want `the secret-named field ClientSecret flows into log.Printf`
	log.Printf("secret name %s from %s", cfg.SecretName, cfg.PasswordFile)
	log.Printf("password %s", password)  // want `the secret-named password flows into log.Printf`
	log.Printf("db %s", *cfg.DBPassword) // want `the secret-named field DBPassword flows`
	fmt.Println(string(apiKey))          // want `the secret-named apiKey flows into fmt.Println`
	log.Printf("next page %s", nextPageToken)
	log.Printf("password set: %t", password != "")
	log.Printf("password length: %d", len(password))
	println(password) // want `the secret-named password flows into println`
}

func loggers(zl *zap.Logger, zr *zerolog.Logger, password string) {
	zl.Info("login", zap.String("user", "bob"), zap.String("password", password)) // want `flows into \(\*go.uber.org/zap.Logger\).Info`
	zl.Info("login", zap.String("user", "bob"))
	zl.Sugar().Infof("login %s", password)               // want `flows into \(\*go.uber.org/zap.SugaredLogger\).Infof`
	logrus.Infof("login %s", password)                   // want `flows into logrus.Infof`
	logrus.WithField("password", password).Info("login") // want `flows into \(\*github.com/sirupsen/logrus.Entry\).Info`
	zr.Info().Str("password", password).Msg("login")     // want `flows into \(\*github.com/rs/zerolog.Event\).Msg`
	zr.Info().Str("user", "bob").Msg("login")
	l := slog.With("password", password)
	l.Info("login") // want `flows into \(\*log/slog.Logger\).Info`
}

func handler(c *azsecrets.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := c.GetSecret(r.Context(), "api-key", "", nil)
		if err != nil {
			http.Error(w, "unavailable", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(*resp.Value))                                // want `flows into the http response.Write`
		fmt.Fprintf(w, "key=%s", *resp.Value)                       // want `flows into fmt.Fprintf to the http response`
		io.WriteString(w, *resp.Value)                              // want `flows into io.WriteString to the http response`
		http.Error(w, "bad key "+*resp.Value, http.StatusForbidden) // want `flows into the http response \(http.Error\)`
		w.Write([]byte("ok"))
	}
}

func closure(ctx context.Context, c *azsecrets.Client) {
	resp, _ := c.GetSecret(ctx, "x", "", nil)
	defer func() {
		log.Println(*resp.Value) // want `flows into log.Println`
	}()
}

var pkgLevel = func(clientSecret string) {
	log.Print(clientSecret) // want `the secret-named clientSecret flows into log.Print`
}

// A zerolog event logs when Msg is called, not when a field is added.
func zerologEvent(zr *zerolog.Logger, password string, more bool) *zerolog.Event {
	ev := zr.Info().Str("user", "bob")
	if more {
		ev.Str("password", password)
	}
	return ev
}

func zerologEmit(zr *zerolog.Logger, password string) {
	ev := zr.Info()
	ev.Str("password", password)
	ev.Msg("login") // want `the secret-named password flows into \(\*github.com/rs/zerolog.Event\).Msg`
}
