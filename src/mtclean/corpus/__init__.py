"""mtclean.corpus."""
