#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL bound to 127.0.0.1, with a role and database
# for the tests. Prints the connection URL on its last line. Idempotent; runs as root on Debian.
set -euo pipefail

PGUSER_NAME=${OMSORG_PG_USER:-omsorg}
PGPASSWORD_VALUE=${OMSORG_PG_PASSWORD:-omsorg-test}
PGDATABASE_NAME=${OMSORG_PG_DATABASE:-omsorg}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian package postgresql)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >&2
fi
# Listen on loopback only: the test server is never reachable from outside this machine.
conf_dir=/etc/postgresql/$version/main
pg_conftool "$version" main remove listen_addresses >&2 || true
mkdir -p "$conf_dir/conf.d"
# Scratch databases live for seconds; an autovacuum worker on one would block its DROP (only a
# superuser may end it). The suites run in parallel, each server with its own pool of connections
# (up to 8), and the concurrency tests fill them: the default limit of 100 is too few.
connections=400
printf "listen_addresses = '127.0.0.1'\nautovacuum = off\nmax_connections = $connections\n" > "$conf_dir/conf.d/omsorg-tests.conf"

# su keeps the caller's directory, which the postgres user may not be allowed to enter.
as_postgres() { (cd / && su postgres -c "$1"); }

if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
  pg_ctlcluster "$version" main start >&2
elif [ "$(as_postgres "psql -tAc 'SHOW max_connections'")" != "$connections" ]; then
  # The connection limit is read only at start.
  pg_ctlcluster "$version" main restart >&2
else
  pg_ctlcluster "$version" main reload >&2
fi

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -q && break
  sleep 1
done

as_postgres "psql -q -v ON_ERROR_STOP=1" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER_NAME') THEN
    CREATE ROLE $PGUSER_NAME LOGIN CREATEDB PASSWORD '$PGPASSWORD_VALUE';
  END IF;
END \$\$;
SQL
if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$PGDATABASE_NAME'\"" | grep -q 1; then
  as_postgres "createdb -O $PGUSER_NAME $PGDATABASE_NAME" >&2
fi

echo "postgres://$PGUSER_NAME:$PGPASSWORD_VALUE@127.0.0.1:5432/$PGDATABASE_NAME"
