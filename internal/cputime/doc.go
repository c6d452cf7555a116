// Package cputime reads the CPU time the process has used, which a shared
// machine distorts less than wall time: benchmarks report cpu-ns/op from it
// and timing tests compare it.
package cputime
