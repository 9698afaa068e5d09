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

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

import regex

from ..errors import RulePackError
from ..gcpause import paused_gc
from ..rulepacks.model import Rule
from .gate import GIVEN, ROLE, TITLE, VARIANT_GIVEN, NameGate
from .match import TOKEN_RE
from .policy import mixed_diacritics
from .translit import given_variants, surname_variants
from .words import PARTICLES, TITLES, common_words, foreign_words

__all__ = ["Form", "Gazetteer", "Person", "person_from_rule"]

#: Titles and role words that may stand before a name without being a name.


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
    if len(tokens) == 2 and tokens[0].lower() not in PARTICLES:
        return tokens[0], tokens[1]
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def person_from_rule(rule: Rule) -> Person:
    """Build a :class:`Person` from a ``kind = "names"`` rule, generating variants."""
    fields = rule.fields
    size = len(fields)
    if size == 1 or (size == 2 and fields.get("cyrillic") is not None):
        # a canonical name only (maybe with generated variants): the common case of big tables
        plain = " ".join(fields["canonical"].split())
        first, last = _split(plain)
        rule_id = f"{rule.pack}/{rule.id}"
        if not fields.get("cyrillic", False):
            givens_only = ((first, "canonical"),) if first else ()
            return Person(rule_id, plain, first, last, ((last, "canonical"),), givens_only)
        return _with_generated(
            rule_id, plain, first, last, {last: "canonical"}, {first: "canonical"} if first else {}
        )
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
    if fields.get("cyrillic", False):
        person = _with_generated(rule.full_id, canonical, given, surname, surnames, givens)
    else:
        person = Person(
            rule.full_id, canonical, given, surname, tuple(surnames.items()), tuple(givens.items())
        )
    return person._replace(
        roles=tuple(fields.get("roles", ())),
        translated_as=tuple(fields.get("translated_as", ())),
        message=fields.get("message", ""),
    )


