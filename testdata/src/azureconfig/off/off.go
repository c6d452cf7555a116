// Package off is a fixture run with the pinnedversion analyzer turned off.
package off

const pinned = "https://ehr-test.vault.azure.net/secrets/db-password/00112233445566778899aabbccddeeff"
