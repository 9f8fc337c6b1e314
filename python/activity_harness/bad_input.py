"""The bad-input corpus: one folder per case under integration_tests/bad_input, each a
deliberately bad call or bad data and what the package must answer (a compile error, a
warning, violation rows, or correct rows despite hostile text).

A case folder holds `case.yml` and CSV inputs; the folder `_shared` holds inputs and
helper models that cases ref by their node names (`ref('shared__stream')`). The cases run in a small client project of
their own that installs the package (as a user's project would): every input becomes a
seed `<case>__<input>`, every model `<case>` (or `<case>__<name>` for helper models), and
`ref('<input or helper>')` in a case's SQL names its own. The project is built once per
warehouse; calls that must fail, or warn, are compiled one by one.

case.yml keys:
  description        what the case is about (required)
  model              the SQL (Jinja) of the model under test
  models             helper models the case's model refs: {name: SQL}
  column_types       {input: {column: type}}; a type is one name or {target: name}
  identity_source    an input listed in vars activity_schema.identity_sources
  vars               vars of an inline compile, merged over the project's
  expected_error     fragments of the compile error that `model` must raise
  expected_warning   fragments of the warning that compiling `model` must print
  data_test          {name, arguments}: a data test on the model; its failing rows must
                     equal expected_violations.csv
  injection          text that must reach the model's SQL only as one string literal;
                     a table created before the build must survive it
  time_zones         process time zones (TZ, and PGTZ for Postgres) to build the model
                     under, each giving expected.csv
Files: expected.csv (the model's rows), expected_violations.csv (the data test's failing
rows); `<name>.<target>.csv` overrides one for a target.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .paths import INTEGRATION_DIR, REPO_ROOT

CORPUS_DIR = INTEGRATION_DIR / "bad_input"
PROJECT_NAME = "bad_input_corpus"
# A table every build must leave in place, and one no injected statement may create.
VICTIM_TABLE = "bad_input_victim"
PWNED_TABLE = "bad_input_pwned"
EXPECTATION_FILES = ("expected", "expected_violations")
KEYS = {"description", "model", "models", "column_types", "identity_source", "vars", "expected_error", "expected_warning",
        "data_test", "injection", "time_zones"}


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    spec: dict[str, Any]
    inputs: tuple[str, ...]

    @property
    def compiled_inline(self) -> bool:
        """Calls that fail or warn at compile time are compiled one by one, never built."""
        return "expected_error" in self.spec or "expected_warning" in self.spec

    @property
    def built(self) -> bool:
        return "model" in self.spec and not self.compiled_inline

    @property
    def shared(self) -> bool:
        return self.folder.name.startswith("_")

    def node_name(self, name: str | None = None) -> str:
        return self.name if name is None else f"{self.name}__{name}"

    def sql(self, text: str) -> str:
        """A case's SQL with its own inputs and helper models referenced by node name."""
        names = set(self.inputs) | set(self.spec.get("models", {}))

        def qualify(match: re.Match[str]) -> str:
            name = match.group(2)
            return f"ref({match.group(1)}{self.node_name(name)}{match.group(1)})" if name in names else match.group(0)

        return re.sub(r"""ref\((['"])(\w+)\1\)""", qualify, text)

    def expects(self, kind: str) -> bool:
        return (self.folder / f"{kind}.csv").exists() or any(self.folder.glob(f"{kind}.*.csv"))

    def expected_rows(self, kind: str, target: str) -> list[dict[str, str]] | None:
        for path in (self.folder / f"{kind}.{target}.csv", self.folder / f"{kind}.csv"):
            if path.exists():
                with path.open(newline="") as handle:
                    return list(csv.DictReader(handle))
        return None


def load_case(folder: Path) -> Case:
    spec = yaml.safe_load((folder / "case.yml").read_text())
    if unknown := set(spec) - KEYS:
        raise ValueError(f"{folder.name}/case.yml: unknown keys {sorted(unknown)}; valid keys are {sorted(KEYS)}")
    if "description" not in spec:
        raise ValueError(f"{folder.name}/case.yml needs a description")
    inputs = tuple(sorted(path.stem for path in folder.glob("*.csv") if path.stem.split(".")[0] not in EXPECTATION_FILES))
    return Case(folder.name.lstrip("_"), folder, spec, inputs)


