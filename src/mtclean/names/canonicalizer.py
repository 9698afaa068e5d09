"""Names: person-name variants and misspellings made canonical, never one person into another.

A ``kind = "names"`` pack (or a CSV/TSV table, see :mod:`mtclean.names_gazetteer`)
lists people: ``canonical`` name, accepted ``variants``, always-wrong
``misspellings``, ``roles`` that anchor the person, ``translated_as`` (a surname
that machine translation turned into common words, applied only right after the
person's first name or role) and ``cyrillic = true`` to generate transliteration
variants. :class:`NameCanonicalizer` then, per document:

1. finds every known spelling of a person (one compiled scan; a first name or a
   title before a surname must belong to the same person, otherwise it is
   somebody else and left alone);
2. fixes unknown spellings by fuzzy matching only with evidence: the person's
   first name or role right before the token, or the person named elsewhere in
   the document; with a score cutoff and a margin over the second-best person;
   weak or ambiguous matches become findings;
3. makes the document coherent: misspellings take the document's spelling of
   the person; several accepted spellings become one (the ``name_style``).

Possessives survive: only the name token is replaced ("Koiliba's" -> "Kuleba's").

Before any of this, one precheck (:mod:`mtclean.names_gate`) scans the document
for the few places where a change can start; a document without one is
returned at once. Weak and ambiguous matches are only collected for audits.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from ..choices import NAME_STYLES
from ..core import NO_ANALYSIS, Analysis, Edit, EditsNormalizer, Finding, apply_edits
from ..gcpause import paused_gc
from ..rulepacks.model import RulePack
from .block import Block
from .evidence import (
    ADJECTIVE_ENDINGS,
    after_determiner,
    anchor_ok,
    initial,
    initials_re,
    next_token,
    overlaps,
    prev_word,
    sentence_start,
)
from .gate import GIVEN, ROLE, SPELLING, TRANSLATION, VARIANT_GIVEN, GateHit
from .gazetteer import (
    Form,
    Gazetteer,
    GivenGroup,
    Person,
    person_from_rule,
    start_word,
)
from .given import near_given
from .match import TOKEN_RE, is_name_boundary
from .policy import plain_forms, target_spelling
from .resolve import AMBIGUOUS_RULE, FUZZY_RULE, Resolver
from .scan import Fuzzy, Mention, Scan
from .table import load_name_table
from .translated import named_in, phrase_people, translated_mentions
from .window import LONG, WINDOW, Nearby, blocks, spans_around
from .words import TITLES, common_words, english_names

__all__ = [
    "AMBIGUOUS_RULE",
    "BUNDLED",
    "FUZZY_RULE",
    "NAME_STYLES",
    "NameCanonicalizer",
    "load_name_table",
]

#: The bundled gazetteer's pack name.
BUNDLED = "names-world"
#: A role held by more people than this anchors no fuzzy fix (translations still apply).
SHARED_ROLE = 3


_WORD_RE = regex.compile(r"[\p{L}\p{M}]+")
#: A name token not glued to a word, number, apostrophe or hyphen before it.
_TOKEN_START_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])" + TOKEN_RE.pattern)


@dataclass(frozen=True, eq=False)
class NameCanonicalizer(Resolver, EditsNormalizer):
    """Canonicalize person names in running text against gazetteer packs.

    >>> from mtclean.kinds import parse_rules
    >>> pack = parse_rules('''
    ... [pack]
    ... name = "demo"
    ... kind = "names"
    ... [[rules]]
    ... id = "kuleba"
    ... canonical = "Dmytro Kuleba"
    ... roles = ["Foreign Minister"]
    ... cyrillic = true
    ... ''')
    >>> NameCanonicalizer((pack,)).fix("Foreign Minister Dmytro Koiliba's visit.")
    "Foreign Minister Dmytro Kuleba's visit."
    >>> NameCanonicalizer((pack,)).fix("Dmytro Kulyk and Koiliba Street.")
    'Dmytro Kulyk and Koiliba Street.'
    """

    packs: tuple[RulePack, ...]
    disabled: frozenset[str] = frozenset()
    style: str = "default"
    fuzzy: bool = True
    name: str = "names"
    _gaz: Gazetteer = field(init=False, repr=False, compare=False)
    _blocks: dict[tuple[int, ...], Block] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    _initials: dict[str, frozenset[str]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        if self.style not in NAME_STYLES:
            msg = f"name_style must be one of {', '.join(NAME_STYLES)}, not {self.style!r}"
            raise ValueError(msg)
        with paused_gc():
            persons = [
                person_from_rule(r)
                for p in self.packs
                if p.name not in self.disabled
                for r in p.rules
                if r.enabled and r.full_id not in self.disabled
            ]
            source = self.packs[-1].source if self.packs else "<names>"
            object.__setattr__(self, "_gaz", Gazetteer.from_persons(persons, source=source))

    @property
    def gazetteer(self) -> Gazetteer:
        """The compiled gazetteer."""
        return self._gaz

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of every rule of the packs (disabled ones included, so they can be named)."""
        return tuple(r.full_id for p in self.packs for r in p.rules)

    def analyze(self, text: str, audit: bool = False) -> Analysis:
        """Edits for every name spelling that should change; with ``audit``, also the
        possible misspellings that were not changed (weak or ambiguous matches)."""
        regions = [(0, len(text))] if audit else self._needs_work(text)
        if not regions:
            return NO_ANALYSIS
        edits, findings = self._analyze(text, audit=audit, regions=regions)
        return Analysis(edits, findings)

    def fix(self, text: str) -> str:
        """``text`` with its names fixed (returned as it is when nothing can change)."""
        regions = self._needs_work(text)
        if not regions:
            return text
        edits = self._analyze(text, audit=False, regions=regions)[0]
        return apply_edits(text, edits, step=self.name)

    # -- the precheck -----------------------------------------------------------------

    def _needs_work(self, text: str) -> list[tuple[int, int]]:
        """The parts of ``text`` that could need a change (none: it surely needs none).

        Every edit needs a non-canonical spelling in the text or an anchor (first
        name, role, title) right before a name, a translated surname or a word a
        fuzzy fix would change; the gate finds those places with one scan. A short
        text is one part; in a long one, evidence reaches a bounded window
        (:mod:`mtclean.names.window`), so only the parts around those places count.
        """
        candidate = self._may_fix if self.fuzzy else None
        size = len(text)
        places = []
        for hit in self._gaz.gate.hits(text, candidate=candidate):
            if hit.flags == TRANSLATION:
                a, b = max(0, hit.start - WINDOW), hit.end + WINDOW
                around = text if size <= LONG else text[a:b]
                if not any(
                    named_in(around, self._gaz, p) for p in phrase_people(self._gaz, hit.word)
                ):
                    continue
            elif hit.flags != SPELLING and not self._anchor_may_edit(text, hit):
                continue
            if size <= LONG:
                return [(0, size)]
            places.append(hit.start)
        return spans_around(places, size, 2 * WINDOW)

    def _may_fix(self, anchor: str, token: str) -> bool:
        """Whether a fuzzy fix could change ``token`` right after the first name or role ``anchor``.

        A fix needs the consonant skeleton of one of the anchored people's surnames
        (so the same initial, all vowels alike) or the initial of the surname itself.
        """
        if not self._candidate(token):
            return False
        initials = self._initials.get(anchor)
        if initials is None:
            initials = self._initials[anchor] = self._anchor_initials(anchor)
        return initial(token) in initials

    def _anchor_initials(self, anchor: str) -> frozenset[str]:
        gaz = self._gaz
        people = {f.person for g in gaz.given_index.get(anchor, ()) for f in g.forms}
        people.update(p for _, ps in gaz.role_index.get(anchor, ()) for p in ps)
        found = {initial(gaz.persons[p].surname) for p in people}
        found.update(initial(f.text) for p in people for f in gaz.person_surnames[p])
        return frozenset(found)

    def _anchor_may_edit(self, text: str, hit: GateHit) -> bool:
        """Whether the anchor ``hit`` (followed by a space) can start a change."""
        gaz = self._gaz
        s, e = hit.start, hit.end
        if (self.fuzzy or hit.flags & VARIANT_GIVEN) and start_word(text, e + 1) in gaz.name_starts:
            return True  # a name with its anchor: evidence, or a first name to fix
        if not hit.flags & (GIVEN | ROLE):
            return False
        if s and (text[s - 1].isalnum() or text[s - 1] in "-'’"):
            return False  # not a word the scan would take
        tm = TOKEN_RE.match(text, s)
        if tm is None or tm.end() != e:
            return False
        scan = Scan(audit=False)
        fuzzy: list[Fuzzy] = []
        if hit.flags & GIVEN:
            self._after_given(text, s, e, gaz.given_index.get(hit.word, ()), scan, fuzzy)
        if hit.flags & ROLE:
            self._after_role(text, e, gaz.role_index.get(hit.word, ()), scan, fuzzy)
        if scan.mentions:
            return True  # a translated surname
        return self.fuzzy and any(
            self._resolve(text, fs, fe, token, persons, evidence, scan) is not None
            for fs, fe, token, persons, evidence, _ in fuzzy
        )

    # -- scanning -------------------------------------------------------------------

    def _hits(self, text: str, regions: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
        """Every name token in ``regions`` the gazetteer knows (surname, first name, role
        word), found as they are used (a text of names holds no list of them all)."""
        triggers = self._gaz.triggers
        return (
            (m.start(), m.end(), m.group())
            for a, b in regions
            for m in _TOKEN_START_RE.finditer(text, a, b)
            if m.group() in triggers
        )

    def _analyze(
        self, text: str, *, audit: bool, regions: list[tuple[int, int]] | None = None
    ) -> tuple[list[Edit], list[Finding]]:
        regions = regions or [(0, len(text))]
        hits = self._hits(text, regions)
        first = next(hits, None)
        if first is None:
            return [], []
        scan = Scan(audit=audit)
        fuzzy: list[Fuzzy] = []
        for s, e, word in itertools.chain((first,), hits):
            forms = self._gaz.surname_index.get(word)
            if forms:
                self._surname(text, s, e, forms, scan)
            givens = self._gaz.given_index.get(word)
            if givens:
                self._after_given(text, s, e, givens, scan, fuzzy)
            roles = self._gaz.role_index.get(word)
            if roles:
                self._after_role(text, e, roles, scan, fuzzy)
        if scan.shared:
            self._shared(scan)
        if not self.fuzzy:
            fuzzy.clear()
        for s, e, token, persons, evidence, before in fuzzy:
            if (s, e) in scan.mentions:
                continue
            person = self._resolve(text, s, e, token, persons, evidence, scan)
            if person is None:
                continue
            scan.add(Mention(s, e, person, "surname", token, "fix", evidence=evidence))
            for g in before:
                if g.person == person:
                    gs = s - 1 - len(g.text)
                    scan.add(Mention(gs, s - 1, person, "given", g.text, g.kind))
                    break
        if self._gaz.translations:
            self._translated_elsewhere(text, scan)
        if self.fuzzy:
            self._document_evidence(text, scan, regions)
        return self._coherent_edits(text, scan), scan.findings

    def _shared(self, scan: Scan) -> None:
        """Spellings several people share, written alone: the one of them the text names
        with a first name within :data:`WINDOW` characters, else a finding."""
        named = Nearby(
            ((m.start, m.person) for m in scan.mentions.values() if m.part == "given"), WINDOW
        )
        for s, e, forms, capital in scan.shared:
            people = {f.person for f in forms}
            near = people.intersection(named.at(s))
            if len(near) != 1:
                self._ambiguous(s, e, sorted(people), scan)
                continue
            f = next(f for f in forms if f.person in near)
            scan.add(Mention(s, e, f.person, "surname", f.spelling, f.kind, f.capital or capital))

    def _translated_elsewhere(self, text: str, scan: Scan) -> None:
        """Translated surnames of people the text also names correctly."""
        at: dict[int, list[int]] = {}
        for m in scan.mentions.values():
            if (
                m.part == "surname"
                and m.kind != "fix"
                and self._gaz.persons[m.person].translated_as
            ):
                at.setdefault(m.person, []).append(m.start)
        if not at:
            return
        named = {p: spans_around(ps, len(text)) for p, ps in at.items()}
        taken = sorted(scan.mentions)
        reach = list(itertools.accumulate((b for _, b in taken), max))
        for s, e, p, phrase in translated_mentions(
            text, self._gaz, named, [a for a, _ in taken], reach
        ):
            scan.add(Mention(s, e, p, "surname", phrase, "fix", evidence="translation"))

    def _surname(self, text: str, s: int, e: int, forms: tuple[Form, ...], scan: Scan) -> None:
        matched: list[Form] = []
        glued: set[int] = set()  # people whose longer spelling is glued to a word ("Meloni-von")
        for f in forms:
            if matched and len(f.text) < len(matched[0].text):
                break
            fs = e - len(f.text)
            if fs >= 0 and text.startswith(f.text, fs) and f.person not in glued:
                if is_name_boundary(text, fs - 1):
                    matched.append(f)
                else:
                    glued.add(f.person)
        if not matched:
            return
        fs = e - len(matched[0].text)
        with_given: list[tuple[Form, Form]] = []
        if fs > 1 and text[fs - 1] == " ":
            for f in matched:
                for g in self._gaz.person_givens[f.person]:
                    gs = fs - 1 - len(g.text)
                    if gs >= 0 and text.startswith(g.text, gs) and is_name_boundary(text, gs - 1):
                        with_given.append((f, g))
                        break
        if with_given:
            longest = max(len(g.text) for _, g in with_given)
            with_given = [(f, g) for f, g in with_given if len(g.text) == longest]
            if len({f.person for f, _ in with_given}) > 1:
                self._ambiguous(fs, e, [f.person for f, _ in with_given], scan)
                return
            f, g = with_given[0]
            scan.add(Mention(fs, e, f.person, "surname", f.spelling, f.kind))
            gs = fs - 1 - len(g.text)
            scan.add(Mention(gs, fs - 1, f.person, "given", g.text, g.kind))
            return
        before = prev_word(text, fs)
        stripped = before is not None and before in self._gaz.given_index
        if stripped and self._stripped(text, fs, e, str(before), scan):
            return
        if not anchor_ok(before, common_words(), self._gaz):
            if len(matched) == 1 and matched[0].kind != "fix" and before is not None:
                near = near_given(before, self._gaz.person_givens[matched[0].person], self._gaz)
                if near is not None:  # the person's own first name, misspelt ("Ricada Lang")
                    p, bs = matched[0].person, fs - 1 - len(before)
                    scan.add(Mention(fs, e, p, "surname", matched[0].spelling, matched[0].kind))
                    scan.add(Mention(bs, fs - 1, p, "given", before, "fix", evidence="surname"))
            return  # another first name: somebody else
        if len({f.person for f in matched}) > 1:
            if any(f.kind != "canonical" for f in matched):
                scan.shared.append((fs, e, tuple(matched), sentence_start(text, fs)))
            return
        f = matched[0]
        titled = (
            before is not None
            and (before in TITLES or before in self._gaz.role_index)
            and f.text not in self._gaz.given_index  # "Sir Floris": a first name
            and f.text not in english_names()  # "Mr Murray": too many people
        )
        anchored = titled or f.kind != "canonical"
        scan.add(
            Mention(
                fs,
                e,
                f.person,
                "surname",
                f.spelling,
                f.kind,
                f.capital or sentence_start(text, fs),  # "De Jonge" alone: Dutch style
                anchored=anchored,
            )
        )

    def _stripped(self, text: str, fs: int, e: int, before: str, scan: Scan) -> bool:
        """``Cem Ozdemir``: a first name, then its person's surname without diacritics,
        a spelling that is another person's variant (``Cuneyt Ozdemir``)."""
        token, gaz = text[fs:e], self._gaz
        for g in gaz.given_index[before]:
            gs = fs - 1 - len(g.text)
            if gs < 0 or not text.startswith(g.text, gs) or not is_name_boundary(text, gs - 1):
                continue
            for f in g.forms:
                p = f.person
                if token in plain_forms(gaz.persons[p].surname):
                    scan.add(Mention(fs, e, p, "surname", token, "fix", evidence="first name"))
                    scan.add(Mention(gs, fs - 1, p, "given", f.text, f.kind))
                    return True
        return False

    def _translated(self, text: str, e: int, people: tuple[int, ...], scan: Scan) -> bool:
        if not self._gaz.translations or e >= len(text) or text[e] != " ":
            return False
        word = _WORD_RE.match(text, e + 1)
        options = self._gaz.translations.get(word.group()) if word else None
        if not options:
            return False
        for phrase, p in options:
            if p in people:
                end = e + 1 + len(phrase)
                if text.startswith(phrase, e + 1) and is_name_boundary(text, end):
                    scan.add(
                        Mention(e + 1, end, p, "surname", phrase, "fix", evidence="translation")
                    )
                    return True
        return False

    def _after_given(
        self,
        text: str,
        s: int,
        e: int,
        givens: tuple[GivenGroup, ...],
        scan: Scan,
        fuzzy: list[Fuzzy],
    ) -> None:
        groups = [
            g
            for g in givens
            if e - len(g.text) >= 0
            and text.startswith(g.text, e - len(g.text))
            and is_name_boundary(text, e - len(g.text) - 1)
        ]
        if not groups:
            return
        matched = [f for g in groups for f in g.forms]
        people = (
            groups[0].people
            if len(groups) == 1
            else tuple(dict.fromkeys(f.person for f in matched))
        )
        if self._translated(text, e, people, scan):
            return
        nxt = next_token(text, e)
        if nxt is None or nxt[2] in self._gaz.surname_index:
            return
        fuzzy.append((nxt[0], nxt[1], nxt[2], people, "first name", tuple(matched)))

    def _after_role(
        self,
        text: str,
        e: int,
        roles: tuple[tuple[str, tuple[int, ...]], ...],
        scan: Scan,
        fuzzy: list[Fuzzy],
    ) -> None:
        people: list[int] = []
        longest: set[int] = set()  # the people of the longest role written ("NATO Secretary ...")
        for role, persons in roles:
            rs = e - len(role)
            if rs >= 0 and text.startswith(role, rs) and is_name_boundary(text, rs - 1):
                if not people:
                    longest.update(persons)
                people.extend(persons)
        if not people:
            return
        found = tuple(dict.fromkeys(people))
        if self._translated(text, e, found, scan) or len(longest) > SHARED_ROLE:
            return  # a role many people hold ("Prime Minister") is no evidence for a fuzzy fix
        nxt = next_token(text, e)
        if nxt is None or nxt[2] in self._gaz.surname_index or nxt[2] in self._gaz.given_index:
            return
        fuzzy.append((nxt[0], nxt[1], nxt[2], found, "role", ()))

    def _evidence_tokens(
        self, text: str, near: Nearby, regions: list[tuple[int, int]]
    ) -> Iterator[Any]:
        """Tokens that may misspell a person named nearby, block by block of ``regions``."""
        gaz = self._gaz
        for a, b in blocks(text, regions, WINDOW):
            present = near.at(a)
            if present:
                letters = frozenset(gaz.persons[p].surname[0] for p in present)
                yield from initials_re(letters).finditer(text, a, b)

    def _document_evidence(self, text: str, scan: Scan, regions: list[tuple[int, int]]) -> None:
        gaz = self._gaz
        near = Nearby(
            (m.start, m.person)
            for m in scan.mentions.values()
            if m.part == "surname" and m.anchored and m.person in gaz.distinctive
        )
        if not near.everyone:
            return
        taken = sorted(scan.mentions)
        starts = [a for a, _ in taken]
        reach = list(itertools.accumulate((b for _, b in taken), max))
        common = common_words()
        seen: dict[tuple[str, tuple[int, ...]], int | None] = {}  # without audit: one try each
        for tm in self._evidence_tokens(text, near, regions):
            s, e, token = tm.start(), tm.end(), tm.group()
            if not self._candidate(token) or not is_name_boundary(text, s - 1):
                continue
            if not is_name_boundary(text, e) or overlaps(starts, reach, s, e):
                continue
            if not anchor_ok(prev_word(text, s), common, gaz) or after_determiner(text, s):
                continue
            if token.endswith(ADJECTIVE_ENDINGS):
                continue  # Martian, Parisian: words made from names, not misspellings
            nxt = next_token(text, e)
            if nxt is not None and nxt[2].lower() not in common and nxt[2] not in TITLES:
                continue  # part of a longer name
            present = near.at(s)
            if not present:
                continue
            key = (token, present)
            if scan.audit or key not in seen:
                seen[key] = self._resolve(text, s, e, token, present, "document", scan)
            person = seen[key]
            if person is not None:
                scan.add(Mention(s, e, person, "surname", token, "fix", evidence="document"))

    # -- coherence ------------------------------------------------------------------

    def _target(self, person: Person, part: str, mentions: list[Mention]) -> str:
        canonical = person.surname if part == "surname" else person.given
        good = Counter(m.spelling for m in mentions if m.kind in ("canonical", "accepted"))
        return target_spelling(canonical, good, self.style)

    def _coherent_edits(self, text: str, scan: Scan) -> list[Edit]:
        groups: dict[tuple[int, str], list[Mention]] = {}
        for key, m in sorted(scan.mentions.items()):
            if key not in scan.clashes:
                groups.setdefault((m.person, m.part), []).append(m)
        edits = []
        for (p, part), mentions in groups.items():
            person = self._gaz.persons[p]
            target = self._target(person, part, mentions)
            for m in mentions:
                # particles take the person's case ("de Jonge", "De Wever"); a sentence may
                # start with a capital, and a text that writes the person's own form keeps it
                replacement = target[:1].upper() + target[1:] if m.capital else target
                if text[m.start : m.end] in (replacement, target):
                    continue
                how = "misspelling" if m.kind == "fix" else "spelling variant"
                via = f" ({m.evidence} evidence)" if m.evidence else ""
                message = person.message or f"{how} of {person.canonical}{via}"
                if m.evidence == "translation":
                    message = f"surname of {person.canonical} translated as common words"
                edits.append(Edit(m.start, m.end, replacement, person.rule, message))
        edits.sort(key=lambda ed: (ed.start, ed.end))
        out: list[Edit] = []
        for ed in edits:
            if out and ed.start < out[-1].end:
                continue
            out.append(ed)
        return out
