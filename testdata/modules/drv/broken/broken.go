// Package broken does not type-check.
package broken

// X is an int, not a string.
var X int = "kvtest_broken_value_4"
