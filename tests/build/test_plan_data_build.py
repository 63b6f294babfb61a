"""A strict build of bad data stops cleanly: no traceback, nothing written, and the problem named with its file
and line, as the loader names it (tests/unit/test_plan_data.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.project import edit, mkdocs_build


def test_a_build_with_bad_data_fails_cleanly_and_writes_nothing(project_copy: Path, tmp_path: Path) -> None:
    line = edit(project_copy, "data/safeguards.yaml", "        quote: 深化国际合作\n", "        quote: 深化国际交流\n")
    site = tmp_path / "site"
    result = mkdocs_build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/safeguards.yaml:{line - 1}:" in output and "深化国际交流" in output
    assert "Traceback" not in output
    assert not site.exists()


@pytest.mark.parametrize(
    ("file", "old", "new", "words"),
    [
        ("data/tasks.yaml", "    number: 2\n", "    number: [2\n", "YAML 语法错误"),
        ("data/projects.yaml", "    number: 2\n", "\tnumber: 2\n", "制表符"),
        ("data/goals.yaml", "    term: near\n", "    term: near\n    term: long\n", "出现了两次"),
        ("data/edges.yaml", "to: [M10, M11, M12]", "to: [M10, M11, M12, X1]", "X1"),
    ],
)
def test_a_build_with_bad_data_names_the_problem_without_a_traceback(
    project_copy: Path, tmp_path: Path, file: str, old: str, new: str, words: str
) -> None:
    line = edit(project_copy, file, old, new)
    result = mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert words in output and f"{file}:" in output
    assert any(f"{file}:{n}:" in output for n in (line, line + 1)), output


def test_a_file_that_is_not_utf8_is_named_by_the_build(project_copy: Path, tmp_path: Path) -> None:
    (project_copy / "data" / "notes.yaml").write_bytes("# 备注\n".encode("gb18030"))
    result = mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "data/notes.yaml:1: 文件不是 UTF-8 编码" in output
