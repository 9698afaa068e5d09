"""Word lists the names stage reads: titles, name particles, common English words."""

from __future__ import annotations

from ..wordlists import word_list

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
#: Name particles ("van", "de", "bin"): lower-case words inside names.
PARTICLES = word_list("name-particles")


def common_words() -> frozenset[str]:
    """Common English words (lower case): never changed, never accepted as a name variant."""
    return word_list("common-words")


def foreign_words() -> frozenset[str]:
    """Common words of the source languages left untranslated ("Gemeente", "Rathaus"):
    never the target of a fuzzy fix."""
    return word_list("common-words-eu")


def english_names() -> frozenset[str]:
    """Ordinary English surnames ("Murray"): after a title they are no evidence."""
    return word_list("english-names")
