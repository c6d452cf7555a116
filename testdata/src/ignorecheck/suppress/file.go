package suppress

//kvlint:file-ignore JWT every JWT in this file is a fake (a directive can sit anywhere in the file)

var j1 = "JWT-1"

var s1 = "SECRET-file" // want `fake KV101`

func g() string { return "JWT-2" }
