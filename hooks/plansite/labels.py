"""The Chinese edition's labels: every label and template its generated pages use, in one place."""

from __future__ import annotations

from .ids import question_number, sentence_number
from .model import Goal, Issuer, Measure, Node, Plan, Principle, Project, Role, Safeguard, Section, Task, Technology
from .status import Stage
from .typography import chinese_numeral
from .words import FactsWords, QuoteWords, ShareWords, Words

KIND = {
    Section.kind: "问答",
    Goal.kind: "目标",
    Principle.kind: "基本原则",
    Task.kind: "重点任务",
    Measure.kind: "具体措施",
    Project.kind: "工程",
    Safeguard.kind: "保障措施",
    Technology.kind: "技术",
    Issuer.kind: "印发部门",
}

# The short form used inside sentences: 这一措施, 14 项措施.
KIND_SHORT = {**KIND, Task.kind: "任务", Measure.kind: "措施"}

# The title of each kind's list page; `{count}` is how many items the plan has, in Chinese numerals (十四项措施).
INDEX_TITLE = {
    Goal.key: "工作目标",
    Principle.key: "基本原则",
    Task.key: "{count}大任务",
    Measure.key: "{count}项措施",
    Project.key: "{count}项工程",
    Safeguard.key: "保障措施",
    Technology.key: "技术",
    Issuer.key: "印发部门",
}

NAV = {
    "home": "首页",
    "interpretation": "解读",
    "tasks": "任务与措施",
    "projects": "工程",
    "safeguards": "保障措施",
    "goals": "目标",
    "overview": "结构总览",
    "full_text": "解读全文",
    "more": "更多",
}

TERM = {"near": "近期（到2025年）", "long": "远景"}

TRAIL = "位置"
# Every summary is the site's own words: this mark goes before it wherever it is shown, as visible text.
SUMMARY_MARK = "本站概述"
SUMMARY_BADGE = "本站概述，非原文"
# The page description and link-preview text (og:description) of an item: the summary, said to be the site's.
SUMMARY_DESCRIPTION = "本站概述（非原文）：{summary}"
EDITORIAL = "本站解读"
EDITORIAL_RELATION = "本站解读：{notes}"  # how a relation that is the site's reading is marked in a list
ROLE = {Role.LISTS: "只列出名称", Role.EXPLAINS: "论述"}
SUPPORTS = "支撑的任务"
MENTIONS = "涉及的技术"
# The line under the interpretation's title on each of its pages: where the text was published, and when.
SOURCE_LINE = "来源：工信部　2023-09-08"
SENTENCE_ANCHOR = "本句链接（{id}）"
INTERPRETATION_SHORT = "解读"
PREAMBLE = "序言"
FULL_TEXT_TITLE = "{title}全文"
# `{sections}`: how many Q&A sections the interpretation has, in Chinese numerals (七).
FULL_TEXT_DESCRIPTION = "《行动计划》官方解读的序言和{sections}个问答合在一页，便于通读和打印。"
FULL_TEXT_NOTE = "序言和{sections}个问答合在一页，便于通读和打印。每句的固定链接在各问答页；也可从{index}分问阅读。"
FULL_TEXT_INDEX = "解读目录"
FULL_TEXT_OWN_PAGE = "本问单独页面"
PRINT_QR = "本页网址的二维码"  # the title of the QR code a printed page carries
SEARCH_DIALOG = "搜索"

SENTENCE_COPY = "复制本句链接（{id}）"
# Citations (hooks/plansite/citation.py), GB/T 7714—2015. More than three authors: the first three, then 等.
CITATION_MORE_AUTHORS = "等"
# Per the interpretation's first sentence, the Plan was issued by the departments' general offices (办公厅).
ISSUING_OFFICE = "{issuer}办公厅"
# The site, named as the compiler of the pages it made from the Plan: 其他责任者, 整理.
COMPILER = "元宇宙产业创新发展三年行动计划阅读站"
COMPILED = "整理"
INTERPRETATION_AUTHOR = "工业和信息化部"  # the interpretation's source line: 来源：工信部
INTERPRETATION_TITLE = "《{plan}》解读"  # used only if docs/interpretation/index.md has no heading
# After DATA_DOWNLOADS on the home page: the whole Plan's files for reference managers.
DATA_CITATIONS = "全部页面的引用信息 {ris} · {bibtex}（RIS、BibTeX，可导入 Zotero、EndNote 等文献管理软件）。"
# The reference-manager files of a page (hooks/plansite/reference_files.py).
DOWNLOAD_CITATION = "下载引用：{ris} · {bibtex}"

