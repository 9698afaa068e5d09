"""mtclean.rulepacks."""
