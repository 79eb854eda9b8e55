# Every target is a plain command you can also type by hand.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN = $(VENV)/bin
# Where makemessages finds no site strings: libraries, tests, benchmarks.
MESSAGES_IGNORE = --ignore=.venv --ignore=.venv-ci --ignore=tests --ignore=bench
export DEBUG ?= 1

.PHONY: run test install install-dev lint migrate demo check-deploy screenshots messages clean

run: install migrate demo  ## Set up everything and serve the demo site with its worker
	$(BIN)/python manage.py create_admin
	@echo "Serving http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	@echo "The worker sends the emails (printed below) and runs the timed jobs."
	@# The worker runs beside the web server; Ctrl-C stops both.
	@$(BIN)/python manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install-dev  ## Lint, check migrations, run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest -n auto

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: install
	$(BIN)/python manage.py load_demo_content

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

screenshots: install-dev  ## Capture desktop and phone screenshots into docs/screenshots/
	$(BIN)/python -m tests.browser.screenshots
	$(BIN)/python -m tests.browser.editor_screenshots

messages: install  ## Update locale/*/django.po and djangojs.po from the sources and compile the .mo files (needs GNU gettext)
	$(BIN)/python manage.py makemessages --all --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python manage.py makemessages --all --no-obsolete --domain djangojs $(MESSAGES_IGNORE) --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