QUOTE_KEYS = "Alt+Q"
# The interpretation as its source names it (来源：工信部); `{ids}` is a sentence id or a range of them.
INTERPRETATION_AUTHOR = "工业和信息化部"
QUOTE_SOURCE = "——{author}《〈{plan}〉解读》，{ids}"

# The hover cards of name links on a Q&A page (hooks/plansite/hover_cards.py).
HOVER_CARD_SEPARATOR = " · "
HOVER_CARD_PARENT = "所属：{parent}"
HOVER_CARD_PLAN = "《{plan}》"  # where an item with no parent task belongs

# The machine-readable data (hooks/plansite/exports.py).
DATA_LINE = "机器可读数据：{json} · {csv}"
# `{measures}`: how many measures the plan has, in Chinese numerals (十四).
DATA_DOWNLOADS = (
    "全部条目、关系和出处 {json}（[数据格式]({schema})），{measures}项措施一览 {csv}（UTF-8 表格，可用 Excel 打开）。"
)


def numbered(kind: str, number: int | None) -> str:
    """How the Plan itself counts an item: 任务一, 措施5, 工程一, 保障措施一, 第三问."""
    if number is None:
        return ""
    return {
        Task.kind: f"任务{chinese_numeral(number)}",
        Measure.kind: f"措施{number}",
        Project.kind: f"工程{chinese_numeral(number)}",
        Safeguard.kind: f"保障措施{chinese_numeral(number)}",
        Principle.kind: f"原则{chinese_numeral(number)}",
        Section.kind: f"问答{chinese_numeral(number)}",
        Goal.kind: "",
    }.get(kind, "")


def index_title(plan: Plan, node_type: type[Node]) -> str:
    """The title of a kind's list page, with the plan's count of its items where the title says it: 五大任务."""
    return INDEX_TITLE[node_type.key].format(count=chinese_numeral(len(plan.of(node_type))))


def section_ordinal(number: int) -> str:
    """3 → 第三问."""
    return f"第{chinese_numeral(number)}问"


def sentence_label(sentence_id: str) -> str:
    """`q6-s2` → 解读 六 · 第2句; `intro-s1` → 解读 序言 · 第1句."""
    question = question_number(sentence_id)
    part = PREAMBLE if question is None else chinese_numeral(question)
    return f"{INTERPRETATION_SHORT} {part} · 第{sentence_number(sentence_id)}句"


# --- Search -------------------------------------------------------------------------------------

# The words readers put before or around a number to mean one item: 措施5, 第5项措施, 任务二, 第四问.
# `{n}` is the item's number; search reads Chinese numerals as digits, so 任务二 is 任务2.
SEARCH_NAMES = {
    Measure.kind: ("措施{n}", "具体措施{n}", "第{n}项措施", "第{n}条措施", "第{n}个措施", "第{n}项具体措施"),
    Task.kind: ("任务{n}", "重点任务{n}", "第{n}项任务", "第{n}个任务", "第{n}大任务", "第{n}项重点任务"),
    Project.kind: ("工程{n}", "重点工程{n}", "第{n}项工程", "第{n}个工程"),
    Safeguard.kind: ("保障措施{n}", "保障{n}", "第{n}项保障措施", "第{n}条保障措施"),
    Principle.kind: ("原则{n}", "基本原则{n}", "第{n}项原则", "第{n}条原则"),
    Goal.kind: ("目标{n}", "第{n}个目标"),
    Section.kind: ("问{n}", "问题{n}", "问答{n}", "第{n}问", "第{n}个问题", "第{n}个问答"),
}
# Words that only make a query a question (目标有哪些, 为什么出台): search ignores them at either end of a
# phrase when it weighs how much of the query a page has, and still ranks a page that has the whole phrase first.
SEARCH_FILLERS = (
    "是什么", "有哪些", "有什么", "是哪些", "包括哪些", "哪些", "什么", "为什么", "为何", "如何", "怎么样", "怎样",
    "怎么", "请问", "吗", "呢", "的",
)  # fmt: skip
# Short names readers type → the words the site's text uses for them. `{issuers}`: how many departments
# issued the Plan, in Chinese numerals (五部门).
SEARCH_SYNONYMS = {
    "工信部": "工业和信息化部",
    "文旅部": "文化和旅游部",
    "广电总局": "国家广播电视总局",
    "国资委": "国务院国资委",
    "{issuers}部门": "印发部门",
}


def search_synonyms(plan: Plan) -> dict[str, str]:
    """`SEARCH_SYNONYMS` with the plan's count of issuers filled in."""
    issuers = chinese_numeral(len(plan.of(Issuer)))
    return {short.format(issuers=issuers): full for short, full in SEARCH_SYNONYMS.items()}


