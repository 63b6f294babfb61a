"""The committed inventory of published URLs (tests/data/published-urls.tsv) covers every kind of page and the
sentence anchors; tests/build/test_url_contract.py holds each build to it."""

from __future__ import annotations

from support.url_inventory import read_inventory


def test_inventory_covers_every_node_and_every_sentence() -> None:
    published = read_inventory()
    for url in ("measures/m14/", "tasks/t5/", "projects/p4/", "safeguards/s3/", "goals/", "overview/", "m5/"):
        assert url in published, url
    sentences = [u for u in published if "#q" in u or "#intro-" in u]
    assert len(sentences) >= 30
