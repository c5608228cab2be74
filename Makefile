# One entry point for people and CI. `make test` and `make demo` work on a machine with
# nothing but python3: they create .venv and install the package, its model and dev tools.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
POLNEAR ?= ../shared/data/polnear

.PHONY: install test demo lint typecheck check bench eval clean screenshots

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

test: install
	$(BIN)/pytest -q

demo: install
	$(BIN)/quotecli quotes seeds/ --speaker Thayer

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

bench: install
	$(BIN)/python bench/run.py --polnear $(POLNEAR)

eval: install
	@if [ -d $(POLNEAR)/dev ]; then \
		$(BIN)/quotecli eval $(POLNEAR)/dev --baseline textacy --by-rule --format table \
			--parse-cache .cache/parses \
			$$([ -d $(POLNEAR)/dev/speakers ] && echo --speakers $(POLNEAR)/dev/speakers); \
	else echo "eval skipped: $(POLNEAR)/dev is absent"; fi

# The README's pictures of the HTML pages, from the seeds (needs chromium: apt-get install chromium).
screenshots: install
	$(BIN)/python tests/html/screenshots.py docs

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
