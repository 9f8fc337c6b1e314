# Every target sets itself up from a fresh clone: venv, pinned installs, dbt deps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DBT_DEPS := integration_tests/dbt_packages/.installed
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: setup demo test bench bench-crm clean

setup: $(DBT_DEPS)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DBT_DEPS): $(INSTALLED) integration_tests/packages.yml
	$(BIN)/activity-harness deps
	touch $@

demo: setup
	$(BIN)/activity-harness demo

test: setup
	$(BIN)/python -m pytest

# The join benchmark on every stream shape, against a plain self-join and, with
# PEERS="path/to/bcodell-checkout path/to/tnightengale-checkout", the peer packages.
PEERS ?=
bench: setup
	$(BIN)/activity-harness bench $(foreach peer,$(PEERS),--peers $(peer))

bench-crm: setup
	$(BIN)/activity-harness bench-crm

clean:
	rm -rf $(VENV) integration_tests/dbt_packages integration_tests/target integration_tests/logs .bench
