/* The site's search engine, run in a web worker in place of the theme's lunr worker.
 *
 * Readers type Chinese phrases without spaces (元宇宙标准体系, 海外人才, 目标有哪些), and the words of
 * such a phrase are usually all on the right page without standing next to each other. So a query is not
 * matched all-or-nothing. For every entry of the index the engine finds which stretches of the query
 * occur in it, using the site's own text as the dictionary (no word list to maintain), and ranks:
 *
 *   1. an entry whose title holds the query, or the item the query names by id (措施5, 第四问, M5);
 *   2. an entry that holds the whole query as one phrase;
 *   3. an entry that holds every part of the query, the nearer together the better;
 *   4. an entry that holds most of it, weighted by how rare each part is on the site,
 *
 * so a page that shares only a common stretch such as 元宇 or 产业 never outranks one that covers most of
 * the query. A typo'd character, which occurs nowhere on the site, neither matches nor counts against a
 * page; question words at the ends of a query (是什么, 有哪些, 为什么) only help the phrase match.
 *
 * Text is compared folded, as hooks/plansite/search.py folds it at build time: NFKC, lower case,
 * traditional characters to simplified, Chinese numerals to digits, 3—5 as 3-5, and no spaces next to
 * Chinese characters (so a stray space in a query does not matter).
 *
 * It speaks the theme's worker protocol. What it assumes about the protocol (from hooks/plansite/material.py,
 * which checks each assumption against the installed theme) and the tables it folds and reads queries with
 * (hooks/plansite/search.py) are filled in below by the build. Words are split with the separator of the
 * theme's search settings (mkdocs.yml), which the theme also uses to mark them on the page a result opens.
 */
"use strict";

const SITE = /* plan:search */ null;
const MATERIAL = SITE?.protocol;

const HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
const IS_HAN = new RegExp(`[${HAN}]`);
const DASHES = /([0-9])[\s]*[-–—~～至到][\s]*(?=[0-9])/g;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const ESCAPE = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const SNIPPET = 120; // characters of a section's text shown around its first match
const LONGEST = 64; // characters of a query that are read: a pasted paragraph is found by its start
const LIST = 15; // what a page that lists other pages loses for most queries, gains for a general one
const GENERAL = 0.8; // the share of pages that must match a query alike for it to count as general

/* ---- folding --------------------------------------------------------------------------------- */

function folder(tables) {
  const digits = tables.digits || {};
  const powers = tables.powers || {};
  const simplified = tables.simplified || {};
  const numeral = new RegExp(`[${Object.keys(digits).join("")}${Object.keys(powers).join("")}]+`, "g");

  /* 二〇二五 → 2025, 十四 → 14, 一百零五 → 105 */
  function numeralValue(text) {
    const chars = [...text];
    if (!chars.some((c) => c in powers)) return chars.map((c) => digits[c]).join("");
    let total = 0,
      current = 0;
    for (const c of chars) {
      if (c in powers) {
        total += (current || 1) * powers[c];
        current = 0;
      } else current = digits[c];
    }
    return String(total + current);
  }

  /* The folded text and, for each of its characters, where it came from in `text` */
  function foldMap(text) {
    let out = "",
      from = [];
    // A character with the combining marks after it is normalised as one (e + ́ → é), as the build's NFKC of
    // the whole text does; every character that comes of it points back at its start.
    for (const { 0: cluster, index } of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
      const folded = cluster.normalize("NFKC").toLowerCase();
      for (const c of folded) {
        out += simplified[c] || c;
        from.push(index);
      }
    }
    // Chinese numerals to digits, keeping the first source position of each numeral for every digit
    let result = "",
      map = [];
    let last = 0;
    out.replace(numeral, (match, offset) => {
      result += out.slice(last, offset);
      map.push(...from.slice(last, offset));
      const value = numeralValue(match);
      result += value;
      for (let i = 0; i < value.length; i++) map.push(from[offset + Math.min(i, match.length - 1)]);
      last = offset + match.length;
      return match;
    });
    result += out.slice(last);
    map.push(...from.slice(last));
    // 3 — 5 → 3-5, and no white space next to a Chinese character
    let clean = "",
      cleanMap = [];
    const dashed = result.replace(DASHES, (m, d) => d + "-".padEnd(m.length - 1, "\u0000"));
    for (let i = 0; i < dashed.length; i++) {
      const c = dashed[i];
      if (c === "\u0000") continue;
      if (/\s/.test(c)) {
        const before = clean[clean.length - 1] || "";
        let j = i + 1;
        while (j < dashed.length && /\s/.test(dashed[j])) j++;
        const after = dashed[j] || "";
        if (!before || !after || IS_HAN.test(before) || IS_HAN.test(after)) continue;
        if (/\s/.test(before)) continue;
        clean += " ";
        cleanMap.push(map[i]);
        continue;
      }
      clean += c;
      cleanMap.push(map[i]);
    }
    return { text: clean, map: cleanMap };
  }

  return { fold: (text) => foldMap(text).text, foldMap, numeralValue };
}

