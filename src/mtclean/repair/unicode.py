"""Unicode repair: mojibake, HTML entities and control characters (via ftfy), zero-width spaces.

ftfy runs with a configuration safe for translated news (:data:`MT_SAFE_CONFIG`):
it repairs encoding mix-ups, unescapes HTML entities left in plain text and
drops control characters, but does not fold character width (that breaks CJK
punctuation), touch ligatures, uncurl quotes, change line breaks or change the
Unicode normalization form.

ftfy is slow, so only the lines that can need it are handed to it. A line is
skipped when it has no character outside :data:`QUIET_CHARS` (printable ASCII
except ``&``, ``\\t``, ``\\n``, ``\\f``, ``\\r`` and a few typographic marks that
no ftfy heuristic fires on alone); a line with other characters still goes to
ftfy only if it has an HTML entity, a control character, or ftfy's own
mojibake heuristic (``ftfy.badness.is_bad``) fires on it. Every line handed
over gets exactly ``ftfy.fix_text(line, config)``; every line skipped is one
ftfy would return unchanged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import ftfy
from ftfy.badness import BADNESS_RE
from ftfy.chardata import HTML_ENTITY_RE

from ..core import Edit, EditsNormalizer, apply_edits, diff_edits, line_bounds
from .scan import positions, rare_chars

__all__ = [
    "CONTROL_CHARS",
    "HTML_ENTITIES",
    "MOJIBAKE",
    "MT_SAFE_CONFIG",
    "SURROGATES",
    "UNICODE_RULES",
    "ZERO_WIDTH",
    "UnicodeRepairer",
    "ZeroWidthRemover",
    "ftfy_config",
]

MOJIBAKE = "repair/mojibake"
HTML_ENTITIES = "repair/html-entities"
CONTROL_CHARS = "repair/control-chars"
SURROGATES = "repair/surrogates"
ZERO_WIDTH = "repair/zero-width"
UNICODE_RULES = (MOJIBAKE, HTML_ENTITIES, CONTROL_CHARS, SURROGATES)

MT_SAFE_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",  # "&amp;" -> "&", except on lines with "<" (HTML or code)
    remove_terminal_escapes=True,
    fix_encoding=True,  # mojibake: UTF-8 read as cp1252, latin-1, cp874, ...
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,  # leave "ﬁ" alone: not damage, and not ours to change
    fix_character_width=False,  # width folding turns CJK "，" into ","
    uncurl_quotes=False,  # quotes are a style choice (see Options.quotes)
    fix_line_breaks=False,  # line structure belongs to the spacing rules
    fix_surrogates=True,
    remove_control_chars=True,
    normalization=None,  # NFC would rewrite text that is not damaged
    explain=False,
)

#: Characters ftfy never changes on a line made only of them (see the module docstring):
#: ``&`` is missing from the ASCII range; the marks are U+00A0, U+00AD, U+00B0, U+00B4,
#: U+00B7, en and em dash, horizontal bar, ellipsis and the four curly quotes.
QUIET_CHARS = (
    "\t\n\x0c\r\x20-\x25\x27-\x7e"
    "\u00a0\u00ad\u00b0\u00b4\u00b7\u2013\u2014\u2015\u2026\u2018\u2019\u201c\u201d"
)
SUSPECT_RE = re.compile(f"[^{QUIET_CHARS}]")
_QUIET_MARKS = QUIET_CHARS[QUIET_CHARS.index("\u00a0") :]
# Every alternative of ftfy's BADNESS_RE needs a non-quiet non-ASCII character next to
# another non-ASCII one, or one of these characters (C1 controls, Œ, œ, Ã, Â); a
# line without either is never "bad" (checked by tests/test_repair_unicode.py).
_BAD_ALONE = "\x80-\x9f\u0152\u0153\u00c3\u00c2"
MAYBE_BAD_RE = re.compile(
    f"[^\x00-\x7f{_QUIET_MARKS}][^\x00-\x7f]|[^\x00-\x7f][^\x00-\x7f{_QUIET_MARKS}]|[{_BAD_ALONE}]"
)
_BAD_ALONE_RE = re.compile(f"[{_BAD_ALONE}]")
_QUIET_SET = frozenset(
    "\t\n\x0c\r" + "".join(chr(c) for c in range(0x20, 0x7F) if c != 0x26) + _QUIET_MARKS
)
# What ftfy's remove_control_chars, remove_terminal_escapes, fix_c1_controls and
# fix_surrogates act on.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u206a-\u206f\ufeff\ufff9-\ufffc]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_C0_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u206a-\u206f\ufeff\ufff9-\ufffc]")
_CONTROL_OR_SURROGATE_RE = re.compile(f"{_CONTROL_RE.pattern}|{_SURROGATE_RE.pattern}")


#: How far a match of ftfy's BADNESS_RE reaches from the characters MAYBE_BAD_RE finds
#: (its longest alternative is 7 characters).
_BAD_REACH = 8


def looks_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, searched only around the characters that can trigger it.

    >>> looks_bad("The â€œplanâ€\x9d"), looks_bad("Café “au lait”")
    (True, False)
    """
    start = end = -1  # the stretch around the hits so far that touch each other
    for m in MAYBE_BAD_RE.finditer(line):
        a, b = max(0, m.start() - _BAD_REACH), m.end() + _BAD_REACH
        if a <= end:  # dense hits (Greek, Cyrillic text) make one stretch: one search
            end = max(end, b)
            continue
        if end >= 0 and BADNESS_RE.search(line, start, end):
            return True
        start, end = a, b
    return end >= 0 and BADNESS_RE.search(line, start, end) is not None


