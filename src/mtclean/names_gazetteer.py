"""Gazetteers: the people a name stage knows, compiled into lookup tables once.

A person is a canonical name split into a given part and a surname, plus
spellings of each part with a kind:

* ``canonical``: the gazetteer's spelling;
* ``accepted``: another spelling in real use (Zelenskyy, Dmitri): changed only
  when a document spells the person several ways;
* ``fix``: a spelling that is always wrong in English text (misspellings,
  German and French transliterations): always changed.

Gazetteers come from ``kind = "names"`` rule packs (TOML) or from CSV/TSV
tables (:func:`load_name_table`).
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

import regex

from .errors import RulePackError
from .names_gate import GIVEN, ROLE, TITLE, VARIANT_GIVEN, NameGate
from .names_match import TOKEN_RE, trie_pattern
from .names_translit import given_variants, surname_variants
from .rules import Rule, RulePack

__all__ = [
    "TITLES",
    "Form",
    "Gazetteer",
    "Person",
    "common_words",
    "load_name_table",
    "parse_name_table",
    "person_from_rule",
]

#: Titles and role words that may stand before a name without being a name.
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


class Form(NamedTuple):
    """One spelling of a name part: the text, whose part it is and its kind."""

    text: str
    person: int
    part: str  # "surname" or "given"
    kind: str  # "canonical", "accepted" or "fix"
    capital: bool = False  # a lower-case particle written with a capital ("Von der Leyen")

    @property
    def spelling(self) -> str:
        """The spelling this form stands for (lower-case particle restored)."""
        return self.text[:1].lower() + self.text[1:] if self.capital else self.text


class Person(NamedTuple):
    """A gazetteer entry, split into parts, with every spelling of each part.

    (A named tuple rather than a dataclass: big gazetteers build tens of thousands.)
    """

    rule: str
    canonical: str
    given: str
    surname: str
    surnames: tuple[tuple[str, str], ...]
    givens: tuple[tuple[str, str], ...]
    roles: tuple[str, ...] = ()
    translated_as: tuple[str, ...] = ()
    message: str = ""
    generated: frozenset[str] = frozenset()


def _split(name: str) -> tuple[str, str]:
    """Split a full name into (given part, surname); particles join the surname.

    >>> _split("Ursula von der Leyen"), _split("Bruno Le Maire"), _split("Zelensky")
    (('Ursula', 'von der Leyen'), ('Bruno', 'Le Maire'), ('', 'Zelensky'))
    """
    tokens = name.split()
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def person_from_rule(rule: Rule) -> Person:
    """Build a :class:`Person` from a ``kind = "names"`` rule, generating variants."""
    fields = rule.fields
    if len(fields) == 1:  # only a canonical name: the common case in big tables
        plain = " ".join(fields["canonical"].split())
        first, last = _split(plain)
        givens_only = ((first, "canonical"),) if first else ()
        return Person(rule.full_id, plain, first, last, ((last, "canonical"),), givens_only)
    canonical = " ".join(fields["canonical"].split())
    surname = fields.get("surname")
    if surname is not None and canonical.endswith(" " + surname):
        given = canonical[: -len(surname) - 1]
    elif surname is not None:
        given = ""
    else:
        given, surname = _split(canonical)
    surnames: dict[str, str] = {surname: "canonical"}
    givens: dict[str, str] = {given: "canonical"} if given else {}
    for key, kind in (("variants", "accepted"), ("misspellings", "fix")):
        for variant in fields.get(key, ()):
            variant = " ".join(variant.split())
            if variant.endswith(" " + surname):
                vg, vs = variant[: -len(surname) - 1], surname
            else:
                vg, vs = _split(variant)
            surnames.setdefault(vs, kind)
            if vg:
                givens.setdefault(vg, kind)
    gen_surnames: tuple[tuple[str, str], ...] = ()
    gen_givens: tuple[tuple[str, str], ...] = ()
    if fields.get("cyrillic", False):
        gen_surnames = tuple((v, _KINDS[k]) for v, k in surname_variants(surname))
        if given and " " not in given:
            gen_givens = tuple((v, _KINDS[k]) for v, k in given_variants(given))
    generated = {v for v, _ in gen_surnames} | {v for v, _ in gen_givens}
    return Person(
        rule=rule.full_id,
        canonical=canonical,
        given=given,
        surname=surname,
        surnames=(*surnames.items(), *gen_surnames),
        givens=(*givens.items(), *gen_givens),
        roles=tuple(fields.get("roles", ())),
        translated_as=tuple(fields.get("translated_as", ())),
        message=fields.get("message", ""),
        generated=frozenset(generated - surnames.keys() - givens.keys()),
    )


_KINDS = {"accepted": "accepted", "foreign": "fix"}


def _capitalized(form: str) -> str:
    return form[:1].upper() + form[1:]


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """People and their spellings, compiled into lookup tables.

    Generated variants that collide with another person's spelling, with a common
    word or with a title are dropped; explicit variants that are common words are
    a :class:`~mtclean.errors.RulePackError` (use ``translated_as`` for those).
    """

    persons: tuple[Person, ...]
    surname_index: Mapping[str, tuple[Form, ...]] = field(repr=False)
    given_index: Mapping[str, tuple[GivenGroup, ...]] = field(repr=False)
    translations: Mapping[str, tuple[tuple[str, int], ...]] = field(repr=False)
    role_index: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]] = field(repr=False)
    known_tokens: frozenset[str] = field(repr=False)
    triggers: frozenset[str] = field(repr=False)
    prefix_re: re.Pattern[str] = field(repr=False)
    distinctive: frozenset[int] = field(repr=False)
    person_surnames: Sequence[Sequence[Form]] = field(repr=False)
    person_givens: Sequence[Sequence[Form]] = field(repr=False)
    gate: NameGate = field(repr=False)
    name_starts: frozenset[str] = field(repr=False)

    @classmethod
    def from_persons(cls, persons: Iterable[Person], *, source: str = "<names>") -> Gazetteer:
        """Compile ``persons`` (later entries with the same rule id or canonical name win)."""
        chosen: dict[str, Person] = {}
        key_of: dict[str, str] = {}
        for p in persons:
            key = p.rule.split("/", 1)[-1]
            old_key = key_of.get(p.canonical)
            if old_key is not None:
                chosen.pop(old_key, None)
            chosen[key] = p
            key_of[p.canonical] = key
        people = tuple(chosen.values())
        common = common_words()
        surname_forms: dict[str, list[Form]] = {}
        given_forms: dict[str, list[Form]] = {}
        person_surnames: list[list[Form]] = [[] for _ in people]
        person_givens: list[list[Form]] = [[] for _ in people]
        owners: dict[str, int] = {}
        for i, p in enumerate(people):
            for t, _ in (*p.surnames, *p.givens):
                if owners.setdefault(t, i) != i:
                    owners[t] = -1
        given_ok: dict[str, bool] = {}
        add_surname = surname_forms.setdefault
        add_given = given_forms.setdefault
        for i, p in enumerate(people):
            surname = p.surname
            if len(p.surnames) == 1 and len(p.givens) <= 1 and surname[:1].isupper():
                # a plain entry (canonical name only): the common case of big tables
                form = Form(surname, i, "surname", "canonical")
                add_surname(surname.rsplit(" ", 1)[-1] if " " in surname else surname, []).append(
                    form
                )
                person_surnames[i].append(form)
                given = p.given
                if given:
                    form = Form(given, i, "given", "canonical")
                    add_given(given.rsplit(" ", 1)[-1] if " " in given else given, []).append(form)
                    person_givens[i].append(form)
                continue
            seen_surnames = set()
            for text, kind in p.surnames:
                if text in seen_surnames:
                    continue
                seen_surnames.add(text)
                if kind != "canonical" and text not in p.generated and not _matchable(text):
                    continue  # a spelling the token scanner never produces ("Sa'ar")
                if kind != "canonical" and not _usable(text, i, owners, common):
                    if kind == "accepted" and text not in p.generated and text.lower() in common:
                        _explicit_common_word(p, text, source)
                    continue
                forms = [Form(text, i, "surname", kind)]
                if not text[:1].isupper():
                    forms.append(Form(_capitalized(text), i, "surname", kind, capital=True))
                for f in forms:
                    last = f.text.rsplit(" ", 1)[-1]
                    surname_forms.setdefault(last, []).append(f)
                    person_surnames[i].append(f)
            for text, kind in p.givens:
                if kind != "canonical":
                    ok = given_ok.get(text)
                    if ok is None:
                        ok = given_ok[text] = text.lower() not in common and text not in TITLES
                    if not ok:
                        continue
                last = text.rsplit(" ", 1)[-1]
                form = Form(text, i, "given", kind)
                given_forms.setdefault(last, []).append(form)
                person_givens[i].append(form)
        translations: dict[str, list[tuple[str, int]]] = {}
        for i, p in enumerate(people):
            for phrase in p.translated_as:
                translations.setdefault(phrase.split(" ", 1)[0], []).append((phrase, i))
        roles: dict[str, dict[str, list[int]]] = {}
        for i, p in enumerate(people):
            for role in p.roles:
                last = role.rsplit(" ", 1)[-1]
                roles.setdefault(last, {}).setdefault(role, []).append(i)
        known = set(surname_forms) | set(given_forms)
        for text in owners:
            if " " in text:
                known.update(text.split(" "))
        known -= PARTICLES
        known_tokens = frozenset(known)
        triggers = set(surname_forms) | set(given_forms) | set(roles)
        distinctive = frozenset(
            i
            for i, p in enumerate(people)
            if len(p.surname) >= 5 and " " not in p.surname and p.surname.lower() not in common
        )
        # long prefixes match fewer words, short ones compile faster for big gazetteers
        width = 6 if len(triggers) <= 5000 else 4
        prefixes = {t[:width] for t in triggers}
        gate, name_starts = _gate(surname_forms, given_forms, roles, translations, distinctive)
        return cls(
            persons=people,
            surname_index=MappingProxyType(
                {k: _longest_first(v) for k, v in surname_forms.items()}
            ),
            given_index=MappingProxyType({k: _given_groups(v) for k, v in given_forms.items()}),
            translations=MappingProxyType({k: tuple(v) for k, v in translations.items()}),
            role_index=MappingProxyType(
                {
                    k: tuple(
                        sorted(((r, tuple(ps)) for r, ps in v.items()), key=lambda x: -len(x[0]))
                    )
                    for k, v in roles.items()
                }
            ),
            known_tokens=known_tokens,
            triggers=frozenset(triggers),
            prefix_re=re.compile(trie_pattern(prefixes)),
            distinctive=distinctive,
            person_surnames=person_surnames,
            person_givens=[_longest_first(f) if len(f) > 1 else f for f in person_givens],
            gate=gate,
            name_starts=name_starts,
        )


def start_word(text: str, pos: int = 0) -> str:
    """The word a name starting at ``text[pos]`` begins with, as the scanner sees it.

    >>> start_word("Le Maire"), start_word("von der Leyen"), start_word("Sa'ar")
    ('Le', 'von', 'Sa')
    """
    m = TOKEN_RE.match(text, pos) or _LOWER_START_RE.match(text, pos)
    return m.group() if m else text[pos : pos + 1]


_LOWER_START_RE = regex.compile(r"[\p{L}\p{M}]+")


def _gate(
    surname_forms: Mapping[str, list[Form]],
    given_forms: Mapping[str, list[Form]],
    roles: Mapping[str, object],
    translations: Mapping[str, object],
    distinctive: frozenset[int],
) -> tuple[NameGate, frozenset[str]]:
    """The precheck of a gazetteer, and the words its anchored people's surnames start with.

    A surname right after an anchor (first name, title or role) of a distinctive
    person is evidence for fuzzy fixes elsewhere in the document; after a
    non-canonical first name it makes that first name a mention to fix.
    """
    spellings = [f.text for forms in surname_forms.values() for f in forms if f.kind != "canonical"]
    anchors = dict.fromkeys(given_forms, GIVEN)
    anchored = set(distinctive)
    for word, forms in given_forms.items():
        for f in forms:
            if f.kind != "canonical":
                anchors[word] |= VARIANT_GIVEN
                anchored.add(f.person)
    for word in roles:
        anchors[word] = anchors.get(word, 0) | ROLE
    for word in TITLES:
        anchors[word] = anchors.get(word, 0) | TITLE
    firsts: dict[str, str] = {}
    for forms in surname_forms.values():
        for f in forms:
            if f.person in anchored and f.text not in firsts:
                firsts[f.text] = start_word(f.text)
    name_starts = frozenset(firsts.values())
    return NameGate(spellings, anchors, [*name_starts, *translations]), name_starts


def could_be_misspelt(token: str, known: frozenset[str]) -> bool:
    """Whether a fuzzy fix may change ``token``: not short, capitals, a known name or a word.

    >>> could_be_misspelt("Koiliba", frozenset()), could_be_misspelt("Young", frozenset())
    (True, False)
    """
    return not (
        len(token) < 4
        or token.isupper()
        or token in known
        or token in TITLES
        or token.lower() in common_words()
    )


class GivenGroup(NamedTuple):
    """One spelling of a given name and the people it belongs to."""

    text: str
    forms: tuple[Form, ...]
    people: tuple[int, ...]


def _given_groups(forms: list[Form]) -> tuple[GivenGroup, ...]:
    by_text: dict[str, list[Form]] = {}
    for f in forms:
        by_text.setdefault(f.text, []).append(f)
    groups = [
        GivenGroup(t, tuple(fs), tuple(dict.fromkeys(f.person for f in fs)))
        for t, fs in by_text.items()
    ]
    return tuple(sorted(groups, key=lambda g: -len(g.text)))


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a big gazetteer is built.

    Building creates many small objects and no cycles; collections triggered midway
    would rescan them again and again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _longest_first(forms: list[Form]) -> tuple[Form, ...]:
    if len(forms) == 1:
        return (forms[0],)
    return tuple(sorted(forms, key=lambda f: -len(f.text)))


def _matchable(text: str) -> bool:
    return TOKEN_RE.fullmatch(text.rsplit(" ", 1)[-1]) is not None


def _usable(text: str, person: int, owners: Mapping[str, int], common: frozenset[str]) -> bool:
    """A non-canonical spelling is usable if it is nobody else's and no common word."""
    if text.lower() in common or text in TITLES or len(text) < 3:
        return False
    return owners.get(text, person) == person


