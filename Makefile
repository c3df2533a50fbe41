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

# The reports a reader opens, written for the plans in corpora/ into $(DEMO); printed in Chinese.
DEMO ?= build/demo
CHECKLIST = corpora/checklists/zhuti-jiaoyu-2023.toml

demo: $(STAMP)
	@mkdir -p $(DEMO)
	@for plan in corpora/*.txt; do \
		name=$$(basename $$plan .txt); \
		$(BIN)/textkit check $$plan --checklist $(CHECKLIST) --format html -o $(DEMO)/检查报告-$$name.html; \
		code=$$?; if [ $$code -gt 1 ]; then exit $$code; fi; \
		$(BIN)/textkit tasks $$plan -o $(DEMO)/任务分解表-$$name.xlsx || exit $$?; \
	done
	@$(BIN)/textkit compare --no-progress corpora/*.txt --checklist $(CHECKLIST) --format html \
		-o $(DEMO)/方案对比报告.html || exit $$?
	@echo "演示报告已写入 $(DEMO)/ ，用浏览器打开 .html 文件，用 Excel/WPS 打开 .xlsx 文件："
	@for f in $(DEMO)/*; do echo "  $$f"; done
	@echo "  检查报告：草稿是否写到了对照清单（$(CHECKLIST)）的每项要求，每个结论附原文依据；"
	@echo "  方案对比报告：两份方案的要求覆盖、彼此相同的段落、相似度、各单位承担的任务；"
	@echo "  任务分解表：每项措施一行，列出牵头单位、配合单位、完成时限和频次。"

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
