// Package rules holds one fake credential of every built-in rule, KV100 to
// KV127, each with a decoy beside it. The values are the detection engine's
// own generated samples (detect.Fake, seeded; checksummed formats computed),
// so none is a real credential.
package rules

import (
	"net/http"
	"os"
)

// KV100 generic-secret
var dbPassword = "Tr0ub4dor&3-horse" // want `^secret "`
var dbPasswordRef = "${DB_PASSWORD}"

// KV101 azure-entra-client-secret
const entraClientSecret = "Shl8Q~8MrJ68xp9wqz__x9EPu.8JDdoHI.zkvZ9k" // want `^azure entra client secret "`
const entraDecoy = "abc8Q~aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

// KV102 azure-storage-account-key
const storageKey = "fswzVveXgwgK8HwdC2XRAkZxxvLJy+6EIE7jPJ8DNnev72BBx5U7uTargHtl4xyxw94BqSbn+oGq+AStTEpYVw==" // want `^azure storage account key "`
const sha512Digest = "9KE4Vdt0fVchWihmz6fn/Qs4DNnMWW8P4IvC8DamOcJ8oJgVfWOTiw5GzbmDo8FBrTHzT5P0hlCEgzLA8bH4sX=="

// KV103 azure-storage-connection-string
const storageConn = "DefaultEndpointsProtocol=https;AccountName=kvlintfake;AccountKey=9KE4Vdt0fVchWihmz6fn/Qs4DNnMWW8P4IvC8DamOcJ8oJgVfWOTiw5GzbmDo8FBrTHzT5P0hlCEgzLA8bH4sX==;EndpointSuffix=core.windows.net" // want `^azure storage connection string "`
const azuriteConn = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"

const emulatorConn = "UseDevelopmentStorage=true"

// KV104 azure-sas-token
const blobURL = "https://kvlintfake.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&spr=https&sig=nDHtxcWOE5lT%2FZ5mKRUTp7WJm36LmHSAD6pxlD7YT7e%3D" // want `^azure sas token "`
const unsignedURL = "https://example.net/?sig=abc&sv=1"

// KV105 azure-shared-access-key
const serviceBusConn = "Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=mlUi6F9vfo2/ixPmEkTVWWM5oLtDqxDwKYIui0aKddK=" // want `^azure shared access key "`
const serviceBusTemplate = "Endpoint=sb://kvlintfake.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>"

// KV106 azure-cosmos-key
const cosmosConn = "AccountEndpoint=https://kvlintfake.documents.azure.com:443/;AccountKey=MEjr062Oa96tNwyWzuI3V0RGufw/p0T7z9/XIHMKBUGPPGzuPr2fED9IWk38j4VmQJpZ6fbZ5od+msG3NxGDiH==;" // want `^azure cosmos db key "`
const cosmosEmulator = "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="

// KV107 azure-devops-pat
var adoPAT = "jR8xs0xfTqB6BXr1tGPTPTYfAdh8cS51pOZpFoYgatM5GF5yYNt9JQQJ99BKFHUHMJAAAAAAAAAAAZDO1UJO" // want `^azure devops personal access token "`
var cacheBucket = "zbflxkrp4dhtkr6jzf4incw5dkzejr2tkkn2bofztmxb66auyarp"

// KV108 sql-connection-string-password
var sqlConn = "Server=tcp:kvlintfake.database.windows.net,1433;Initial Catalog=app;User ID=app;Password=OkkSmok2sInkW1!;Encrypt=true;" // want `^sql connection string password "`
var sqlConnTemplate = "Server=db;Database=app;User ID=app;Password=%s;"

// KV109 redis-connection-password
var redisConn = "kvlintfake.redis.cache.windows.net:6380,password=I5jkOYoDBouEzZGloXxX8uI6v0YQq5Qc+wGG2belfO5=,ssl=True,abortConnect=False" // want `^redis password "`
var redisLocal = "redis://localhost:6379/0"

