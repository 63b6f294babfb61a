"""The site's own words: every label and template the generated pages use, in one place."""

from __future__ import annotations

from .text import chinese_numeral

KIND = {
    "section": "问答",
    "goal": "目标",
    "principle": "基本原则",
    "task": "重点任务",
    "measure": "具体措施",
    "project": "工程",
    "safeguard": "保障措施",
    "technology": "技术",
    "issuer": "印发部门",
}

# The short form used inside sentences: 这一措施, 14 项措施.
KIND_SHORT = {**KIND, "task": "任务", "measure": "措施"}

INDEX_TITLE = {
    "goals": "工作目标",
    "principles": "基本原则",
    "tasks": "五大任务",
    "measures": "十四项措施",
    "projects": "四项工程",
    "safeguards": "保障措施",
    "technologies": "技术",
    "issuers": "印发部门",
}

NAV = {
    "home": "首页",
    "interpretation": "解读",
    "tasks": "任务与措施",
    "projects": "工程",
    "safeguards": "保障措施",
    "goals": "目标",
    "overview": "结构总览",
    "more": "更多",
}

TERM = {"near": "近期（到2025年）", "long": "远景"}

TRAIL = "位置"
SUMMARY = "概述"
SUMMARY_BADGE = "本站概述，非原文"
FROM_INTERPRETATION = "《解读》原文"
EDITORIAL = "本站解读"
ONLY_LISTED = "《解读》没有专门论述这一{kind}，只在{sections}列出了它的名称。"
NEVER_NAMED = "《解读》没有提到这一{kind}；这里的名称和归属来自《行动计划》的公开报道。"
RELATED = "相关条目"
DISCUSSED_IN = "论及本条的问答"
ROLE = {"lists": "列出名称", "explains": "论述"}
SOURCES = "出处"
CITE = "引用本页"
CANONICAL = "固定链接"
PREVIOUS = "上一项"
NEXT = "下一项"
PARENT = "所属任务"
CHILDREN = "包含的措施"
SUPPORTED_BY = "支撑本任务的工程"
SUPPORTS = "支撑的任务"
JOINTLY = "《解读》说这{count}项工程共同为{targets}的实践落地提供支撑，没有把某一项工程对应到某一项任务。"
MENTIONS = "涉及的技术"
MENTIONED_BY = "提到它的条目"
INDICATORS = "衡量标准"
TOPICS = "本问涉及"
SENTENCE_ANCHOR = "本句链接（{id}）"
FACTS_SOURCE = "《行动计划》公开报道"
REPORT = "报道："
INTERPRETATION_SHORT = "解读"
PLAN_NODE = "《{plan}》{label}"
SHORT_LINK = "正在前往"
DOWNLOAD = (
    "[下载离线版]({link})（ZIP，{size}，{date} 生成）："
    "解压到任意文件夹，双击其中的 index.html 即可阅读和搜索，无需联网。"
)
DOWNLOAD_MISSING = "离线版尚未生成：运行 `./dev bundle` 后重新构建，这里会出现下载链接。"
OFFLINE_COPY = "你正在阅读离线版（{date} 生成）。它不需要联网，搜索同样可用。"
OFFLINE_COPY_UNDATED = "你正在阅读离线版。它不需要联网，搜索同样可用。"


def numbered(kind: str, number: int | None) -> str:
    """How the Plan itself counts an item: 任务一, 措施5, 工程一, 保障措施一, 第三问."""
    if number is None:
        return ""
    return {
        "task": f"任务{chinese_numeral(number)}",
        "measure": f"措施{number}",
        "project": f"工程{chinese_numeral(number)}",
        "safeguard": f"保障措施{chinese_numeral(number)}",
        "principle": f"原则{chinese_numeral(number)}",
        "section": f"问答{chinese_numeral(number)}",
        "goal": "",
    }.get(kind, "")


def section_ordinal(number: int) -> str:
    """3 → 第三问."""
    return f"第{chinese_numeral(number)}问"


def sentence_label(sentence_id: str) -> str:
    """`q6-s2` → 解读 六 · 第2句; `intro-s1` → 解读 序言 · 第1句."""
    section, number = sentence_id.split("-s")
    part = "序言" if section == "intro" else chinese_numeral(int(section[1:]))
    return f"{INTERPRETATION_SHORT} {part} · 第{number}句"
