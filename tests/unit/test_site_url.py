"""The public address (SITE_URL) is operator input written into every page, export and reference file: only a
plain http(s) address of a host and a path is accepted, and anything else is refused with what is wrong and
what would be right."""

from __future__ import annotations

import pytest

from plansite.problems import PlanError
from plansite.urls import SITE_URL_FORM, check_site_url, site_url_problems

ACCEPTED = [
    "https://example.org/",
    "http://127.0.0.1:8000/",  # what `mkdocs serve` sets
    "https://example.org/plan/",
    "https://user.github.io/metaverse-action-plan/",
    "https://[::1]:8000/x/",
    "https://example.org/a%20b/~c_d.e-f/",
    "https://xn--fsqu00a.example/",
]

# Each address with the words its message must contain.
REFUSED = [
    ('https://example.org/"><script>alert(document.domain)</script>/', ["quotes", "angle brackets"]),
    ("javascript://example.org/%0aalert(1)%0a//x/", ["scheme 'javascript'"]),
    ("https://example.org/?page=1", ["query"]),
    ("https://example.org/#top", ["fragment"]),
    ("https://example.org/a}b%{/", ["{ }", "% that is not followed"]),
    ("https://example.org/a b/", ["spaces", "U+0020"]),
    ("https://example.org/a\u202eb/", ["U+202E"]),
    ("https://example.org/it's/", ["quotes"]),
    ("example.org/plan/", ["http(s)://"]),
    ("ftp://example.org/", ["scheme 'ftp'"]),
    ("https://user:pw@example.org/", ["user@host"]),
    ("https:///plan/", ["no host"]),
    ("https://exa_mple.org/", ["host name"]),
    ("https://例子.org/", ["host name", "punycode"]),
    ("https://example.org:0/", ["port"]),
    ("https://example.org:http/", ["port"]),
    ("https://[::zz]/", ["IPv6"]),
    ("https://example.org/a/../", [". or .."]),
    ("https://example.org/a&lt;b/", ["&"]),
    ("https://example.org/a\\b/", ["\\"]),
    ("", ["empty"]),
]


@pytest.mark.parametrize("site_url", ACCEPTED)
def test_a_plain_http_address_is_accepted(site_url: str) -> None:
    assert site_url_problems(site_url) == []
    check_site_url(site_url)


@pytest.mark.parametrize(("site_url", "words"), REFUSED)
def test_an_address_that_is_not_plain_is_refused_naming_what_is_wrong_and_what_is_right(
    site_url: str, words: list[str]
) -> None:
    with pytest.raises(PlanError) as raised:
        check_site_url(site_url)
    report = raised.value.report()
    assert f"SITE_URL: {site_url!r}" in report, report
    for word in words:
        assert word in report, f"{word!r} not in {report}"
    assert SITE_URL_FORM in report and "https://example.org/plan/" in report


def test_every_problem_of_one_address_is_named_at_once() -> None:
    wrong = site_url_problems("javascript://user@example.org/<x>?q#f")
    assert len(wrong) == 5, wrong