def _explicit_common_word(person: Person, text: str, source: str) -> None:
    msg = (
        f"variant {text!r} of {person.canonical!r} is a common English word; "
        "list it under translated_as (applied only after the first name or a role)"
    )
    raise RulePackError(msg, source=source, rule_id=person.rule.split("/", 1)[-1], field="variants")


TABLE_COLUMNS = (
    "id",
    "canonical",
    "surname",
    "variants",
    "misspellings",
    "roles",
    "translated_as",
    "cyrillic",
    "note",
)
_LIST_COLUMNS = ("variants", "misspellings", "roles", "translated_as")
_YES = frozenset({"1", "yes", "true", "y", "x"})
_ID_RE = regex.compile(r"[^A-Za-z0-9]+")
_SLUG_TABLE = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"})


def _slug(name: str) -> str:
    plain = name.replace(" ", "-")
    if plain.isascii() and plain.replace("-", "").isalnum():
        return plain.lower()
    if name.isascii():
        return _ID_RE.sub("-", name).strip("-").lower() or "person"
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.translate(_SLUG_TABLE))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return _ID_RE.sub("-", plain).strip("-").lower() or "person"


def parse_name_table(text: str, *, name: str, source: str = "<table>") -> RulePack:
    """Parse a CSV or TSV gazetteer (header row; ``|`` separates list items).

    Columns: ``canonical`` (required), ``id``, ``surname``, ``variants``,
    ``misspellings``, ``roles``, ``translated_as``, ``cyrillic`` (yes/no), ``note``.
    Lines starting with ``#`` are comments.

    >>> pack = parse_name_table("canonical\\tvariants\\nDmytro Kuleba\\tKouleba", name="demo")
    >>> pack.rules[0].full_id, pack.rules[0].get("variants")
    ('demo/dmytro-kuleba', ('Kouleba',))
    """
    with paused_gc():
        return _parse_table(text, name, source)


