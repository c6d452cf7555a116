package a

// Used directives: nothing to report.

//kvlint:ignore KV101 documented fake value
var above = "SECRET-above"

var trailing = "SECRET-trailing" // kvlint:ignore KV101 documented fake value

var byName = "SECRET-name" //kvlint:ignore Azure-Entra-Client-Secret fake, named in another case

var twoRules = "JWT-x" + "SECRET-y" // kvlint:ignore KV101,KV124 both fakes

// Unused directives: KV001, with a fix that removes them.

//kvlint:ignore KV101 nothing below is a secret // want `unused kvlint:ignore directive: no KV101 finding on the next line; remove it`
var timeout = 30

var greeting = "hello" // kvlint:ignore KV101 stale // want `unused kvlint:ignore directive: no KV101 finding on this line; remove it`

// Two lines below is too far.
//kvlint:ignore KV101 too far away // want `unused kvlint:ignore directive`

var farAway = "SECRET-far"

// A trailing directive covers its own line only.
var t1 = 1 // kvlint:ignore KV101 not for the next line // want `unused kvlint:ignore directive`
var t2 = "SECRET-next"

// The wrong rule for this line.
var wrongRule = "SECRET-wrong" // kvlint:ignore KV124 wrong rule // want `unused kvlint:ignore directive: no KV124 finding`

// A used directive that also lists a rule with no finding.
var partly = "SECRET-partly" // kvlint:ignore KV101,KV124 only one applies // want `kvlint:ignore lists KV124 but there is no such finding on this line; remove it from the list`

// ... unless that rule's analyzer did not run.
var partlyOther = "SECRET-other" // kvlint:ignore KV101,KV410 secretlog does not run here

// Malformed directives: KV002, and they suppress nothing.

var noReason = "SECRET-noreason" /* kvlint:ignore KV101 */ // want `malformed kvlint directive: a reason is required`

var unknownRule = 1 // kvlint:ignore KV999 not a rule // want `malformed kvlint directive: unknown rule "KV999"`

var typo = 2 // kvlint:ingore KV101 typo in the verb // want `malformed kvlint directive: unknown directive kvlint:ingore`

var selfRule = 3 // kvlint:ignore KV001 cannot silence ignorecheck // want `malformed kvlint directive: KV001 cannot be suppressed`

// Rules of analyzers that did not run (secretlog here) are not checked for use.

var logged = 4 // kvlint:ignore KV410 secretlog does not run in this test

// Prose that mentions kvlint:ignore is not a directive.
var prose = 5
