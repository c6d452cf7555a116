// Package deploy holds the release tooling's integrations.
package deploy

import (
	"os"
	"os/exec"
)

// Tokens left behind by a release script.
const (
	githubToken       = "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"                                                                   // corpus:secret
	githubAppToken    = "ghs_SxZ79ugLyNHeNUPrbLVV0MJlZeLsQO4al7Kd"                                                                   // corpus:secret
	githubFineGrained = "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"              // corpus:secret
	gitlabToken       = "glpat-biRc00fOZVvMIgvuw7-z"                                                                                 // corpus:secret
	npmToken          = "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"                                                                   // corpus:secret
	pypiToken         = "pypi-AgEIcHlwaS5vcmcCJL-eTbhXu1Tys7N9aG1napQvVJy5ipgT1jmlNbRTbR41fhLCMDanrHvhGciqG"                         // corpus:secret
	adoPAT            = "XMldutPJL4iEhjkcjyXaBJKNIOgIA8IWmu2YgCjJnLVY1KSO7R3JJQQJ99BAACAAAAAAAAAAAAASAZDOlvd0"                       // corpus:secret
	datadogAPIKey     = "15ea21491df96879af0d434a143e6ae2"                                                                           // corpus:secret
	googleMapsKey     = "AIzanPyLmz5tXEBdC-PPQGo0Su-r2slxPlgArZZ"                                                                    // corpus:secret
	awsAccessKeyID    = "AKIAJQ273NSOPMZV6CIU"                                                                                       // corpus:secret
	awsSecretKey      = "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"                                                                   // corpus:secret
	awsExampleKey     = "AKIAIOSFODNN7EXAMPLE"                                                                                       // corpus:decoy
	awsExampleSecret  = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"                                                                   // corpus:decoy
	awsRegion         = "eu-west-1"                                                                                                  // corpus:decoy
	githubRepo        = "contoso-health/ehrbridge"                                                                                   // corpus:decoy
	releaseSHA        = "7a9656b75a630fdde9a8458ce1b4da6e626e1e62"                                                                   // corpus:decoy
	buildID           = "884393d0-c82b-f5a9-4700-bb362123893b"                                                                       // corpus:decoy
	dockerImage       = "contosohealth.azurecr.io/ehrbridge@sha256:40608114fb511a95e44af9f3255cea0e7a6ba325f885904a670fa205bdd15925" // corpus:decoy
)

// Publish runs the release.
func Publish() error {
	os.Setenv("AZURE_CLIENT_SECRET", "TMy8Q~OWYNVYlt~Fu6zhvmrIk0ZjVgU9ahYyuA~m") // corpus:secret
	os.Setenv("AZURE_CLIENT_ID", "d9271455-f991-838a-4c0e-2fa18c37a09c")         // corpus:decoy
	os.Setenv("AZURE_TENANT_ID", "55d89ea2-c39e-51b0-f67c-c144ba1c2b70")         // corpus:decoy
	os.Setenv("GITHUB_TOKEN", githubToken)
	os.Setenv("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org/")                     // corpus:decoy
	cmd := exec.Command("gh", "release", "create", "--notes", "see CHANGELOG.md")       // corpus:decoy
	cmd.Env = append(os.Environ(), "DD_API_KEY="+datadogAPIKey, "DD_SITE=datadoghq.eu") // corpus:decoy
	return cmd.Run()
}

// The old pipeline used this personal token; it was revoked (was 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). // corpus:secret

// Placeholders in documentation comments are fine: token = "<your-token-here>". // corpus:decoy
