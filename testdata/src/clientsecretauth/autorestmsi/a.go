// Package autorestmsi never names AZURE_CLIENT_SECRET: an authorizer from
// the environment may be a managed identity here, and is not reported.
package autorestmsi

import (
	"github.com/Azure/go-autorest/autorest"
	"github.com/Azure/go-autorest/autorest/azure/auth"
)

func fromEnvironment() (autorest.Authorizer, error) {
	return auth.NewAuthorizerFromEnvironment()
}