# Link-preview images (hooks/plansite/link_images.py): the line under the site name on each image.
LINK_IMAGE_SEPARATOR = "·"  # the CJK font draws it full-width: no spaces around it
LINK_IMAGE_PARENT = "属于 {parent}"
LINK_IMAGE_CONTAINS = "包含 {children}"
LINK_IMAGE_SUPPORTS = "共同支撑 {tasks}"
LINK_IMAGE_LIST = "、"
LINK_IMAGE_HOME_CONTEXT = "{lead}等{count}部门印发·官方解读逐句可链接"
LINK_IMAGE_HOME_SUMMARY = (
    "{tasks}项重点任务、{measures}项具体措施、{projects}项工程、{safeguards}项保障措施，每一条都注明出处。"
)
LINK_IMAGE_ALT = "{site}：{heading}（{context}）"
LINK_IMAGE_NO_FONT = (
    "没有找到 Noto Sans CJK SC 字体，本次构建不生成链接预览图（og:image）；"
    "安装 Debian 软件包 fonts-noto-cjk（sudo apt-get install fonts-noto-cjk）后重新构建即可。"
)

# What `mkdocs serve` shows while the data has problems (hooks/plansite/problem_page.py).
PROBLEMS_TITLE = "数据有问题，网站暂未生成"
PROBLEMS_NOTE = "改好下面列出的问题并保存文件后，这一页会自动换成网站。"

# The English edition (hooks/plansite/english/): the link on every page to the same place in English.
ENGLISH_EDITION = "English"

LIST_SEPARATOR = "、"

# The facts box (plansite/facts_box.py) on the home page, the full text and the PDF's cover.
FACTS = FactsWords(
    heading="文件信息",
    title="标题",
    issuers="印发",
    issuer="{issuer}办公厅",
    separator="、",
    announced="公布日期",
    interpretation="官方解读",
    interpretation_value="{publisher}，{date}",
    period="规划期",
    period_value="{start}—{end}年（截至{as_of}，{stage}）",
    stages={Stage.BEFORE: "规划期尚未开始", Stage.DURING: "实施中", Stage.ENDED: "规划期已结束"},
    build="本站版本",
    build_value="{built} 构建，提交 {commit}",
    unknown_commit="未知",
    note="规划期取自文件标题；“截至”后的状态由本站按构建日期推算，不是原文，也不说明文件是否仍然有效。",
)

# The PDF edition (plansite/pdf/): its file, the download line and what the document itself says.
PDF_DOWNLOAD = (
    '<a href="{link}">下载 PDF 版</a>（{size}，{date} 生成）：解读全文逐句带编号，附结构与各节二维码，便于打印和转发。'
)
PDF_ONLINE = '<a href="{link}">PDF 版</a>（在线下载）：解读全文逐句带编号，便于打印和转发。'
PDF_MISSING = "PDF 版尚未生成：运行 `./dev build` 后这里会出现下载链接。"
# The PDF's own words (plansite/pdf/languages.py makes them a PdfWords).
PDF = {
    "subtitle": "解读全文（逐句编号）与结构整理 · PDF 版",
    "issued": "{offices}联合印发",
    "lines": ("公布日期：{announced}", "官方解读：{publisher}，{source}"),
    "statement": (
        "本 PDF 由“" + COMPILER + "”根据公开文本整理生成，不是上述部门发布的文件；原文以官方发布为准。"
        "解读各句按原文照录，句后小字是本站给每句的固定编号；标有“本站概述”的文字是本站的整理，不是原文。"
    ),
    "site_label": "在线阅读：",
    "subject": "《元宇宙产业创新发展三年行动计划（2023—2025年）》官方解读全文与结构，本站整理，非官方发布",
    "keywords": ("元宇宙", "行动计划", "解读", "工业和信息化部"),
    "contents": "目录",
    "interpretation": "解读全文",
    "interpretation_note": "工业和信息化部发布的官方解读，逐句照录；句后小字为本站的句子编号，链接到该句的在线地址。",
    "preamble": PREAMBLE,
    "structure": "结构",
    "structure_note": "《行动计划》的目标、任务与措施、工程和保障措施；标有“本站概述”的文字是本站的整理，不是原文。",
    "summary_mark": SUMMARY_MARK,
    "address_label": "本节地址：",
    "qr_alt": "二维码，链接到 {url}",
    "title_suffix": "{title}：解读与结构（本站整理）",
}


