package migrate

import (
	"flag"
	"fmt"
	"strings"
)

// AddFlags defines on fs the command-line flags that fill o (as go/analysis
// analyzers carry their own Flags): kvlint migrate in internal/cli parses
// them, and so do this package's tests, so the two cannot drift. o.Tags is
// created if nil.
func (o *Options) AddFlags(fs *flag.FlagSet) {
	if o.Tags == nil {
		o.Tags = map[string]string{}
	}
	fs.StringVar(&o.Dir, "C", ".", "module root `dir` to migrate (-config, -plan, -apply and -report are relative to it)")
	fs.StringVar(&o.VaultURL, "vault-url", "", "Key Vault `URL`, such as https://NAME.vault.azure.net/ (default $AZURE_KEYVAULT_URL)")
	fs.StringVar(&o.NameTemplate, "name-template", DefaultNameTemplate, "secret name `template`: {pkg}, {name} (identifier, field, key or parameter), {rule}, {file}")
	fs.StringVar(&o.ContentType, "content-type", "text/plain", "content `type` of the stored secrets")
	fs.Var(tagFlags(o.Tags), "tag", "extra `KEY=VALUE` tag on every stored secret (repeatable)")
	fs.DurationVar(&o.Expires, "expires", 0, "set an expiry `duration` from now on each stored secret (an expired secret is no longer served!)")
	fs.BoolVar(&o.IncludeTests, "include-tests", false, "migrate credentials in _test.go files too")
	fs.BoolVar(&o.IncludeGenerated, "include-generated", false, "migrate credentials in generated files too")
	fs.BoolVar(&o.DryRun, "dry-run", false, "print the plan and change nothing (no vault call, no file written)")
	fs.StringVar(&o.PlanOut, "plan", "", "write the plan as YAML to `file` for review and stop")
	fs.StringVar(&o.ApplyPlan, "apply", "", "carry out the reviewed plan in `file`")
	fs.StringVar(&o.ReportOut, "report", "", "write the report as JSON to `file`")
	fs.StringVar(&o.Config, "config", "", "kvlint configuration `file` (default: .kvlint.yaml found from each package)")
}

// tagFlags collects repeated -tag KEY=VALUE flags.
type tagFlags map[string]string

func (t tagFlags) String() string { return "" }

func (t tagFlags) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want KEY=VALUE")
	}
	t[k] = v
	return nil
}
