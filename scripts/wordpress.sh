#!/usr/bin/env bash
# A throwaway WordPress on 127.0.0.1 for the end-to-end tests: Debian's wordpress package, its
# default theme and Trimova's plugin (integrations/wordpress/trimova), a MariaDB of its own (a
# data folder under $WP_HOME, a socket, no TCP port) and PHP's built-in web server.
#   scripts/wordpress.sh start PORT ORIGIN   prints the test posts' URLs as JSON
#   scripts/wordpress.sh stop                stops both servers (the files stay for the next start)
# Needs the Debian packages wordpress, mariadb-server, php-cli and php-mysql (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
WP_HOME=${WP_HOME:-/tmp/trimova-wordpress}
SOCKET=$WP_HOME/mysqld.sock

stop() {
  for name in php mariadb; do
    if [ -f "$WP_HOME/$name.pid" ]; then
      kill "$(cat "$WP_HOME/$name.pid")" 2>/dev/null || true
      rm -f "$WP_HOME/$name.pid"
    fi
  done
}

if [ "${1:-}" = stop ]; then stop; exit 0; fi
[ "${1:-}" = start ] || { echo "usage: $0 start PORT ORIGIN | stop" >&2; exit 2; }
PORT=$2
ORIGIN=$3
stop
mkdir -p "$WP_HOME"

# The database: initialised once, started with no network, root by socket.
if [ ! -d "$WP_HOME/db/mysql" ]; then
  mariadb-install-db --datadir="$WP_HOME/db" --user=root --auth-root-authentication-method=socket >"$WP_HOME/install-db.log" 2>&1
fi
mariadbd --datadir="$WP_HOME/db" --socket="$SOCKET" --skip-networking --user=root \
  --pid-file="$WP_HOME/mariadbd.pid" >"$WP_HOME/mariadb.log" 2>&1 &
echo $! >"$WP_HOME/mariadb.pid"
for _ in $(seq 100); do [ -S "$SOCKET" ] && break; sleep 0.1; done
mariadb --socket="$SOCKET" -u root -e "CREATE DATABASE IF NOT EXISTS wordpress; \
  CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; \
  GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# The site: Debian's WordPress read-only, with a wp-content of its own (theme and plugin linked).
mkdir -p "$WP_HOME/root" "$WP_HOME/wp-content/themes" "$WP_HOME/wp-content/plugins" "$WP_HOME/wp-content/uploads" \
  "$WP_HOME/wp-content/mu-plugins"
for entry in /usr/share/wordpress/*; do
  [ "$(basename "$entry")" = wp-content ] || ln -sfn "$entry" "$WP_HOME/root/$(basename "$entry")"
done
ln -sfn "$WP_HOME/wp-content" "$WP_HOME/root/wp-content"
for theme in /usr/share/wordpress/wp-content/themes/*; do ln -sfn "$theme" "$WP_HOME/wp-content/themes/"; done
ln -sfn "$PWD/integrations/wordpress/trimova" "$WP_HOME/wp-content/plugins/trimova"
# The tests' own switches and a classic theme beside the block theme (e2e/fixtures/wordpress/).
ln -sfn "$PWD/e2e/fixtures/wordpress/test-switches.php" "$WP_HOME/wp-content/mu-plugins/trimova-test-switches.php"
ln -sfn "$PWD/e2e/fixtures/wordpress/classic" "$WP_HOME/wp-content/themes/trimova-classic"
cat >/etc/wordpress/config-127.0.0.1.php <<PHP
<?php
// Written by Trimova's scripts/wordpress.sh for its tests.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$SOCKET');
define('WP_CONTENT_DIR', '$WP_HOME/wp-content');
define('WP_DEFAULT_THEME', 'twentytwentythree');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
// Application passwords (the REST API the block editor uses) over plain http on this machine.
define('WP_ENVIRONMENT_TYPE', 'local');
PHP

php -S "127.0.0.1:$PORT" -t "$WP_HOME/root" >"$WP_HOME/php.log" 2>&1 &
echo $! >"$WP_HOME/php.pid"
for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
php scripts/wordpress-setup.php "http://127.0.0.1:$PORT" "$ORIGIN"
