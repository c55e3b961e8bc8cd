# Guild: `make demo` runs the platform; `make test` runs every test.
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8

.PHONY: demo test bench install migrate seed run lint check-deploy icons clean help

help:
	@echo "make demo    install, migrate, seed and run web + worker + beat on http://127.0.0.1:8000"
	@echo "make test    run the whole test suite"
	@echo "make bench   run the benchmarks (needs PostgreSQL and Redis)"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.synced

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input -v0

seed: migrate
	$(PY) manage.py seed_demo

demo: seed
	@echo ""
	@echo "Guild is starting on http://127.0.0.1:8000 (web, worker and beat). Ctrl-C stops all three."
	@echo "Sign in with password guild-demo as learner@, expert@, reviewer@, manager@, admin@ or exec@example.com"
	@echo ""
	$(VENV)/bin/honcho start -f Procfile

# In parallel: one pytest-xdist worker per CPU (at most TEST_WORKERS_MAX), each with its own test
# database, Redis database and var/ (tests/support/xdist_env.py); a test file stays on one worker.
TEST_WORKERS ?= auto
TEST_WORKERS_MAX ?= 4
test: install
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest -n $(TEST_WORKERS) --maxprocesses=$(TEST_WORKERS_MAX) --dist loadfile --no-loadscope-reorder --durations=25 $(PYTEST_ARGS)

bench: install
	$(PY) -m tests.bench $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

check-deploy: install
	DJANGO_ENV=production SECRET_KEY=$$($(PY) -c 'import secrets;print(secrets.token_urlsafe(64))') \
	  ALLOWED_HOSTS=guild.example.com EMAIL_URL=dummymail:// $(PY) manage.py check --deploy --fail-level WARNING

# Copies the Lucide icons Guild uses (guild_ui.ICONS) and Lucide's licence from the npm package into
# the repository: nothing is fetched when Guild runs. Needs npm and the virtualenv (make install).
LUCIDE_VERSION ?= 1.62.0
ICON_DIR := platform/guild/core/icons
icons:
	rm -rf var/lucide && mkdir -p var/lucide
	cd var/lucide && npm pack --silent lucide-static@$(LUCIDE_VERSION) >/dev/null && tar xzf lucide-static-$(LUCIDE_VERSION).tgz
	rm -f $(ICON_DIR)/*.svg
	for name in $$(PYTHONPATH=platform $(PY) -c 'from guild.core.templatetags.guild_ui import ICONS; print(*sorted(set(ICONS.values())))'); do \
	  cp var/lucide/package/icons/$$name.svg $(ICON_DIR)/ || exit 1; done
	cp var/lucide/package/LICENSE $(ICON_DIR)/LICENSE
	rm -rf var/lucide

clean:
	rm -rf var/broker var/cache var/static
