// Package a holds planted test values for the kvlint driver tests: the
// test-only analyzer reports string literals that start with kvtest_.
package a

func lookup(name string) string { return "from-vault:" + name }

// Token is reported.
var Token = "kvtest_token_value_1"

// Client connects.
type Client struct{ key string }

// Connect is reported.
func (c *Client) Connect() string {
	c.key = "kvtest_connect_value_2"
	return c.key
}

// Plain is not reported.
var Plain = "hello"
