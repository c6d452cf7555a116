package secretlog

import (
	"fmt"
	"log"
	"strings"
)

type queueConfig struct{ ConnStr, DataDir string }

// Have: connection strings of schemes that carry no credential: known by a
// guard (strings.HasPrefix) or built here from credential-free text.
func credlessConnStrings(cfg queueConfig, path, params, password string) error {
	if strings.HasPrefix(cfg.ConnStr, "leveldb://") {
		log.Printf("opening queue %s", cfg.ConnStr)
	}
	if cfg.ConnStr != "" && strings.HasPrefix(cfg.ConnStr, "file:") {
		log.Printf("opening %s", cfg.ConnStr)
	}
	connStr := fmt.Sprintf("file:%s?%s", path, params)
	log.Printf("sqlite at %s", connStr)
	connectionString := "leveldb://" + cfg.DataDir
	log.Print(connectionString)

	// Decoys: the else branch of the guard, another scheme, credential
	// text beside a free scheme, and a password put into a file: URL.
	if strings.HasPrefix(cfg.ConnStr, "leveldb://") {
		log.Print("leveldb")
	} else {
		log.Printf("not leveldb: %s", cfg.ConnStr) // want `the secret-named field ConnStr flows into log.Printf`
	}
	if strings.HasPrefix(cfg.ConnStr, "redis://") {
		log.Printf("redis at %s", cfg.ConnStr) // want `the secret-named field ConnStr flows into log.Printf`
	}
	if strings.HasPrefix(cfg.ConnStr, "file:") || cfg.DataDir == "" {
		log.Printf("opening %s", cfg.ConnStr) // want `the secret-named field ConnStr flows into log.Printf`
	}
	keyed := fmt.Sprintf("file:%s?_pragma_key=%s", path, params)
	keyedConnStr := keyed
	log.Print(keyedConnStr) // want `the secret-named keyedConnStr flows into log.Print`
	withPassword := fmt.Sprintf("file:%s?p=%s", path, password)
	log.Print(withPassword) // want `the secret-named password flows into log.Print`
	return nil
}
