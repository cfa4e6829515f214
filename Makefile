# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DIR := demo-output
SURVEY := src/gcm_review/samples/survey
# Every package of the environment at an exact version with its hashes (refresh: `make lock`).
LOCK := requirements/dev.lock

.PHONY: demo test check lint typecheck system-packages samples benchmarks lock clean

$(BIN)/gcm-review: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	bash scripts/vendor-assets
	touch $(BIN)/gcm-review

## demo: set up, then run the whole review of the bundled fictional sample corpus into demo-output/
demo: $(BIN)/gcm-review
	rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	DATABASE_URL=sqlite:///$(DEMO_DIR)/gcm-review.db $(BIN)/gcm-review review \
		src/gcm_review/samples/corpus --out $(DEMO_DIR)/report \
		--conference src/gcm_review/samples/sources/conference.toml \
		--survey-form $(SURVEY)/gcm-stakeholder-survey-form.xlsx \
		--survey-data $(SURVEY)/gcm-stakeholder-survey-export.csv \
		--survey-weights weight --survey-by stakeholder_group
	@echo "Open $(DEMO_DIR)/report/report.html in a browser (report.docx, matrix.xlsx and the rest beside it)."
	@echo "Why a paragraph got its tags: DATABASE_URL=sqlite:///$(DEMO_DIR)/gcm-review.db $(BIN)/gcm-review explain 153"

## test: the whole test suite (a real PostgreSQL server is started by the tests); the tests that
## read the real report in ../shared skip when it is absent, and fail instead when CI=true
test: $(BIN)/gcm-review system-packages
	$(BIN)/pytest

## check: lint, type check and tests
check: lint typecheck test

lint: $(BIN)/gcm-review
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(BIN)/gcm-review
	$(BIN)/mypy

system-packages:
	@bash scripts/system-packages

samples: $(BIN)/gcm-review
	$(BIN)/python -m gcm_review.samples.build

benchmarks: $(BIN)/gcm-review
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

## lock: refresh requirements/*.lock from pyproject.toml (exact versions and hashes), then reinstall
lock:
	bash scripts/lock

clean:
	rm -rf $(VENV) $(DEMO_DIR) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
