"""Hostile input for the property tests of every output format: text with what each format treats as markup
(braces, backslashes, quotes, <, &, LaTeX's ligatures, CDATA and script endings), line breaks and invisible
characters, as a title and in SITE_URL; and what the build must say when it refuses one."""

from __future__ import annotations

import os
import string
import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from plansite import input_rules
from plansite.problems import Location, PlanError
from plansite.urls import check_site_url

MARKUP = [*"{}\\\"'<>&`$%#_^~-!?@=+;,/*[]():|", "--", "``", "''", "</script>", "<!--", "]]>", "&amp;", "\\{"]
BREAKS = ["\n", "\r\n", "\t", "\u2028", "\x00", "\x1b", "\x85"]
FORMAT = ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u00ad", "\U000e0001"]  # Unicode's Cf
SPACES = [" ", "  ", "\u00a0", "\u3000"]
WORDS = ["元宇宙", "工业", "M5", "https://x/", "javascript:alert(1)"]

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(MARKUP + BREAKS + FORMAT + SPACES + WORDS),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=24,
).map("".join)

# Data titles have something visible (an empty or blank one is the schema's to refuse).
titles = hostile_text.filter(lambda text: text.strip())

_SEGMENT = st.text(string.ascii_letters + string.digits + "-._~", min_size=1, max_size=8).filter(
    lambda s: s not in (".", "..")
)
plain_site_urls = st.builds(
    lambda scheme, host, segments: f"{scheme}://{host}/" + "".join(s + "/" for s in segments),
    st.sampled_from(["http", "https"]),
    st.sampled_from(["example.org", "127.0.0.1:8000", "[::1]", "a-b.example.org", "localhost:80"]),
    st.lists(_SEGMENT, max_size=3),
)
hostile_site_urls = st.builds(
    lambda start, path: start + path + "/",
    st.sampled_from(["https://example.org/", "http://example.org/plan/", "javascript://example.org/", "http://", ""]),
    hostile_text,
)
site_urls = st.one_of(plain_site_urls, hostile_site_urls)

WHERE = Location("data/measures.yaml", 7, 12)


def title_refusal(title: str) -> str:
    """The report the data rules give a title, "" when they accept it. A report names the place, every format
    character (Cf) by its code and name, a control character by its code, and says what would be right."""
    problems = input_rules.text_problems(title, WHERE)
    invisible = [c for c in title if unicodedata.category(c) in ("Cc", "Cf") or c in "\u2028\u2029"]
    if not problems:
        assert not invisible, f"{title!r} holds {invisible} and was accepted"
        return ""
    report = PlanError(problems).report()
    assert all(p.fix for p in problems) and f"{WHERE}:" in report, report
    for char in title:
        if unicodedata.category(char) == "Cf":
            assert input_rules.describe(char) in report, report
    controls = [c for c in title if unicodedata.category(c) == "Cc" or c in "\u2028\u2029"]
    if controls:
        assert any(f"U+{ord(c):04X}" in report for c in controls), report
    return report


def site_url_refusal(site_url: str) -> str:
    """The report that refuses SITE_URL, "" when it is accepted; a report names the value and the right form."""
    try:
        check_site_url(site_url)
    except PlanError as error:
        report = error.report()
        assert f"SITE_URL: {site_url!r}" in report and "http(s)://host" in report, report
        return report
    unsafe = not site_url.startswith(("http://", "https://")) or any(
        c in "\"'`<>?#{}\\" or c.isspace() or not c.isprintable() for c in site_url
    )
    assert not unsafe, f"SITE_URL {site_url!r} was accepted"
    return ""


def one_line(text: str) -> str:
    """A value as the one-line formats (RIS, BibTeX) carry it: runs of white space as one space, as the site's
    own citation text has them."""
    return " ".join(text.split())


def examples(default: int) -> settings:
    """Settings for a property test: `default` examples, or PROPERTY_EXAMPLES for a longer run."""
    return settings(
        max_examples=int(os.environ.get("PROPERTY_EXAMPLES", default)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