def suspect_chars(text: str) -> set[str]:
    """The characters of ``text`` outside :data:`QUIET_CHARS` (usually none).

    >>> sorted(suspect_chars("Café “au lait” & more"))
    ['&', 'é']
    """
    rest = rare_chars(text)
    return set(rest).difference(_QUIET_SET) if rest else set()


def _maybe_bad_points(text: str, odd: Iterable[str]) -> list[int]:
    """Where MAYBE_BAD_RE can match in ``text``, whose characters outside
    :data:`QUIET_CHARS` are ``odd``: at one of them next to a non-ASCII character,
    or one that is suspect alone (at least one offset per such line).

    One scan for all the characters, so a long text with many distinct ones
    costs one pass, not one pass per character.
    """
    chars = frozenset(c for c in odd if c > "\x7f")
    if not chars:
        return []
    size = len(text)
    out: list[int] = []
    line_end = -1
    for m in _any_of(chars).finditer(text):
        i = m.start()
        if i < line_end:
            continue  # this line already has its offset
        alone = _BAD_ALONE_RE.match(text[i]) is not None
        if alone or (i > 0 and text[i - 1] > "\x7f") or (i + 1 < size and text[i + 1] > "\x7f"):
            out.append(i)
            line_end = text.find("\n", i)
            if line_end < 0:
                break
    return out


@functools.lru_cache(maxsize=256)
def _any_of(chars: frozenset[str]) -> re.Pattern[str]:
    """A compiled character class of ``chars`` (cached: few distinct sets recur)."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


def ftfy_config(active: Iterable[str] = UNICODE_RULES) -> ftfy.TextFixerConfig:
    """:data:`MT_SAFE_CONFIG` with the fixes of rules not in ``active`` switched off.

    >>> ftfy_config([HTML_ENTITIES]).fix_encoding
    False
    """
    on = set(active)
    return MT_SAFE_CONFIG._replace(
        unescape_html="auto" if HTML_ENTITIES in on else False,
        fix_encoding=MOJIBAKE in on,
        fix_c1_controls=MOJIBAKE in on,
        remove_control_chars=CONTROL_CHARS in on,
        remove_terminal_escapes=CONTROL_CHARS in on,
        fix_surrogates=SURROGATES in on,
    )


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (after the newline) of the line holding ``text[pos]``."""
    start, end = line_bounds(text, pos)
    return start, min(end + 1, len(text))


