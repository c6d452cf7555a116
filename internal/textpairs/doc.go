// Package textpairs reads the key/value pairs of lines of text: config
// files (.env, YAML, properties, INI, XML), scripts and command lines, CI
// definitions, Markdown tables, and the declarations, calls and comparisons
// of other languages' code. Line takes the pairs of one line; State binds a
// value on a later line to its key (YAML block scalars, continued command
// lines, table columns, name/value siblings, initializers of a secret's
// type). kvlint scan reads every plain file with it, and a Go string of
// several lines is read with it too (internal/gosite), so that such text
// gives the same pairs in a Go string as in a file.
//
// Nothing here allocates: pairs are substrings of the line.
package textpairs
