//kvlint:file-ignore KV124 this file holds fake JWTs only

package a

var token1 = "JWT-one"

var token2 = "JWT-two"
