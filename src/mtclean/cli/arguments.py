"""Command-line options shared by the commands that run the default pipeline."""

from __future__ import annotations

import argparse
import codecs
from typing import Any, NoReturn

from ..choices import NAME_STYLES, QUOTE_STYLES, REPEATED_PARAGRAPHS
from ..errors import MtcleanError
from ..options import SOURCE_LANGS
from ..repair.unicode import SURROGATES
from .fileio import output_problem

__all__ = [
    "UsageError",
    "add_corpus_arguments",
    "add_input_arguments",
    "add_pipeline_arguments",
    "check_output",
    "fail",
    "pipeline_options",
]


class UsageError(MtcleanError):
    """Arguments that do not fit together."""


def fail(msg: str) -> NoReturn:
    raise UsageError(msg)


def _encoding(value: str) -> str:
    """``--encoding``: a codec Python knows (else a usage error, before any input is read)."""
    try:
        codecs.lookup(value)
    except LookupError:
        msg = f"unknown encoding {value!r} (for example utf-8, cp1252, latin-1)"
        raise argparse.ArgumentTypeError(msg) from None
    return value


def check_output(path: str | None, flag: str = "-o") -> None:
    """Stop before any work if ``path`` (given with ``flag``) cannot be written as a file."""
    if path is None:
        return
    problem = output_problem(path)
    if problem is not None:
        fail(f"{flag} {path}: {problem}")


def add_pipeline_arguments(parser: argparse.ArgumentParser, *, output: bool = True) -> None:
    """Options shared by every command that runs the default pipeline (with ``output``
    false, not those that only shape the cleaned text: ``lint`` prints findings)."""
    parser.add_argument(
        "--from",
        dest="source_lang",
        metavar="LANG",
        help="source language of the translation: any ISO 639-1 code (terms packs for "
        f"{', '.join(SOURCE_LANGS)}) or auto; default: decide from the text",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="PATH",
        help="add a rule pack (a .toml path or a bundled pack name); repeatable",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="switch off a stage, step, pack or rule (e.g. names, terms-nl/navo); repeatable",
    )
    parser.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="PACK",
        help="switch on a bundled pack that is off by default (e.g. a style pack); repeatable",
    )
    if output:
        _add_output_options(parser)
    parser.add_argument(
        "--encoding", default="utf-8", type=_encoding, help="input encoding (default: utf-8)"
    )
    parser.add_argument(
        "--errors",
        default="strict",
        choices=ERRORS,
        help="what to do with undecodable input bytes (default: strict: the document "
        "fails and is passed through unchanged)",
    )


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quotes",
        choices=QUOTE_STYLES,
        help="make quotes consistent: straight, curly, or the text's dominant style "
        "(default: leave quotes as they are)",
    )
    parser.add_argument(
        "--name-style",
        choices=NAME_STYLES,
        default="default",
        help="spelling of a person named several ways in one document: the document's one "
        "accepted spelling (default), the gazetteer's canonical one, or the most frequent",
    )
    parser.add_argument(
        "--repeated-paragraphs",
        choices=REPEATED_PARAGRAPHS,
        default="report",
        help="a paragraph repeated verbatim: report it (default) or remove the repeat",
    )


def pipeline_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword options for :func:`mtclean.clean` from parsed arguments."""
    options: dict[str, Any] = {}
    if args.source_lang:
        options["source_lang"] = args.source_lang
    if args.rules:
        options["rules"] = tuple(args.rules)
    disable = list(args.disable or ())
    kept = SURROGATES in disable or SURROGATES in (args.enable or ())
    if getattr(args, "errors", None) == "surrogateescape" and not kept:
        # the lone surrogates of this input are its undecodable bytes, written back as
        # they were: repair/surrogates would replace them with U+FFFD
        disable.append(SURROGATES)
    if disable:
        options["disable"] = tuple(disable)
    if args.enable:
        options["enable"] = tuple(args.enable)
    if getattr(args, "quotes", None):
        options["quotes"] = args.quotes
    if getattr(args, "name_style", "default") != "default":
        options["name_style"] = args.name_style
    if getattr(args, "repeated_paragraphs", "report") != "report":
        options["repeated_paragraphs"] = args.repeated_paragraphs
    return options


ERRORS = ("strict", "replace", "surrogateescape")


def add_corpus_arguments(parser: argparse.ArgumentParser, *, errors: str = "strict") -> None:
    """The corpus a learning command reads: files (.txt, .gz) or folders, and how to decode."""
    parser.add_argument(
        "corpus", nargs="+", metavar="CORPUS", help="text files (.txt or .gz) or folders of them"
    )
    parser.add_argument(
        "--encoding", default="utf-8", type=_encoding, help="input encoding (default: utf-8)"
    )
    parser.add_argument(
        "--errors",
        default=errors,
        choices=ERRORS,
        help=f"undecodable bytes: strict (the file is reported and left out), replace "
        f"(U+FFFD) or surrogateescape (default: {errors})",
    )


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """Input selection shared by ``clean`` and ``lint``: files, directories, globs."""
    parser.add_argument(
        "files",
        nargs="*",
        metavar="PATH",
        help="input files or directories (walked recursively); - or none: stdin",
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, take only files matching GLOB (e.g. '*.txt'); repeatable",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, skip files matching GLOB; repeatable",
    )
