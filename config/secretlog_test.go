package config

import (
	"strings"
	"testing"
)

// TestSecretLogNames checks which sink and sanitizer names the
// configuration accepts, and that a malformed one is an error naming its place.
func TestSecretLogNames(t *testing.T) {
	for _, good := range []string{
		"log.Printf", "example.com/log.Printf", "github.com/dapr/kit/logger.Logger.Info",
		"github.com/dapr/kit/logger.Logger.*", "(*example.com/log.Logger).Info", "(example.com/log.Logger).*",
		"code.gitea.io/gitea/modules/util.TruncateRunes",
	} {
		if _, err := Parse([]byte("secretlog:\n  sinks: [\""+good+"\"]\n  sanitizers: [\""+good+"\"]\n"), "k.yaml"); err != nil {
			t.Errorf("%q: %v", good, err)
		}
	}
	for _, bad := range []string{"", "Printf", "example.com/log", "example.com/log.", "(*example.com/log.Logger)", "a b.c", "example.com/log.Logger.Info.X"} {
		_, err := Parse([]byte("secretlog:\n  sinks: [\""+bad+"\"]\n"), "k.yaml")
		if err == nil || !strings.Contains(err.Error(), "secretlog.sinks[0]") || !strings.Contains(err.Error(), "k.yaml:") {
			t.Errorf("%q: got %v, want an error at secretlog.sinks[0]", bad, err)
		}
	}
}
