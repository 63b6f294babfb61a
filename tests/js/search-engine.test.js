// The search engine (docs/assets/javascripts/search-worker.js) in Node, with the tables the build writes
// into it: synonyms, folding as the build folds, and the order of results for the short names readers type.
"use strict";

const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { describe, test } = require("node:test");
const { ROOT, buildSide, script, separator } = require("./support.js");

const { Engine, folder, extents, distinctWithin } = script("javascripts/search-worker.js");

/* Texts whose folding must agree with the build's: every rule, and every line of the interpretation */
const SAMPLES = [
  "產業標準體系",
  "二〇二五年",
  "十四项措施",
  "第十二项措施",
  "ＡＩ与５Ｇ",
  "虛擬現實",
  "两个层面",
  "一百零五",
  "云边一体、算网一体",
  "國際合作",
  " 算力 基础设施 ",
  "3—5家",
  "3 至 5 家",
  "3～5",
  "AI  and  VR",
  "5G 物联网",
  "ＭＳ５",
  "一千零二十",
  "十",
  "二十",
  "Ⅻ",
  "ﬁ",
  "e\u0301",
  "Cafe\u0301 ",
  "\u0301",
  "a\u0308\u0301b",
  "第 四 问",
  "M5",
  "措施 5",
];
const INTERPRETATION = fs
  .readdirSync(path.join(ROOT, "docs", "interpretation"))
  .filter((name) => name.endsWith(".md"))
  .flatMap((name) => fs.readFileSync(path.join(ROOT, "docs", "interpretation", name), "utf-8").split("\n"));

const { tables, folded } = buildSide([...SAMPLES, ...INTERPRETATION]);

/* A small index in the theme's form: the issuers' page, and a Q&A page that says 五部门 and 工信部 */
const DOCS = [
  { location: "", title: "元宇宙产业创新发展三年行动计划", text: "<p>5项重点任务、14项具体措施</p>" },
  {
    location: "issuers/",
    title: "印发部门",
    text: "<p>工业和信息化部办公厅、教育部办公厅、文化和旅游部办公厅、国务院国资委办公厅、国家广播电视总局办公厅</p>",
  },
  {
    location: "interpretation/q1/",
    title: "一、《行动计划》出台的背景是什么？",
    text: "<p>近日，工信部等五部门联合印发《行动计划》。五部门将加强协同，推动元宇宙产业发展。</p>",
  },
  { location: "measures/m5/", title: "M5 加快重点行业工业元宇宙布局", text: "<p>推动工业元宇宙发展</p>" },
];

function engine(docs = DOCS, own = tables) {
  return new Engine(docs, own, separator());
}

function first(query, docs = DOCS) {
  return engine(docs)
    .search(query)
    .items.map((item) => item[0].location)[0];
}

describe("synonyms", () => {
  test("every short name the build lists expands to its full name, folded", () => {
    const search = engine();
    const fold = search.folding.fold;
    assert.ok(Object.keys(tables.synonyms).length > 0, "the build lists no synonyms");
    for (const [short, full] of Object.entries(tables.synonyms)) {
      assert.equal(search.expand(fold(short)), fold(full), `${short} → ${full}`);
      assert.equal(search.parse(short).runs[0].core, fold(full), `${short} as a query`);
    }
  });

  test("the engine holds the synonyms folded, as a query reaches it (五部门 → 5部门)", () => {
    const search = engine();
    const fold = search.folding.fold;
    const held = new Map(search.synonyms);
    for (const [short, full] of Object.entries(tables.synonyms)) assert.equal(held.get(fold(short)), fold(full));
  });

  test("the longest short name is replaced first", () => {
    const search = engine(DOCS, { ...tables, synonyms: { 信部: "信息部", 工信部: "工业和信息化部" } });
    const lengths = search.synonyms.map(([short]) => short.length);
    assert.deepEqual(
      lengths,
      [...lengths].sort((a, b) => b - a),
    );
    assert.equal(search.expand("工信部"), "工业和信息化部");
    assert.equal(search.expand("信部"), "信息部");
  });

  test("五部门 and 工信部 find the issuers' page first", () => {
    assert.equal(first("五部门"), "issuers/");
    assert.equal(first("工信部"), "issuers/");
  });
});

