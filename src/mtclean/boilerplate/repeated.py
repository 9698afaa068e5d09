"""Steps for repeated lines: a title scraped twice near the top, a paragraph repeated verbatim.

Each is a step of its own, built by :mod:`mtclean.boilerplate.stage` only when it
is switched on; both run after the boilerplate rules, on the lines they kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..choices import RepeatedParagraphs
from ..core import NO_ANALYSIS, Analysis, EditsNormalizer, Finding
from .lines import Removal, TextLines, compact_deletion_edits, one_line
from .repeats import repeated_paragraphs, repeated_titles

__all__ = ["REPEATED_PARAGRAPH", "REPEATED_TITLE", "RepeatedParagraphStep", "RepeatedTitleRemover"]

REPEATED_TITLE = "boilerplate/repeated-title"
REPEATED_PARAGRAPH = "boilerplate/repeated-paragraph"


def _alive(i: int) -> bool:
    return True


@dataclass(frozen=True)
class RepeatedTitleRemover(EditsNormalizer):
    """Delete later copies of a title repeated near the top (the first copy stays).

    >>> RepeatedTitleRemover().fix("Talks stall in Geneva\\nTalks stall in Geneva\\nThey met.\\n")
    'Talks stall in Geneva\\nThey met.\\n'
    """

    name: str = "repeated-title"
    rule_ids: tuple[str, ...] = (REPEATED_TITLE,)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether it has more than one line (one line repeats nothing)."""
        return [not one_line(t) for t in texts]

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits deleting the repeated title lines of ``text``; no findings."""
        if one_line(text):
            return NO_ANALYSIS  # one line repeats nothing
        lines = TextLines.of(text)
        found = repeated_titles(lines.lines, _alive)
        removals = {i: Removal(REPEATED_TITLE, "title repeated near the top") for i in found}
        return Analysis(compact_deletion_edits(lines, removals))


@dataclass(frozen=True)
class RepeatedParagraphStep(EditsNormalizer):
    """Report (``mode="report"``) or delete (``"remove"``) verbatim copies of a long paragraph.

    >>> p = "A paragraph long enough to count, repeated word for word by a scraper bug. It goes on."
    >>> text = f"{p}\\nMiddle.\\n{p}\\n"
    >>> RepeatedParagraphStep("remove").fix(text) == f"{p}\\nMiddle.\\n"
    True
    >>> [f.rule for f in RepeatedParagraphStep().findings(text)]
    ['boilerplate/repeated-paragraph']
    """

    mode: RepeatedParagraphs = "report"
    name: str = "repeated-paragraphs"
    rule_ids: tuple[str, ...] = (REPEATED_PARAGRAPH,)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it: only in remove mode, and
        only a text of more than one line."""
        if self.mode == "report":
            return [False] * len(texts)
        return [not one_line(t) for t in texts]

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits (remove mode) or, with ``audit``, findings (report mode) for the copies."""
        if self.mode == "report" and not audit:
            return Analysis()
        whole = TextLines.of(text)
        lines = whole.lines
        found = repeated_paragraphs(lines, _alive)
        if not found:
            return Analysis()
        if self.mode == "remove":
            removals = {
                i: Removal(REPEATED_PARAGRAPH, "paragraph repeated word for word") for i in found
            }
            return Analysis(compact_deletion_edits(whole, removals))
        starts = whole.starts
        msg = "paragraph repeated word for word (an earlier copy stays)"
        findings = [
            Finding(starts[i], starts[i] + len(lines[i]), REPEATED_PARAGRAPH, msg, 0.8)
            for i in found
        ]
        return Analysis((), findings)
