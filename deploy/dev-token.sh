#!/usr/bin/env bash
# Mints a signed development token (HS256) for the local profile.
# Usage: deploy/dev-token.sh [role] [country] [municipality] [organisation] [hours]
#   deploy/dev-token.sh reporter SE 1280 malmo-bostad-forst
# The secret is the local profile's (or JWT_HMAC_SECRET). Never use it outside local development.
set -euo pipefail
role=${1:-reporter}
country=${2:-SE}
municipality=${3:-1280}
organisation=${4:-malmo-bostad-forst}
hours=${5:-8}
secret=${JWT_HMAC_SECRET:-local-development-signing-secret-not-for-production}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"dev-user","roles":["%s"],"country":"%s","municipality":"%s","org":"%s","iat":%d,"exp":%d}' \
  "$role" "$country" "$municipality" "$organisation" "$now" "$((now + hours * 3600))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature"
