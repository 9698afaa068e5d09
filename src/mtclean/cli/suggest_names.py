"""Suggest gazetteer entries from a corpus: spelling variants of the same name, grouped.

Collects capitalized name-like tokens (not at the start of a sentence, not
common words, not in capitals) across the given files or folders, groups
spellings that fold_name to the same consonant skeleton or are very similar, and
prints each group with at least two spellings as a ``kind = "names"`` rule pack:
the most frequent spelling is the canonical one (with the first name most often
seen before it), the others are listed as variants, with counts and example
contexts in comments. Review the file, move always-wrong spellings to
``misspellings``, delete false groups, and load it with ``--rules FILE``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..names.match import TOKEN_RE, fold_name, skeleton
from ..names.words import TITLES, common_words
from .arguments import add_corpus_arguments, check_output
from .fileio import write_atomic
from .inputs import Corpus

__all__ = ["Spelling", "collect", "group", "render"]

NAME = "suggest-names"
HELP = "group name spelling variants in a corpus into a gazetteer draft (TOML)"
ORDER = 40

# Endings that make another word from a name (Russia -> Russian, Europe -> European).
_DERIVED = frozenset(
    ["s", "n", "ns", "an", "ans", "ian", "ians", "ean", "eans", "ese", "ish", "ic", "er", "ers"]
)
_SENTENCE_END = ".!?:;\"'“”‘’([{\n"


@dataclass
class Spelling:
    """One spelling of a name seen in the corpus."""

    text: str
    count: int = 0
    before: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean suggest-names``."""
    add_corpus_arguments(parser, errors="replace")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the TOML here")
    parser.add_argument(
        "--min-count", type=int, default=2, help="ignore groups seen fewer times (default 2)"
    )
    parser.add_argument(
        "--similarity",
        type=float,
        default=0.8,
        help="how similar two folded spellings must be to group (0-1, default 0.8)",
    )
    parser.add_argument("--examples", type=int, default=2, help="contexts shown per spelling")
    parser.add_argument("--max-groups", type=int, default=500, help="at most this many groups")


def _previous_word(text: str, start: int) -> str | None:
    """The capitalized word right before ``start`` (one space between), if any."""
    if start < 2 or text[start - 1] != " ":
        return None
    begin = text.rfind(" ", 0, start - 1) + 1
    begin = max(begin, text.rfind("\n", 0, start - 1) + 1)
    word = text[begin : start - 1]
    m = TOKEN_RE.fullmatch(word)
    return m.group() if m else None


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] not in _SENTENCE_END


def collect(texts: Iterable[str], *, examples: int = 2) -> dict[str, Spelling]:
    """Count name-like spellings in ``texts``, with the word before each and examples.

    >>> found = collect(["Then Dmytro Kuleba spoke, and Dmytro Koiliba listened."])
    >>> sorted(found), found["Kuleba"].before["Dmytro"]
    (['Dmytro', 'Koiliba', 'Kuleba'], 1)
    """
    common = common_words()
    found: dict[str, Spelling] = {}
    for text in texts:
        for m in TOKEN_RE.finditer(text):
            token, start = m.group(), m.start()
            if len(token) < 5 or token.isupper() or token in TITLES:
                continue
            if token.lower() in common or (start and text[start - 1].isalnum()):
                continue
            before = _previous_word(text, start)
            if before is None and not _mid_sentence(text, start):
                continue
            spelling = found.setdefault(token, Spelling(token))
            spelling.count += 1
            if before is not None:
                spelling.before[before] += 1
            if len(spelling.examples) < examples:
                context = text[max(0, start - 40) : m.end() + 40].replace("\n", " ")
                spelling.examples.append(context.strip())
    return found


