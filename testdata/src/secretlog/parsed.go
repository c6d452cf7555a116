package secretlog

import (
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azeventhubs"
)

// Have: dapr's hubNameFromConnString, whose parser's own name
// (azeventhubs.ParseConnectionString) is secret-named: the function
// selected is no part of the parsed value, the field EntityPath is.
func entityOf(connString string) string {
	props, err := azeventhubs.ParseConnectionString(connString)
	if err != nil || props.EntityPath == nil {
		return ""
	}
	return *props.EntityPath
}

// A decoy: the same parser, returning the key.
func keyOf(connString string) string {
	props, _ := azeventhubs.ParseConnectionString(connString)
	return *props.SharedAccessKey
}

func entityPaths(connectionString string) {
	fmt.Println(entityOf(connectionString)) // the entity path: no finding
	fmt.Println(keyOf(connectionString))    // want `the secret-named connectionString flows into fmt.Println`
}
