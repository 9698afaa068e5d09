"""The ``mtclean`` command line (``mtclean.cli.main``)."""