describe("folding", () => {
  const { fold } = folder(tables);

  test("the browser folds every sample and every line of the interpretation as the build does", () => {
    const texts = [...SAMPLES, ...INTERPRETATION];
    const differing = texts
      .map((text, i) => [text, fold(text), folded[i]])
      .filter(([, browser, build]) => browser !== build);
    assert.deepEqual(differing, []);
  });

  test("every traditional character of the table folds to the simplified one the site uses", () => {
    for (const [traditional, simplified] of Object.entries(tables.simplified))
      assert.equal(fold(traditional), fold(simplified), traditional);
  });

  test("Chinese numerals read as digits, ranges as a hyphen, spaces beside Chinese dropped", () => {
    assert.equal(fold("二〇二五年"), "2025年");
    assert.equal(fold("一百零五"), "105");
    assert.equal(fold("3 至 5 家"), "3-5家");
    assert.equal(fold(" 算力 基础设施 "), "算力基础设施");
    assert.equal(fold("AI  and  VR"), "ai and vr");
  });

  test("foldMap points every folded character back at the text it came from", () => {
    const { foldMap } = folder(tables);
    const text = "第十四项 產業";
    const { text: out, map } = foldMap(text);
    assert.equal(out, "第14项产业");
    assert.deepEqual(
      [...out].map((_, i) => text[map[i]]),
      ["第", "十", "四", "项", "產", "業"],
    );
  });
});

describe("the engine", () => {
  test("an id alone names its item; inside a phrase it is text", () => {
    const search = engine();
    assert.deepEqual([...search.parse("M5").named], ["m5"]);
    assert.deepEqual([...search.parse("措施五").named], ["m5"]);
    assert.equal(search.parse("M5 工业元宇宙").named.size, 0);
  });

  test("question words at either end only shape the query", () => {
    const search = engine();
    assert.equal(search.core(search.folding.fold("工业元宇宙是什么")), "工业元宇宙");
  });

  test("a query with nothing of the site in it finds nothing", () => {
    assert.deepEqual(engine().search("ｘｙｚｗ").items, []);
  });
});

describe("the engine's shortcuts give what the plain computation gives", () => {
  /* A small pseudo-random text over a few letters, so that stretches repeat and overlap */
  function texts(seed, count, length) {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state;
    };
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + (next() % length) }, () => "abcé元宇"[next() % 7]).join(""),
    );
  }

  test("extents bounded by those of a text that holds it equal the unbounded ones", () => {
    const cores = texts(7, 60, 9);
    for (const [n, container] of texts(11, 40, 80).entries()) {
      const from = n % container.length;
      const inner = container.slice(from, from + 1 + (n % 30));
      for (const core of cores)
        assert.deepEqual(extents(core, inner, extents(core, container)), extents(core, inner), `${core} in ${inner}`);
    }
  });

  test("the words each snippet window shows are counted as a scan of every window counts them", () => {
    for (const source of texts(3, 30, 400)) {
      const ranges = [];
      for (let at = 0; at < source.length; at += 3 + (at % 7)) ranges.push([at, Math.min(source.length, at + 2)]);
      const starts = [5, 0, 17, 17, 90, 3, 250, 41].filter((at) => at < source.length);
      for (const width of [10, 40, 120]) {
        const scanned = starts.map(
          (at) =>
            new Set(ranges.filter((r) => r[0] >= at && r[1] <= at + width).map((r) => source.slice(r[0], r[1]))).size,
        );
        assert.deepEqual(distinctWithin(source, ranges, starts, width), scanned);
      }
    }
  });
});
