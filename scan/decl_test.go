package scan

import (
	"strings"
	"testing"
)

// TestDeclaration checks the name and value taken from declarations, and
// the lines that are not declarations of a literal.
func TestDeclaration(t *testing.T) {
	cases := map[string]string{
		`    private static final String ACCOUNT_KEY = "abc";`:    "ACCOUNT_KEY=abc",
		`public const string FunctionKey = "abc";`:                "FunctionKey=abc",
		`private static readonly string DefaultKey = 'abc';`:      "DefaultKey=abc",
		`export const speechKey: string = "abc";`:                 "speechKey=abc",
		`private const val API_KEY = "abc"`:                       "API_KEY=abc",
		`const API_KEY: &str = "abc";`:                            "API_KEY=abc",
		`static final Map<String, String> KEYS = "abc";`:          "KEYS=abc",
		`let token = "abc"`:                                       "token=abc",
		`private final String password = System.getenv("DB_PW");`: "",
		`const apiKey = process.env.API_KEY;`:                     "",
		`public static boolean isValid(String password) {`:        "",
		`var ok = token == "abc";`:                                "",
		`const handler = (token) => "abc";`:                       "",
		`private String password;`:                                "",
		`const x = "";`:                                           "",
	}
	for line, want := range cases {
		var pairs [maxPairs]pair
		n := linePairs(line, &pairs)
		var got []string
		for _, p := range pairs[:n] {
			got = append(got, p.Key+"="+p.Value)
			if line[p.Off:p.Off+len(p.Value)] != p.Value {
				t.Errorf("%q: %+v does not point into the line", line, p)
			}
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q: pairs %q, want %q", line, got, want)
		}
	}
}
