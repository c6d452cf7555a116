package detect

import "testing"

// moreContextCases are the true positives and decoys of the contexts of
// contexts_more.go: SQL password clauses, hash arrows, credentials by
// position.
func moreContextCases() []contextCase {
	s := Fake("ctx-more", AlphaNum, 22)
	pw := "Vb7#qLm2!zR9"
	md5 := "md5" + Fake("ctx-more-md5", "0123456789abcdef", 32)
	salt := Fake("ctx-more-salt", AlphaNum+"!#%&()*+,-.:;<=>?@[]^_{|}~", 64)
	mysqlHash := "*" + Fake("ctx-more-mysql", "0123456789ABCDEF", 40)
	return []contextCase{
		// PostgreSQL.
		{kind: CtxSQLPassword, value: "CREATE ROLE reporting WITH LOGIN PASSWORD '" + pw + "';", secret: pw},
		{kind: CtxSQLPassword, value: "create user etl with encrypted password '" + s + "' valid until 'infinity';", secret: s},
		{kind: CtxSQLPassword, value: "ALTER ROLE etl PASSWORD '" + s + "'", secret: s},
		{kind: CtxSQLPassword, value: "ALTER USER billing WITH PASSWORD '" + pw + "';", secret: pw},
		{kind: CtxSQLPassword, value: "CREATE ROLE ro NOLOGIN PASSWORD NULL;"},
		{kind: CtxSQLPassword, value: "ALTER ROLE etl PASSWORD '" + md5 + "';"},
		{kind: CtxSQLPassword, value: "CREATE ROLE etl LOGIN PASSWORD 'SCRAM-SHA-256$4096:" + s + "';"},
		{kind: CtxSQLPassword, value: "ALTER USER app WITH PASSWORD :new_password;"},
		{kind: CtxSQLPassword, value: "ALTER USER app WITH PASSWORD $1"},
		{kind: CtxSQLPassword, value: "CREATE ROLE app LOGIN PASSWORD '${DB_PASSWORD}';", filter: "placeholder"},
		{kind: CtxSQLPassword, value: `db.Exec("ALTER USER app WITH PASSWORD '" + pw + "'")`},
		{kind: CtxSQLPassword, value: "SELECT password FROM users WHERE name = 'x';"},
		{kind: CtxSQLPassword, value: "Set the password 'Vb7#qLm2!zR9' when asked."},
		// MySQL and MariaDB.
		{kind: CtxSQLPassword, value: "CREATE USER 'shop'@'%' IDENTIFIED BY '" + pw + "';", secret: pw},
		{kind: CtxSQLPassword, value: "ALTER USER 'shop'@'localhost' IDENTIFIED WITH mysql_native_password BY \"" + s + "\";", secret: s},
		{kind: CtxSQLPassword, value: "GRANT ALL ON shop.* TO 'shop'@'%' IDENTIFIED BY '" + s + "';", secret: s},
		{kind: CtxSQLPassword, value: "SET PASSWORD FOR 'shop'@'%' = '" + pw + "';", secret: pw},
		{kind: CtxSQLPassword, value: "CREATE USER 'shop'@'%' IDENTIFIED BY PASSWORD '" + mysqlHash + "';"},
		{kind: CtxSQLPassword, value: "CREATE USER 'shop'@'%' IDENTIFIED WITH caching_sha2_password AS '" + mysqlHash + "';"},
		{kind: CtxSQLPassword, value: "CREATE USER 'shop'@'%' IDENTIFIED BY ?;"},
		{kind: CtxSQLPassword, value: "users are identified by their email address"},
		// Oracle.
		{kind: CtxSQLPassword, value: "CREATE USER hr IDENTIFIED BY " + s + ";", secret: s},
		{kind: CtxSQLPassword, value: "ALTER USER hr IDENTIFIED BY :pw;"},
		// SQL Server.
		{kind: CtxSQLPassword, value: "CREATE LOGIN svc_app WITH PASSWORD = N'" + pw + "', CHECK_POLICY = OFF;", secret: pw},
		{kind: CtxSQLPassword, value: "CREATE MASTER KEY ENCRYPTION BY PASSWORD = '" + s + "';", secret: s},
		{kind: CtxSQLPassword, value: "EXEC sp_addlogin 'legacy', '" + pw + "', 'master';", secret: pw},
		{kind: CtxSQLPassword, value: "EXEC sp_addlogin @loginame = 'legacy', @passwd = N'" + s + "';", secret: s},
		{kind: CtxSQLPassword, value: "CREATE LOGIN svc WITH PASSWORD = 0x0200AB HASHED;"},
		{kind: CtxSQLPassword, value: "EXEC sp_addlogin @loginame = 'legacy', @passwd = @pw;"},
		// Hash arrows.
		{kind: CtxArrow, value: "        'password' => '" + pw + "',", secret: pw},
		{kind: CtxArrow, value: `    "api_key" => env('MAILER_KEY', '` + s + `'),`, secret: s},
		{kind: CtxArrow, value: `  :client_secret => "` + s + `",`, secret: s},
		{kind: CtxArrow, value: `my %db = (user => 'app', password => '` + pw + `');`, secret: pw},
		{kind: CtxArrow, value: "        'password' => env('DB_PASSWORD'),"},
		{kind: CtxArrow, value: "        'password' => $password,"},
		{kind: CtxArrow, value: "        'password' => null,"},
		{kind: CtxArrow, value: "        'password' => '',"},
		{kind: CtxArrow, value: "        'password' => 'prefix' . $suffix,"},
		{kind: CtxArrow, value: "        'username' => '" + s + "',"},
		{kind: CtxArrow, value: "const f = (token) => token.trim();"},
		{kind: CtxArrow, value: "        'password' => env('DB_PASSWORD', '{{ db_password }}'),", filter: "text"},
		// Credentials by position.
		{kind: CtxPositional, value: `$pdo = new PDO($dsn, 'shop', '` + pw + `');`, secret: pw},
		{kind: CtxPositional, value: `$db = new \PDO("mysql:host=db;dbname=shop", "shop", "` + s + `", $opts);`, secret: s},
		{kind: CtxPositional, value: `my $dbh = DBI->connect($dsn, "report", "` + pw + `", { RaiseError => 1 });`, secret: pw},
		{kind: CtxPositional, value: `$link = mysqli_connect("db", "shop", "` + s + `", "shop");`, secret: s},
		{kind: CtxPositional, value: `Connection c = DriverManager.getConnection(url, "etl", "` + s + `");`, secret: s},
		{kind: CtxPositional, value: `db = MySQLdb.connect("db", "etl", "` + pw + `", "warehouse")`, secret: pw},
		{kind: CtxPositional, value: `$pdo = new PDO($dsn, $user, $pass);`},
		{kind: CtxPositional, value: `$pdo = new PDO($dsn, 'shop', getenv('DB_PASS'));`},
		{kind: CtxPositional, value: `Connection c = DriverManager.getConnection(url);`},
		{kind: CtxPositional, value: "htpasswd -bB /etc/nginx/.htpasswd admin '" + pw + "'", secret: pw},
		{kind: CtxPositional, value: "RUN htpasswd -cb /etc/apache2/.htpasswd ops " + s + " && echo ok", secret: s},
		{kind: CtxPositional, value: "htpasswd -nbB ops " + s + " > users", secret: s},
		{kind: CtxPositional, value: "htpasswd -c /etc/nginx/.htpasswd admin"},
		{kind: CtxPositional, value: `htpasswd -b /etc/nginx/.htpasswd admin "$ADMIN_PASSWORD"`, filter: "placeholder"},
		// define() constants.
		{kind: CtxDefine, value: "define( 'AUTH_KEY',         '" + salt + "' );", secret: salt},
		{kind: CtxDefine, value: `define("LOGGED_IN_SALT", "` + salt + `");`, secret: salt},
		{kind: CtxDefine, value: `define('DB_PASSWORD', '` + pw + `');`, secret: pw},
		{kind: CtxDefine, value: `define('NONCE_KEY','` + salt + `');`, secret: salt},
		{kind: CtxDefine, value: `define('AUTH_KEY_HEADER', 'X-Auth-Key');`},
		{kind: CtxDefine, value: `define('WP_CACHE_KEY_SALT', 'shop_');`},
		{kind: CtxDefine, value: `define('DB_NAME', 'wordpress');`},
		{kind: CtxDefine, value: `define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );`, filter: "text"},
		{kind: CtxDefine, value: `define('DB_PASSWORD', getenv('DB_PASSWORD'));`},
		// INSERT columns.
		{kind: CtxInsertColumn, value: "INSERT INTO oauth_apps (name, client_secret) VALUES ('billing', '" + s + "');", secret: s},
		{kind: CtxInsertColumn, value: "insert into `svc` (`id`, `api_token`, `owner`) values (7, '" + s + "', 'ops'), (8, NULL, 'x');", secret: s},
		{kind: CtxInsertColumn, value: "INSERT INTO oauth_apps (name, client_id) VALUES ('billing', '" + s + "');"},
		{kind: CtxInsertColumn, value: "INSERT INTO users (email, password) VALUES ('a@example.com', :password);"},
		{kind: CtxInsertColumn, value: "INSERT INTO users (email, password) VALUES ('a@example.com', '" + md5 + "');"},
		{kind: CtxInsertColumn, value: "helm template . --values values.yaml"},
	}
}

