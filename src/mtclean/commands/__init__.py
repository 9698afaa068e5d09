"""Subcommands of the ``mtclean`` CLI, one module each.

A command module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``; the CLI finds it by itself (optional ``ORDER`` sorts the help).
"""
