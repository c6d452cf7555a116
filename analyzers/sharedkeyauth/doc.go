// Package sharedkeyauth defines an Analyzer that reports authentication to
// Azure services with a static key or connection string where the service
// accepts a Microsoft Entra identity.
//
// # Analyzer sharedkeyauth
//
// sharedkeyauth: report Azure service authentication with account keys, API keys or connection strings
//
// An account key, an API key or a connection string (which holds a key) is
// the same anti-pattern as a client secret: a stored secret, valid until
// someone rotates it, that grants the whole account. The services below
// accept a Microsoft Entra identity instead: a managed or workload identity
// through azidentity.NewDefaultAzureCredential, with no secret to store.
// Matched by package path and name through go/types (import aliases and dot
// imports included; a same-named function of another package is not a
// hit), in the Azure SDK's packages for Blob, Queue, Files and Data Lake
// Storage, Tables, Cosmos DB, Service Bus, Event Hubs, App Configuration,
// Event Grid, Azure OpenAI and AI Services, Search and Maps:
//
//   - KV220 shared-key-credential: a client constructor taking the
//     service's shared key credential (azblob.NewClientWithSharedKeyCredential,
//     aztables.NewServiceClientWithSharedKey, azcosmos.NewClientWithKey), and
//     the credential's constructor (azblob.NewSharedKeyCredential,
//     azcosmos.NewKeyCredential) in a function that does not also call such
//     a client constructor (one finding per use).
//   - KV221 connection-string-auth: every ...FromConnectionString constructor
//     (azservicebus.NewClientFromConnectionString,
//     azeventhubs.NewProducerClientFromConnectionString,
//     azappconfig.NewClientFromConnectionString, azblob, azqueue, aztables).
//   - KV222 key-credential-auth: a client constructor taking an
//     azcore.KeyCredential or azcore.SASCredential (made by
//     azcore.NewKeyCredential or NewSASCredential) for a service that
//     accepts Entra ID (azopenai.NewClientWithKeyCredential, Event Grid's
//     publisher.NewClientWithSharedKeyCredential and NewClientWithSAS).
//
// Each message names the Entra ID replacement for the service (its
// NewClient(url, cred, options) with a credential from
// azidentity.NewDefaultAzureCredential) and the setting that turns local
// (key) authentication off on the resource, without which a leaked key
// keeps working.
//
// A suggested fix is offered for a client constructor when it is safe: the
// package has the Entra ID constructor with the same parameters but an
// azcore.TokenCredential in place of the key, exactly one variable in scope
// at the call holds an azcore.TokenCredential, and removing the key
// argument leaves no local variable or import unused. The fix replaces the
// constructor's name and the key argument; nothing else.
//
// The SDK's own code is not a user of it: a call inside the package (or the
// module) that defines the constructor is not reported. Test files are
// judged too, unless the configuration says tests: skip; but a test's call
// whose every credential argument is a constant the credential rules do not
// flag (azblob.NewSharedKeyCredential("testaccount", "dGVzdGtleQ=="), a
// client made from that credential) authenticates to nothing and is not
// reported. A key read at run time in a test, and any call in an Example
// function, is.
package sharedkeyauth
