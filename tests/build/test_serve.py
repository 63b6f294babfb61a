"""`mkdocs serve` regenerates the pages when an editor changes a file in data/, and while the data has
problems answers every address with them."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from support.project import BUILD_ENV


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:  # an error page is an answer too
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _wait_for(url: str, words: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if words in _fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_editing_a_yaml_file_under_serve_regenerates_the_node_page(project_copy: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/measures/m5/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(url, "列为工业元宇宙的三个发力方向之一", 90), "the served measure page never appeared"
        measures = project_copy / "data" / "measures.yaml"
        text = measures.read_text(encoding="utf-8")
        old = "《解读》第五问把“重点行业工业元宇宙布局”列为工业元宇宙的三个发力方向之一，没有展开。"
        edited = text.replace(old, "编辑后的概述：重点行业先行。")
        assert edited != text
        measures.write_text(edited, encoding="utf-8")
        assert _wait_for(url, "编辑后的概述：重点行业先行。", 90), "the page was not rebuilt after data/ changed"
        assert not (project_copy / "docs" / "measures").exists(), "generated pages must not be written into docs/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_while_the_data_is_broken_serve_answers_every_address_with_the_problems(project_copy: Path) -> None:
    measures = project_copy / "data" / "measures.yaml"
    good = measures.read_text(encoding="utf-8")
    measures.write_text(good.replace("    number: 5\n", "    number: 5.0\n"), encoding="utf-8")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait_for(f"{base}/", "应当是整数", 90), "broken data at start: the home page shows no problems"
        for path in ("/measures/m5/", "/interpretation/q3/", "/no/such/page/", "/data/plan.json"):
            page = _fetch(base + path)
            assert "data/measures.yaml:" in page and "5.0" in page, path
            assert "Traceback" not in page
        measures.write_text(good, encoding="utf-8")
        assert _wait_for(f"{base}/measures/m5/", "三个发力方向之一", 90), "the site never came back"
        measures.write_text(good.replace("  - id: M5\n", "  - id: M5\n    titel: x\n"), encoding="utf-8")
        assert _wait_for(f"{base}/measures/m5/", "未知字段 `titel`", 90), "a later break is not shown"
        assert server.poll() is None, "the server keeps running"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_answers_both_editions_and_rebuilds_either_after_an_edit(project_copy: Path) -> None:
    """One `mkdocs serve` of mkdocs.yml serves the English edition at /en/ and rebuilds it when data/en/
    changes; a change of the Chinese shows at once in Chinese, and /en/ says which rendering is out of date."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project_copy,
        env=BUILD_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    english = project_copy / "data" / "en" / "nodes.yaml"
    old = "as one of the three directions of effort for the industrial metaverse, without going into it further."
    try:
        assert _wait_for(f"{base}/en/measures/m5/", old, 90), "the English measure page was not served"
        assert "Unofficial translation." in _fetch(f"{base}/en/")
        english.write_text(english.read_text(encoding="utf-8").replace(old, "an edited summary."), encoding="utf-8")
        assert _wait_for(f"{base}/en/measures/m5/", "an edited summary.", 90), "data/en/ edited: no rebuild"
        measures = project_copy / "data" / "measures.yaml"
        chinese = "列为工业元宇宙的三个发力方向之一，没有展开。"
        measures.write_text(measures.read_text(encoding="utf-8").replace(chinese, "编辑后的概述。"), encoding="utf-8")
        assert _wait_for(f"{base}/measures/m5/", "编辑后的概述。", 90), "data/ edited: the Chinese was not rebuilt"
        assert _wait_for(f"{base}/en/measures/m5/", "data/en/nodes.yaml:", 90), "/en/ does not say what is stale"
        assert "编辑后的概述。" in _fetch(f"{base}/en/measures/m5/")  # the rendering to update, and the new text
        assert server.poll() is None, "the server keeps running"
    finally:
        server.terminate()
        server.wait(timeout=20)
