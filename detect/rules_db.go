package detect

//kvlint:file-ignore KV108 the samples and examples of this rule table are deliberate fakes

import (
	"strings"

	"github.com/kvlint/kvlint/rules"
)

// weakSecret accepts passwords in connection strings: short ones are fine,
// references and parameters are not.
func weakSecret(m Match) Confidence {
	s := m.Secret()
	if len(s) < 4 || s[0] == '@' || s[0] == '$' || s[0] == '{' || s[0] == '%' || s[0] == ':' || isEnvName(s) ||
		isNamedPlaceholder(s) || isCodeLike(s) || s[0] == '+' || strings.IndexByte(s, '\n') >= 0 {
		return 0
	}
	return High
}

func databaseRules() []*Rule {
	pw := Fake("sqlpw", AlphaNum, 14) + "!"
	redisPW := Fake("redis", Base64Chars, 43) + "="
	return []*Rule{
		{
			Info: info("KV108", "sql-connection-string-password",
				"a database connection string contains a password",
				"Reports Password= or Pwd= in SQL Server, Azure SQL, PostgreSQL and MySQL connection strings "+
					"(key=value form with Server=, Host=, Data Source=, User ID=... beside it) and "+
					"user:password@tcp(...) MySQL DSNs.\n\nThe database password gives direct access to the data.",
				`db, err := sql.Open("sqlserver", "Server=tcp:db.database.windows.net;Database=app;User ID=app;Password=...;")`,
				`// Azure SQL with Entra ID: no password in the connection string.
db, err := sql.Open("azuresql", "Server=tcp:db.database.windows.net;Database=app;fedauth=ActiveDirectoryDefault;")`,
				rules.SeverityError, 8.0, "database"),
			Keywords:    []string{"password", "pwd", "@tcp(", "@unix("},
			Requires:    []string{"server=", "data source=", "host=", "user id=", "uid=", "database=", "initial catalog=", "user=", "dbname=", "addr=", "address=", "@tcp(", "@unix("},
			Pattern:     `(?i)(?:^|[;\s])(?:password|pwd)[ \t]*=(?:'([^'\n]+)'|"([^"\n]+)"|\{([^}\n]+)\}|([^;'"\s{][^;\s]*))|(?:^|[\s"'/])[A-Za-z0-9_.-]+:([^@/\s:]+)@(?:tcp|unix)\(`,
			SecretGroup: -1,
			Confirm:     weakSecret,
			prio:        1,
			humanSecret: true,
			TruePositives: []Sample{
				tpIn("Server=tcp:kvlintfake.database.windows.net,1433;Initial Catalog=app;User ID=app;Password="+pw+";Encrypt=true;", pw),
				tpIn("Data Source=db;Initial Catalog=app;uid=sa;pwd='"+pw+"'", pw),
				tpIn("host=db port=5432 user=app password="+pw+" dbname=app sslmode=require", pw),
				tpIn("app:"+pw+"@tcp(db:3306)/app?parseTime=true", pw),
			},
			FalsePositives: []Sample{
				fp("Server=db;Database=app;User ID=app;Password=%s;"),
				fp("Server=db;Database=app;User ID=app;Password=${DB_PASSWORD};"),
				fp("Server=db;Database=app;User ID=app;Password=@pwd;"),
				fp("Server=tcp:db.database.windows.net;Database=app;Authentication=Active Directory Default;"),
				fp("Password="),
				fp("host=db user=app password= dbname=app"),
				fp("Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;"),
				fp("Server=localhost,1433;User Id=sa;Password=yourStrong(!)Password;"),
				fp(`db, err := sql.Open("postgres", "host=db user=app password="+dbPassword)`),
				{Value: "Server=localhost;User Id=sa;Password=Test123!;", Context: Context{Test: true}},
			},
		},
		{
			Noun: "redis password",
			Info: info("KV109", "redis-connection-password",
				"a Redis connection string contains a password",
				"Reports password= in Azure Cache for Redis / StackExchange.Redis connection strings "+
					"(host:6380,password=...,ssl=True) and passwords in redis:// and rediss:// URLs.\n\n"+
					"The access key gives full access to the cache.",
				`opts := "kvlint.redis.cache.windows.net:6380,password=...,ssl=True,abortConnect=False"`,
				`// Use Entra ID authentication for Azure Cache for Redis, or read the key from Key Vault.`,
				rules.SeverityError, 7.5, "database"),
			Keywords:    []string{"password", "redis://", "rediss://"},
			Requires:    []string{"redis", ":6379", ":6380", "ssl=", "abortconnect="},
			Pattern:     `(?i)(?:^|,)\s*password\s*=\s*([^,\s"']+)|(?i:rediss?)://[^:/@\s]*:([^@/\s]+)@`,
			SecretGroup: -1,
			Confirm:     weakSecret,
			prio:        1,
			humanSecret: true,
			TruePositives: []Sample{
				tpIn("kvlintfake.redis.cache.windows.net:6380,password="+redisPW+",ssl=True,abortConnect=False", redisPW),
				tpIn("rediss://:"+redisPW+"@kvlintfake.redis.cache.windows.net:6380/0", redisPW),
			},
			FalsePositives: []Sample{
				fp("kvlintfake.redis.cache.windows.net:6380,password=<key>,ssl=True"),
				fp("redis://localhost:6379/0"),
				fp("kvlintfake.redis.cache.windows.net:6380,ssl=True"),
			},
		},
	}
}
