# make       create .venv, install the toolkit, build the whole edition into output/
# make test  install the test dependencies and run the test suite
# make bench measure validation and build speed
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# jing + a JRE: fast TEI-all validation; fonts (EB Garamond; Droid Sans Fallback, a last resort for Chinese,
# Japanese and Korean; the text edition counts Chinese and Japanese as two columns, not Hangul) and Pango: the PDF; poppler: PDF checks.
# fonts-noto-core (43 MB) and fonts-noto-cjk (91 MB): print.css's fallbacks for the scripts EB Garamond lacks (Devanagari, Syriac, Glagolitic, Ethiopic, Tibetan... and CJK in serif with 〱).
SYSTEM_PACKAGES := jing default-jre-headless=java fonts-ebgaramond fonts-droid-fallback fonts-noto-core fonts-noto-cjk \
                   libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
# chromium drives the browser tests; node runs axe-core and the Nu Html Checker (vnu-jar).
TEST_SYSTEM_PACKAGES := chromium nodejs=node npm=npm

.PHONY: all build system test test-system validate bench fuzz clean
all: build

system:
	@scripts/system-packages.sh $(SYSTEM_PACKAGES)

$(BIN)/edition: pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	@touch $@

build: $(BIN)/edition
	$(BIN)/edition validate
	$(BIN)/edition build

validate: $(BIN)/edition
	$(BIN)/edition validate

test-system:
	@scripts/system-packages.sh $(SYSTEM_PACKAGES) $(TEST_SYSTEM_PACKAGES)

$(VENV)/.test-deps: pyproject.toml package.json $(BIN)/edition | test-system
	$(BIN)/pip install -q -e '.[test]'
	npm install --silent --no-audit --no-fund
	@touch $@

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest -q

bench: $(BIN)/edition
	$(BIN)/python bench/run.py

fuzz: $(VENV)/.test-deps
	FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest -q tests/test_fuzz.py

clean:
	rm -rf output/html output/text output/pdf output/deposit test-artifacts
