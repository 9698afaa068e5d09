"""Options of the default pipeline, as one frozen, hashable object.

``mtclean.clean(text, **options)`` turns its keywords into an :class:`Options`;
a misspelt keyword or a value of the wrong type raises
:class:`~mtclean.errors.OptionsError` (a ``TypeError`` and a ``ValueError``), with
a "did you mean" hint for a misspelt one.

>>> Options.from_kwargs(boilerplate_max_share="0.5")  # doctest: +ELLIPSIS
Traceback (most recent call last):
mtclean.errors.OptionsError: boilerplate_max_share must be a number ... not the str '0.5'
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar

from .choices import (
    NAME_STYLES,
    QUOTE_STYLES,
    REPEATED_PARAGRAPHS,
    NameStyle,
    QuoteStyle,
    RepeatedParagraphs,
)
from .errors import OptionsError
from .kinds import load_rules
from .languages import normalize_lang
from .rulepacks.model import RulePack, did_you_mean

__all__ = ["SOURCE_LANGS", "Options", "with_options_signature"]

#: Source languages with bundled term packs; ``None`` lets mtclean decide from the text.
SOURCE_LANGS = ("nl", "de", "fr", "es", "it", "pt", "pl", "ro")


@dataclass(frozen=True)
class Options:
    """Settings of the default pipeline.

    Args:
        source_lang: the language the text was translated from: any ISO 639-1 code,
            case-insensitive (``"nl"``, ``"PT"``), or ``None`` / ``"auto"`` to let
            mtclean decide from the text. Languages without a terms pack (see
            ``SOURCE_LANGS``) run every language-independent stage.
        rules: extra rule packs (loaded packs, bundled pack names or paths); each
            joins the stage of its kind.
        disable: stages, steps, packs or single rules to switch off, by name
            (``"names"``, ``"terms-nl"``, ``"terms-nl/navo"``).
        enable: bundled packs that are off by default to switch on (``"style-en"``).
        quotes: make quotes consistent: ``None`` (leave them, the default),
            ``"straight"``, ``"curly"`` or ``"dominant"`` (the text's majority style).
        boilerplate_max_share: if boilerplate removal would take more than this share
            of a document's characters, nothing is removed and a finding is reported.
        repeated_paragraphs: what to do with a paragraph repeated verbatim:
            ``"report"`` (a finding, the default) or ``"remove"``.
        name_style: how one document's spellings of a person are unified:
            ``"default"`` (keep a single accepted spelling, unify mixed ones to the
            gazetteer's), ``"canonical"`` (always the gazetteer's) or ``"dominant"``
            (the document's most frequent spelling); see docs/names.md.
    """

    source_lang: str | None = None
    rules: tuple[RulePack, ...] = ()
    disable: frozenset[str] = frozenset()
    enable: frozenset[str] = frozenset()
    quotes: QuoteStyle | None = None
    boilerplate_max_share: float = 0.5
    repeated_paragraphs: RepeatedParagraphs = "report"
    name_style: NameStyle = "default"

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_lang", normalize_lang(self.source_lang))
        if self.quotes is not None and self.quotes not in QUOTE_STYLES:
            msg = f"quotes must be None, 'straight', 'curly' or 'dominant', not {self.quotes!r}"
            raise OptionsError(msg)
        share = self.boilerplate_max_share
        if isinstance(share, bool) or not isinstance(share, (int, float)):
            msg = (
                "boilerplate_max_share must be a number between 0 and 1 (such as 0.5), "
                f"not the {type(share).__name__} {share!r}"
            )
            raise OptionsError(msg)
        if not 0 < share <= 1:
            msg = f"boilerplate_max_share must be a share between 0 (exclusive) and 1: {share!r}"
            raise OptionsError(msg)
        if self.repeated_paragraphs not in REPEATED_PARAGRAPHS:
            msg = f"repeated_paragraphs must be 'report' or 'remove': {self.repeated_paragraphs!r}"
            raise OptionsError(msg)
        if self.name_style not in NAME_STYLES:
            msg = f"name_style must be 'default', 'canonical' or 'dominant': {self.name_style!r}"
            raise OptionsError(msg)

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Options:
        """Build options from keywords, loading packs and checking every name."""
        known = {f.name for f in fields(cls)}
        for key in kwargs:
            if key not in known:
                hint = did_you_mean(key, known)
                msg = f"unknown option {key!r}" + (f" ({hint})" if hint else "")
                raise OptionsError(msg)
        if "rules" in kwargs:
            kwargs["rules"] = _packs(kwargs["rules"])
        for key in ("disable", "enable"):
            if key in kwargs:
                kwargs[key] = _names(kwargs[key], key)
        return cls(**kwargs)

    def is_disabled(self, *names: str) -> bool:
        """Whether any of ``names`` (a stage, step, pack or rule id) is switched off."""
        return any(n in self.disable for n in names)

    def packs_of(self, kind: str) -> tuple[RulePack, ...]:
        """The user packs of ``kind``, in the order given."""
        return tuple(p for p in self.rules if p.kind == kind)


def _packs(value: Any) -> tuple[RulePack, ...]:
    """Each of ``value`` loaded (a pack, a bundled pack's name or a path).

    >>> _packs([123])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    mtclean.errors.OptionsError: rules: item 1 is an int; give a bundled pack's name, ...
    """
    if isinstance(value, (str, Path, RulePack)) or not isinstance(value, Iterable):
        value = (value,)
    items = list(value)
    for n, item in enumerate(items, 1):
        if not isinstance(item, (str, Path, RulePack)):
            kind = type(item).__name__
            msg = (
                f"rules: item {n} is {'an' if kind[:1] in 'aeiou' else 'a'} {kind}; give a "
                "bundled pack's name, a path to a .toml file or a RulePack"
            )
            raise OptionsError(msg)
    return tuple(load_rules(v) for v in items)


def _names(value: Any, key: str) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, Iterable):
        items = list(value)
        if all(isinstance(v, str) for v in items):
            return frozenset(items)
    msg = f"{key} takes a name or a list of names (stages, steps, packs or rule ids)"
    raise OptionsError(msg)


#: What the keywords accept where it is more than the field's own type.
_ACCEPTS: dict[str, Any] = {
    "rules": "Iterable[str | Path | RulePack] | str | Path | RulePack",
    "disable": "Iterable[str] | str",
    "enable": "Iterable[str] | str",
}


def _option_parameters() -> list[inspect.Parameter]:
    hints = typing.get_type_hints(Options)
    return [
        inspect.Parameter(
            f.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=f.default,
            annotation=_ACCEPTS.get(f.name, hints[f.name]),
        )
        for f in fields(Options)
    ]


_F = TypeVar("_F", bound=Callable[..., Any])


def with_options_signature(func: _F) -> _F:
    """Give ``func`` a signature in which its ``**options`` are the real keyword options,
    with their types and defaults (what ``help()`` and editors show).

    >>> def run(text: str, **options: Any) -> str: return text
    >>> "source_lang: str | None = None" in str(inspect.signature(with_options_signature(run)))
    True
    """
    signature = inspect.signature(func)
    params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    known = {p.name for p in params}
    params += [p for p in _option_parameters() if p.name not in known]
    func.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return func
