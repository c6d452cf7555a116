package detect

import (
	"strconv"
	"testing"
)

// TestSecretNameMore checks the names of words_more.go: secret_key_base
// and JWT signing keys, with the names beside them that are not secrets.
func TestSecretNameMore(t *testing.T) {
	yes := []string{"secret_key_base", "SECRET_KEY_BASE", "secretKeyBase", "JWTSigning", "jwt_signing", "JwtSigningKey",
		"bastion_private_ssh_key", "privateSSHKey", "private_rsa_key", "SECRET_GPG_KEY"}
	no := []string{"secret_key_base_path", "keyBase", "key_base", "base", "signingMethod", "requestSigning",
		"signing", "AUTH_KEY_HEADER", "jwtSigningAlg",
		"public_ssh_key", "ssh_key", "rsa_key_size", "private_ssh_key_path", "sshKeyName"}
	checkYesNo(t, "secretName", secretName, strconv.Quote, yes, no)
}
