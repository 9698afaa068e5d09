"""Character-level repair: mojibake, punctuation, spacing, quotes.

The stage builders of the default pipeline (see :data:`mtclean.stages.STAGES`):

* :func:`unicode_steps`: ftfy with an MT-safe configuration, zero-width spaces
  (:mod:`mtclean.repair.unicode`);
* :func:`punctuation_steps`: the optional quote style (:mod:`mtclean.repair.quotes`),
  then doubled punctuation, space before punctuation and glued sentences
  (:mod:`mtclean.repair.punct`), then glued words (:mod:`mtclean.repair.glued`);
* :func:`spacing_steps`: trailing spaces, space runs, odd and no-break spaces,
  blank-line runs (:mod:`mtclean.repair.spacing`).

Every rule has an id ``repair/<name>`` that ``disable=`` accepts, one by one;
``disable="repair"`` switches all of them off. Each rule's note and examples
live in ``mtclean/data/repair-rules.toml`` (the examples run as tests).

>>> from mtclean import clean
>>> clean("Kiev.Statue of Liberty , in  2022. . Next")
'Kiev. Statue of Liberty, in 2022. Next'
>>> clean("Kiev.Statue of Liberty , in  2022. . Next", disable=["repair/space-run"])
'Kiev. Statue of Liberty, in  2022. Next'
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from ..core import Normalizer
from ..options import Options
from .glued import GLUED_RULES, GluedWordSplitter
from .marks import MARK_RULES, MarkRepairer
from .punct import DOUBLED, PUNCT_RULES, PunctuationRepairer
from .quotepairs import QUOTE_PAIR_RULES, QuotePairRepairer
from .quotes import QUOTE_RULES, QuoteNormalizer
from .redecode import LOST_BYTE, MOJIBAKE_CODEPAGE, Redecoder
from .spacing import SPACING_RULES, SpacingRepairer
from .unicode import MOJIBAKE, UNICODE_RULES, ZERO_WIDTH, UnicodeRepairer, ZeroWidthRemover

__all__ = [
    "PACK",
    "RULE_IDS",
    "RepairExample",
    "RepairRule",
    "punctuation_steps",
    "repair_rules",
    "spacing_steps",
    "unicode_steps",
]

#: The name that switches every repair rule off at once.
PACK = "repair"
#: Every repair rule id, in pipeline order.
RULE_IDS = (
    LOST_BYTE,
    *UNICODE_RULES,
    MOJIBAKE_CODEPAGE,
    ZERO_WIDTH,
    *QUOTE_RULES,
    *QUOTE_PAIR_RULES,
    *MARK_RULES,
    *PUNCT_RULES,
    *GLUED_RULES,
    *SPACING_RULES,
)


@dataclass(frozen=True)
class RepairExample:
    """An input, what the repair stage makes of it, and the options it runs with."""

    input: str
    expected: str
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class RepairRule:
    """A repair rule's id, the step that applies it, why it exists, and its examples."""

    id: str
    step: str
    note: str
    examples: tuple[RepairExample, ...]


@functools.cache
def repair_rules() -> tuple[RepairRule, ...]:
    """The notes and examples of every repair rule, from ``data/repair-rules.toml``.

    >>> [r.id for r in repair_rules()] == list(RULE_IDS)
    True
    """
    text = (resources.files("mtclean") / "data" / "repair-rules.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return tuple(
        RepairRule(
            id=r["id"],
            step=r["step"],
            note=" ".join(r["note"].split()),
            examples=tuple(
                RepairExample(
                    e["input"], e["expected"], MappingProxyType(dict(e.get("options", {})))
                )
                for e in r["examples"]
            ),
        )
        for r in data["rules"]
    )


def _active(options: Options, rule_ids: Iterable[str]) -> frozenset[str]:
    """The rules of ``rule_ids`` that ``options`` leaves on."""
    if options.is_disabled(PACK):
        return frozenset()
    return frozenset(r for r in rule_ids if not options.is_disabled(r))


def _guard(options: Options) -> UnicodeRepairer | None:
    """The unicode step as it runs for ``options``, or ``None`` when it does not run.

    Later repair steps use it to keep their edits from handing ftfy new work (so that
    cleaning twice equals cleaning once).
    """
    if options.is_disabled("unicode", "repair-unicode"):
        return None
    step = UnicodeRepairer(active=_active(options, UNICODE_RULES))
    return step if step.active else None


def _quotes(options: Options) -> QuoteNormalizer | None:
    """The quote step as it runs for ``options``, or ``None`` when quotes are left alone."""
    active = _active(options, QUOTE_RULES)
    if options.quotes is None or not active or options.is_disabled("punctuation", "repair-quotes"):
        return None
    return QuoteNormalizer(options.quotes, active=active, guard=_guard(options))


def unicode_steps(options: Options) -> list[Normalizer]:
    """Lost bytes; mojibake, HTML entities, control characters (ftfy); mojibake through
    the code pages ftfy misses; zero-width spaces."""
    steps: list[Normalizer] = []
    if _active(options, (LOST_BYTE,)) and not options.is_disabled("repair-lost-byte"):
        steps.append(Redecoder(active=frozenset({LOST_BYTE}), name="repair-lost-byte"))
    unicode = UnicodeRepairer(active=_active(options, UNICODE_RULES))
    if unicode.active:
        steps.append(unicode)
    # The code pages extend ftfy's mojibake repair: disabling that disables them too.
    codepage = _active(options, (MOJIBAKE_CODEPAGE, MOJIBAKE))
    if len(codepage) == 2 and not options.is_disabled("repair-redecode"):
        steps.append(Redecoder(active=frozenset({MOJIBAKE_CODEPAGE})))
    if _active(options, (ZERO_WIDTH,)):
        quotes = _quotes(options)
        steps.append(
            ZeroWidthRemover(
                guard=_guard(options), restyler=quotes.restyler if quotes is not None else None
            )
        )
    return steps


def punctuation_steps(options: Options) -> list[Normalizer]:
    """The quote style first (so punctuation sees the final quotes), quote pairing,
    stray marks, then doubled punctuation, space before punctuation and glued
    sentences, then words glued to the clause or date after them."""
    quotes = _quotes(options)
    steps: list[Normalizer] = [] if quotes is None else [quotes]
    pairs = _active(options, QUOTE_PAIR_RULES)
    if pairs and not options.is_disabled("repair-quote-pairs"):
        if DOUBLED in _active(options, (DOUBLED,)):
            pairs |= {DOUBLED}
        steps.append(
            QuotePairRepairer(
                active=pairs, guard=_guard(options), convert_guillemets=options.quotes == "curly"
            )
        )
    marks = _active(options, MARK_RULES)
    if marks and not options.is_disabled("repair-marks"):
        steps.append(MarkRepairer(active=marks, guard=_guard(options)))
    active = _active(options, PUNCT_RULES)
    if active:
        steps.append(PunctuationRepairer(active=active, guard=_guard(options)))
    glued = _active(options, GLUED_RULES)
    if glued and not options.is_disabled("repair-glued-words"):
        steps.append(GluedWordSplitter(active=glued))
    return steps


def spacing_steps(options: Options) -> list[Normalizer]:
    """Trailing spaces, blank-line runs, space runs, odd and no-break spaces."""
    active = _active(options, SPACING_RULES)
    return [SpacingRepairer(active=active, guard=_guard(options))] if active else []
