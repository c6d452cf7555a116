// Package messaging publishes ADT events to Service Bus and Event Hubs.
package messaging

import "fmt"

const (
	serviceBusConn = "Endpoint=sb://ehr-adt-prod.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=vMxDtp2cRMggugDmC0i679zVKCotyCzVB+ASbNfE0B=" // corpus:secret
	eventHubConn   = "Endpoint=sb://ehr-telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bL8dBFxfO56MLgtYFV2k5ALddLnMDvN8I+AEhE9XXv=;EntityPath=vitals"   // corpus:secret
	queueName      = "adt-a01"                                                                                                                                                      // corpus:decoy
	keyName        = "RootManageSharedAccessKey"                                                                                                                                    // corpus:decoy
	// A connection string template: filled from the vault at run time.
	connTemplate = "Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=%s;SharedAccessKey=%s" // corpus:decoy
)

// Topic names.
var topics = []string{"adt", "oru", "siu"} // corpus:decoy

// Conn builds a connection string from parts.
func Conn(ns, name, key string) string {
	return fmt.Sprintf(connTemplate, ns, name, key)
}
