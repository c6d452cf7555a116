// Package secretlog defines an Analyzer that reports secret values flowing
// into logs, printed output, error messages and HTTP responses.
//
// # Analyzer secretlog
//
// secretlog: report secrets that flow into logs, output, errors or HTTP responses
//
// Logs and error messages are copied to places with far weaker access
// control than a Key Vault: log workspaces, support tickets, CI output,
// browsers. KV410 secret-logged follows values within one function (closures
// included) and reports where a secret reaches a sink.
//
// Sources:
//   - a value read from Key Vault: the Value field of azsecrets.Secret, as
//     resp.Value, *resp.Value or resp.Secret.Value on a GetSecret, SetSecret or
//     UpdateSecretProperties response, and a whole azsecrets response or Secret;
//     likewise the SecretBundle of the deprecated v0.x path
//     (sdk/keyvault/azsecrets) and of track-1 keyvault.BaseClient;
//   - a string variable, parameter or field whose name means a secret, judged
//     on the words of its head, the words before any preposition
//     (clientSecret, DB_PASSWORD, apiKey, accessToken, connectionString,
//     passwordForAdmin; but not secretName, passwordFile or
//     userWithMissingToken, whose head is not a secret). A name of the form
//     XKey beside a variable or field X (secretKey beside secret) is the key
//     of that value, not a secret, and so is a secretKey used as a map index
//     (data[secretKey]). Names that begin with a predicate (hasToken,
//     isPasswordSet) or a message word (errBadAPIKey, promptPassword) are
//     about a secret, not the secret. In test files, names that begin with
//     expected, want, fake, mock, dummy, test, sample, example, stub,
//     invalid, wrong, bad or bogus name values the test made up;
//     A secret-named variable that holds a secret's name is no source: one
//     the function passes where a callee takes a name or a path
//     (GetSecret(ctx, secret, ""), vault's Logical().Read(token)); a local
//     whose every stored value is the name of something (secret := req.Name,
//     a key, a path, an ID) or an unflagged constant; and a parameter of an
//     unexported function to which every call in the package passes such a
//     name (dapr's getSecret(ctx, secret, version), called with req.Name);
//     A connection string known to carry no credential is none either: in
//     the body of if strings.HasPrefix(conn, "leveldb://") (file:, sqlite:,
//     memory:, a path), or a local built only from such a scheme's text
//     showing no password=, key=, token= or userinfo
//     (connStr := fmt.Sprintf("file:%s?%s", path, params)); the values put
//     into it keep their own taint;
//   - a local variable that only ever holds string constants, and a named
//     string constant, only when the credential rules flag the value (a
//     placeholder such as "changeme" is not a secret).
//
// Propagation, flow-insensitive within the function: assignments and
// declarations, dereferences and address-of, field and map stores (x.f =
// secret; log(x.f)), concatenation, string conversions, fmt.Sprint*, calls of
// the strings, bytes and strconv packages, strings.Builder and bytes.Buffer
// writes (WriteString, Write, fmt.Fprint* into them) and their String method,
// composite literals holding a secret
// (strings.Replace* and Trim* carry only the text they keep, so
// strings.ReplaceAll(body, secret, "***") does not), and field constructors of logging
// packages (slog.String, zap.String, zerolog chains), and any other
// package-level function whose first result is a string or []byte
// (buildDSN(user, password)). Method calls other than those above, slicing
// (secret[:4]) and len break the flow, and so does a call to a function whose
// name contains redact, mask, hash, len, fingerprint, digest, checksum,
// obfuscate, sanitize, scrub or censor, and so does a function of the
// package, whatever its name, whose body calls a hash package (crypto/sha256,
// sha512, sha1, md5, hmac, sha3, hash/fnv, hash/crc32, x/crypto's blake2b,
// bcrypt, argon2, scrypt, ...) and none of whose returned values carries its
// string parameters by the rules above (func h(s string) string { sum :=
// sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:8]) }), and so
// does one that parses its input (a Parse* or Unmarshal* call returning a
// structure) and returns a part no flow rule carries, unless its body reads a
// secret-named field or method (hubNameFromConnString returning the
// EntityPath of azeventhubs.ParseConnectionString is no secret; a helper
// returning u.User.Password() of a url.Parse is).
// A call whose name says it truncates (truncate, shorten, abbrev, ellipsis,
// prefix) with an integer constant argument of at most 8 keeps too short a
// prefix to reveal a secret and breaks the flow too (gitea's
// util.TruncateRunes(token, 3); not TruncateRunes(token, 64)).
//
// An argument of a printf-style call (a function whose name ends in f,
// with a constant format) that the format consumes with %T (the type's
// name) or %p of a pointer, map, slice, chan or func (an address; %p of
// a string prints the string) prints no value (the SDK's own
// fmt.Errorf("unmarshalling type %T: %v", s, err) with s a SecretBundle);
// a format with explicit argument indexes, or whose verbs do not match the
// arguments, keeps every argument.
//
// A string variable read from os.Getenv with a secret-named constant key
// (os.Getenv("DB_PASSWORD")) is a source too.
//
// Sinks:
//   - package log, log/slog, go.uber.org/zap, github.com/sirupsen/logrus,
//     github.com/rs/zerolog, github.com/go-logr/logr (controller-runtime),
//     k8s.io/klog, github.com/golang/glog and github.com/hashicorp/go-hclog: a call statement (the final call of a chain) with a
//     secret among its arguments or its receiver chain's arguments, unless
//     it returns a logging type: zerolog's ev.Str("k", secret) as a
//     statement adds a field to ev, which logs at a later ev.Msg;
//   - fmt.Print*, print and println, fmt.Fprint* to os.Stdout or os.Stderr, and
//     os.Stdout/os.Stderr Write/WriteString;
//   - fmt.Errorf and errors.New;
//   - Log*, Error*, Fatal* and Skip* of testing.T, B, F and TB;
//   - an HTTP response body: http.ResponseWriter Write, fmt.Fprint* and
//     io.WriteString to an http.ResponseWriter, and the message of http.Error;
//     json.Encoder.Encode on an encoder made by json.NewEncoder for an
//     http.ResponseWriter, os.Stdout or os.Stderr; and the body arguments of
//     the response methods (JSON, String, HTML, Data, XML, YAML and the like)
//     of gin.Context and echo.Context;
//   - a call statement of a Debug, Info, Warn, Error, Fatal or Trace method
//     (and their f, w and ln forms) on a type whose method set looks like a
//     logger: methods of at least three of the levels Debug, Info, Warn and
//     Error, each taking a message (dapr's kit/logger.Logger, a project's own).
//
// The configuration adds sinks and sanitizers by name, in .kvlint.yaml's
// secretlog section: sinks: [example.com/audit.Record, "example.com/log.Logger.*"],
// sanitizers: [code.gitea.io/gitea/modules/util.TruncateRunes] (also
// "(*example.com/log.Logger).Info").
//
// KV411 generated-credential-printed (severity info) takes the place of
// KV410 when the value printed to standard output (fmt.Print*, print,
// fmt.Fprint* or Write to os.Stdout) was generated in the same function, by
// a function whose name starts with Generate, New, Random, Create, Make or
// Gen: a local variable that only holds such a value (any result but the
// error: _, jwtSecretBase64 := generate.NewJwtSecretWithBase64()), or one
// whose last store before the print, in the blocks around it, is one
// (password, err = pwd.Generate(n) in the branch that prints it), or a
// secret-named field of a local that a generator of that secret filled in
// (auth_model.NewAccessToken(ctx, t); fmt.Printf("%s", t.Token)): a command
// that hands a new credential to the person running it. To a log or stderr
// it is KV410.
//
// Log a redacted form (a short prefix and the length, or a hash), or nothing.
//
// Test files are judged too, unless the configuration says tests: skip;
// their Example functions are documentation, judged as production code. In
// a test file, an assertion message (Error* and Fatal* of testing.T and the
// like) and an HTTP response (a fake server's reply) report only secrets
// read from the vault or the environment: values secret by their name alone,
// or constants, are there the test's own or its fakes'.
package secretlog
