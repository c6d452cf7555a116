package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kvlint/kvlint/detect"
)

// moreContextMatrix is the context matrix of contexts_more.go (detect),
// codefile.go, positional.go and the secret names of words_more.go: SQL
// password clauses, hash arrows, credentials by position, credential
// files, unquoted expressions in source files, each in the file types it
// appears in, with its decoys.
func moreContextMatrix() []ctxRow {
	return []ctxRow{
		// SQL DDL.
		{ctx: "SQL password", file: "V1__roles.sql", tp: "CREATE ROLE analytics WITH LOGIN PASSWORD '{P}';",
			decoys: []string{"CREATE ROLE readonly NOLOGIN PASSWORD NULL;", "ALTER ROLE app PASSWORD :'app_password';",
				"ALTER ROLE app PASSWORD 'md5" + strings.Repeat("0a1b2c3d", 4) + "';", "CREATE ROLE app LOGIN PASSWORD '${APP_DB_PASSWORD}';"}},
		{ctx: "SQL password", file: "grants.sql", tp: "GRANT SELECT ON shop.* TO 'report'@'%' IDENTIFIED BY '{P}';",
			decoys: []string{"CREATE USER 'legacy'@'%' IDENTIFIED BY PASSWORD '*" + strings.Repeat("89ABCDEF", 5) + "';",
				"CREATE USER 'svc'@'%' IDENTIFIED WITH auth_socket;"}},
		{ctx: "SQL password", file: "mssql.sql", tp: "CREATE LOGIN reporting WITH PASSWORD = N'{P}', CHECK_POLICY = OFF;",
			decoys: []string{"CREATE LOGIN reporting WITH PASSWORD = @pw;"}},
		{ctx: "SQL password", file: "migrate.go", tp: "db.Exec(\"ALTER USER 'shop'@'%' IDENTIFIED WITH mysql_native_password BY '{P}'\")",
			decoys: []string{`db.Exec("ALTER USER app WITH PASSWORD $1", pw)`}},
		{ctx: "SQL password", file: "setup_db.py", tp: `cur.execute("CREATE USER etl WITH ENCRYPTED PASSWORD '{P}'")`,
			decoys: []string{`cur.execute("CREATE USER etl WITH ENCRYPTED PASSWORD %s", (pw,))`}},

		{ctx: "SQL INSERT column", file: "seed.sql", tp: "INSERT INTO webhooks (target, signing_secret) VALUES ('https://hooks.example.com/a', '{S}');",
			decoys: []string{"INSERT INTO webhooks (target, signing_secret_id) VALUES ('https://hooks.example.com/b', '{S2}');"}},

		// Hash arrows.
		{ctx: "hash arrow", file: "database.php", tp: "            'password' => env('DB_PASSWORD', '{P}'),",
			decoys: []string{"            'password' => env('DB_PASSWORD'),", "            'password' => $password,",
				"            'password' => null,", "            'password' => '',"}},
		{ctx: "hash arrow", file: "mailer.rb", tp: `  :password => "{P}",`,
			decoys: []string{`  :password => ENV["SMTP_PASSWORD"],`, `  :password => Rails.application.credentials.smtp_password,`}},
		{ctx: "hash arrow", file: "Config.pm", tp: "    api_token => '{S}',",
			decoys: []string{"    api_token => $ENV{API_TOKEN},"}},

		// Credentials by position.
		{ctx: "by position", file: "db.php", tp: `$pdo = new PDO('mysql:host=db;dbname=shop', 'shop', '{P}');`,
			decoys: []string{`$pdo = new PDO($dsn, $user, $pass);`}},
		{ctx: "by position", file: "report.pl", tp: `my $dbh = DBI->connect("dbi:Pg:dbname=sales", "report", "{P}", { AutoCommit => 0 });`,
			decoys: []string{`my $dbh = DBI->connect($dsn, $user, $password);`}},
		{ctx: "by position", file: "Dockerfile", tp: "RUN htpasswd -bc /etc/nginx/.htpasswd ops {P}",
			decoys: []string{"RUN htpasswd -c /etc/nginx/.htpasswd ops", `RUN htpasswd -b /etc/nginx/.htpasswd ops "$OPS_PASSWORD"`}},
		{ctx: "pgpass", file: ".pgpass", tp: "db.internal.example.com:5432:orders:orders_app:{P}",
			decoys: []string{"*:*:*:replicator:", "# hostname:port:database:username:password", "localhost:5432:*:postgres:*"}},
		{ctx: "netrc", file: ".netrc", tp: "machine git.example.com login ci password {S}",
			decoys: []string{"machine git.example.com login ci password $GIT_PASSWORD"}},

		// Secret names.
		{ctx: "secret_key_base", file: "prod.exs", tp: `  secret_key_base: "{S}",`,
			decoys: []string{`  secret_key_base_path: "{S2}",`}},
		{ctx: "secret_key_base", file: "secrets.yml", tp: "  secret_key_base: {S}",
			decoys: []string{"  secret_key_base: <%= ENV[\"SECRET_KEY_BASE\"] %>"}},
		{ctx: "define()", file: "wp-config.php", tp: "define( 'SECURE_AUTH_KEY',   '{S}' );",
			decoys: []string{"define( 'AUTH_KEY_HEADER', '{S2}' );", "define( 'NONCE_SALT',  'put your unique phrase here' );"}},
		{ctx: "JWT signing", file: "config.go", tp: "cfg := Config{JWTSigning: \"{S}\"}",
			decoys: []string{"signingMethod := \"{S2}\""}},

		// Unquoted values: expressions in source files, literals in configuration.
		{ctx: "unquoted expression", file: "payments.rb", tp: `Stripe.api_key = "{S}"`,
			decoys: []string{"Stripe.api_key = Rails.configuration.stripe[:secret_key]", "config.secret_token = Rails.application.credentials.dig(:app, :secret_token)"}},
		{ctx: "unquoted expression", file: "settings.py", tp: `SECRET_KEY = "{S}"`,
			decoys: []string{`SECRET_KEY = env.str("DJANGO_SECRET_KEY")`, "API_TOKEN = settings.TOKENS[0]"}},
		{ctx: "unquoted expression", file: "seed.rb", tp: "CONFIG = <<~YAML\n  password: {P}\nYAML",
			decoys: []string{"db_password = ENV.fetch(:db_password)"}},
		{ctx: "unquoted expression", file: "app.js", tp: "// the staging token is api_token={S}",
			decoys: []string{"const apiToken = config.tokens.staging;"}},
		{ctx: "unquoted expression", file: "config.js", tp: "  sessionToken: process.env.SESSION_TOKEN || '{S}',",
			decoys: []string{"  sessionToken: process.env.SESSION_TOKEN,", "  sessionToken: opts.token ?? defaults.token,"}},
		{ctx: "unquoted value", file: ".env", tp: "API_TOKEN={S}"},
		{ctx: "unquoted value", file: "app.properties", tp: "db.password={P}"},
		{ctx: "unquoted value", file: "app.ini", tp: "password = {P}"},
	}
}

