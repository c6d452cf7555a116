package iac

import "github.com/kvlint/kvlint/rules"

// Analyzer is the analyzer name of every rule in Rules, as .kvlint.yaml's
// analyzers section and `kvlint rules` know it.
const Analyzer = "iac"

// A family is what a group of rules shares: its SARIF tags and, where every
// rule of the group has them, a severity and a security severity.
type family struct {
	tags     []string
	severity rules.Severity // "": each rule states its own
	score    float64
}

var (
	famPinned = family{[]string{"azure", "keyvault", "rotation", "iac"}, rules.SeverityWarning, 4.0}
	famSP     = family{[]string{"security", "azure", "identity", "iac"}, rules.SeverityWarning, 6.5}
	famTF     = family{tags: []string{"security", "azure", "keyvault", "iac", "terraform"}}
	famBicep  = family{tags: []string{"security", "azure", "keyvault", "iac", "bicep"}}
	famK8s    = family{tags: []string{"security", "azure", "keyvault", "kubernetes"}}
)

// rule is r as a rule of this package in family f: Analyzer, f's tags and
// f's severities where f has them.
func (f family) rule(r rules.Info) rules.Info {
	r.Analyzer = Analyzer
	r.Tags = f.tags
	if f.severity != "" {
		r.Severity, r.SecuritySeverity = f.severity, f.score
	}
	return r
}

// tagged is rule with one more tag after f's, the kind of file r reads.
func (f family) tagged(tag string, r rules.Info) rules.Info {
	r = f.rule(r)
	r.Tags = append(f.tags[:len(f.tags):len(f.tags)], tag)
	return r
}

// Rule indexes into Rules, one per rule, so checks name their rule without
// repeating its ID.
const (
	rPinnedURI = iota
	rPinnedAppService
	rPinnedCSI
	rPinnedCLI
	rPinnedTFData
	rPinnedBicep
	rPinnedARM
	rPinnedTFID
	rProviderSecret
	rAzLoginSecret
	rAzureLoginCreds
	rSecretEnv
	rSecretLiteral
	rSecretNoExpiry
	rSecretNoContentType
	rVaultPurge
	rVaultAccessPolicies
	rVaultNetwork
	rInputNotSensitive
	rInputLiteralDefault
	rOutputSecret
	rK8sSecret
	rPodIdentity
)