def _with_generated(
    rule_id: str,
    canonical: str,
    given: str,
    surname: str,
    surnames: dict[str, str],
    givens: dict[str, str],
) -> Person:
    """A person with transliteration variants generated from its English spelling."""
    gen_surnames = [(v, _KINDS[k]) for v, k in surname_variants(surname)]
    gen_givens = (
        [(v, _KINDS[k]) for v, k in given_variants(given)] if given and " " not in given else []
    )
    generated = {v for v, _ in gen_surnames}
    generated.update(v for v, _ in gen_givens)
    generated.difference_update(surnames, givens)
    return Person(
        rule_id,
        canonical,
        given,
        surname,
        (*surnames.items(), *gen_surnames),
        (*givens.items(), *gen_givens),
        generated=frozenset(generated),
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

    The precheck (:attr:`gate`) is built at once; the lookup tables that only a
    document passing it needs are built on first use.
    """

    persons: tuple[Person, ...]
    distinctive: frozenset[int] = field(repr=False)
    gate: NameGate = field(repr=False)
    name_starts: frozenset[str] = field(repr=False)
    source: str = "<names>"

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
        for p in people:
            # explicit variants come right after the canonical spelling, generated ones last
            if len(p.surnames) > 1 and p.surnames[1][0] not in p.generated:
                _check_variants(p, common, source)
        distinctive = frozenset(
            i
            for i, p in enumerate(people)
            if len(p.surname) >= 5 and " " not in p.surname and p.surname.lower() not in common
        )
        gate, name_starts = _gate(people, distinctive, common)
        return cls(people, distinctive, gate, name_starts, source)

    @functools.cached_property
    def tables(self) -> Tables:
        """The lookup tables of every spelling (built on first use)."""
        with paused_gc():
            return Tables.build(self.persons, self.source)

    @property
    def surname_index(self) -> Mapping[str, tuple[Form, ...]]:
        """Surname spellings by their last word, longest first."""
        return self.tables.surname_index

    @property
    def given_index(self) -> Mapping[str, tuple[GivenGroup, ...]]:
        """Given-name spellings by their last word, longest first."""
        return self.tables.given_index

    @property
    def translations(self) -> Mapping[str, tuple[tuple[str, int], ...]]:
        """Surnames translated as common words, by their first word."""
        return self.tables.translations

    @property
    def role_index(self) -> Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]]:
        """Roles (and their people) by their last word, longest first."""
        return self.tables.role_index

    @property
    def known_tokens(self) -> frozenset[str]:
        """Every word of every known spelling (never changed by a fuzzy fix)."""
        return self.tables.known_tokens

    @property
    def triggers(self) -> frozenset[str]:
        """The words the scan looks up: surnames, given names and roles."""
        return self.tables.triggers

    @property
    def person_surnames(self) -> Sequence[Sequence[Form]]:
        """Each person's usable surname spellings."""
        return self.tables.person_surnames

    @property
    def person_givens(self) -> Sequence[Sequence[Form]]:
        """Each person's usable given-name spellings, longest first."""
        return self.tables.person_givens


@dataclass(frozen=True, eq=False)
class Tables:
    """A gazetteer's lookup tables: every usable spelling, indexed for the scan."""

    surname_index: Mapping[str, tuple[Form, ...]]
    given_index: Mapping[str, tuple[GivenGroup, ...]]
    translations: Mapping[str, tuple[tuple[str, int], ...]]
    role_index: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]]
    known_tokens: frozenset[str]
    triggers: frozenset[str]
    person_surnames: Sequence[Sequence[Form]]
    person_givens: Sequence[Sequence[Form]]

    @classmethod
    def build(cls, people: Sequence[Person], source: str) -> Tables:
        """Index the spellings of ``people``, dropping unusable generated ones."""
        common = common_words()
        surname_forms: dict[str, list[Form]] = {}
        given_forms: dict[str, list[Form]] = {}
        person_surnames: list[list[Form]] = []
        person_givens: list[Sequence[Form]] = []
        owners: dict[str, int] = {}
        for i, p in enumerate(people):
            for t, _ in (*p.surnames, *p.givens):
                if owners.setdefault(t, i) != i:
                    owners[t] = -1
        # a canonical spelling (surname or given name) is nobody else's variant; a variant
        # several people share ("Muller") stays: their first names tell them apart
        canonical = {p.surname for p in people} | {p.given for p in people if p.given}
        for t in canonical:
            if owners.get(t) == -1:
                owners[t] = -2
        given_ok: dict[str, bool] = {}
        add_surname = surname_forms.setdefault
        add_given = given_forms.setdefault
        for i, p in enumerate(people):
            surname = p.surname
            if (
                len(p.surnames) == 1
                and len(p.givens) <= 1
                and surname[:1].isupper()
                and surname.split(" ", 1)[0].lower() not in PARTICLES
                and (" " not in p.given or p.given.isascii())
            ):
                # a plain entry (canonical name only): the common case of big tables
                form = Form(surname, i, "surname", "canonical")
                if " " in surname:
                    add_surname(surname.rsplit(" ", 1)[-1], []).append(form)
                else:
                    add_surname(surname, []).append(form)
                person_surnames.append([form])
                given = p.given
                if given:
                    form = Form(given, i, "given", "canonical")
                    add_given(given.rsplit(" ", 1)[-1] if " " in given else given, []).append(form)
                    person_givens.append([form])
                else:
                    person_givens.append([])
                continue
            surnames: list[Form] = []
            seen_surnames = set()
            generated = p.generated
            for text, kind in p.surnames:
                if text in seen_surnames:
                    continue
                seen_surnames.add(text)
                if kind != "canonical":
                    if text not in generated and not _matchable(text):
                        continue  # a spelling the token scanner never produces ("Sa'ar")
                    if not _usable(text, i, owners, common):
                        if kind == "accepted" and text not in generated and text.lower() in common:
                            _explicit_common_word(p, text, source)
                        continue
                if text[:1].isupper() and text.split(" ", 1)[0].lower() in PARTICLES:
                    # a capital particle by the person's convention ("De Wever", "Le Pen"):
                    # lower case is a misspelling
                    lower = Form(text[:1].lower() + text[1:], i, "surname", "fix")
                    forms = [Form(text, i, "surname", kind), lower]
                elif text[:1].isupper():
                    forms = [Form(text, i, "surname", kind)]
                else:
                    forms = [
                        Form(text, i, "surname", kind),
                        Form(_capitalized(text), i, "surname", kind, capital=True),
                    ]
                for f in forms:
                    ft = f.text
                    add_surname(ft.rsplit(" ", 1)[-1] if " " in ft else ft, []).append(f)
                    surnames.append(f)
            person_surnames.append(surnames)
            givens: list[Form] = []
            for text, kind in p.givens:
                if kind != "canonical":
                    ok = given_ok.get(text)
                    if ok is None:
                        ok = given_ok[text] = text.lower() not in common and text not in TITLES
                    if not ok:
                        continue
                form = Form(text, i, "given", kind)
                if " " in text:
                    add_given(text.rsplit(" ", 1)[-1], []).append(form)
                else:
                    add_given(text, []).append(form)
                givens.append(form)
            known_givens = {f.text for f in givens}
            for text in mixed_diacritics(p.given):  # "José Maria": always wrong
                if text not in known_givens:
                    form = Form(text, i, "given", "fix")
                    add_given(text.rsplit(" ", 1)[-1], []).append(form)
                    givens.append(form)
            person_givens.append(_longest_first(givens) if len(givens) > 1 else givens)
        translations: dict[str, list[tuple[str, int]]] = {}
        roles: dict[str, dict[str, list[int]]] = {}
        for i, p in enumerate(people):
            for phrase in p.translated_as:
                translations.setdefault(phrase.split(" ", 1)[0], []).append((phrase, i))
            for role in p.roles:
                last = role.rsplit(" ", 1)[-1]
                roles.setdefault(last, {}).setdefault(role, []).append(i)
        known = surname_forms.keys() | given_forms.keys()
        for text in owners:
            if " " in text:
                known.update(text.split(" "))
        known -= PARTICLES
        triggers = surname_forms.keys() | given_forms.keys() | roles.keys()
        return cls(
            surname_index=MappingProxyType(
                {k: (v[0],) if len(v) == 1 else _longest_first(v) for k, v in surname_forms.items()}
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
            known_tokens=frozenset(known),
            triggers=frozenset(triggers),
            person_surnames=person_surnames,
            person_givens=person_givens,
        )


def _check_variants(person: Person, common: frozenset[str], source: str) -> None:
    """Reject an explicit accepted surname variant that is a common English word."""
    for text, kind in person.surnames:
        if (
            kind == "accepted"
            and text not in person.generated
            and _matchable(text)
            and text.lower() in common
        ):
            _explicit_common_word(person, text, source)


def start_word(text: str, pos: int = 0) -> str:
    """The word a name starting at ``text[pos]`` begins with, as the scanner sees it.

    >>> start_word("Le Maire"), start_word("von der Leyen"), start_word("Sa'ar")
    ('Le', 'von', 'Sa')
    """
    m = TOKEN_RE.match(text, pos) or _LOWER_START_RE.match(text, pos)
    return m.group() if m else text[pos : pos + 1]


_LOWER_START_RE = regex.compile(r"[\p{L}\p{M}]+")


def _gate(
    people: Sequence[Person], distinctive: frozenset[int], common: frozenset[str]
) -> tuple[NameGate, frozenset[str]]:
    """The precheck of a gazetteer, and the words its anchored people's surnames start with.

    Built from every spelling, usable or not (a superset of what the lookup tables
    keep is enough for a precheck). A surname right after an anchor (first name,
    title or role) of a distinctive person is evidence for fuzzy fixes elsewhere
    in the document; after a non-canonical first name it makes that first name a
    mention to fix.
    """
    # plain entries (one spelling of each part, no roles): the common case of big tables
    rich = [
        i
        for i, p in enumerate(people)
        if len(p.givens) > 1 or len(p.surnames) > 1 or p.roles or p.translated_as
    ]
    anchors = dict.fromkeys({p.given.rsplit(" ", 1)[-1] for p in people if p.given}, GIVEN)
    spellings: set[str] = set()
    anchored = set(distinctive)
    translations: set[str] = set()
    variant_givens: dict[tuple[tuple[str, str], ...], bool] = {}  # many people share them
    for i in rich:
        p = people[i]
        has_variant = variant_givens.get(p.givens)
        if has_variant is None:
            has_variant = variant_givens[p.givens] = _given_anchors(p.givens, anchors, common)
        if has_variant:
            anchored.add(i)
        for text, kind in p.surnames:
            if kind != "canonical" and text.lower() not in common:
                spellings.add(text if text[:1].isupper() else _capitalized(text))
                spellings.add(text)
        for role in p.roles:
            word = role.rsplit(" ", 1)[-1]
            anchors[word] = anchors.get(word, 0) | ROLE
        translations.update(phrase.split(" ", 1)[0] for phrase in p.translated_as)
    for word in TITLES:
        anchors[word] = anchors.get(word, 0) | TITLE
    for p in people:  # a capital particle in lower case ("le Pen", "de Wever") is a misspelling
        first = p.surname.split(" ", 1)[0]
        if first != p.surname and first[:1].isupper() and first.lower() in PARTICLES:
            spellings.add(first.lower() + p.surname[len(first) :])
    texts = {text for i in anchored for text, _ in people[i].surnames}
    starts = {text for text in texts if text.isalpha() and text[0].isupper()}
    for text in texts - starts:
        first = text.partition(" ")[0]
        starts.add(first if first.isalpha() else start_word(first))
        if not first[:1].isupper():
            starts.add(start_word(_capitalized(first)))
    name_starts = frozenset(starts)
    phrases = {phrase for i in rich for phrase in people[i].translated_as}
    gate = NameGate(spellings, anchors, [*name_starts, *translations], phrases)
    return gate, name_starts


def _given_anchors(
    givens: tuple[tuple[str, str], ...], anchors: dict[str, int], common: frozenset[str]
) -> bool:
    """Add the last words of ``givens`` to ``anchors``; whether a usable variant is among them."""
    has_variant = False
    for text, kind in givens:
        word = text.rsplit(" ", 1)[-1] if " " in text else text
        if kind == "canonical":
            anchors[word] = anchors.get(word, 0) | GIVEN
        elif text.lower() not in common and text not in TITLES:
            anchors[word] = anchors.get(word, 0) | GIVEN | VARIANT_GIVEN
            has_variant = True
    return has_variant


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
        or token.lower() in foreign_words()
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


def _longest_first(forms: list[Form]) -> tuple[Form, ...]:
    if len(forms) == 1:
        return (forms[0],)
    return tuple(sorted(forms, key=lambda f: -len(f.text)))


def _matchable(text: str) -> bool:
    return TOKEN_RE.fullmatch(text.rsplit(" ", 1)[-1]) is not None


def _usable(text: str, person: int, owners: Mapping[str, int], common: frozenset[str]) -> bool:
    """A non-canonical spelling is usable if it is nobody else's and no common word."""
    return (
        owners.get(text, person) in (person, -1)
        and len(text) >= 3
        and text not in TITLES
        and text.lower() not in common
    )


def _explicit_common_word(person: Person, text: str, source: str) -> None:
    msg = (
        f"variant {text!r} of {person.canonical!r} is a common English word; "
        "list it under translated_as (applied only after the first name or a role)"
    )
    raise RulePackError(msg, source=source, rule_id=person.rule.split("/", 1)[-1], field="variants")
