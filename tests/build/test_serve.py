"""`mkdocs serve` regenerates the pages when an editor changes a file in data/."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
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