def _parse_table(text: str, name: str, source: str) -> RulePack:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        msg = "empty name table: the first line must name the columns (canonical, ...)"
        raise RulePackError(msg, source=source)
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    for h in header:
        if h not in TABLE_COLUMNS:
            from .rules import did_you_mean

            msg = f"unknown column {h!r}"
            raise RulePackError(msg, source=source, field=h, hint=did_you_mean(h, TABLE_COLUMNS))
    if "canonical" not in header:
        msg = "the header needs a 'canonical' column"
        raise RulePackError(msg, source=source, field="canonical")
    columns = list(enumerate(header))
    rules: list[Rule] = []
    seen: set[str] = set()
    for row_number, cells in enumerate(reader, start=2):
        row = {h: cells[i].strip() for i, h in columns if i < len(cells) and cells[i]}
        canonical = row.get("canonical", "")
        if not canonical:
            msg = f"row {row_number} has no canonical name"
            raise RulePackError(msg, source=source, field="canonical")
        rule_id = row.get("id") or _slug(canonical)
        if rule_id in seen:
            base, n = rule_id, 2
            while rule_id in seen:
                rule_id, n = f"{base}-{n}", n + 1
        seen.add(rule_id)
        fields: dict[str, Any] = {"canonical": canonical}
        if "surname" in row:
            fields["surname"] = row["surname"]
        for key in _LIST_COLUMNS:
            if key in row:
                items = tuple(x.strip() for x in row[key].split("|") if x.strip())
                if items:
                    fields[key] = items
        if row.get("cyrillic", "").lower() in _YES:
            fields["cyrillic"] = True
        rules.append(
            Rule(id=rule_id, pack=name, note=row.get("note", ""), fields=MappingProxyType(fields))
        )
    return RulePack(name=name, kind="names", rules=tuple(rules), source=source)


def load_name_table(path: str | Path, *, name: str | None = None) -> RulePack:
    """Load a CSV or TSV gazetteer file as a ``kind = "names"`` rule pack.

    The pack is named after the file (``my-people.tsv`` -> ``my-people``) unless
    ``name`` is given; pass it to ``mtclean.clean(text, rules=[pack])``.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"cannot read name table: {exc}"
        raise RulePackError(msg, source=str(p)) from exc
    return parse_name_table(text, name=name or _slug(p.stem), source=str(p))
