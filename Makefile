# The two commands of the README: `make demo` (the main job on corpora/) and `make test`.
# Both set up from nothing: a virtualenv in .venv with textkit and its dependencies.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test check eval bench typecheck lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	for plan in corpora/*.txt; do \
		$(BIN)/textkit check $$plan --checklist corpora/checklists/zhuti-jiaoyu-2023.toml || exit $$?; \
	done

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/python -m pytest -q --doctest-modules textkit  # the examples in the docstrings

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/ruff check textkit tests benchmarks scripts

# accuracy on the dev corpus in ../shared, against the floors pinned in eval/floors.json
eval: $(STAMP)
	$(BIN)/python scripts/eval_gate.py --shared $(SHARED)

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
