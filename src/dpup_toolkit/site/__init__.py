"""The Sphinx extension for the toolkit's site (listed in _config.yml as dpup_toolkit.site), and
the site build it runs."""
from .pages import setup

__all__ = ["setup"]
