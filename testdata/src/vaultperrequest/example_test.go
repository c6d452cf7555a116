package vaultperrequest_test

import (
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets"
)

var client *azsecrets.Client

// An example handler is documentation: judged as production code.
func Example_handler() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		_, _ = client.GetSecret(r.Context(), "partner-api-key", "", nil) // want `GetSecret is called on every request in this http handler`
	})
}

// A test helper beside it is test code: skipped by default.
func handlerForTest(w http.ResponseWriter, r *http.Request) {
	_, _ = client.GetSecret(r.Context(), "partner-api-key", "", nil)
}
