// Package store is the patient-index database.
package store

import (
	"database/sql"
	"errors"
	"fmt"
)

const (
	sqlServerDSN = "Server=tcp:ehr-index.database.windows.net,1433;Initial Catalog=patientindex;User ID=ehrapp;Password=aNZUb96vsZyhev!a;Encrypt=True;" // corpus:secret
	postgresURL  = "postgres://ehrapp:rIzXQI3wGfxFq11I@ehr-pg.postgres.database.azure.com:5432/index?sslmode=require"                                   // corpus:secret
	redisConn    = "ehr-cache.redis.cache.windows.net:6380,password=tFVgrvsIKc/67VgFbHbuHJ9nB0Ez8fznwl5oFyHmptG=,ssl=True,abortConnect=False"           // corpus:secret
	cosmosKey    = "Ub03q17GxNTd/SXgNOo7V0JtVgAMlGlL4Y8fvNQ+C4xSWmJETFZw5aPc7JWV8rVYABsuIrjZBwqNACDb2turCv=="                                           // corpus:secret
	localDSN     = "postgres://postgres:postgres@localhost:5432/index?sslmode=disable"                                                                  // corpus:decoy
	templateDSN  = "postgres://%s:%s@%s:5432/%s"                                                                                                        // corpus:decoy
	envDSN       = "postgres://${DB_USER}:${DB_PASSWORD}@db:5432/index"                                                                                 // corpus:decoy
)

const findPatientSQL = `SELECT id, mrn, password_hash FROM patients WHERE mrn = $1 AND deleted_at IS NULL` // corpus:decoy

const updatePasswordSQL = "UPDATE users SET password = $1, token = NULL WHERE id = $2" // corpus:decoy

// ErrBadPassword is returned for a failed login.
var ErrBadPassword = errors.New("invalid username or password") // corpus:decoy

// Open opens the index database.
func Open() (*sql.DB, error) {
	db, err := sql.Open("sqlserver", "sqlserver://ehrapp:JwRrZOh3yv4qDj10eU@ehr-index.database.windows.net:1433?database=patientindex") // corpus:secret
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	return db, nil
}

// User is a clinician account.
type User struct {
	Name         string
	PasswordHash string
}

// Check compares a stored hash.
func (u User) Check(hash string) bool {
	return u.PasswordHash == hash
}

// migrationUser is used by the schema migration job.
var migrationUser = User{Name: "migrator", PasswordHash: "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"} // corpus:decoy

// sha256 of the seed file, for integrity checks.
const seedChecksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" // corpus:decoy

// commit the schema came from
const schemaCommit = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad" // corpus:decoy
