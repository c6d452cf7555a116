package secretlog

import (
	"context"
	"encoding/json"
	"net/http"
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// Response bodies written by encoders and web frameworks.

func jsonHandler(c *azsecrets.Client) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := c.GetSecret(r.Context(), "api-key", "", nil)
		if err != nil {
			json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"key": *resp.Value}) // want `a Key Vault secret value flows into \(\*encoding/json.Encoder\).Encode to the http response`
		enc := json.NewEncoder(os.Stdout)
		enc.Encode(resp) // want `a Key Vault secret flows into \(\*encoding/json.Encoder\).Encode to os.Stdout`
		_ = json.NewEncoder(w).Encode(map[string]string{"version": resp.ID.Version()})
	}
}

func ginHandler(ctx context.Context, c *azsecrets.Client) gin.HandlerFunc {
	return func(g *gin.Context) {
		resp, _ := c.GetSecret(ctx, "api-key", "", nil)
		g.JSON(http.StatusOK, gin.H{"key": *resp.Value}) // want `a Key Vault secret value flows into the http response \(\(\*github.com/gin-gonic/gin.Context\).JSON\)`
		g.String(http.StatusOK, "stored %s", "api-key")
	}
}

func echoHandler(c *azsecrets.Client) echo.HandlerFunc {
	return func(e echo.Context) error {
		resp, _ := c.GetSecret(e.Request().Context(), "api-key", "", nil)
		return e.JSON(http.StatusOK, map[string]string{"key": *resp.Value}) // want `flows into the http response`
	}
}