// TestMoreValueContexts runs the cases of moreContextCases through Scan and
// Explain: each true positive is reported with a reporting decision of its
// context, each decoy is not, rejected by the filter it names.
func TestMoreValueContexts(t *testing.T) {
	e := defaultEngine(t)
	tps := map[ValueContext]int{}
	for _, c := range moreContextCases() {
		for _, ctx := range []Context{{Kind: KindLine}, {Kind: KindCallArg, Call: "database/sql.Exec"}} {
			if checkContextCase(t, e, c, ctx) {
				tps[c.kind]++
			}
		}
	}
	for k := CtxSQLPassword; k <= CtxInsertColumn; k++ {
		if tps[k] == 0 {
			t.Errorf("%v: no true positive", k)
		}
		if k.String() == "unknown" {
			t.Errorf("%d: no name", k)
		}
	}
}

// FuzzMoreValueContexts checks that the extractors of contexts_more.go
// never panic and bind only spans inside the value.
func FuzzMoreValueContexts(f *testing.F) {
	for _, c := range moreContextCases() {
		f.Add(c.value)
	}
	f.Add("=>")
	f.Add("'=>")
	f.Add("IDENTIFIED WITH")
	f.Add("password for ")
	f.Add("htpasswd -C")
	f.Add("sp_addlogin(")
	f.Fuzz(func(t *testing.T, v string) {
		eachContext(v, func(c contextCandidate) {
			if c.start < 0 || c.end > len(v) || c.start > c.end {
				t.Fatalf("%v: span %d..%d outside the value (%d bytes)", c.kind, c.start, c.end, len(v))
			}
		})
	})
}
