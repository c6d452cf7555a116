package vaultperrequest

import (
	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
	"github.com/labstack/echo/v4"
)

func echoHandler(c *azsecrets.Client) echo.HandlerFunc {
	return func(ec echo.Context) error {
		_, err := c.GetSecret(ec.Request().Context(), "g", "", nil) // want `GetSecret is called on every request in this echo handler`
		return err
	}
}

// notEcho takes an echo.Context but returns nothing: not an echo handler.
func notEcho(c *azsecrets.Client, ec echo.Context) {
	_, _ = c.GetSecret(ec.Request().Context(), "h", "", nil)
}
