package pemcomment

// A private key commented out in a test file is still a private key:
// no test-fixture judgement hides it.

// want +2 `^private key "----…\(\d+ chars, sha256:[0-9a-f]{8}\)" is in a comment`

// -----BEGIN RSA PRIVATE KEY-----
// 05bYbgvYisRChKbbLkMiJGxKLPb74/ofpB/kHEJ1+LxEPqbcq2tVhkoesZ29GSvb
// UX/eo0qMaEfIhxzTLBfOcZuiR8Dt/mJOnPrG9Q+o1hw57jZMUhFZoOsDsiXAj6dT
// QErOCuJ+tNw0paj9i0zrZMlvS6KZyCHsoPTLZx6ibsDlGFRCcl04xKJ0Y+1x6krw
// HW0dF23xfi3xJ1XfGGWRAhaph/82m0FN9Dr5bdHf7i9Lr8GsHtHrTlaI+tdIejO1
// v0qMurhqltqExGzU/JRn8SkUVlDm30wvPPkGFbJnuHHs+puB1llcccDi1+AT2HU7
// 0faMlkeNWZ7AZX5+J76yEIcBUpFw8YKp6u9oRcgsICe46TTusTngrKNiXs/W2Jt2
// fxSy48oeVgE/AfSdd8O3s0AJPxHprqI9Qiv5WlsupwxeRogorfn5ezZpF7z7mbS+
// 4xfIxbLx0QsepTjHnnHS77ZlUYJJRfaKvT3818gyobWERk/z5y3uK8U0kKlu18iQ
// -----END RSA PRIVATE KEY-----

// want +3 `^private key "----…`

/*
 * -----BEGIN OPENSSH PRIVATE KEY-----
 * 0vGAZTXR+F/rpzpXkktNkoCA/LJYAFmVBJ1QCGPw7sdrGe8QfA4l+RxYv0L+nXTi
 * ngXkQXBU/zouuu86JgfRRHkXUS/1Tl7Vtf47rJgGtS44gFe6fEuyby0szuiwAsf8
 * xP4aFJE2srCPwlFrwmk0/WgqhCP5m9gAFvTNg32VIf02jg6rOWwNrOL2+IwSb6vT
 * 6SS5D5trI0A51IfV3bWgEzOjzVQxUgoOiZgJJ1wTpd+nM+radbPtXvSAMwcwovA3
 * rvfNp0Z/t8EMOe12exO+45L43K5+PsK/xmMCRBM1T/k7DtMLsbQ/FmgFtSr/U4Kt
 * 3IX/EQ1NEVu/Vv05Jt+CdlCAgEgGaEKAcNU+5NlqTMJh9CDM5HwAQNbb2+q1H7Wq
 * ECluwiv4LYA/0GG6bPJ7hxM6JudIHICm2jLl7HuXaazqi1C8cLhQ/GhuZnZksgnl
 * OL3VaaLgAaeakvS4K6SqigMVSQl8EOAZZPn3ND6sO/7nq5vhg84emThSq43o/Yr1
 * -----END OPENSSH PRIVATE KEY-----
 */

// Decoys: a certificate is public, and an elided key is documentation.

// -----BEGIN CERTIFICATE-----
// pHvZVhOjVu39mdsBtQw7LUK+lR98x0jhDRngmueJw4tZXjxfTd+YKFIqlSFwdtc0
// W45Q+Xcsxcp0P8QZNzEwwmoXq/w00tQcVn9OpGVjqTnJ4ONLiVc+PBLIAYOQC7ZM
// ZwI0bkf7PbgvIAoY+YDkT1qv9E/X4waFkbVvDbKdfIkp/BTvo4hSF7B6NyRSXvJz
// l2+UsABNYCnAvsmnZHfhtWyYa8VeO8g90+L2TkZfBVqKa0YaImjvTNUGhox4uyNY
// euxQkr8RLu/owMS4cua3J1POrIRpNcNjEaLl1oyflZTt+xbQDAEE/iMN8p0IU+pF
// pUqfPJNQwO4e5N14ihv3PbtlUDiiC/kJ8MIZqdUhGtITGhN080VL5v0ce56jhY1Z
// R+IiINTaqkK/GRvHOnAkCQ5qsTkmflFnsdc/TtJ39M3Z1ZtcYGhV4IO1sBZ34cAP
// tupvH0pWuMPkJsp9UC7TIq+GDu+4Ex54AdjV2dON7ZG2Or6zhySHJc4impABUtwZ
// -----END CERTIFICATE-----

// -----BEGIN RSA PRIVATE KEY-----
// ...
// -----END RSA PRIVATE KEY-----

func TestNothing() {}
