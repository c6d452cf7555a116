package a

import "testing"

func TestToken(t *testing.T) {
	if Token == "kvtest_test_value_3" {
		t.Fatal("unexpected")
	}
}