// Rules documents the rules this package reports: Key Vault practices in
// configuration and infrastructure-as-code files, reported by `kvlint scan`.
var Rules = []rules.Info{
	rPinnedURI: famPinned.tagged("yaml", rules.Info{
		ID: "KV303", Name: "pinned-secret-uri-in-file",
		Title: "key vault secret identifier pinned to a version in a file",
		Doc: "A secret identifier with a 32-hex-digit version (https://VAULT.vault.azure.net/secrets/NAME/VERSION, in any Azure " +
			"cloud: .vault.azure.net, .vault.azure.cn, .vault.usgovcloudapi.net, .vault.microsoftazure.de) in any file other than " +
			"Go (KV301 covers Go): YAML, JSON, HCL, shell, .env. Whatever reads it gets that one version forever, so a rotation " +
			"never arrives and disabling the old version breaks it. Drop the version segment to read the latest.",
		Bad:  "DB_PASSWORD_URI: https://ehr-prod.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef", //kvlint:ignore KV301 the rule's own Bad example
		Good: "DB_PASSWORD_URI: https://ehr-prod.vault.azure.net/secrets/db-password",
	}),
	rPinnedAppService: famPinned.tagged("json", rules.Info{
		ID: "KV304", Name: "pinned-app-service-reference",
		Title: "app service key vault reference pinned to a version",
		Doc: "An App Service or Functions Key Vault reference, @Microsoft.KeyVault(SecretUri=...) with a version segment (or built " +
			"from a secret's secretUriWithVersion), or @Microsoft.KeyVault(VaultName=...;SecretName=...;SecretVersion=...), " +
			"makes the platform read that one version: App Service refreshes versionless references within a day of a " +
			"rotation, pinned ones never. Drop the version (or SecretVersion).",
		Bad:  `"DbPassword": "@Microsoft.KeyVault(VaultName=ehr-prod;SecretName=db-password;SecretVersion=0123456789abcdef0123456789abcdef)"`,
		Good: `"DbPassword": "@Microsoft.KeyVault(VaultName=ehr-prod;SecretName=db-password)"`,
	}),
	rPinnedCSI: famPinned.tagged("kubernetes", rules.Info{
		ID: "KV305", Name: "pinned-csi-object-version",
		Title: "secrets store csi secretproviderclass pins an object version",
		Doc: "An object of an Azure Key Vault SecretProviderClass (Secrets Store CSI driver) with a non-empty objectVersion mounts " +
			"that one version; with rotation enabled the driver polls for new versions only of versionless objects. Leave " +
			"objectVersion empty or out.",
		Bad: `objects: |
  array:
    - |
      objectName: db-password
      objectType: secret
      objectVersion: 0123456789abcdef0123456789abcdef`,
		Good: `objects: |
  array:
    - |
      objectName: db-password
      objectType: secret`,
	}),
	rPinnedCLI: famPinned.tagged("shell", rules.Info{
		ID: "KV306", Name: "pinned-cli-secret-version",
		Title: "az keyvault secret show or download with a literal --version",
		Doc: "`az keyvault secret show` or `download` with a literal --version in a script, pipeline or Makefile reads that one " +
			"version forever. Leave --version out to read the latest. A version taken from a variable ($VERSION) is the " +
			"script's own choice and is not reported; a --id with a versioned identifier is KV303.",
		Bad:  `az keyvault secret show --vault-name ehr-prod --name db-password --version 0123456789abcdef0123456789abcdef`,
		Good: `az keyvault secret show --vault-name ehr-prod --name db-password`,
	}),
	rPinnedTFData: famPinned.tagged("terraform", rules.Info{
		ID: "KV307", Name: "pinned-terraform-secret-version",
		Title: "terraform azurerm_key_vault_secret data source pinned to a version",
		Doc: "A data \"azurerm_key_vault_secret\" block with a version attribute (a literal, or a variable or local whose value " +
			"is known in the module) reads that one version at every plan, so a rotation never reaches what it feeds. " +
			"Remove version.",
		Bad: `data "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  key_vault_id = var.key_vault_id
  version      = "0123456789abcdef0123456789abcdef"
}`,
		Good: `data "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  key_vault_id = var.key_vault_id
}`,
	}),
	rPinnedBicep: famPinned.tagged("bicep", rules.Info{
		ID: "KV308", Name: "pinned-bicep-getsecret-version",
		Title: "bicep getsecret called with a secret version",
		Doc: "keyVault.getSecret(name, version) in Bicep (and az.getSecret(..., version) in .bicepparam files) passes that one " +
			"version to the deployment. Call getSecret with the name only to pass the latest.",
		Bad:  `adminPassword: kv.getSecret('vm-admin-password', '0123456789abcdef0123456789abcdef')`,
		Good: `adminPassword: kv.getSecret('vm-admin-password')`,
	}),
	rPinnedARM: famPinned.tagged("arm", rules.Info{
		ID: "KV309", Name: "pinned-arm-reference-version",
		Title: "arm parameter key vault reference pinned to a secret version",
		Doc: "An ARM template parameter value (parameters file or nested deployment) taken from Key Vault with " +
			"reference.secretVersion set passes that one version to every deployment. Leave secretVersion out.",
		Bad:  `"adminPassword": {"reference": {"keyVault": {"id": "[parameters('vaultId')]"}, "secretName": "vm-admin", "secretVersion": "0123456789abcdef0123456789abcdef"}}`,
		Good: `"adminPassword": {"reference": {"keyVault": {"id": "[parameters('vaultId')]"}, "secretName": "vm-admin"}}`,
	}),
	rPinnedTFID: famPinned.tagged("terraform", rules.Info{
		ID: "KV310", Name: "pinned-terraform-secret-id",
		Title: "terraform passes a versioned secret id where a versionless one exists",
		Doc: "azurerm_key_vault_secret.NAME.id and azurerm_key_vault_certificate.NAME.secret_id (resource or data source) are " +
			"versioned identifiers. Given to a key_vault_secret_id or secret_id attribute (application gateway, API Management, " +
			"container apps) or written into an @Microsoft.KeyVault(SecretUri=...) reference, they pin the consumer to the version " +
			"of the last apply. Use versionless_id (versionless_secret_id for certificates).",
		Bad:  `app_settings = { DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.id})" }`,
		Good: `app_settings = { DB_PASSWORD = "@Microsoft.KeyVault(SecretUri=${azurerm_key_vault_secret.db.versionless_id})" }`,
	}),
	rProviderSecret: famSP.tagged("terraform", rules.Info{
		ID: "KV240", Name: "terraform-provider-client-secret",
		Title: "terraform azure provider authenticates with a client secret",
		Doc: "A provider \"azurerm\", \"azuread\" or \"azapi\" block with client_secret (a literal, which the credential rules " +
			"also report, or a variable) signs Terraform in with a long-lived service-principal secret that CI must store and " +
			"rotate. In CI use use_oidc = true (GitHub Actions, Azure Pipelines workload identity federation); on Azure compute " +
			"use use_msi = true.",
		Bad: `provider "azurerm" {
  features {}
  client_id     = var.client_id
  client_secret = var.client_secret
}`,
		Good: `provider "azurerm" {
  features {}
  use_oidc = true
}`,
	}),
	rAzLoginSecret: famSP.tagged("shell", rules.Info{
		ID: "KV241", Name: "az-login-client-secret",
		Title: "az login --service-principal with a password",
		Doc: "`az login --service-principal -p/--password SECRET` (a literal or a variable) signs a script or pipeline in with " +
			"a client secret. Use `az login --identity` on Azure compute, `--federated-token` (or azure/login with OIDC) in CI. " +
			"A certificate file (-p cert.pem, .pfx) is not reported.",
		Bad:  `az login --service-principal -u "$AZURE_CLIENT_ID" -p "$AZURE_CLIENT_SECRET" --tenant "$AZURE_TENANT_ID"`,
		Good: `az login --service-principal -u "$AZURE_CLIENT_ID" --federated-token "$(cat $AZURE_FEDERATED_TOKEN_FILE)" --tenant "$AZURE_TENANT_ID"`,
	}),
	rAzureLoginCreds: famSP.tagged("github-actions", rules.Info{
		ID: "KV242", Name: "azure-login-creds",
		Title: "github actions azure/login with a creds json",
		Doc: "The azure/login action with `creds:` signs in with a service principal's client secret kept in a repository " +
			"secret. Use OpenID Connect: give the job `permissions: id-token: write` and pass client-id, tenant-id and " +
			"subscription-id, with a federated credential on the app registration.",
		Bad: `- uses: azure/login@v2
  with:
    creds: ${{ secrets.AZURE_CREDENTIALS }}`,
		Good: `- uses: azure/login@v2
  with:
    client-id: ${{ vars.AZURE_CLIENT_ID }}
    tenant-id: ${{ vars.AZURE_TENANT_ID }}
    subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}`,
	}),
	rSecretEnv: famSP.tagged("kubernetes", rules.Info{
		ID: "KV243", Name: "client-secret-in-env",
		Title: "azure_client_secret or arm_client_secret set in a deployment file",
		Doc: "AZURE_CLIENT_SECRET (read by azidentity's EnvironmentCredential and DefaultAzureCredential) or ARM_CLIENT_SECRET " +
			"(Terraform's providers) set in a Kubernetes container env, a compose file's environment, a Dockerfile ENV or ARG, " +
			"or a workflow or pipeline env: the workload signs in with a static client secret. Use workload identity on AKS " +
			"(azure.workload.identity/use and AZURE_CLIENT_ID only), managed identity on other Azure compute, use_oidc or " +
			"use_msi for Terraform. An empty value is not reported.",
		Bad: `env:
  - name: AZURE_CLIENT_SECRET
    valueFrom:
      secretKeyRef: {name: sp, key: secret}`,
		Good: `env:
  - name: AZURE_CLIENT_ID
    value: 00000000-0000-0000-0000-000000000000`,
	}),
	rSecretLiteral: famTF.rule(rules.Info{
		ID: "KV600", Name: "keyvault-secret-literal-value",
		Title: "key vault secret created with a literal value",
		Doc: "An azurerm_key_vault_secret value, or a Microsoft.KeyVault/vaults/secrets properties.value in Bicep or ARM, that " +
			"is a literal (directly, or through a local, variable or Bicep var whose value is a literal in the module) puts the " +
			"secret in version control and, for Terraform, in state, whether or not it looks like a credential (KV1xx report " +
			"those too). Generate it (random_password, newGuid()) or pass it in as a sensitive input. A Terraform placeholder " +
			"with lifecycle { ignore_changes = [value] } is the documented way to set the value out of band and is not reported.",
		Bad: `resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = "hunter2-prod"
  key_vault_id = azurerm_key_vault.this.id
}`,
		Good: `resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.this.id
}`,
		Severity: rules.SeverityError, SecuritySeverity: 7.5,
	}),
	rSecretNoExpiry: famTF.rule(rules.Info{
		ID: "KV601", Name: "keyvault-secret-no-expiry",
		Title: "key vault secret without an expiration date",
		Doc: "An azurerm_key_vault_secret without expiration_date, or a Microsoft.KeyVault/vaults/secrets resource without " +
			"properties.attributes.exp, never expires, so nothing forces its rotation (Checkov CKV_AZURE_41, Trivy " +
			"ensure-secret-expiry). Set an expiry and rotate before it.",
		Bad: `resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = var.db_password
  key_vault_id = azurerm_key_vault.this.id
}`,
		Good: `resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = var.db_password
  key_vault_id    = azurerm_key_vault.this.id
  expiration_date = timeadd(time_static.created.rfc3339, "2160h")
}`,
		Severity: rules.SeverityWarning, SecuritySeverity: 4.0,
	}),
	rSecretNoContentType: famTF.rule(rules.Info{
		ID: "KV602", Name: "keyvault-secret-no-content-type",
		Title: "key vault secret without a content type",
		Doc: "An azurerm_key_vault_secret without content_type, or a Microsoft.KeyVault/vaults/secrets resource without " +
			"properties.contentType (Checkov CKV_AZURE_114, Trivy content-type-for-secret): readers cannot tell a password " +
			"from a connection string or a PEM, and rotation tooling cannot pick a generator.",
		Bad: `resource "azurerm_key_vault_secret" "db" {
  name  = "db-password"
  value = var.db_password
}`,
		Good: `resource "azurerm_key_vault_secret" "db" {
  name         = "db-password"
  value        = var.db_password
  content_type = "password"
}`,
		Severity: rules.SeverityInfo, SecuritySeverity: 2.0,
	}),
	rVaultPurge: famTF.rule(rules.Info{
		ID: "KV603", Name: "keyvault-no-purge-protection",
		Title: "key vault without purge protection",
		Doc: "An azurerm_key_vault whose purge_protection_enabled is absent or false, or a Microsoft.KeyVault/vaults resource " +
			"whose properties.enablePurgeProtection is absent or false (Checkov CKV_AZURE_42 and CKV_AZURE_110, Trivy no-purge): " +
			"a deleted vault or secret can be purged before its retention period ends, by mistake or by an attacker. A value " +
			"from a variable or parameter is judged by its default in the module; one with no default is not reported.",
		Bad: `resource "azurerm_key_vault" "this" {
  name     = "ehr-prod"
  sku_name = "standard"
}`,
		Good: `resource "azurerm_key_vault" "this" {
  name                     = "ehr-prod"
  sku_name                 = "standard"
  purge_protection_enabled = true
}`,
		Severity: rules.SeverityWarning, SecuritySeverity: 5.0,
	}),
	rVaultAccessPolicies: famTF.rule(rules.Info{
		ID: "KV604", Name: "keyvault-access-policies",
		Title: "key vault uses legacy access policies instead of azure rbac",
		Doc: "An azurerm_key_vault without enable_rbac_authorization (azurerm 3.x) or rbac_authorization_enabled (4.x) set to " +
			"true, or a Microsoft.KeyVault/vaults resource without properties.enableRbacAuthorization true, authorizes with " +
			"vault access policies: all-or-nothing per object type across the vault, no conditions, no PIM, and anyone with " +
			"Contributor on the vault can grant themselves access. Use Azure RBAC with per-secret role assignments.",
		Bad: `resource "azurerm_key_vault" "this" {
  name = "ehr-prod"
  access_policy { object_id = var.app_object_id }
}`,
		Good: `resource "azurerm_key_vault" "this" {
  name                       = "ehr-prod"
  rbac_authorization_enabled = true
}`,
		Severity: rules.SeverityWarning, SecuritySeverity: 5.0,
	}),
	rVaultNetwork: famTF.rule(rules.Info{
		ID: "KV605", Name: "keyvault-open-network",
		Title: "key vault reachable from every network",
		Doc: "A key vault whose public network access is not disabled (public_network_access_enabled absent or true; " +
			"publicNetworkAccess absent or 'Enabled') and whose firewall does not deny by default (no network_acls / " +
			"networkAcls, or default_action / defaultAction 'Allow') accepts requests from any address on the internet " +
			"(Checkov CKV_AZURE_109 and CKV_AZURE_189, Trivy specify-network-acl). Reported once per vault, at the attribute " +
			"that opens it, or at the resource when nothing closes it. Disabling public access (private endpoints) or a " +
			"firewall that denies by default each close it.",
		Bad: `resource "azurerm_key_vault" "this" {
  name = "ehr-prod"
  network_acls {
    bypass         = "AzureServices"
    default_action = "Allow"
  }
}`,
		Good: `resource "azurerm_key_vault" "this" {
  name = "ehr-prod"
  network_acls {
    bypass         = "AzureServices"
    default_action = "Deny"
  }
}`,
		Severity: rules.SeverityWarning, SecuritySeverity: 5.0,
	}),
	rInputNotSensitive: famTF.rule(rules.Info{
		ID: "KV606", Name: "secret-input-not-sensitive",
		Title: "secret input not marked sensitive or secure",
		Doc: "A Terraform variable, Bicep param or ARM template parameter whose name says it holds a secret (admin_password, " +
			"clientSecret, sas_token; not secret_name or password_length) and whose type can hold one, without sensitive = true " +
			"(Terraform), @secure() (Bicep) or type securestring/secureObject (ARM): its value is shown in plans, deployment " +
			"history and logs.",
		Bad: `variable "db_password" {
  type = string
}`,
		Good: `variable "db_password" {
  type      = string
  sensitive = true
}`,
		Severity: rules.SeverityWarning, SecuritySeverity: 5.5,
	}),
	rInputLiteralDefault: famBicep.rule(rules.Info{
		ID: "KV607", Name: "secret-input-literal-default",
		Title: "secret input with a literal default value",
		Doc: "A Terraform variable, Bicep param or ARM parameter that holds a secret (by its name, or marked sensitive or secure) " +
			"with a non-empty literal default, or a .bicepparam file that gives a secret param a literal: the secret sits in " +
			"version control and every deployment that does not override it uses it. Have no default (the deployer must pass " +
			"one), generate it (newGuid()), or read it from Key Vault (getSecret, reference.keyVault).",
		Bad: `@secure()
param adminPassword string = 'P@ssw0rd-2024'`,
		Good: `@secure()
param adminPassword string`,
		Severity: rules.SeverityError, SecuritySeverity: 7.5,
	}),
	rOutputSecret: famBicep.rule(rules.Info{
		ID: "KV608", Name: "output-exposes-secret",
		Title: "output returns a secret in clear",
		Doc: "A Terraform output that returns a secret (a secret-named variable, a secret's value, random_password.result, an " +
			"access key or connection string attribute) without sensitive = true, or through nonsensitive(); a Bicep output " +
			"that returns listKeys(), a secure param or a secret-named value without @secure(); an ARM output doing the same " +
			"with a type other than securestring/secureObject. Outputs are shown by terraform apply, kept in state and in the " +
			"deployment history that any Reader can list.",
		Bad:      `output storageKey string = storage.listKeys().keys[0].value`,
		Good:     `output storageId string = storage.id`,
		Severity: rules.SeverityError, SecuritySeverity: 7.0,
	}),
	rK8sSecret: famK8s.rule(rules.Info{
		ID: "KV640", Name: "kubernetes-secret-credentials",
		Title: "kubernetes secret manifest holds credentials",
		Doc: "A kind: Secret manifest whose data or stringData holds a credential by key (password, client-secret, " +
			"connection-string, tls.key, .dockerconfigjson) with a literal value keeps it in version control, base64 is not " +
			"encryption. Store it in Key Vault and mount it with the Secrets Store CSI driver's Azure provider " +
			"(a SecretProviderClass, with secretObjects to sync a Kubernetes Secret if the workload needs env vars). Helm " +
			"template values ({{ .Values.x }}) are not literals and are not reported.",
		Bad: `kind: Secret
stringData:
  db-password: hunter2-prod`,
		Good: `kind: SecretProviderClass
spec:
  provider: azure
  parameters:
    keyvaultName: ehr-prod
    objects: |
      array:
        - |
          objectName: db-password
          objectType: secret`,
		Severity: rules.SeverityWarning, SecuritySeverity: 6.0,
	}),
	rPodIdentity: famK8s.rule(rules.Info{
		ID: "KV641", Name: "csi-pod-identity",
		Title: "secretproviderclass uses deprecated pod identity",
		Doc: "A SecretProviderClass with usePodIdentity: \"true\" authenticates through AAD Pod Identity, deprecated and " +
			"replaced by Microsoft Entra Workload ID. Set clientID to the workload identity's client ID and annotate the " +
			"service account.",
		Bad:      `usePodIdentity: "true"`,
		Good:     `clientID: 00000000-0000-0000-0000-000000000000`,
		Severity: rules.SeverityWarning, SecuritySeverity: 4.0,
	}),
}
