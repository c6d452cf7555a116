package iac

import (
	"strings"

	"github.com/kvlint/kvlint/detect"
	"github.com/kvlint/kvlint/internal/gosite"
)

// A token is a word of a shell command at a byte offset of the file;
// quotes are stripped (Off is the offset of the unquoted text).
type token struct {
	Text string
	Off  int
}

// commands splits content into shell commands: lines joined across
// continuations (a trailing \, ` or ^), split at ;, &&, || and |.
func commands(content string) [][]token {
	var out [][]token
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	for start := 0; start < len(content); {
		end := gosite.LineEnd(content, start)
		line := strings.TrimRight(content[start:end], "\r \t")
		cont := false
		if n := len(line); n > 0 && (line[n-1] == '\\' || line[n-1] == '`' || line[n-1] == '^') {
			line, cont = line[:n-1], true
		}
		for _, t := range words(line, start) {
			if t.Text == ";" || t.Text == "&&" || t.Text == "||" || t.Text == "|" {
				flush()
				continue
			}
			cur = append(cur, t)
		}
		if !cont {
			flush()
		}
		start = end + 1
	}
	flush()
	return out
}

// words splits one line into tokens, honouring quotes.
func words(line string, base int) []token {
	var out []token
	for i := 0; i < len(line); {
		c := line[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if c == '"' || c == '\'' {
			e := strings.IndexByte(line[i+1:], c)
			if e < 0 {
				e = len(line) - i - 1
			}
			out = append(out, token{line[i+1 : i+1+e], base + i + 1})
			i += e + 2
			continue
		}
		e := i
		for e < len(line) && line[e] != ' ' && line[e] != '\t' && line[e] != ';' {
			e++
		}
		if e == i { // a lone ;
			e++
		}
		out = append(out, token{line[i:e], base + i})
		i = e
	}
	return out
}

// azCommand checks one command for az keyvault secret show|download
// --version LITERAL (KV306) and az login --service-principal -p (KV241).
func azCommand(cmd []token, out *findings) {
	for i, t := range cmd {
		if t.Text != "az" && !strings.HasSuffix(t.Text, "/az") {
			continue
		}
		rest := cmd[i+1:]
		switch {
		case len(rest) >= 3 && rest[0].Text == "keyvault" && rest[1].Text == "secret" &&
			(rest[2].Text == "show" || rest[2].Text == "download"):
			if v, ok := flag(rest[3:], "--version"); ok && literal(v.Text) {
				out.add(rPinnedCLI, v.Off, v.Off+len(v.Text), pinnedMsg("az keyvault secret "+rest[2].Text, v.Text))
			}
		case len(rest) >= 1 && rest[0].Text == "login" && hasFlag(rest[1:], "--service-principal"):
			v, ok := flag(rest[1:], "-p", "--password")
			if !ok || v.Text == "" || isCertFile(v.Text) {
				continue
			}
			how := "a client secret from a variable"
			if literal(v.Text) {
				how = "a literal client secret (" + detect.Redact(v.Text) + ")"
			}
			out.add(rAzLoginSecret, v.Off, v.Off+len(v.Text), "az login --service-principal signs in with "+how+
				": use az login --identity on Azure compute, or --federated-token (OIDC) in CI")
		}
		return
	}
}

// flag returns the value of the first of names in args (--name v or --name=v).
func flag(args []token, names ...string) (token, bool) {
	for i, a := range args {
		for _, n := range names {
			if a.Text == n && i+1 < len(args) {
				return args[i+1], true
			}
			if strings.HasPrefix(a.Text, n+"=") {
				return token{a.Text[len(n)+1:], a.Off + len(n) + 1}, true
			}
		}
	}
	return token{}, false
}

func hasFlag(args []token, name string) bool {
	for _, a := range args {
		if a.Text == name {
			return true
		}
	}
	return false
}

// literal reports whether a shell word is a literal: not empty, no
// variable, substitution or template.
func literal(s string) bool {
	return s != "" && !strings.ContainsAny(s, "$%{}<>") && !strings.HasPrefix(s, "-")
}

func isCertFile(s string) bool {
	l := strings.ToLower(s)
	for _, ext := range []string{".pem", ".pfx", ".crt", ".cer", ".p12"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}

// dockerfile reports ENV and ARG instructions that set AZURE_CLIENT_SECRET
// or ARM_CLIENT_SECRET (KV243).
func dockerfile(content string, out *findings) {
	if !strings.Contains(content, "_CLIENT_SECRET") {
		return
	}
	for start := 0; start < len(content); {
		end := gosite.LineEnd(content, start)
		ws := words(strings.TrimRight(content[start:end], "\r"), start)
		if len(ws) >= 2 && (strings.EqualFold(ws[0].Text, "ENV") || strings.EqualFold(ws[0].Text, "ARG")) {
			for j, w := range ws[1:] {
				name, val, eq := strings.Cut(w.Text, "=")
				if !clientSecretVar(name) {
					continue
				}
				if !eq && strings.EqualFold(ws[0].Text, "ENV") && j+2 < len(ws) {
					val = ws[j+2].Text
				}
				if eq && val == "" && strings.EqualFold(ws[0].Text, "ENV") {
					continue
				}
				out.add(rSecretEnv, w.Off, w.Off+len(name), envMsg(name, "a Dockerfile "+strings.ToUpper(ws[0].Text)+
					" (kept in the image and its history)"))
			}
		}
		start = end + 1
	}
}

// clientSecretVar reports whether name is one of the environment variables
// that carry a service principal's client secret.
func clientSecretVar(name string) bool {
	return name == "AZURE_CLIENT_SECRET" || name == "ARM_CLIENT_SECRET"
}

func envMsg(name, where string) string {
	advice := "use workload identity (AKS) or managed identity instead of a client secret"
	if name == "ARM_CLIENT_SECRET" {
		advice = "use the provider's use_oidc (CI) or use_msi (Azure compute) instead of a client secret"
	}
	return name + " is set in " + where + ": " + advice
}

// isSecretName reports whether a name says it holds a secret
// (detect.SecretName) and is no switch (switchName), or a connection string.
func isSecretName(name string) bool {
	if detect.SecretName(name) {
		return !switchName(name)
	}
	w := detect.SplitWords(name)
	n := len(w)
	switch {
	case n >= 1 && w[n-1] == "connectionstring":
		return true
	case n >= 2 && (w[n-2] == "connection" || w[n-2] == "conn") && (w[n-1] == "string" || w[n-1] == "str"):
		return true
	}
	return false
}

// switchWords begin the names of switches: enableSyncSecret,
// use_client_secret, isPasswordSet turn something on or tell whether it is
// there; they hold true or false, never the secret (the Azure Arc portal
// gallery template of the Key Vault CSI provider declares enableSyncSecret
// as a String parameter with the default "false").
var switchWords = map[string]bool{"enable": true, "enabled": true, "disable": true, "disabled": true, "is": true,
	"has": true, "use": true, "allow": true, "should": true}

// switchName reports a name whose first word makes it a switch.
func switchName(name string) bool {
	w := detect.SplitWords(name)
	return len(w) > 1 && switchWords[w[0]]
}
