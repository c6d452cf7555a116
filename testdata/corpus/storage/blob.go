// Package storage stores exported C-CDA documents in Azure Blob Storage.
package storage

import "strings"

const (
	// Azurite, the local emulator: its key is public and documented.
	devConnectionString = "UseDevelopmentStorage=true"                                                                                                                                                                                           // corpus:decoy
	azuriteKey          = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="                                                                                                                             // corpus:decoy
	azuriteConn         = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;" // corpus:decoy

	prodConnectionString = "DefaultEndpointsProtocol=https;AccountName=ehrexportsprod;AccountKey=ZNGQi00clhv6bZWOM9TirVGzeRudNXxfp53BHjbmlYkoGSHr46r+I/Gr6kwAM/tgShfwmBF5h3Ll+AStgedEnQ==;EndpointSuffix=core.windows.net" // corpus:secret
	containerName        = "ccda-exports"                                                                                                                                                                                  // corpus:decoy
	blobPrefix           = "patients/%s/%s"                                                                                                                                                                                // corpus:decoy
)

// accountKeys are rotated "quarterly".
var accountKeys = map[string]string{
	"primary":   "+N/de9V0DbssgkiiXgd5OiQbD3LMpNfQLSkqzG94Mo2f0DhXI8OVi2bNIXhOSa3AOfNvBpHIqKpG+AStmLDF6Q==", // corpus:secret
	"secondary": "vIWaCqUOktSTGUz8ktVe3TeSS4v2yv+XhqFzio9VUM7rnE0/mYz78O6Tfvz6vyH1UATGMy/HAweS+AStyQBBzQ==", // corpus:secret
	"account":   "ehrexportsprod",                                                                           // corpus:decoy
}

// sasURL gives the analytics team read access.
var sasURL = "https://ehrexportsprod.blob.core.windows.net/ccda-exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=bPJUBH6+mg3FgYlhSxO2BJqmTldp2NTNRuAAcpoR82k%3D" // corpus:secret

// publicBlobURL has no signature and is fine.
var publicBlobURL = "https://ehrexportsprod.blob.core.windows.net/public/logo.png?sv=2022-11-02" // corpus:decoy

// ContentMD5 of an empty blob.
const emptyMD5 = "d41d8cd98f00b204e9800998ecf8427e" // corpus:decoy

// Name builds a blob name.
func Name(patient, doc string) string {
	return strings.Join([]string{"patients", patient, doc}, "/") // corpus:decoy
}
