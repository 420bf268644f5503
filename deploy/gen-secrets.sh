#!/usr/bin/env bash
# Writes the secrets compose.yaml reads, once, into deploy/secrets/ (or the
# directory given / $CAREEROPS_SECRETS_DIR). Nothing here is committed:
# deploy/.gitignore excludes secrets/. Existing files are left as they are,
# so re-running never rotates a token under running instances.
#   careerops.env  CAREEROPS_API_ADMIN_TOKEN (plus any LLM/IMAP/notifier keys you add)
#   admin_token    the same token, for Prometheus' credentials_file (/metrics is admin-only)
#   grafana.env    Grafana's admin password
set -euo pipefail
dir="${1:-${CAREEROPS_SECRETS_DIR:-$(dirname "$0")/secrets}}"
mkdir -p "$dir"
chmod 0700 "$dir"
umask 077
rand() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
if [ ! -f "$dir/admin_token" ]; then
  t="$(rand)"
  printf '%s' "$t" > "$dir/admin_token"
  printf 'CAREEROPS_API_ADMIN_TOKEN=%s\n' "$t" > "$dir/careerops.env"
fi
[ -f "$dir/careerops.env" ] || printf 'CAREEROPS_API_ADMIN_TOKEN=%s\n' "$(cat "$dir/admin_token")" > "$dir/careerops.env"
[ -f "$dir/grafana.env" ] || printf 'GF_SECURITY_ADMIN_PASSWORD=%s\n' "$(rand)" > "$dir/grafana.env"
echo "secrets in $dir"