/* The words of an index entry's HTML, as the reader sees them */
function plain(markup) {
  return String(markup || "")
    .replace(/<[^>]*>/g, " ")
    .replace(ENTITY, (_, dec, hex, name) =>
      dec ? String.fromCodePoint(+dec) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name.toLowerCase()],
    )
    .replace(/\u200b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function literal(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ESCAPE[c]);
}

/* ---- the engine ------------------------------------------------------------------------------ */

class Engine {
  constructor(docs, tables, separator) {
    this.tables = tables || {};
    this.split = new RegExp(separator || "\\s+");
    const lists = new Set(this.tables.lists || []);
    this.folding = folder(this.tables);
    this.ids = this.tables.ids || {};
    this.fillers = [...(this.tables.fillers || [])]
      .map((w) => this.folding.fold(w))
      .sort((a, b) => b.length - a.length);
    // Folded as a query is (五部门 reaches the engine as 5部门), the longest first: 工信部 before any part of it
    this.synonyms = Object.entries(this.tables.synonyms || {})
      .map(([short, full]) => [this.folding.fold(short), this.folding.fold(full)])
      .sort((a, b) => b[0].length - a[0].length);
    this.marks = this.tables.marks || [];
    const named = {};
    for (const [location, ids] of Object.entries(this.tables.places || {}))
      for (const id of ids) {
        if (!named[id]) named[id] = [];
        named[id].push(location);
      }
    this.named = named;
    this.entries = docs.map((doc) => {
      const title = plain(doc.title);
      const text = plain(doc.text);
      const t = this.folding.foldMap(title);
      const x = this.folding.foldMap(text);
      return {
        doc,
        title,
        text,
        t,
        x,
        all: `${t.text}\n${x.text}`,
        sentences: sentences(`${t.text}\n${x.text}`),
        clauses: clauses(`${t.text}\n${x.text}`),
        page: doc.location.split("#")[0],
        list: lists.has(doc.location.split("#")[0]),
      };
    });
    this.byLocation = new Map(this.entries.map((e) => [e.doc.location, e]));
    // A page is judged as a whole (its words may sit in different sections); its sections pick the snippet
    const pages = new Map();
    for (const entry of this.entries) {
      const page = pages.get(entry.page) || { page: entry.page, entries: [], list: entry.list };
      page.entries.push(entry);
      pages.set(entry.page, page);
    }
    this.pages = [...pages.values()].map((page) => {
      // The page's own title and the headings of the items it holds (#pr1, #ai), not its plain headings (#_2)
      const named = page.entries.filter((e) => !/#_\d+$/.test(e.doc.location));
      return {
        ...page,
        all: page.entries.map((e) => e.all).join("\n"),
        sentences: page.entries.flatMap((e) => e.sentences),
        clauses: page.entries.flatMap((e) => e.clauses),
        titles: named.map((e) => e.t.text).join("\n"),
        locations: page.entries.map((e) => e.doc.location),
      };
    });
  }

  /* The query as the engine reads it: the items it names, and its runs of text with their core */
  parse(query) {
    const folded = this.folding.fold(query);
    const whole = folded.replace(/\s+/g, "");
    if (this.ids[whole]) return { named: new Set([this.ids[whole]]), runs: [] };
    // Items named by id (M5, 措施5 任务2): only when the query is nothing else; in a sentence, 5G is text
    const names = query
      .split(this.split)
      .map((word) => this.folding.fold(word))
      .filter(Boolean);
    if (names.length && names.every((word) => this.ids[word]))
      return { named: new Set(names.map((word) => this.ids[word])), runs: [] };
    const words = folded.split(this.split).filter(Boolean);
    const runs = [];
    let room = LONGEST;
    for (const word of words) {
      if (room <= 0) break;
      const text = [...word].slice(0, room).join("");
      room -= text.length;
      runs.push({ text, core: this.correct(this.expand(this.core(text))) });
    }
    return { named: new Set(), runs };
  }

  /* Abbreviations readers type, in the words the site uses: 工信部 → 工业和信息化部 */
  expand(run) {
    for (const [short, full] of this.synonyms)
      if (run.includes(short) && !run.includes(full)) run = run.split(short).join(full);
    return run;
  }

  /* A character that occurs nowhere on the site is most likely a typo: where the characters around it
     occur on the site with one character between them, read that one (标淮体系 → 标准体系) */
  correct(run) {
    const chars = [...run];
    if (chars.length < 3) return run;
    if (this.corpus === undefined) this.corpus = this.pages.map((page) => page.all).join("\n");
    const corpus = this.corpus;
    for (let k = 0; k < chars.length; k++) {
      if (!IS_HAN.test(chars[k]) || corpus.includes(chars[k])) continue;
      let best = null;
      for (let left = Math.min(3, k); left >= 0 && !best; left--)
        for (let right = Math.min(3, chars.length - k - 1); right >= 0 && !best; right--) {
          if (left + right < 2) continue;
          const before = chars.slice(k - left, k).join(""),
            after = chars.slice(k + 1, k + 1 + right).join("");
          const counts = new Map();
          const around = new RegExp(`${literal(before)}([${HAN}])${literal(after)}`, "g");
          for (const match of corpus.matchAll(around)) counts.set(match[1], (counts.get(match[1]) || 0) + 1);
          if (counts.size) best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
        }
      if (best) chars[k] = best;
    }
    return chars.join("");
  }

  /* A run without the question words at its ends: 目标有哪些 → 目标, 为什么出台 → 出台 */
  core(run) {
    let core = run,
      changed = true;
    while (changed) {
      changed = false;
      for (const word of this.fillers) {
        if (core.length > word.length && core.endsWith(word)) {
          core = core.slice(0, -word.length);
          changed = true;
        }
        if (core.length > word.length && core.startsWith(word)) {
          core = core.slice(word.length);
          changed = true;
        }
      }
    }
    return core;
  }

  search(query) {
    const { named, runs } = this.parse(query);
    const n = this.pages.length;
    // For each run, each page and each position i: how far the run from i on occurs in the page
    const reach = runs.map((run) => this.pages.map((page) => extents(run.core, page.all)));
    // How much each position of each run is worth: nothing where no page has it, more where few do
    const weights = runs.map((run, r) => {
      const m = run.core.length;
      return [...run.core].map((_, k) => {
        let count = 0;
        for (let d = 0; d < n; d++) if (covers(reach[r][d], k, m)) count++;
        if (!count) return 0;
        const rarity = Math.log(1 + n / count);
        return m === 1 && runs.length > 1 ? rarity / 2 : rarity; // a lone character beside words counts less
      });
    });
    const total = weights.flat().reduce((a, b) => a + b, 0);
    if (!named.size && !total) return { items: [] };
    // Pages that gather other pages (home, lists) rank below an item's own page, except for a query that
    // (nearly) every page matches alike, such as 宇宙: the pages that gather them answer it best.
    let having = 0;
    for (let d = 0; d < n; d++)
      if (runs.every((run, r) => weights[r].every((w, k) => !w || covers(reach[r][d], k, run.core.length)))) having++;
    const general = total > 0 && having >= GENERAL * n;
    const query_ = { named, runs, weights, total, general };

    const items = [];
    this.pages.forEach((page, d) => {
      if (!named.size && !runs.some((_, r) => reach[r][d].some(Boolean))) return; // nothing of the query here
      const sections = [];
      for (const entry of page.entries) {
        const within = reach.map((r) => r[d]);
        const part = this.judge(query_, entry, entry.t.text, [entry.doc.location], page.list, null, within);
        if (part) sections.push({ entry, ...part });
      }
      sections.sort((a, b) => b.score - a.score);
      // A page that gathers other pages' words is as good as its best item; any other page is judged whole
      const whole = page.list
        ? sections[0]
        : this.judge(
            query_,
            page,
            page.titles,
            page.locations,
            false,
            reach.map((r) => r[d]),
          );
      if (!whole) return;
      if (sections.length) sections[0].score = whole.score; // the best section speaks for the page
      // The page's own entry heads the item and its link opens the page: it carries all of the page's words
      const item = sections.map((hit) =>
        this.present(
          hit.entry.doc.location === page.page ? { ...hit, found: whole.found, terms: whole.terms } : hit,
          page,
        ),
      );
      if (!sections.some((hit) => hit.entry.doc.location === page.page)) {
        const own = this.byLocation.get(page.page);
        if (own) {
          const score = sections.length ? 0 : whole.score;
          item.push(this.present({ entry: own, found: whole.found, terms: whole.terms, score }, page));
        }
      }
      items.push({ score: whole.score, item });
    });
    return { items: items.sort((a, b) => b.score - a.score).map((found) => found.item) };
  }

  /* How well one page or entry answers the query; null when it has no meaningful part of it. `reach` is
     the unit's extents when known; `within` those of a text that holds the unit (its page), which bound them */
  judge({ named, runs, weights, total, general }, unit, titles, locations, list, reach, within) {
    const text = unit.all;
    const idHit = [...named].some((id) => (this.named[id] || []).some((at) => locations.includes(at)));
    let covered = 0,
      titleCovered = 0,
      phrase = runs.length > 0,
      inTitle = runs.length > 0;
    const terms = {},
      found = [];
    const exts = runs.map((run, r) => (reach ? reach[r] : extents(run.core, text, within?.[r])));
    runs.forEach((run, r) => {
      const m = run.core.length;
      const ext = exts[r];
      const title = extents(run.core, titles, ext);
      for (let k = 0; k < m; k++) {
        if (covers(ext, k, m)) covered += weights[r][k];
        if (covers(title, k, m)) titleCovered += weights[r][k];
      }
      if (!text.includes(run.core) && !text.includes(run.text)) phrase = false;
      if (!titles.includes(run.core)) inTitle = false;
      for (const [i, j] of parts(ext, m)) {
        if (m > 1 && !weights[r].slice(i, j).some((w) => w > 0)) continue;
        found.push(run.core.slice(i, j));
      }
      for (const [i, j] of gaps(ext, weights[r], m)) terms[run.core.slice(i, j)] = false;
    });
    if (!idHit && covered <= 0) return null;
    const coverage = total ? covered / total : 0;
    const complete = total > 0 && covered >= total - 1e-9;
    let score = 0;
    if (idHit) score += 400;
    if (inTitle && complete) score += 200;
    if (phrase && complete) score += 100;
    if (complete) score += 40;
    // Near each other: in one sentence, better in one clause; and in few long stretches rather than many
    score += 12 * (total ? together(unit.sentences, runs, weights, exts) / total : 0);
    score += 8 * (total ? together(unit.clauses, runs, weights, exts) / total : 0);
    const length = runs.reduce((sum, run) => sum + run.core.length, 0);
    if (found.length) score += (6 * (found.reduce((sum, piece) => sum + piece.length, 0) / found.length)) / length;
    score += 30 * coverage;
    score += 1.5 * (total ? titleCovered / total : 0) + Math.min(1, Math.log1p(frequency(text, found)) / Math.log(30));
    if (list) score += general ? LIST : -LIST;
    return { score, terms, found };
  }

  /* The entry's own spelling of a folded piece, so that the opened page can mark it */
  original(entry, piece) {
    for (const side of [entry.x, entry.t]) {
      const at = side.text.indexOf(piece);
      if (at >= 0) {
        const source = side === entry.x ? entry.text : entry.title;
        const end = at + piece.length - 1;
        return source.slice(side.map[at], side.map[end] + unitLength(source, side.map[end]));
      }
    }
    return "";
  }

  /* One entry as the theme shows it: its title and a snippet around the first match, matches marked */
  present({ entry, score = 0, terms, found }, page) {
    const { boost, ...doc } = entry.doc;
    const shown = { ...terms };
    for (const piece of found) {
      // As the page spells it (十四项 for 14项), for the theme to mark on the page the result opens
      let spelled = this.original(entry, piece);
      for (const other of page ? page.entries : []) spelled = spelled || this.original(other, piece);
      shown[spelled || piece] = true;
    }
    return {
      ...doc,
      title: marked(entry.title, entry.t, found, Infinity),
      text: entry.text ? `<p>${marked(entry.text, entry.x, found, SNIPPET, this.marks)}</p>` : "",
      score,
      terms: shown,
    };
  }
}

/* ext[i] = the end of the longest stretch of `core` from i that occurs in `text` (0: not even two units).
   `bound`, the extents of a text that holds `text`, caps each: a stretch its container lacks is not looked for. */
function extents(core, text, bound) {
  const m = core.length;
  const ext = new Array(m).fill(0);
  if (m === 1) {
    ext[0] = (!bound || bound[0]) && text.includes(core) ? 1 : 0;
    return ext;
  }
  let j = 0;
  for (let i = 0; i < m - 1; i++) {
    const limit = bound ? bound[i] : m;
    j = Math.max(j, i + 2);
    if (j > limit || !text.includes(core.slice(i, j))) {
      ext[i] = 0;
      j = i + 2;
      continue;
    }
    while (j < limit && text.includes(core.slice(i, j + 1))) j++;
    ext[i] = j;
  }
  return ext;
}

/* How many UTF-16 code units the character at `at` of `text` takes (2 beyond the Basic Multilingual Plane) */
function unitLength(text, at) {
  return text.codePointAt(at) > 0xffff ? 2 : 1;
}

function covers(ext, k, m) {
  if (m === 1) return ext[0] === 1;
  for (let i = 0; i <= k; i++) if (ext[i] > k) return true;
  return false;
}

/* The stretches an entry has: maximal, left to right (they may overlap) */
function parts(ext, m) {
  if (m === 1) return ext[0] ? [[0, 1]] : [];
  const found = [];
  let reached = 0;
  for (let i = 0; i < m; i++)
    if (ext[i] > reached) {
      found.push([i, ext[i]]);
      reached = ext[i];
    }
  return found;
}

/* The stretches of the query an entry lacks, where the site has them elsewhere */
function gaps(ext, weights, m) {
  const missing = [];
  let start = -1;
  for (let k = 0; k <= m; k++) {
    const lacking = k < m && weights[k] > 0 && !covers(ext, k, m);
    if (lacking && start < 0) start = k;
    if (!lacking && start >= 0) {
      missing.push([start, k]);
      start = -1;
    }
  }
  return missing;
}

/* A text's sentences and clauses: where words count as near each other */
function sentences(text) {
  return text.split(/[。！？；;!?\n]+/).filter(Boolean);
}

function clauses(text) {
  return text.split(/[。！？；;!?\n，,：:]+/).filter(Boolean);
}

/* The most of the query's weight that one sentence (or clause) of the unit holds; `exts` are the unit's */
function together(clauses, runs, weights, exts) {
  let best = 0;
  for (const clause of clauses) {
    let held = 0;
    runs.forEach((run, r) => {
      const ext = extents(run.core, clause, exts[r]);
      for (let k = 0; k < run.core.length; k++) if (covers(ext, k, run.core.length)) held += weights[r][k];
    });
    best = Math.max(best, held);
  }
  return best;
}

function frequency(text, pieces) {
  let count = 0;
  for (const piece of pieces) for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) count++;
  return count;
}

