# Every target sets itself up from a fresh clone: venv, pinned installs, dbt deps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
DBT_DEPS := integration_tests/dbt_packages/.installed
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: setup demo test report bench bench-crm bench-generate examples clean

setup: $(DBT_DEPS)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(DBT_DEPS): $(INSTALLED) integration_tests/packages.yml
	$(BIN)/activity-harness deps
	touch $@

demo: setup
	$(BIN)/activity-harness demo

# Two pytest workers; each slow warehouse's tests stay on one worker (tests/warehouse_scheduling.py).
test: setup
	$(BIN)/ruff check python tests
	$(BIN)/mypy
	$(BIN)/python -m pytest --numprocesses 2

# The last full `make test` run's warehouse matrix (written under reports/latest/, ignored)
# becomes the committed reports/warehouse_matrix.md, .html and README.md's matrix table.
report: setup
	$(BIN)/activity-harness matrix-report

# The join benchmark on every stream shape, against a plain self-join and, with
# PEERS="path/to/bcodell-checkout path/to/tnightengale-checkout", the peer packages.
PEERS ?=
bench: setup
	$(BIN)/activity-harness bench $(foreach peer,$(PEERS),--peers $(peer))

bench-crm: setup
	$(BIN)/activity-harness bench-crm

# The generator at about 1M and 5M activity rows; writes benchmarks/generator.md.
bench-generate: setup
	$(BIN)/activity-harness bench-generate

# Every example project: generate its data, dbt build, report (refreshes the committed
# reports/examples/web_activity.html).
examples: setup
	$(BIN)/activity-harness examples

clean:
	rm -rf $(VENV) reports/latest .mypy_cache .ruff_cache integration_tests/dbt_packages integration_tests/target integration_tests/logs .bench examples/*/dbt_packages examples/*/target examples/*/logs examples/*/data
