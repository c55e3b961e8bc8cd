# Guild's production image: gunicorn, Celery worker and beat all run from it (docker-compose.yml).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/venv PATH="/venv/bin:$PATH"
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /app

# Dependencies first (cached while only the code changes), with the s3 extra: production switches media
# to S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set.
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --extra s3 --no-install-project

COPY . .
RUN uv sync --frozen --no-dev --extra s3

# Static files with production's storage (manifest + compressed copies): the same script the tests run.
ENV GUILD_VAR_DIR=/app/var MEDIA_ROOT=/data/media
RUN platform/scripts/build-static.sh

RUN useradd --create-home --uid 1000 guild && mkdir -p /data/media && chown -R guild /data && \
    chown guild /app/var
USER guild
EXPOSE 8000
CMD ["gunicorn", "guild.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
