// Package sharedkeyauth is a fixture: positives with want, decoys beside them.
package sharedkeyauth

import (
	"os"

	"sharedkeyauth/other"

	"github.com/Azure/azure-sdk-for-go/sdk/ai/azopenai"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/data/azappconfig"
	"github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos"
	"github.com/Azure/azure-sdk-for-go/sdk/data/aztables"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/eventgrid/azeventgrid/publisher"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container"
	blobservice "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/service"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azdatalake/service"
	fileservice "github.com/Azure/azure-sdk-for-go/sdk/storage/azfile/service"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azqueue"
)

// Have: a storage account key; the credential beside its client is one finding.
func blob(account, key, url string) (*azblob.Client, error) {
	cred, err := azblob.NewSharedKeyCredential(account, key)
	if err != nil {
		return nil, err
	}
	return azblob.NewClientWithSharedKeyCredential(url, cred, nil) // want `azblob.NewClientWithSharedKeyCredential authenticates to Blob Storage with a shared account key, a stored secret as a client secret is: use azblob.NewClient\(serviceURL, cred, nil\) with a credential from azidentity.NewDefaultAzureCredential, and set allowSharedKeyAccess to false on the storage account`
}

// Have: the credential alone (handed elsewhere, a SAS signed with it).
func keyOnly(account, key string) *azblob.SharedKeyCredential {
	cred, _ := azblob.NewSharedKeyCredential(account, key) // want `azblob.NewSharedKeyCredential authenticates to Blob Storage with a shared account key`
	return cred
}

func storageFamily(account, key, url string, k *service.SharedKeyCredential, q *azqueue.SharedKeyCredential, f *fileservice.SharedKeyCredential, b *blobservice.SharedKeyCredential) {
	_, _ = service.NewClientWithSharedKeyCredential(url, k, nil)        // want `service.NewClientWithSharedKeyCredential authenticates to Data Lake Storage with a shared account key`
	_, _ = azqueue.NewServiceClientWithSharedKeyCredential(url, q, nil) // want `azqueue.NewServiceClientWithSharedKeyCredential authenticates to Queue Storage`
	_, _ = fileservice.NewClientWithSharedKeyCredential(url, f, nil)    // want `service.NewClientWithSharedKeyCredential authenticates to Azure Files .*FileRequestIntent`
	_, _ = blobservice.NewClientWithSharedKeyCredential(url, b, nil)    // want `service.NewClientWithSharedKeyCredential authenticates to Blob Storage`
	t, _ := aztables.NewSharedKeyCredential(account, key)
	_, _ = aztables.NewServiceClientWithSharedKey(url, t, nil) // want `aztables.NewServiceClientWithSharedKey authenticates to Table Storage with a shared account key`
}

func cosmos(endpoint, key string) {
	cred, _ := azcosmos.NewKeyCredential(key)
	_, _ = azcosmos.NewClientWithKey(endpoint, cred, nil) // want `azcosmos.NewClientWithKey authenticates to Cosmos DB with a shared account key.*disableLocalAuth to true on the Cosmos DB account`
}

func cosmosKeyOnly(key string) (azcosmos.KeyCredential, error) {
	return azcosmos.NewKeyCredential(key) // want `azcosmos.NewKeyCredential authenticates to Cosmos DB`
}

// Have: connection strings, wherever they come from.
func connectionStrings(cs string) {
	_, _ = azservicebus.NewClientFromConnectionString(os.Getenv("SB"), nil)  // want `azservicebus.NewClientFromConnectionString authenticates to Service Bus with a connection string \(the key inside it\).*azservicebus.NewClient\("<namespace>.servicebus.windows.net", cred, nil\)`
	_, _ = azeventhubs.NewProducerClientFromConnectionString(cs, "hub", nil) // want `azeventhubs.NewProducerClientFromConnectionString authenticates to Event Hubs with a connection string`
	_, _ = azappconfig.NewClientFromConnectionString(cs, nil)                // want `azappconfig.NewClientFromConnectionString authenticates to App Configuration`
	_, _ = azblob.NewClientFromConnectionString(cs, nil)                     // want `azblob.NewClientFromConnectionString authenticates to Blob Storage`
	_, _ = azqueue.NewServiceClientFromConnectionString(cs, nil)             // want `azqueue.NewServiceClientFromConnectionString authenticates to Queue Storage`
	_, _ = aztables.NewServiceClientFromConnectionString(cs, nil)            // want `aztables.NewServiceClientFromConnectionString authenticates to Table Storage`
	_, _ = azcosmos.NewClientFromConnectionString(cs, nil)                   // want `azcosmos.NewClientFromConnectionString authenticates to Cosmos DB`
}

// Have: azcore key and SAS credentials for services that accept Entra ID.
func apiKeys(endpoint, key, sas string) {
	_, _ = azopenai.NewClientWithKeyCredential(endpoint, azcore.NewKeyCredential(key), nil)        // want `azopenai.NewClientWithKeyCredential authenticates to Azure OpenAI / AI Services with an API key \(azcore.KeyCredential\)`
	_, _ = publisher.NewClientWithSharedKeyCredential(endpoint, azcore.NewKeyCredential(key), nil) // want `publisher.NewClientWithSharedKeyCredential authenticates to Event Grid with an API key`
	_, _ = publisher.NewClientWithSAS(endpoint, azcore.NewSASCredential(sas), nil)                 // want `publisher.NewClientWithSAS authenticates to Event Grid with a shared access signature`
}

// Decoys: the Entra ID constructors, a method of a client, same-named
// functions of another package, and the key credential alone (its
// service is unknown).
func decoys(url, cs, key string, cred azcore.TokenCredential) {
	_, _ = azblob.NewClient(url, cred, nil)
	_, _ = azservicebus.NewClient("contoso.servicebus.windows.net", cred, nil)
	_, _ = azopenai.NewClient(url, cred, nil)
	c, _ := azblob.NewClient(url, cred, nil)
	_ = c.ServiceClient()
	_, _ = other.NewClientFromConnectionString(cs)
	_, _ = other.NewSharedKeyCredential("a", key)
	_ = azcore.NewKeyCredential(key)
}

// Have: credential types that are aliases of the SDK's internal ones, as
// azblob/container's and azcore's are.
func aliases(account, key, url, cs string) {
	cred, _ := container.NewSharedKeyCredential(account, key)
	_, _ = container.NewClientWithSharedKeyCredential(url, cred, nil) // want `container.NewClientWithSharedKeyCredential authenticates to Blob Storage with a shared account key`
	_, _ = container.NewClientFromConnectionString(cs, "c", nil)      // want `container.NewClientFromConnectionString authenticates to Blob Storage with a connection string`
}
