package disabled

// KV124 is disabled in the configuration of this test, so a directive for it
// cannot be used and is not reported.

var plain = 1 // kvlint:ignore KV124 kept for when the rule is enabled again

var stale = 2 // kvlint:ignore KV101 stale // want `unused kvlint:ignore directive`
