// Package labelledtest scores kvlint scan against a labelled set of
// configuration files, scripts, CI definitions and documents written in the
// shapes real .NET, Java, Node, Python and Go services use
// (testdata/labelled/*.txtar at the module root).
//
// Each archive holds files whose secrets are placeholders, {{fake:NAME}},
// that the test expands at run time with the project's fake generators
// (detect.FakeFor and the generators in gen_test.go), so the repository
// holds no credential-shaped literal and the set follows format changes.
// A "labels" section lists, by path:line, every line that carries a secret
// (with its family) and every line that carries a secret-looking value
// that is not one (negative, with its class). The test scans the expanded
// tree exactly as kvlint scan does and reports precision and recall per
// family.
package labelledtest