// KV110 aws-access-key-id
var awsKeyID = "AKIAQRL3QQ5D35JNFSCU" // want `^aws access key id "`
var awsDocsKeyID = "AKIAIOSFODNN7EXAMPLE"

// KV111 aws-secret-access-key
var awsSecretAccessKey = "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" // want `^aws secret access key "`
var awsDocsSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

// KV112 github-token
var ghToken = "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" // want `^github token "`
var ghTokenBadChecksum = "ghp_AJ0pGIMGkq7ZRBm98rnQpuN8BX5IaT4aUvp1"

// KV113 gitlab-token
var glToken = "glpat-V-ifSdy4FRc3GM7M_OIX" // want `^gitlab token "`
var glTokenPlaceholder = "glpat-xxxxxxxxxxxxxxxxxxxx"

// KV114 slack-token
var slackBot = "xoxb-141372323307-9722544186996-WTFDg45BPnyqS6dAGzdeuDC2" // want `^slack token "`
var slackBotPlaceholder = "xoxb-your-token-here"

// KV115 slack-webhook
var alertsHook = "https://hooks.slack.com/services/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" // want `^slack webhook url "`
var alertsHookTemplate = "https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"

// KV116 stripe-api-key
var stripeKey = "sk_live_9x9KCxrmjq9Jkbr37H0OEuXY" // want `^stripe api key "`
var stripePublishable = "pk_live_ZPtq5xy5Xqm0chHsAOPPvnPt"

// KV117 stripe-webhook-secret
var stripeWebhook = "whsec_A3Khye2IqfkKDDhWaw6hJpqpBwIxrfxh" // want `^stripe webhook secret "`
var stripeWebhookPlaceholder = "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

// KV118 sendgrid-api-key
var sendgridKey = "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" // want `^sendgrid api key "`
var sendgridHost = "SG.example.com"

// KV119 twilio-api-key
var twilioKey = "SKb46bcee5b279d48b017f4cb73117f0fd" // want `^twilio api key "`
var twilioText = "disk0 task1 ask2"

// KV120 google-api-key
var mapsKey = "AIzapCoeUu2jHTnVvScJrr5sQU4xNAstQOUAdjG" // want `^google api key "`
var mapsKeyPlaceholder = "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"

// KV121 npm-token
var npmToken = "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" // want `^npm token "`
var npmConfig = "npm_config_registry"

// KV122 pypi-token
var pypiToken = "pypi-AgEIcHlwaS5vcmc7WTqObTtVYMXslHWPE2cRVv4rJWCGc18HfVKNLMHpMBUNoD3Q1bMiII6guuSyeuh-8M6qG" // want `^pypi token "`
var pypiPrefix = "pypi-AgEIcHlwaS5vcmc"

// KV123 datadog-api-key
func datadog() {
	os.Setenv("DD_API_KEY", "f18d9e09487a45c1659c12d2cecf449f") // want `^datadog api key "`
	os.Setenv("DD_BUILD_ID", "f18d9e09487a45c1659c12d2cecf449f")
}

