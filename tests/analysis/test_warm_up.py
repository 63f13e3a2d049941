"""warm_up loads every model an answer can need, so a server's forked workers load none."""
import importlib
import pkgutil

import engage.analysis
from engage.analysis.analyse import analyse, warm_up

ANSWERS = [
    "More clubs after school please, and somewhere safe to go in the evenings.",
    "Chciałbym więcej zajęć sportowych po szkole i bezpieczne miejsce na spotkania.",
    "نريد مكانا آمنا للعب بعد المدرسة",
    "mujhe school ke baad khelne ki jagah chahiye",
    "tengo miedo",
    "I dont feel safe at home",
]


def _loaders() -> dict[str, object]:
    """Every model loader in engage.analysis: a function cached once (lru_cache of size 1)."""
    found = {}
    for info in pkgutil.walk_packages(engage.analysis.__path__, "engage.analysis."):
        if ".data" in info.name or info.name.endswith(("evaluate", "calibrate")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if getattr(value, "cache_parameters", None) and value.cache_parameters()["maxsize"] == 1:
                found[f"{info.name}.{name}"] = value
    return found


def test_after_warm_up_answers_in_any_language_load_no_model():
    warm_up()
    loaders = _loaders()
    assert "engage.analysis.language._identifier" in loaders
    before = {name: f.cache_info().misses for name, f in loaders.items()}
    analyse(ANSWERS)
    loaded = [name for name, f in loaders.items() if f.cache_info().misses != before[name]]
    assert loaded == []