/* `source` escaped, with every occurrence of the folded pieces marked, cut to `width` around the first */
/* `source` with the pieces marked, cut to `width` around the most matched words. A window may start at one of
   the `marks` that precede the site's own words (本站概述): the site's words are never shown without theirs. */
function marked(source, folded, pieces, width, marks = []) {
  const ranges = [];
  for (const piece of pieces)
    for (let at = folded.text.indexOf(piece); at >= 0; at = folded.text.indexOf(piece, at + 1)) {
      const start = folded.map[at];
      const last = folded.map[at + piece.length - 1];
      ranges.push([start, last + unitLength(source, last)]);
    }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const range of ranges) {
    const top = merged[merged.length - 1];
    if (top && range[0] <= top[1]) top[1] = Math.max(top[1], range[1]);
    else merged.push([...range]);
  }
  let from = 0,
    to = source.length;
  if (source.length > width) {
    // The window that shows the most different matched words, the earliest of equals
    const windowAt = (start) => Math.max(0, Math.min(start - Math.floor(width / 4), source.length - width));
    const starts = [];
    for (const mark of marks)
      for (let at = source.indexOf(mark); at >= 0; at = source.indexOf(mark, at + 1)) starts.push(at);
    starts.sort((a, b) => a - b);
    for (const [start] of merged.length ? merged : [[0]]) starts.push(windowAt(start));
    const shown = distinctWithin(source, merged, starts, width);
    let best = -1;
    starts.forEach((at, i) => {
      if (shown[i] > best) {
        best = shown[i];
        from = at;
      }
    });
    // A window that opens inside the site's words, after their mark, starts at the mark instead
    const mark = starts.filter(
      (at) => at < from && from - at < width / 2 && marks.some((m) => source.startsWith(m, at)),
    );
    if (mark.length && !/[。！？]/.test(source.slice(mark[mark.length - 1], from))) from = mark[mark.length - 1];
    to = Math.min(source.length, from + width);
  }
  let out = from > 0 ? "…" : "",
    at = from;
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from),
      e = Math.min(end, to);
    out += `${escapeHtml(source.slice(at, s))}<mark>${escapeHtml(source.slice(s, e))}</mark>`;
    at = e;
  }
  out += escapeHtml(source.slice(at, to)) + (to < source.length ? "…" : "");
  return out;
}

