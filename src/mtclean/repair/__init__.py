"""mtclean.repair."""
