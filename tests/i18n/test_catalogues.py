"""The gettext catalogues are complete and current, and the build compiles what they say."""
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "engage" / "translations"
LANGUAGES = ["ar", "pl"]
PYBABEL = Path(sys.executable).with_name("pybabel")


@pytest.fixture(scope="module")
def source_ids(tmp_path_factory) -> set[str]:
    """Every string the code and templates mark for translation, extracted afresh."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([str(PYBABEL), "extract", "-F", "babel.cfg", "-k", "_l", "-o", str(pot), "."],
                   cwd=ROOT, check=True, capture_output=True)
    with pot.open("rb") as f:
        return {m.id for m in read_po(f) if m.id}


def _catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_has_every_string_the_source_marks(source_ids, lang):
    catalogue = {m.id for m in _catalogue(lang) if m.id}
    missing = source_ids - catalogue
    assert not missing, f"run `make translations-update` and translate: {sorted(missing)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(lang):
    untranslated = [m.id for m in _catalogue(lang) if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    broken = [m.id for m in _catalogue(lang) if m.id and m.python_format
              and sorted(m.string.count(p) for p in ("%(",)) != sorted(m.id.count(p) for p in ("%(",))]
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_its_source(lang):
    """A stale .mo (the .po changed, the build did not run) would show old words."""
    mo_path = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.mo"
    assert mo_path.exists(), "run `make setup` (it compiles the catalogues)"
    with mo_path.open("rb") as f:
        compiled = {m.id: m.string for m in read_mo(f) if m.id}
    assert compiled == {m.id: m.string for m in _catalogue(lang) if m.id}
