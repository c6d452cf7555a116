// Package klog is a test stub of k8s.io/klog/v2.
package klog

// Infof logs at the info level.
func Infof(format string, args ...any) {}

// InfoS logs a structured message at the info level.
func InfoS(msg string, keysAndValues ...any) {}

// ErrorS logs a structured error.
func ErrorS(err error, msg string, keysAndValues ...any) {}