// TestMoreContextMatrix runs moreContextMatrix through scan as
// TestContextMatrix does: each true positive is found, no decoy is.
func TestMoreContextMatrix(t *testing.T) {
	dir := t.TempDir()
	for i, r := range moreContextMatrix() {
		content, secret, tpLine, decoys := matrixFile(r)
		sub := filepath.Join(dir, strings.Repeat("d", i+1))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		cr, err := Content(filepath.Join(sub, r.file), []byte(content), &Options{Root: dir})
		fs := cr.Findings
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]string{}
		for _, f := range fs {
			if secretRules[f.RuleID] {
				got[f.Line] = f.RuleID
			}
		}
		if got[tpLine] == "" {
			t.Errorf("%s in %s: %s on line %d not found", r.ctx, r.file, detect.Redact(secret), tpLine)
		}
		for _, l := range decoys {
			if id := got[l]; id != "" {
				t.Errorf("%s in %s: decoy on line %d reported by %s: %s", r.ctx, r.file, l, id, redactLine(strings.Split(content, "\n")[l-1]))
			}
		}
	}
}

// TestRailsMasterKey checks that the key of Rails's master.key and
// config/credentials/<env>.key is reported, and that a placeholder or a
// .key file elsewhere is not read as one.
func TestRailsMasterKey(t *testing.T) {
	dir := t.TempDir()
	key := detect.Fake("rails-master", "0123456789abcdef", 32)
	for _, c := range []struct {
		path, content string
		want          bool
	}{
		{"config/master.key", key + "\n", true},
		{"config/credentials/production.key", key, true},
		{"config/master.key", "<paste the master key here>\n", false},
		{"certs/server.key", key, false},
	} {
		cr, err := Content(filepath.Join(dir, c.path), []byte(c.content), &Options{Root: dir})
		fs := cr.Findings
		if err != nil {
			t.Fatal(err)
		}
		if got := len(fs) > 0; got != c.want {
			t.Errorf("%s: reported %v, want %v", c.path, got, c.want)
		}
	}
}
