"""HTML input: decode, drop debris by CSS rule, extract the article as blocks with trafilatura."""

from cleaner.html.extract import Extracted, extract
from cleaner.html.parse import looks_like_html
from cleaner.html.prune import apply_html_rules
from cleaner.html.render import body_blocks
from cleaner.html.rules import (
    default_rule_paths,
    example_matches,
    load_html_rules,
    rules_for_url,
)

__all__ = [
    "Extracted",
    "apply_html_rules",
    "body_blocks",
    "default_rule_paths",
    "example_matches",
    "extract",
    "load_html_rules",
    "looks_like_html",
    "rules_for_url",
]