# Every word above that the renderers and the build's hooks ask of an edition (plansite/words.py).
WORDS = Words(
    html_lang="zh-CN",
    kind=KIND,
    kind_in_sentence=KIND_SHORT,
    nav=NAV,
    trail=TRAIL,
    previous="上一项",
    next="下一项",
    summary="概述",
    summary_badge=SUMMARY_BADGE,
    summary_mark=SUMMARY_MARK,
    summary_basis="概述依据：",
    from_interpretation="《解读》原文",
    editorial=EDITORIAL,
    only_listed="《解读》没有专门论述这一{kind}，只在{sections}列出了它的名称。",
    never_named="《解读》没有提到这一{kind}；这里的名称和归属来自《行动计划》的公开报道。",
    related="相关条目",
    topics="本问涉及",
    related_of="{name}的相关条目",
    parent="所属任务",
    children="包含的措施",
    supported_by="支撑本任务的工程",
    supports=SUPPORTS,
    jointly="《解读》说这{count}项工程共同为{targets}的实践落地提供支撑，没有把某一项工程对应到某一项任务。",
    mentions=MENTIONS,
    mentioned_by="提到它的条目",
    discussed_in="论及本条的问答",
    role=ROLE,
    sources="出处",
    facts_source="《行动计划》公开报道",
    report="报道：",
    heading_source="{section}的问句",
    # The interpretation calls the near-term list 具体衡量标准 (q2-s3) and the long-term one 发展目标 (q2-s4).
    indicators={"near": "衡量标准", "long": "发展目标"},
    reported_wording="公开报道中的原文字句",
    reported_wording_note="据公开报道，《行动计划》原文这一部分还有下列字句，《解读》没有转述。它们是原文句子的片段，不是单列的指标。",
    cite="引用本页",
    access_date="引用日期",
    cite_downloads="<!-- plan:cite-downloads {key} -->",  # filled in by hooks/site_citing.py
    short_link="正在前往",
    share=ShareWords(
        # Copying a link or a citation (hooks/plansite/share.py, docs/assets/javascripts/share.js).
        share="{name}：链接与引用",
        copy_link="复制链接",
        copy_citation="引用",
        copy_citation_name="复制引用",
        copy_markdown="复制为 Markdown",
        copied_link="已复制链接",
        copied_citation="已复制引用",
        copied_markdown="已复制 Markdown 链接",
        copied_quote="已复制引文、出处和链接",
        copy_failed="浏览器不允许自动复制，请手动复制：",
    ),
    # Quoting a selected passage of the interpretation (hooks/plansite/quoting.py, share.js): the control, what
    # it says to a keyboard or screen-reader user when a passage is selected, and the source line under the quote.
    quote=QuoteWords(
        selection="引用所选文字",
        selection_title="复制所选文字及其出处和链接（Alt+Q）",
        hint="已选中《解读》原文。按 Alt+Q 复制为引用，附出处和链接。",
        range="{first}至{last}",
        keys=QUOTE_KEYS,
    ),
    # Punctuation the generated pages put between the site's words (hooks/plansite/edition.py says what each is for).
    colon="：",
    list_separator=LIST_SEPARATOR,
    basis_separator=LIST_SEPARATOR,
    reason_separator="；",
    badge_gap="",  # the badge's box sets it apart; Chinese puts no space between words
    aside="（{}）",
    moves_separator="　·　",
    quoted="“{}”",
    attribution="— ",
    indicator="{}",
    indicator_gap="　",
    indicator_report="，{report}",  # a reported indicator's source: 《行动计划》公开报道，新华网
    sources_in_search=True,  # the quotations are the Chinese page's own words
    # How many items of each kind the plan has, in digits.
    overview_description="目标、{tasks}项任务、{measures}项措施、{projects}项工程、{safeguards}项保障措施的整体结构",
    overview_intro="《行动计划》的目标、任务与措施、工程和保障措施一览，每一项都可点开查看。",
    overview_tasks="{tasks}与{measures}",
    overview_supports="（共同支撑{tasks}）",
    overview_supported_by="{count}项工程共同支撑",
    overview_run="{first}至{last}",
    search_dialog=SEARCH_DIALOG,
    search_nothing=(
        "本站没有含这些字词的页面。试试别的说法或更短的词（如“算力”“人才”），或输入编号（如 M5、T2、措施5）。"
    ),
    print_canonical="本页网址：",
    print_qr=PRINT_QR,
    og_locale="zh_CN",
    download=(
        "[下载离线版]({link})（ZIP，{size}，{date} 生成）："
        "解压到任意文件夹，双击其中的 index.html 即可阅读和搜索，无需联网。"
    ),
    download_missing="离线版尚未生成：运行 `./dev bundle` 后重新构建，这里会出现下载链接。",
    offline_copy="你正在阅读离线版（{date} 生成）。它不需要联网，搜索同样可用。",
    offline_copy_undated="你正在阅读离线版。它不需要联网，搜索同样可用。",
)
