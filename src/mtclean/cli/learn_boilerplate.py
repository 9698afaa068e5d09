"""Learn a site's boilerplate from a corpus of its pages and write a rule pack to review.

Lines and segments ("Read next: ...", "... | Comments Off") that recur across many
documents become rules (--min-docs, --min-share, --min-length). Counting streams
the corpus with bounded memory (--max-keys hashed counts). Review the pack, delete
any rule that matches real article text, then use it: mtclean clean --rules site.toml.

Input: each CORPUS is a text file (.txt or .gz) or a folder of them. With --split
file, each file is one document; with --split blank, documents are separated by
empty lines and each line is a paragraph (the shape of mtclean's bench corpus).
The default (auto) is file for a folder or several files, blank for one file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..boilerplate.learn import Learner, Thresholds, learned_pack_toml, split_documents
from ..errors import InputError
from .arguments import add_corpus_arguments, check_output
from .fileio import write_atomic
from .inputs import Corpus
from .progress import plural

NAME = "learn-boilerplate"
HELP = "learn a site's recurring clutter lines from a corpus; write a rule pack"
ORDER = 40


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``mtclean learn-boilerplate``."""
    add_corpus_arguments(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the pack here (default: stdout)"
    )
    parser.add_argument("--name", help="pack name (default: the output file's stem, or 'site')")
    parser.add_argument(
        "--split",
        choices=("auto", "file", "blank"),
        default="auto",
        help="one document per file, or documents separated by empty lines (default: auto)",
    )
    parser.add_argument("--min-docs", type=int, default=5, help="minimum documents (default 5)")
    parser.add_argument(
        "--min-share",
        type=float,
        default=0.05,
        help="minimum share of all documents, 0-1 (default 0.05)",
    )
    parser.add_argument(
        "--min-length", type=int, default=10, help="minimum characters of a line (default 10)"
    )
    parser.add_argument(
        "--max-keys",
        type=int,
        default=1_000_000,
        help="most distinct lines counted at once; bounds memory (default 1000000)",
    )


def run(args: argparse.Namespace) -> int:
    """Count the corpus and write the learned pack."""
    if not 0 < args.min_share <= 1 or args.min_docs < 1 or args.max_keys < 10:
        msg = "need 0 < --min-share <= 1, --min-docs >= 1 and --max-keys >= 10"
        print(f"mtclean: error: {msg}", file=sys.stderr)
        return 2
    check_output(args.output)
    corpus = Corpus.from_args(args)
    files = corpus.files()
    if not files:
        msg = "no text files found in the corpus"
        raise InputError(msg)
    split = args.split
    if split == "auto":
        split = "blank" if len(args.corpus) == 1 and Path(args.corpus[0]).is_file() else "file"
    thresholds = Thresholds(args.min_docs, args.min_share, args.min_length)
    learner = Learner(thresholds, max_keys=args.max_keys)
    if split == "file":
        for text in corpus.texts(files):
            learner.add(text)
    else:
        for source in files:
            for doc in split_documents(corpus.lines(source)):
                learner.add(doc)
    name = args.name or (Path(args.output).stem if args.output else "site")
    toml = learned_pack_toml(learner, name, [str(c) for c in args.corpus])
    rules = toml.count("[[rules]]")
    if args.output:
        write_atomic(args.output, toml)
    else:
        sys.stdout.write(toml)
    print(
        f"mtclean: learned {plural(rules, 'rule')} from {plural(learner.documents, 'document')}; "
        "review them before use",
        file=sys.stderr,
    )
    return 1 if corpus.failures else 0