def load_cases(corpus: Path = CORPUS_DIR) -> list[Case]:
    """Every case, and first the inputs and models cases share (folder _shared, nodes
    shared__<name>)."""
    return [load_case(folder) for folder in sorted(corpus.iterdir(), key=lambda path: (not path.name.startswith("_"), path.name)) if folder.is_dir()]


@dataclass
class CorpusProject:
    """The client project the cases run in, written for one target."""

    directory: Path
    target: str
    cases: list[Case]
    package_dir: Path = REPO_ROOT
    vars: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        identity_sources = [case.node_name(case.spec["identity_source"]) for case in self.cases if "identity_source" in case.spec]
        self.vars = {"activity_schema": {"identity_sources": identity_sources}}

    def write(self) -> Path:
        if self.directory.exists():
            shutil.rmtree(self.directory)
        (self.directory / "seeds").mkdir(parents=True)
        (self.directory / "models").mkdir()
        shutil.copy(INTEGRATION_DIR / "profiles.yml", self.directory / "profiles.yml")
        (self.directory / "packages.yml").write_text(yaml.safe_dump({"packages": [{"local": str(self.package_dir)}]}))
        seed_config: dict[str, Any] = {}
        tests: list[dict[str, Any]] = []
        for case in self.cases:
            for name in case.inputs:
                shutil.copy(case.folder / f"{name}.csv", self.directory / "seeds" / f"{case.node_name(name)}.csv")
                types = case.spec.get("column_types", {}).get(name)
                if types:
                    seed_config[case.node_name(name)] = {"+column_types": {column: self._type(spelling) for column, spelling in types.items()}}
            for name, sql in case.spec.get("models", {}).items():
                (self.directory / "models" / f"{case.node_name(name)}.sql").write_text(case.sql(sql))
            if case.built:
                (self.directory / "models" / f"{case.name}.sql").write_text(case.sql(case.spec["model"]))
                if test := case.spec.get("data_test"):
                    arguments = {"arguments": test["arguments"]} if test.get("arguments") else {}
                    tests.append({"name": case.name, "data_tests": [{test["name"]: arguments} if arguments else test["name"]]})
        (self.directory / "models" / "corpus.yml").write_text(yaml.safe_dump({"version": 2, "models": tests}, sort_keys=False))
        project = {
            "name": PROJECT_NAME, "version": "1.0", "config-version": 2, "profile": "activity_schema_integration_tests",
            "vars": self.vars,
            "models": {PROJECT_NAME: {"+materialized": "table"}},
            "seeds": {PROJECT_NAME: seed_config},
        }
        (self.directory / "dbt_project.yml").write_text(yaml.safe_dump(project, sort_keys=False))
        return self.directory

    def _type(self, spelling: str | dict[str, str]) -> str:
        return spelling if isinstance(spelling, str) else spelling[self.target]

    def inline_vars(self, case: Case) -> dict[str, Any]:
        """The project's vars with the case's merged over them (a --vars key replaces the
        project's whole value)."""
        merged = {key: dict(value) if isinstance(value, dict) else value for key, value in self.vars.items()}
        for key, value in case.spec.get("vars", {}).items():
            merged[key] = {**merged.get(key, {}), **value} if isinstance(value, dict) else value
        return merged


def canonical(value: Any) -> Any:
    """A cell as compared with an expected CSV cell: null and '' alike, numbers as floats,
    timestamps as ISO text, booleans as true/false."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    return str(value)


def row_differences(expected: list[dict[str, str]], actual: list[dict[str, Any]]) -> tuple[Counter[tuple[Any, ...]], Counter[tuple[Any, ...]]]:
    """(missing, unexpected) rows, compared on the expected file's columns; an expected cell
    is read as a number where the actual column holds numbers."""
    columns = list(expected[0]) if expected else list(actual[0]) if actual else []
    numeric = {column for column in columns if any(isinstance(canonical(row.get(column)), float) for row in actual)}

    def expected_cell(column: str, text: str) -> Any:
        value = canonical(text)
        return float(value) if column in numeric and value is not None else value

    wanted = Counter(tuple(expected_cell(column, row[column]) for column in columns) for row in expected)
    got = Counter(tuple(canonical(row.get(column)) for column in columns) for row in actual)
    return wanted - got, got - wanted
