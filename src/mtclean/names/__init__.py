"""mtclean.names."""
