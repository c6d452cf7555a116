package textpairs

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
		`private final String password = System.getenv("DB_PW");`: "getenv=DB_PW", // a call, not the declaration
		`const apiKey = process.env.API_KEY;`:                     "",
		`public static boolean isValid(String password) {`:        "",
		`var ok = token == "abc";`:                                "token=abc", // the comparison
		`const handler = (token) => "abc";`:                       "",
		`private String password;`:                                "",
		`const x = "";`:                                           "",
	}
	checkLinePairs(t, cases)
}

// TestCodePairs checks the pairs of calls with one literal and of
// comparisons with a literal, and the code they must leave alone.
func TestCodePairs(t *testing.T) {
	cases := map[string]string{
		`DataSourceBuilder.create().url("jdbc:x").username("app").password("abc").build();`: "url=jdbc:x,username=app,password=abc",
		`client.setApiKey('abc');`:              "setApiKey=abc",
		`    return {"ok": x_api_key == "abc"}`: "x_api_key=abc",
		`if (req.headers.token === 'abc') {`:    "req.headers.token=abc",
		`if token != "abc" {`:                   "token=abc",
		`cfg.setProperty("password", "abc");`:   "",
		`os.getenv("DB_PASSWORD")`:              "getenv=DB_PASSWORD",
		`if x >= "abc"`:                         "",
		`f(x)`:                                  "",
		`a.b("abc" + c)`:                        "",
		`. == "x"`:                              "",
		`... === "x"`:                           "",
	}
	checkLinePairs(t, cases)
}

// checkLinePairs asserts the key=value pairs Line finds on each line
// (joined by commas) and that each value points into its line.
func checkLinePairs(t *testing.T, cases map[string]string) {
	t.Helper()
	for line, want := range cases {
		var pairs [Max]Pair
		n := Line(line, &pairs)
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
