package sharedkeyauth

import (
	"sharedkeyauth/other"

	openai "github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	oldopenai "github.com/Azure/azure-sdk-for-go/sdk/cognitiveservices/azopenai"
	"github.com/Azure/azure-sdk-for-go/sdk/maps/azmaps"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventgrid"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus/admin"
	"github.com/Azure/azure-sdk-for-go/sdk/search/azsearch"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azdatalake/service"
	fileservice "github.com/Azure/azure-sdk-for-go/sdk/storage/azfile/service"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azqueue"
)

// Have: each storage family's key credential alone (handed to a client
// elsewhere, or used to sign a SAS).
func keyCredentials(account, key string) {
	_, _ = azqueue.NewSharedKeyCredential(account, key)     // want `azqueue.NewSharedKeyCredential authenticates to Queue Storage with a shared account key`
	_, _ = fileservice.NewSharedKeyCredential(account, key) // want `service.NewSharedKeyCredential authenticates to Azure Files with a shared account key`
	_, _ = service.NewSharedKeyCredential(account, key)     // want `service.NewSharedKeyCredential authenticates to Data Lake Storage with a shared account key`
}

// Have: the remaining connection-string constructors.
func moreConnectionStrings(cs string) {
	_, _ = azeventhubs.NewConsumerClientFromConnectionString(cs, "hub", "$Default", nil) // want `azeventhubs.NewConsumerClientFromConnectionString authenticates to Event Hubs with a connection string`
	_, _ = admin.NewClientFromConnectionString(cs, nil)                                  // want `admin.NewClientFromConnectionString authenticates to Service Bus with a connection string`
}

// Have: azcore key and SAS credentials for every service family that
// accepts Entra ID, at each path the SDK has published it under.
func moreAPIKeys(endpoint, key, sas string) {
	_, _ = azeventgrid.NewClientWithSharedKeyCredential(endpoint, azcore.NewKeyCredential(key), nil) // want `azeventgrid.NewClientWithSharedKeyCredential authenticates to Event Grid with an API key \(azcore.KeyCredential\).*use azeventgrid.NewClient`
	_, _ = azeventgrid.NewClientWithSAS(endpoint, azcore.NewSASCredential(sas), nil)                 // want `azeventgrid.NewClientWithSAS authenticates to Event Grid with a shared access signature`
	_, _ = azsearch.NewClientWithKeyCredential(endpoint, "index", azcore.NewKeyCredential(key), nil) // want `azsearch.NewClientWithKeyCredential authenticates to AI Search with an API key \(azcore.KeyCredential\).*disableLocalAuth to true on the search service`
	_, _ = azmaps.NewClientWithSharedKey(azcore.NewKeyCredential(key), nil)                          // want `azmaps.NewClientWithSharedKey authenticates to Azure Maps with an API key \(azcore.KeyCredential\)`
	_, _ = azmaps.NewClientWithSAS(azcore.NewSASCredential(sas), nil)                                // want `azmaps.NewClientWithSAS authenticates to Azure Maps with a shared access signature`
	cred, _ := oldopenai.NewKeyCredential(key)
	_, _ = oldopenai.NewClientWithKeyCredential(endpoint, cred, nil) // want `azopenai.NewClientWithKeyCredential authenticates to Azure OpenAI / AI Services with an API key, .*use the package.s NewClient`
}

// Have: the first azopenai path's key credential alone.
func oldOpenAIKey(key string) (oldopenai.KeyCredential, error) {
	return oldopenai.NewKeyCredential(key) // want `azopenai.NewKeyCredential authenticates to Azure OpenAI / AI Services with an API key`
}

// Decoys: the public OpenAI endpoint takes no Entra ID token (at both
// paths), the Entra ID constructors of the new families, and same-named
// functions of another package.
func moreDecoys(endpoint, key string, tc azcore.TokenCredential, oldKey oldopenai.KeyCredential) {
	_, _ = openai.NewClientForOpenAI("https://api.openai.com/v1", azcore.NewKeyCredential(key), nil)
	_, _ = oldopenai.NewClientForOpenAI("https://api.openai.com/v1", oldKey, nil)
	_, _ = azeventgrid.NewClient(endpoint, tc, nil)
	_, _ = azsearch.NewClient(endpoint, "index", tc, nil)
	_, _ = azmaps.NewClient("client-id", tc, nil)
	_, _ = admin.NewClient("contoso.servicebus.windows.net", tc, nil)
	_, _ = other.NewClientWithSharedKeyCredential(endpoint, &other.SharedKeyCredential{})
	_, _ = other.NewKeyCredential(key)
	_, _ = other.NewClientWithKeyCredential(endpoint, azcore.NewKeyCredential(key))
}
