"""mtclean: clean machine-translated, web-scraped text.

>>> import mtclean
>>> mtclean.clean("Clean text stays byte-identical.")
'Clean text stays byte-identical.'
"""

from __future__ import annotations

from .api import clean, clean_and_explain, default_pipeline
from .core import Edit, Finding, Normalizer, apply_edits
from .corpus.engine import clean_many
from .errors import (
    EditConflictError,
    InputError,
    MtcleanError,
    OptionsError,
    PatternTimeoutError,
    RulePackError,
    UnknownNormalizerError,
)
from .kinds import available_packs, load_rules
from .options import Options
from .pipeline import FunctionNormalizer, Pipeline, RegexNormalizer, make_pipeline
from .result import Change, Result
from .rulepacks.model import Rule, RulePack

__version__ = "0.1.0"

__all__ = [
    "Change",
    "Edit",
    "EditConflictError",
    "Finding",
    "FunctionNormalizer",
    "InputError",
    "MtcleanError",
    "Normalizer",
    "Options",
    "OptionsError",
    "PatternTimeoutError",
    "Pipeline",
    "RegexNormalizer",
    "Result",
    "Rule",
    "RulePack",
    "RulePackError",
    "UnknownNormalizerError",
    "__version__",
    "apply_edits",
    "available_packs",
    "clean",
    "clean_and_explain",
    "clean_many",
    "default_pipeline",
    "load_rules",
    "make_pipeline",
]
