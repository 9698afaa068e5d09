"""Build a terms pack from a bilingual dictionary (FreeDict TEI XML or dictd).

``mtclean lexicon import nld-eng.tei -o my-nl.toml --lang nl``: one rule per
headword; a headword with one English translation is fixed, one with several is
reported with the suggestions. Load the pack with ``--rules my-nl.toml``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..terms.lexicon import read_dictionary, render_pack
from .arguments import check_output
from .fileio import write_atomic

NAME = "lexicon"
HELP = "build a terms pack from a bilingual dictionary (FreeDict TEI or dictd)"
ORDER = 45


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean lexicon``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="convert a dictionary file into a terms pack (TOML)")
    imp.add_argument("dictionary", metavar="FILE", help=".tei/.xml, or dictd .index/.dict[.dz]")
    imp.add_argument("-o", "--output", metavar="FILE", help="write the pack here")
    imp.add_argument(
        "--lang", help="source language code (default: from a name like nld-eng or nl-en)"
    )
    imp.add_argument("--name", help="pack name (default: the output file's name)")


_ISO3 = {
    "nld": "nl", "deu": "de", "fra": "fr", "spa": "es", "ita": "it", "por": "pt", "pol": "pl",
    "ron": "ro", "rum": "ro", "tur": "tr", "cat": "ca", "ell": "el",
}  # fmt: skip


def _lang_of(path: str) -> str:
    first = Path(path).name.split(".")[0].split("-")[0].lower()
    return _ISO3.get(first, first if len(first) == 2 else "")


def run(args: argparse.Namespace) -> int:
    """Read the dictionary and write (or print) the pack."""
    check_output(args.output)
    lang = (args.lang or _lang_of(args.dictionary)).lower()
    if not lang:
        print("mtclean lexicon: give --lang (the dictionary's source language)", file=sys.stderr)
        return 2
    name = args.name or (Path(args.output).stem if args.output else f"lexicon-{lang}")
    text = render_pack(read_dictionary(args.dictionary), lang, name)
    if args.output:
        write_atomic(args.output, text)
        print(f"{text.count('[[rules]]')} rule(s) written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