@dataclass(frozen=True)
class UnicodeRepairer(EditsNormalizer):
    """Repair mojibake, HTML entities, control characters and lone surrogates with ftfy.

    Args:
        active: the rule ids that are on (a subset of :data:`UNICODE_RULES`).

    >>> fix = UnicodeRepairer()
    >>> fix("The â€œsecond-classâ€\\x9d members")
    'The “second-class” members'
    >>> fix("Fish &amp; chips, café and “quotes” stay.")
    'Fish & chips, café and “quotes” stay.'
    >>> fix("Plain ASCII prose, untouched.")
    'Plain ASCII prose, untouched.'
    """

    active: frozenset[str] = frozenset(UNICODE_RULES)
    name: str = "repair-unicode"
    rule_ids: tuple[str, ...] = UNICODE_RULES
    pack_names: tuple[str, ...] = ("repair",)
    config: ftfy.TextFixerConfig = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "config", ftfy_config(self.active))

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether this step may edit it (``False``: surely not):
        only a line with a character outside :data:`QUIET_CHARS` can need ftfy."""
        if not self.active:
            return [False] * len(texts)
        return [bool(suspect_chars(t)) for t in texts]

    def needs_ftfy(self, line: str) -> bool:
        """Whether ftfy (with this step's configuration) may change ``line``."""
        cfg = self.config
        if not SUSPECT_RE.search(line):
            return False
        if (cfg.remove_control_chars or cfg.fix_c1_controls) and _CONTROL_RE.search(line):
            return True
        if cfg.fix_surrogates and _SURROGATE_RE.search(line):
            return True
        if (
            cfg.unescape_html
            and "&" in line
            and "<" not in line
            and HTML_ENTITY_RE.search(line) is not None
        ):
            return True
        return bool(cfg.fix_encoding and not line.isascii() and looks_bad(line))

    def _suspect_points(self, text: str) -> list[int]:
        """Offsets such that every line ftfy may change holds one of them.

        Looks at :func:`~mtclean.repair_scan.rare_chars` (usually nothing to do);
        then at control characters and surrogates, HTML entities, and characters
        that can be mojibake where they stand next to another non-ASCII one.
        """
        odd = suspect_chars(text)
        if not odd:
            return []
        points = positions(text, [c for c in odd if _CONTROL_OR_SURROGATE_RE.match(c)])
        if "&" in odd:
            points += [m.start() for m in HTML_ENTITY_RE.finditer(text)]
        if self.config.fix_encoding:
            points += _maybe_bad_points(text, odd)
        return points

    def _lines(self, text: str) -> Iterable[tuple[int, str]]:
        """Offsets and text of the lines ftfy may change."""
        if not self.active:
            return
        end = -1
        for point in sorted(self._suspect_points(text)):
            if point < end:
                continue
            start, end = _line_bounds(text, point)
            line = text[start:end]
            if self.needs_ftfy(line):
                yield start, line

    def fix(self, text: str) -> str:
        """Fix ``text`` (the fast path: lines that cannot need ftfy are not touched)."""
        parts: list[str] = []
        pos = 0
        for start, line in self._lines(text):
            parts.append(text[pos:start])
            parts.append(ftfy.fix_text(line, self.config))
            pos = start + len(line)
        if not parts:
            return text
        parts.append(text[pos:])
        return "".join(parts)

    def edits(self, text: str) -> list[Edit]:
        """Edits per changed line, each attributed to the rule whose fix it is."""
        out: list[Edit] = []
        explain_cfg = self.config._replace(explain=True)
        for start, line in self._lines(text):
            fixed, plan = ftfy.fix_and_explain(line, explain_cfg)
            if fixed == line:
                continue
            message = "ftfy: " + ", ".join(f"{a} {b}" for a, b in plan or ())
            edits = _attribute(line, diff_edits(line, fixed, rule=MOJIBAKE, message=message))
            out.extend(
                Edit(start + e.start, start + e.end, e.replacement, e.rule, e.message)
                for e in edits
            )
        return out


def _attribute(line: str, edits: Sequence[Edit]) -> list[Edit]:
    """Widen edits to whole HTML entities and give each edit its rule id."""
    spans = [(m.start(), m.end()) for m in HTML_ENTITY_RE.finditer(line)]
    merged = _widen(line, edits, spans)
    out: list[Edit] = []
    for e in merged:
        before = line[e.start : e.end]
        if any(s <= e.start and e.end <= t for s, t in spans):
            rule = HTML_ENTITIES
        elif _SURROGATE_RE.search(before):
            rule = SURROGATES
        elif not e.replacement and _only_controls(before):
            rule = CONTROL_CHARS
        else:
            rule = MOJIBAKE
        out.append(Edit(e.start, e.end, e.replacement, rule, e.message))
    return out


def _only_controls(before: str) -> bool:
    """Whether ``before`` is control characters (or a terminal escape) only."""
    rest = re.sub(r"\x1b\[[\d;]*[a-zA-Z]", "", before)
    return not _C0_RE.sub("", rest)


def _widen(line: str, edits: Sequence[Edit], spans: Sequence[tuple[int, int]]) -> list[Edit]:
    """Merge each group of edits touching one of ``spans`` into one edit covering the span."""
    out: list[Edit] = list(edits)
    for s, t in spans:
        inside = [e for e in out if e.start < t and e.end > s]
        if not inside:
            continue
        lo, hi = min(s, inside[0].start), max(t, inside[-1].end)
        shifted = [Edit(e.start - lo, e.end - lo, e.replacement, e.rule) for e in inside]
        merged = Edit(lo, hi, apply_edits(line[lo:hi], shifted), inside[0].rule, inside[0].message)
        out = sorted([e for e in out if e not in inside] + [merged], key=lambda e: e.start)
    return out


# Scripts that write words without spaces and use U+200B as a word separator:
# Thai, Lao, Tibetan, Myanmar, Khmer, Balinese, Javanese, CJK and Hangul.
_ZW_KEEP = (
    "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u1b00-\u1b7f\ua980-\ua9df"
    "\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
)
_ZW = "\u200b\u2060"
ZERO_WIDTH_RE = re.compile(f"(?<![{_ZW_KEEP}])[{_ZW}]+(?![{_ZW_KEEP}])")


def _has_zero_width(text: str) -> bool:
    """Whether ``text`` holds a zero-width space (what :class:`ZeroWidthRemover` removes)."""
    return not text.isascii() and ("\u200b" in text or "\u2060" in text)


@dataclass(frozen=True)
class ZeroWidthRemover(EditsNormalizer):
    """Remove zero-width spaces (U+200B) and word joiners (U+2060) from alphabetic text.

    Zero-width joiners and non-joiners (U+200C, U+200D) are left alone: they shape
    Persian, Indic scripts and emoji. A zero-width space next to Thai, Lao,
    Khmer, Myanmar, Tibetan, Javanese, Balinese, CJK or Hangul text is a word
    separator there and stays.

    >>> ZeroWidthRemover()("no inhabitants" + chr(0x200B) + " of this land")
    'no inhabitants of this land'
    >>> thai = "\\u0e20\\u0e32\\u0e29\\u0e32\\u200b\\u0e44\\u0e17\\u0e22"
    >>> ZeroWidthRemover()(thai) == thai
    True
    """

    guard: UnicodeRepairer | None = None
    restyler: Callable[[str], Callable[[str], str] | None] | None = None
    name: str = "repair-zero-width"
    rule_ids: tuple[str, ...] = (ZERO_WIDTH,)
    pack_names: tuple[str, ...] = ("repair",)

    def may_change(self, texts: Sequence[str]) -> list[bool]:
        """For each of ``texts``, whether it holds a zero-width space (``False``: this
        step surely leaves it alone)."""
        return [_has_zero_width(t) for t in texts]

    def edits(self, text: str) -> list[Edit]:
        """One deletion per run of zero-width spaces outside the scripts that use them.

        With a ``guard``, deletions that would leave a line ftfy changes are dropped
        (see :func:`keep_ftfy_stable`); ``restyler(text)`` gives what the quote step,
        which runs later, will do to a line.
        """
        if not _has_zero_width(text):
            return []
        edits: list[Edit] = []
        size, end = len(text), -1
        for pos in positions(text, _ZW):  # run the pattern only around each run
            if pos < end:
                continue
            end = pos
            while end < size and text[end] in _ZW:
                end += 1
            edits.extend(
                Edit(m.start(), m.end(), "", ZERO_WIDTH, "zero-width space")
                for m in ZERO_WIDTH_RE.finditer(text, pos, min(end + 1, size))
            )
        restyle = self.restyler(text) if self.restyler is not None else None
        return keep_ftfy_stable(self.guard, text, edits, restyle)


def keep_ftfy_stable(
    guard: UnicodeRepairer | None,
    text: str,
    edits: list[Edit],
    restyle: Callable[[str], str] | None = None,
) -> list[Edit]:
    """Drop the edits that would leave a line ftfy (as ``guard`` runs it) would change.

    Later repairs must not undo the unicode step's work: removing a space can
    complete an HTML entity (``"&amp ;"``) or turn a line ftfy left alone into one
    it decodes again. Such lines are left as they are, so cleaning twice equals
    cleaning once. Text that cannot need ftfy (the usual case) costs one pre-check.
    ``restyle`` is what a later step will do to the line (the quote style), applied
    before the check.

    >>> keep_ftfy_stable(UnicodeRepairer(), "a &amp ; b", [Edit(6, 7, "", "r")])
    []
    >>> keep_ftfy_stable(UnicodeRepairer(), "a , b", [Edit(1, 2, "", "r")])
    [Edit(start=1, end=2, replacement='', rule='r', message='')]
    """
    if guard is None or not guard.active or not edits:
        return edits
    added = "".join(e.replacement for e in edits)
    if not suspect_chars(text) and not SUSPECT_RE.search(added):
        return edits
    kept: list[Edit] = []
    group: list[Edit] = []
    region = (0, 0)
    for edit in [*edits, None]:
        if edit is not None and group and edit.start < region[1]:
            group.append(edit)
            region = (region[0], max(region[1], _line_bounds(text, edit.end)[1]))
            continue
        if group and not _needs_ftfy_after(guard, text, region, group, restyle):
            kept.extend(group)
        if edit is not None:
            group = [edit]
            region = (_line_bounds(text, edit.start)[0], _line_bounds(text, edit.end)[1])
    return kept


def _needs_ftfy_after(
    guard: UnicodeRepairer,
    text: str,
    region: tuple[int, int],
    edits: Sequence[Edit],
    restyle: Callable[[str], str] | None,
) -> bool:
    """Whether a line of ``text[region]`` needs ftfy once ``edits`` are applied."""
    start, end = region
    parts: list[str] = []
    pos = start
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:end])
    after = "".join(parts)
    if restyle is not None:
        after = restyle(after)
    return any(guard.needs_ftfy(line) for line in after.split("\n"))