def group(spellings: dict[str, Spelling], *, similarity: float = 0.8) -> list[list[Spelling]]:
    """Group spellings that share a consonant skeleton or are very similar (folded).

    >>> seen = [("Zelensky", 9), ("Zelenskyy", 4), ("Kuleba", 3), ("Zelenskiy", 2)]
    >>> [[s.text for s in g] for g in group({w: Spelling(w, n) for w, n in seen})]
    [['Zelensky', 'Zelenskyy', 'Zelenskiy'], ['Kuleba']]
    """
    ordered = sorted(spellings.values(), key=lambda s: (-s.count, s.text))
    heads: list[str] = []
    head_skeletons: dict[str, int] = {}
    groups: list[list[Spelling]] = []
    for s in ordered:
        key, skel = fold_name(s.text), skeleton(s.text)
        index = head_skeletons.get(skel)
        if index is not None and not _close(key, heads[index], 0.7):
            index = None
        if index is None and heads:
            best = process.extractOne(
                key, heads, scorer=Indel.normalized_similarity, score_cutoff=similarity
            )
            if best is not None and _close(key, best[0], similarity):
                index = best[2]
        if index is not None and _compatible(groups[index][0], s):
            groups[index].append(s)
            continue
        head_skeletons.setdefault(skel, len(groups))
        heads.append(key)
        groups.append([s])
    return groups


def _close(a: str, b: str, cutoff: float) -> bool:
    """Folded spellings ``a`` and ``b``: same initial, similar length and letters."""
    return (
        a[:1] == b[:1] and abs(len(a) - len(b)) <= 2 and Indel.normalized_similarity(a, b) >= cutoff
    )


def _compatible(head: Spelling, other: Spelling) -> bool:
    """Whether ``other`` may be a variant of ``head``.

    Not when one extends the other (Russia, Russian, Russians: derived words), nor
    when both follow capitalized words and never the same one (other people).
    """
    short, long = sorted((head.text, other.text), key=len)
    if long.startswith(short) and long[len(short) :] in _DERIVED:
        return False
    return not head.before or not other.before or bool(head.before.keys() & other.before.keys())


def _slug(text: str) -> str:
    from ..names.table import slug

    return slug(text)


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(groups: Sequence[list[Spelling]], *, documents: int) -> str:
    """The groups as a ready-to-edit ``kind = "names"`` TOML pack."""
    lines = [
        f"# Name spelling groups suggested by mtclean suggest-names from {documents} document(s).",
        "# Review every group: delete false ones, move always-wrong spellings to",
        "# misspellings, then load the file with: mtclean clean --rules THIS_FILE",
        "",
        "[pack]",
        'name = "suggested-names"',
        'kind = "names"',
        'description = "Name spellings found in a corpus (review before use)"',
        "",
    ]
    seen: set[str] = set()
    for members in groups:
        head = members[0]
        names = [(w, n) for w, n in head.before.most_common() if w not in TITLES]
        first = names[0][0] if names else ""
        canonical = f"{first} {head.text}" if first and head.before[first] * 3 >= head.count else ""
        canonical = canonical or head.text
        rule_id = base = _slug(canonical)
        n = 2
        while rule_id in seen:
            rule_id, n = f"{base}-{n}", n + 1
        seen.add(rule_id)
        counts = ", ".join(f"{m.text} x{m.count}" for m in members)
        lines.append(f"# seen: {counts}")
        for m in members:
            for example in m.examples:
                lines.append(f"#   {m.text}: ...{example}...")
        lines.append("[[rules]]")
        lines.append(f"id = {_toml_str(rule_id)}")
        lines.append(f"canonical = {_toml_str(canonical)}")
        variants = ", ".join(_toml_str(m.text) for m in members[1:])
        lines.append(f"variants = [{variants}]")
        lines.append(f"note = {_toml_str('Spellings found together in the corpus: ' + counts)}")
        lines.append("")
    return "\n".join(lines)


def _documents(corpus: Corpus) -> Iterable[str]:
    for text in corpus.texts():
        yield from (d for d in text.split("\n\n") if d.strip())


def run(args: argparse.Namespace) -> int:
    """Collect, group and print the suggestions."""
    check_output(args.output)
    count = 0
    corpus = Corpus.from_args(args)

    def counted() -> Iterable[str]:
        nonlocal count
        for doc in _documents(corpus):
            count += 1
            yield doc

    found = collect(counted(), examples=args.examples)
    groups = [
        g
        for g in group(found, similarity=args.similarity)
        if len(g) > 1 and sum(s.count for s in g) >= args.min_count
    ][: args.max_groups]
    out = render(groups, documents=count)
    if args.output:
        write_atomic(args.output, out)
        print(f"{len(groups)} group(s) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(out)
    return 1 if corpus.failures else 0
