"""The ``mtclean`` command line: ``main(argv) -> int``, one module per subcommand.

Expected errors print ``mtclean: error: ...`` on stderr with no traceback:
exit 2 for usage and configuration errors, 1 for processing errors.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..errors import MtcleanError
from . import check_rules, clean, learn_boilerplate, lexicon, lint, packs, rules, suggest_names
from . import eval as eval_command
from .fileio import flush

__all__ = ["main"]


#: The subcommand modules: each has NAME, HELP, add_arguments(parser) and run(args).
COMMANDS: tuple[ModuleType, ...] = (
    clean,
    lint,
    eval_command,
    check_rules,
    packs,
    rules,
    learn_boilerplate,
    suggest_names,
    lexicon,
)


def _commands() -> list[ModuleType]:
    return sorted(COMMANDS, key=lambda m: (getattr(m, "ORDER", 50), m.NAME))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="mtclean",
        description="Clean machine-translated, web-scraped text.",
    )
    parser.add_argument("--version", action="version", version=f"mtclean {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _commands():
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args.run(args)
        flush(sys.stdout, "standard output")
    except MtcleanError as exc:
        print(f"mtclean: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except (TypeError, ValueError) as exc:
        print(f"mtclean: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mtclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"mtclean: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        _drop_stdout()
    return code


def _drop_stdout() -> None:
    """After standard output failed (closed pipe, full disk), point it at /dev/null so
    that the interpreter's last flush does not print a second error."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
