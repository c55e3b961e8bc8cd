FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/venv PATH="/venv/bin:$PATH"
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev && \
    DJANGO_ENV=development GUILD_VAR_DIR=/app/var python manage.py collectstatic --no-input -v0
ENV GUILD_VAR_DIR=/app/var
RUN useradd --create-home guild && mkdir -p /data/media && chown -R guild /app/var /data
USER guild
EXPOSE 8000
CMD ["gunicorn", "guild.wsgi:application", "--bind", "0.0.0.0:8000"]