// KV124 jwt
var sessionJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrdmxpbnQtZmFrZS11c2VyIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE5MDAwMDAwMDB9.v7q_p1QU8huSO7SFRcAaHdX0gLaTZUk2x6F-65mK-n3" // want `^json web token "`
var unsignedJWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJrdmxpbnQtZmFrZS11c2VyIn0.ZD8ehk7kR902B4Ifk8JD"

// KV125 private-key
//
// want +1 `^private key "`
const signingKeyPEM = `-----BEGIN RSA PRIVATE KEY-----
0sgw+7JMw4hhMxGVJZrVVW34f499CL39KpM+ny9JwmdGOHdS7jbMel160g+VJgKe
uIx70wMIjwr5cCWIpa14cQAWaUIw3r/J3prRi1/yV+Yn+nwxh94SiwLP/I77Jl1M
H0LuJ2fUdXRmKlL6eNhGR9x0KWfmnX6i3HKJcMTvieO2YsKUKpl1gEA4sEjjvpsF
WaSGt4INqw0RiHxMedwKrx0VuvYYi9i28B/3znL2I5qI7M7mqTFhhH1lGBv5gcIL
EhsAJMWkZhF48CaIjQ1hIOnzT05e8vHIBCjhPPxxp4F0PyUAe+m0smA0PztmG3nj
WASKgR1VdThfnKV8GJA9UHpUf/NdzXUnFaENVTDRr7q52LntFBBsnmzs+cM7nX+7
YH2KsLITooajsgjwka9z4kOgoai2TVYvq2ELynLKD3EYOQr52HdI1yaiar+XcXid
iQlMNs85vn5qMM/+DS+txbSdjL/GxPF4jFS5tmES/2NmP85rDZGfZ7TSp7qfu2XC
wLgmZQUWhpYbLWevTyD1wdemDS2vCjNS4wsqeVpjvYWm1uilHwhxjdiw4ZHo9qbB
Lr3BgeP2BNV9epkzXLaxkLYZWY09PEakiEMpY0jD6sImcv0GoelRV7jk5KgD2VcY
IFYx+llDVTWcGltQU9xR2oDBW2d2HAehzkWfC0vxVfx+pfsqZ4WZxcnNJN4qBzN0
bznqC00+5uuAlihYzQh8I0ssoxucItojP3ZqVTZf90uoxBVn3STh29DGh0ujMohJ
5UFY3iH9+Xi1O4RH56Zk==
-----END RSA PRIVATE KEY-----
`

const caCertPEM = `-----BEGIN CERTIFICATE-----
toTVyZIMqiqDN2yyejw/9tkZj00fM2riRjZ3USEWVG3hPgIqLj9izw7IKl6Ec25L
zt9gKCmrSMzMhpNWUstfOAtVSgok0rPlD+VhznenGsTgxYgIK0+l9Ty6MtGvg0C3
44JhImOM87k1QA47R6wYjfZz9A7ETJqz4f7avEEqxsjWprtEkzl7o/2Yfkyv5idh
WU4rpy4bbRngARGxc6udzOU1CrYKgRlbWg2ySbQ+zpvDTGz/hfq7YqYTUtnk1YWB
Wopgl4hbR+sIauSXT7eWv07qMztpWDwHAaAkJKB31fi2xGe/APCR8TY7E1xU5BXG
LabtsDCuXslx1vFwUVuqtbrwyT9lE2vb7hXinVUZUqpykxX5gKPpE2TCFdFv13vD
t0Yhvf2u+P64iqB919vHuL3ZXSlm6z5xxghryHTUP4N6x557pmtpWPMhHvldWVAP
YhMrcwZsq9XWRZ2Gs/GDhh/n7IifdgOcWWfSqJNqadimJFQWlf+aJateqOTiHcBu
PCp+iCXSCl491SXaJBuTtR4ZENuTp1GeG4a7+xaHH6pKfsL1KzXY8Zyxqx6l86Xz
S1xPPd4IIAfx+QtV/oX1IM9l4BoYEAIfZRY2SY7wFHPM+kqbp+RhWINGhTMuTZKf
ggFoPt4WG5hY57ShhizwxeGdlZVl/u9YPFz4Fuymo/iyfvyxlJKa7pcCnguD95JT
7OgvHtfdSOy4KbdM8ZTY5VCEdFNryyWsw4vWjjPi3DSOLLCNu6s6sqrGSPIHJC+j
IlTPt6MTHdDyxeE+4D5+==
-----END CERTIFICATE-----

`

// KV126 url-password
var brokerURL = "amqp://guest-user:vUAsKe53kKYzrr8b@broker:5672/" // want `^password in url "`
var localDBURL = "postgres://postgres:postgres@localhost:5432/db"

// KV127 basic-auth-header
func basicAuth(h http.Header) {
	h.Set("Authorization", "Basic a3ZsaW50LWFwcDpaakJvZ3pRVzJBVDdjYUU4OUc=") // want `^basic auth credentials "`
	h.Set("WWW-Authenticate", "Basic realm=\"kvlint\"")
}
