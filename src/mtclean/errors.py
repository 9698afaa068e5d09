"""Errors raised by mtclean, split by whose fault they are.

* :class:`RulePackError`: a rule-pack author's mistake, found at load time.
* :class:`EditConflictError`: a normalizer proposed overlapping edits (a bug in
  that normalizer, named in the message).
* :class:`UnknownNormalizerError`: a caller named a step or pack that does not exist.
* :class:`OptionsError`: an unknown option, or a value of the wrong type or range.
* :class:`PatternTimeoutError`: a user pattern ran longer than its time budget.
* :class:`InputError`: the text could not be read (undecodable bytes and the like).

Every error derives from :class:`MtcleanError`, so callers can catch one class.
"""

from __future__ import annotations


class MtcleanError(Exception):
    """Base class of every error mtclean raises on purpose."""

    exit_code = 2


class RulePackError(MtcleanError):
    """A rule pack is broken; the message names the file, the rule and the field.

    >>> str(RulePackError("unknown key 'replce'", source="my.toml", rule_id="r1",
    ...                   field="replce", hint="did you mean 'replace'?", line=12))
    "my.toml:12: rule 'r1': field 'replce': unknown key 'replce' (did you mean 'replace'?)"
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "<rules>",
        rule_id: str | None = None,
        field: str | None = None,
        hint: str | None = None,
        line: int | None = None,
    ) -> None:
        self.source = source
        self.rule_id = rule_id
        self.field = field
        self.hint = hint
        self.line = line
        self.reason = message
        parts = [source if line is None else f"{source}:{line}"]
        if rule_id is not None:
            parts.append(f"rule {rule_id!r}")
        if field is not None:
            parts.append(f"field {field!r}")
        text = ": ".join(parts) + f": {message}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)

    def at_line(self, line: int | None) -> RulePackError:
        """The same error, located at ``line`` of the pack (if it has no line yet)."""
        if line is None or self.line is not None:
            return self
        return RulePackError(
            self.reason,
            source=self.source,
            rule_id=self.rule_id,
            field=self.field,
            hint=self.hint,
            line=line,
        )


class EditConflictError(MtcleanError):
    """A normalizer proposed edits that overlap, are unsorted or fall outside the text."""

    exit_code = 1


class UnknownNormalizerError(MtcleanError, LookupError):
    """A step, stage, pack or rule name that mtclean does not know."""


class PatternTimeoutError(MtcleanError, TimeoutError):
    """A rule's regular expression exceeded its time budget on some input."""

    exit_code = 1


class OptionsError(MtcleanError, TypeError, ValueError):
    """An option of the default pipeline, or an argument of a step, that is unknown, of
    the wrong type or out of range (a ``TypeError`` and a ``ValueError``, so either
    ``except`` catches it)."""


class InputError(MtcleanError, ValueError):
    """Input text that cannot be processed as given (for example undecodable bytes)."""

    exit_code = 1
