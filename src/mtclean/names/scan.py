"""What one pass of the names stage collects: mentions of people, clashes and findings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core import Finding
from .gazetteer import Form

__all__ = ["Fuzzy", "Mention", "Scan"]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    person: int
    part: str
    spelling: str
    kind: str
    capital: bool = False
    evidence: str = ""
    anchored: bool = True  # named with a first name, title or role, or an unusual spelling


#: A fuzzy-match candidate: span, token, candidate people, evidence, first-name forms before it.
Fuzzy = tuple[int, int, str, tuple[int, ...], str, tuple[Form, ...]]


@dataclass
class Scan:
    audit: bool = True  # collect findings (only audits need them)
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    clashes: set[tuple[int, int]] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    #: spellings several people share, written without a first name (``Muller``): resolved
    #: after the scan to the one of them the text names with a first name nearby
    shared: list[tuple[int, int, tuple[Form, ...], bool]] = field(default_factory=list)

    def add(self, m: Mention) -> None:
        key = (m.start, m.end)
        old = self.mentions.get(key)
        if old is not None and old.person != m.person:
            self.clashes.add(key)
        elif old is None:
            self.mentions[key] = m
