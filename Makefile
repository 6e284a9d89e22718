# XiaoAn: `make run` serves the dashboard, `make test` runs every test. Both install what is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
XIAOAN := $(BIN)/xiaoan

.PHONY: run test system system-test venv db demo lint clean

run: system venv db demo
	$(XIAOAN) serve

test: system-test venv db
	$(BIN)/pytest

system:
	scripts/setup-system.sh

system-test:
	scripts/setup-system.sh --browser

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

db: venv
	$(XIAOAN) db up

demo: db
	$(XIAOAN) demo --if-empty

lint: venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	-$(XIAOAN) db down
	rm -rf $(VENV) artifacts .pytest_cache
