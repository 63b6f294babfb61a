// The parts of docs/assets/javascripts/share.js that need no page, in Node: the words of a range of
// sentences (#q6-s2-s3), whether an address names sentences, and the text a quote copies.
"use strict";

const assert = require("node:assert/strict");
const { describe, test } = require("node:test");
const { script } = require("./support.js");

const { fill, today, rangeIds, namesSentences, rangeFragment, quoteText } = script("javascripts/share.js");

const Q6 = ["q6-s1", "q6-s2", "q6-s3", "q6-s4"];
const FULL = ["intro-s1", "intro-s2", "q5-s1", "q5-s2", "q6-s1", "q6-s2"];

describe("a range of sentences", () => {
  test("forwards: the first sentence to the last", () => {
    assert.deepEqual(rangeIds("#q6-s2-s3", Q6), ["q6-s2", "q6-s3"]);
    assert.deepEqual(rangeIds("q6-s1-s4", Q6), Q6);
  });

  test("backwards: the same sentences", () => {
    assert.deepEqual(rangeIds("#q6-s3-s1", Q6), ["q6-s1", "q6-s2", "q6-s3"]);
  });

  test("from one part into the next, on a page that holds both", () => {
    assert.deepEqual(rangeIds("#q5-s2-q6-s1", FULL), ["q5-s2", "q6-s1"]);
    assert.deepEqual(rangeIds("#q6-s1-q5-s2", FULL), ["q5-s2", "q6-s1"]);
  });

  test("out of bounds: past the last sentence its first; a first that is not there, nothing", () => {
    assert.deepEqual(rangeIds("#q6-s2-s9", Q6), ["q6-s2"]);
    assert.deepEqual(rangeIds("#q6-s9-s2", Q6), []);
    assert.deepEqual(rangeIds("#q7-s1-s2", Q6), []);
  });

  test("a single sentence, a heading or anything else is no range", () => {
    for (const hash of ["#q6-s2", "#_2", "", "#", "#q6-s2-", "#Q6-S2-S3", "#q6-s2~s3", "#q6-s2..s3"]) {
      assert.deepEqual(rangeIds(hash, Q6), [], hash);
    }
  });

  test("the fragment of a span of sentences is the shortest form the parser reads back", () => {
    assert.equal(rangeFragment("q6-s2", "q6-s2"), "q6-s2");
    assert.equal(rangeFragment("q6-s2", "q6-s3"), "q6-s2-s3");
    assert.equal(rangeFragment("q5-s2", "q6-s1"), "q5-s2-q6-s1");
    assert.equal(rangeFragment("intro-s1", "intro-s2"), "intro-s1-s2");
    for (const [first, last] of [
      ["q6-s2", "q6-s3"],
      ["q5-s2", "q6-s1"],
      ["intro-s1", "q6-s2"],
    ]) {
      const page = [Q6, FULL].find((ids) => ids.includes(first) && ids.includes(last));
      const ids = rangeIds(rangeFragment(first, last), page);
      assert.deepEqual([ids[0], ids[ids.length - 1]], [first, last]);
    }
  });

  test("an address names sentences when it is one of them or a range that marks any", () => {
    assert.ok(namesSentences("#q6-s2", Q6));
    assert.ok(namesSentences("#q6-s2-s3", Q6));
    assert.ok(namesSentences("#q6-s2-s9", Q6));
    assert.ok(!namesSentences("#q6-s9", Q6));
    assert.ok(!namesSentences("#_2", Q6));
    assert.ok(!namesSentences("", Q6));
  });
});

describe("the text a quote copies", () => {
  const SOURCE = "——工业和信息化部《〈元宇宙产业创新发展三年行动计划（2023—2025年）〉解读》，{ids}";

  test("one sentence: quoted text, source with its id, link to it", () => {
    const text = quoteText({
      text: "构建可信元宇宙产品评估评测体系",
      source: SOURCE,
      range: "{first}至{last}",
      first: "q6-s2",
      last: "q6-s2",
      address: "https://example.org/interpretation/q6/",
    });
    assert.equal(
      text,
      "\u201c构建可信元宇宙产品评估评测体系\u201d\n" +
        "——工业和信息化部《〈元宇宙产业创新发展三年行动计划（2023—2025年）〉解读》，q6-s2\n" +
        "https://example.org/interpretation/q6/#q6-s2",
    );
  });

  test("several sentences: the range in the source line's words and in the link", () => {
    const text = quoteText({
      text: "甲。乙",
      source: "— {ids}",
      range: "{first} to {last}",
      first: "q5-s2",
      last: "q6-s1",
      address: "https://example.org/interpretation/full/",
    });
    assert.equal(text, "\u201c甲。乙\u201d\n— q5-s2 to q6-s1\nhttps://example.org/interpretation/full/#q5-s2-q6-s1");
  });

  test("every {ids}, {first} and {last} of the page's words is filled in", () => {
    const text = quoteText({
      text: "x",
      source: "{ids} ({ids})",
      range: "{first}–{last}, from {first}",
      first: "q6-s2",
      last: "q6-s3",
      address: "a",
    });
    assert.equal(text.split("\n")[1], "q6-s2–q6-s3, from q6-s2 (q6-s2–q6-s3, from q6-s2)");
  });

  test("braces the words do not name, and names in the quoted text, stay as they are", () => {
    assert.equal(fill("{ids} {other} {}", { ids: "q6-s2" }), "q6-s2 {other} {}");
    assert.equal(fill("{ids}", { ids: "{ids}" }), "{ids}");
    assert.equal(fill("{toString}", {}), "{toString}");
    const text = quoteText({ text: "{ids}", source: "{ids}", range: "", first: "q6-s2", last: "q6-s2", address: "a" });
    assert.equal(text, "\u201c{ids}\u201d\nq6-s2\na#q6-s2");
  });

  test("the access date of a citation is the local day, zero-padded", () => {
    assert.equal(today(new Date(2025, 0, 5, 23, 59)), "2025-01-05");
    assert.equal(today(new Date(2025, 11, 31)), "2025-12-31");
  });
});
