// Package scan is `kvlint scan`: the detection engine over plain files of
// any type (YAML, JSON, .env, .properties, Dockerfiles, Terraform, shell,
// and Go in syntax-only mode), with the same rules, configuration,
// suppressions and redaction as kvlint's analyzers.
//
// A directory is walked in lexical order, skipping .git, vendor,
// node_modules, symbolic links, binary files (a NUL byte or mostly invalid
// UTF-8 in the first 8 KB), files over a size limit, and what git excludes.
// Inside a git work tree git lists the files (git ls-files --cached --others
// --exclude-standard: tracked files, and untracked ones no .gitignore,
// .git/info/exclude or core.excludesFile hides; submodules are listed by
// their own git). Outside one, the .gitignore files are read here (globs,
// "**", leading "/" anchoring, trailing "/" for directories, "!" negation; a
// nested .gitignore applies to its subtree).
// Files are scanned in parallel and the findings sorted, so the output does
// not depend on scheduling.
//
// Each line of a plain file is scanned twice at most: the value of each key
// on it (key: value, KEY=value, "key": "value", export KEY=..., ENV KEY
// value, --password value, <key>value</key>) with the key as context, and
// the whole line without a name for the provider formats. PEM private key
// blocks are scanned across lines. A Go file is parsed (no type checking)
// and each string literal is scanned with the context its place in the
// syntax tree gives, like the hardcodedcred analyzer; a file that does not
// parse is scanned line by line.
//
// Suppressions are kvlint:ignore and kvlint:file-ignore comments in the
// file's own comment syntax (see package suppress). With Options.Added
// (--staged, --diff) only the lines a change adds are reported.
package scan
