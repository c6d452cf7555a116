// Package valuectx holds Go strings whose secret has no Go name: it stands
// in a context inside the string (a command line, a header, a config
// snippet), with decoys beside each. Lint and kvlint scan must report the
// same (internal/sitetest). Every secret is generated with detect.Fake for
// this fixture.
package valuectx

import "os/exec"

func commands() {
	exec.Command("sh", "-c", "curl -u admin:nicbzMtWAugjMID1QPvGqSR5 https://api.example.com/v1")         // want `^secret "nicb…\(24 chars`
	exec.Command("sh", "-c", "curl -u admin:$API_PASS https://api.example.com/v1")                        // decoy: a variable
	exec.Command("sh", "-c", "docker login -u bot -p 6nv1YkDXN8VghZKFHTHqL886 registry.example.com")      // want `^secret "6nv1…\(24 chars`
	exec.Command("cmd", "/c", "docker login -u bot -p %REGISTRY_TOKEN% registry.example.com")             // decoy: a cmd variable
	exec.Command("sh", "-c", `read -p "Password: " pw`)                                                   // decoy: a prompt
	exec.Command("pwsh", "-c", "$p = ConvertTo-SecureString -AsPlainText -Force -String 'iKdGZVSv8H!9x'") // want `^secret "iKd…\(13 chars`
	exec.Command("pwsh", "-c", "$p = ConvertTo-SecureString $env:SVC_PW -AsPlainText -Force")             // decoy: a variable
	exec.Command("mysql", "-h", "db", "--password", "2qrptU5gzJ!9x")                                      // want `^secret "2qr…\(13 chars`
}

// Configuration and code in strings.
const webConfig = `<add key="SmtpPassword" value="kBDYdtKSQR!9x" />` // want `^secret "kBD…\(13 chars`

const webConfigDecoy = `<add key="ApiKey" value="#{ApiKey}#" />` // decoy: a release token

const pySetup = `os.environ.setdefault("API_TOKEN", "O3SoyijEGVvzUFKeEBuW1hlP")` // want `^secret "O3So…\(24 chars`

const pyDecoy = `db = connect(password=os.environ["DB_PASSWORD"])` // decoy: a subscript

const logLine = "2024-05-01T10:00:00Z DEBUG auth ok token=VlYkpghgx6CQ9J4nMV6Ootpn user=bob" // want `^secret "VlYk…\(24 chars`

// A SAS cut before its signature, and PEM armor alone.
var sasToken = "?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https" // decoy

var privateKeyHeader = "-----BEGIN RSA PRIVATE KEY-----" // decoy
