//kvlint:file-ignore KV101 nothing in this file is reported // want `unused kvlint:file-ignore directive: no KV101 finding in this file; remove it`

package a

var c = "plain"
