package detect

// sampleWords are the words a numbered sample value is made of: it names
// what it stands for (secretValue2, adminPassword1).
var sampleWords = []string{"secret", "secrets", "password", "passwd", "pwd", "pass", "value", "key", "token"}

// isNumberedSample reports a sample value built of words and an ordinal,
// as templates' parameter files and docs number their examples
// (secretValue1, secretValue2; the Azure quickstart key-vault-secret-create
// parameters hold "secretVaule1", typo and all): lowercase-first camel-case
// letters that make words (lettersMakeWords), one of them a sample word
// (sampleWords), then one or two digits and nothing else. A capital first
// letter, a symbol, a digit inside, or a run of three or more digits (a
// year: secretValue2024) makes it a password shape, and it is let through.
func isNumberedSample(v string) bool {
	n := len(v)
	digits := 0
	for digits < n && digits < 3 && isDigit(v[n-1-digits]) {
		digits++
	}
	letters := v[:n-digits]
	if digits == 0 || digits > 2 || len(letters) < 5 || !isLower(letters[0]) {
		return false
	}
	return isLetters(letters) && lettersMakeWords(letters) && wordIn(letters, sampleWords)
}
