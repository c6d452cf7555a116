package detect_test

//kvlint:file-ignore KV100 the redaction example shows a well-known fake password

import (
	"fmt"

	"github.com/kvlint/kvlint/detect"
)

func ExampleEngine_Scan() {
	eng, err := detect.New(detect.Options{})
	if err != nil {
		panic(err)
	}
	// A fake GitHub token with a valid checksum, built at run time.
	token := detect.FakeCRCToken("ghp_", "example")
	value := "Authorization: token " + token
	for _, f := range eng.Scan(value, detect.Context{}, nil) {
		fmt.Println(f.Rule.ID, f.Rule.Name, f.Confidence, f.Start, f.End-f.Start)
	}
	// A name that means secret bound to a value that looks like one.
	ctx := detect.Context{Kind: detect.KindAssign, Name: "dbPassword"}
	for _, f := range eng.Scan("Tr0ub4dor&3-horse", ctx, nil) {
		fmt.Println(f.Rule.ID, f.Confidence)
	}
	// A placeholder is not a secret.
	fmt.Println(len(eng.Scan("${DB_PASSWORD}", ctx, nil)))
	// Output:
	// KV112 github-token high 21 40
	// KV100 medium
	// 0
}

func ExampleRedact() {
	fmt.Println(detect.Redact("Tr0ub4dor&3-horse"))
	fmt.Println(detect.Redact("hunter2"))
	// Output:
	// Tr0u…(17 chars, sha256:ed959ca4)
	// h…(7 chars, sha256:f52fbd32)
}

func ExampleSplitWords() {
	fmt.Println(detect.SplitWords("DBPassword"), detect.SplitWords("APIKey"), detect.SplitWords("AZURE_CLIENT_SECRET"))
	// Output: [db password] [api key] [azure client secret]
}
