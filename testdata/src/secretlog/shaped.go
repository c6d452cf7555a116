package secretlog

import (
	"example.com/gauge"
	"github.com/dapr/kit/logger"
)

var daprLog = logger.NewLogger("dapr.contrib")

// Have: dapr's kit/logger.Logger, an interface of a package kvlint does not
// list, is a sink by its method set; gauge.Logger, same name, counts
// events and takes no message.
func shapedLoggers(g *gauge.Logger, accountKey string, n int) {
	daprLog.Infof("using key %s", accountKey) // want `the secret-named accountKey flows into \(github.com/dapr/kit/logger.Logger\).Infof`
	daprLog.Warn(accountKey)                  // want `flows into \(github.com/dapr/kit/logger.Logger\).Warn`
	daprLog.Info("connected")
	g.Info(n)
	g.Error(n, accountKey) // not a logger: its methods take no message first
}
