"""Word lists the names stage reads: titles, name particles, common English words."""

from __future__ import annotations

import functools
from importlib import resources

TITLES = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Prof",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "President",
        "Premier",
        "Minister",
        "Chancellor",
        "Secretary",
        "General",
        "Commissioner",
        "Ambassador",
        "Senator",
        "Governor",
        "Mayor",
        "Speaker",
        "Leader",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
        "Judge",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Deputy",
        "Vice",
        "Foreign",
        "Defence",
        "Defense",
        "Interior",
        "Finance",
        "Prime",
        "Colonel",
        "Lieutenant",
        "Major",
        "Marshal",
        "Admiral",
        "Commander",
        "Chief",
        "Representative",
        "Envoy",
        "Director",
        "Rapporteur",
        "Congressman",
        "Congresswoman",
        "Representative",
        "MP",
        "MEP",
        "Crown",
        "Emperor",
        "Patriarch",
        "Ayatollah",
        "Sheikh",
        "Emir",
        "Sultan",
        "Mufti",
        "Rabbi",
        "Cardinal",
        "Archbishop",
        "Bishop",
    ]
)
PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "le",
        "la",
        "del",
        "della",
        "dos",
        "das",
        "ten",
        "ter",
        "al",
        "bin",
        "ibn",
        "zu",
        "y",
    ]
)


@functools.cache
def common_words() -> frozenset[str]:
    """Common English words (lower case): never changed, never accepted as a name variant."""
    text = (resources.files("mtclean") / "data" / "common-words.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
