#!/bin/sh
# Collect static files the way production serves them: with production settings, so WhiteNoise's
# CompressedManifestStaticFilesStorage writes its manifest (staticfiles.json) and compressed copies.
# Without the manifest, every page that names a static file answers 500 in production.
#
# The Dockerfile runs this at build time and tests/production runs it before starting gunicorn, so
# the two cannot drift. Build-time values only: a throw-away SECRET_KEY, a placeholder host and no
# mail (production requires EMAIL_URL); collectstatic touches no database, broker, relay or media storage.
#
#   platform/scripts/build-static.sh                     # into $GUILD_VAR_DIR/static (default ./var/static)
#   PYTHON=.venv/bin/python platform/scripts/build-static.sh
set -eu
cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python}"

DJANGO_SETTINGS_MODULE=guild.settings \
DJANGO_ENV=production \
SECRET_KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')" \
ALLOWED_HOSTS=build.invalid \
EMAIL_URL=dummymail:// \
    exec "$PYTHON" manage.py collectstatic --no-input --clear -v0