/* For each window start, how many different words of the sorted, disjoint `ranges` lie wholly inside
   [start, start + width]: one pass over the starts in order, the ranges inside kept as a sliding interval */
function distinctWithin(source, ranges, starts, width) {
  const order = starts.map((at, i) => [at, i]).sort((a, b) => a[0] - b[0]);
  const counts = new Map();
  const shown = new Array(starts.length).fill(0);
  let lo = 0,
    hi = 0;
  const add = (r, step) => {
    const word = source.slice(r[0], r[1]);
    const count = (counts.get(word) || 0) + step;
    if (count) counts.set(word, count);
    else counts.delete(word);
  };
  for (const [at, i] of order) {
    while (hi < ranges.length && ranges[hi][1] <= at + width) add(ranges[hi++], 1);
    while (lo < hi && ranges[lo][0] < at) add(ranges[lo++], -1);
    shown[i] = counts.size;
  }
  return shown;
}

/* ---- the theme's worker protocol ------------------------------------------------------------- */

let engine = null;

function answer(message) {
  if (!MATERIAL) {
    console.error("search-worker.js: the build did not fill in the theme's worker protocol and the tables");
    return null;
  }
  if (!message || typeof message !== "object") {
    console.error("search-worker.js: a message that is not the theme's worker protocol", message);
    return null;
  }
  switch (message.type) {
    case MATERIAL.setup: {
      const data = message.data || {};
      if (!Array.isArray(data.docs) || !data.config) {
        console.error("search-worker.js: the theme's setup message no longer carries {config, docs}", data);
        return null;
      }
      if (typeof data.config.separator !== "string")
        console.error("search-worker.js: the theme's search settings carry no separator", data.config);
      engine = new Engine(data.docs, SITE.tables, data.config.separator);
      return { type: MATERIAL.ready };
    }
    case MATERIAL.query:
      if (typeof message.data !== "string") {
        console.error("search-worker.js: the theme's query message no longer carries a string", message.data);
        return null;
      }
      if (!engine) return { type: MATERIAL.result, data: { items: [] } };
      return { type: MATERIAL.result, data: engine.search(message.data) };
    default:
      console.error(`search-worker.js: unknown message type ${message.type}: the theme's worker protocol changed`);
      return null;
  }
}

if (typeof WorkerGlobalScope !== "undefined" || (typeof parent !== "undefined" && parent !== self)) {
  addEventListener("message", (event) => {
    const reply = answer(event.data);
    if (reply) postMessage(reply);
  });
}

// For the site's tests, which compare this folding with the build's and run queries directly: in the
// browser (tests/browser/test_search.py) and in Node (tests/js/), where `module` exists and `self` does not.
const planSearch = { Engine, folder, plain, answer, extents, distinctWithin, tables: SITE?.tables };
if (typeof self !== "undefined") self.__planSearch = planSearch;
if (typeof module !== "undefined") module.exports = planSearch;
