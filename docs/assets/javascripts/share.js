/* Sharing and citing on the site's pages, in both editions, in four parts that each stand alone:
 *
 *   copyButtons      a node's canonical link, its GB/T 7714 citation or a Markdown link, and a sentence's
 *                    link (hooks/plansite/share.py writes the buttons);
 *   sentenceRanges   #q6-s2-s3 marks q6-s2 to q6-s3, and a sentence's fragment stays in the address;
 *   quoteSelection   a selection of the interpretation's sentences, copied with its source and link
 *                    (hooks/plansite/quoting.py writes the control);
 *   hoverCards       a name link's hover card on hover and focus (hooks/plansite/hover_cards.py writes them).
 *
 * What they compute without a page (the words of a range, a quote's text) are plain functions, which
 * tests/js/ runs in Node. One classic script rather than modules: Chromium loads no module script from
 * file://, and the offline copy is opened from there; one file also costs the zip and the pages least.
 */
(() => {
  "use strict";

  // What a confirmation says, by the page's <html lang>; written in by the build (plansite/share.py).
  const WORDS = /* plan:share */ null;

  /* ---- text, without a page ----------------------------------------------------------------------- */

  /* `template` with every {name} of `values` filled in; other braces stay as they are */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(values, name) ? values[name] : whole));
  }

  function today(now = new Date()) {
    const two = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  /* A range of sentences: #q6-s2-s3 is q6-s2 to q6-s3. The first sentence's id, then the last one's number
     (or its whole id, where a page holds several parts, as the full text does). Only ASCII letters, digits
     and hyphens: chat apps link it whole. A single sentence (#q6-s2) is the browser's own :target. */
  const RANGE = /^([a-z0-9]+)-s(\d+)-(?:([a-z0-9]+)-)?s(\d+)$/;

  /* The ids `hash` marks among the page's sentence `ids` (in page order): written backwards the same
     sentences, past the last sentence its first one, and none for a single sentence or no range */
  function rangeIds(hash, ids) {
    const found = RANGE.exec(hash.replace(/^#/, ""));
    if (!found) return [];
    const from = ids.indexOf(`${found[1]}-s${found[2]}`);
    const to = ids.indexOf(`${found[3] || found[1]}-s${found[4]}`);
    if (from < 0) return [];
    if (to < 0) return [ids[from]];
    return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
  }

  /* Whether `hash` names one of the sentences or a range of them */
  function namesSentences(hash, ids) {
    return ids.includes(hash.replace(/^#/, "")) || rangeIds(hash, ids).length > 0;
  }

  function partOf(id) {
    return id.replace(/-s\d+$/, "");
  }

  /* The fragment of the sentences from `first` to `last`: q6-s2, q6-s2-s3, q5-s2-q6-s1 */
  function rangeFragment(first, last) {
    if (first === last) return first;
    return `${first}-${partOf(first) === partOf(last) ? last.slice(partOf(last).length + 1) : last}`;
  }

  /* What quoting copies: the selected text in quotation marks, the source line with the ids of the sentences
     it touches (`source` has {ids}; `range` says how a range of them reads, with {first} and {last}), and
     the link to exactly those sentences at `address` */
  function quoteText({ text, source, range, first, last, address }) {
    const ids = first === last ? first : fill(range, { first, last });
    return `\u201c${text}\u201d\n${fill(source, { ids })}\n${address}#${rangeFragment(first, last)}`;
  }

  /* ---- copying, and saying so --------------------------------------------------------------------- */

  function said(kind) {
    const words = WORDS && (WORDS[document.documentElement.lang] || WORDS["zh-CN"]);
    if (!words) console.error("share.js: the build did not write in the confirmations' words");
    return words?.[kind] || "";
  }

  function pageAddress() {
    // The online address, also in the offline copy, whose own address is a file on disk.
    const canonical = document.querySelector('link[rel="canonical"]');
    return (canonical ? canonical.href : location.href).split("#")[0];
  }

  // Where the asynchronous clipboard is missing or refused (file:// is not a secure context in every
  // browser), the older way: select the text in a field nobody sees and ask the browser to copy it.
  function copyBySelection(text) {
    const field = document.createElement("textarea");
    const focused = document.activeElement;
    const selection = window.getSelection();
    const kept = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    let done = false;
    field.value = text;
    field.setAttribute("readonly", "");
    field.setAttribute("aria-hidden", "true");
    field.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0";
    document.body.appendChild(field);
    field.select();
    try {
      done = document.execCommand("copy");
    } catch {
      done = false;
    }
    document.body.removeChild(field);
    focused?.focus?.();
    if (kept) {
      // the reader's own selection (a quoted passage) comes back as it was
      selection.removeAllRanges();
      selection.addRange(kept);
    }
    return done;
  }

  function copy(text) {
    if (navigator.clipboard?.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => {
        if (!copyBySelection(text)) throw new Error("not copied");
      });
    }
    return copyBySelection(text) ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  let hiding;
  /* A message in the page's live region (.share-status); `linger` ms later it goes, or with 0 it stays */
  function tell(region, message, linger) {
    region.classList.add("share-status--shown");
    region.textContent = "";
    clearTimeout(hiding);
    // Emptied first and filled a moment later, so that a screen reader announces a repeated message too.
    setTimeout(() => {
      region.textContent = message;
    }, 30);
    if (linger) {
      hiding = setTimeout(() => {
        region.classList.remove("share-status--shown");
        region.textContent = "";
      }, linger);
    }
  }

  /* ---- part 1: the copy buttons ------------------------------------------------------------------- */

  /* The buttons' clicks. `offers` maps a data-share kind that another part supplies (quote) to a function
     that gives what to copy now, or nothing. Returns `press`, which the other parts' shortcuts use. */
  function copyButtons(offers) {
    function wanted(button) {
      const kind = button.getAttribute("data-share");
      if (offers[kind]) {
        const text = offers[kind]();
        return text && { kind, text };
      }
      if (kind === "sentence") {
        // On the full text a sentence names its own Q&A page (data-url); elsewhere it is on that page.
        const home = button.getAttribute("data-url");
        return { kind: "link", text: home || `${pageAddress()}#${button.closest(".sentence").id}` };
      }
      const owner = button.closest("[data-url]");
      const url = owner.getAttribute("data-url");
      if (kind === "cite") {
        return { kind, text: `${owner.getAttribute("data-cite")}[${today()}]. ${url}.` };
      }
      if (kind === "markdown") return { kind, text: owner.getAttribute("data-markdown") };
      return { kind: "link", text: url };
    }

    function press(button) {
      const region = document.querySelector(".share-status");
      const copied = region && wanted(button);
      if (!copied) return;
      copy(copied.text).then(
        () => tell(region, said(copied.kind), 4000),
        () => tell(region, said("failed") + copied.text, 0),
      );
    }

    document.addEventListener("click", (event) => {
      const button = event.target.closest?.("button[data-share]");
      if (button) press(button);
    });
    return press;
  }

  /* ---- part 2: ranges of sentences, and the sentence in the address ------------------------------- */

  const IN_RANGE = "sentence--in-range";

  function sentenceIds() {
    return Array.from(document.querySelectorAll(".sentence"), (sentence) => sentence.id);
  }

  function sentenceRanges() {
    function show() {
      for (const marked of document.querySelectorAll(`.${IN_RANGE}`)) marked.classList.remove(IN_RANGE);
      const range = rangeIds(location.hash, sentenceIds()).map((id) => document.getElementById(id));
      for (const sentence of range) sentence.classList.add(IN_RANGE);
      if (range.length) range[0].scrollIntoView({ block: "start" });
    }
    show();
    window.addEventListener("hashchange", show);
  }

  /* The address keeps a sentence's fragment (#q6-s2, #q6-s2-s3) until the reader follows another link.
     The theme's anchor tracking (navigation.tracking) writes the heading nearest the top into the address
     with history.replaceState whenever the page scrolls, and scrolling to a sentence is such a scroll: on
     a page opened at a sentence, or a quarter of a second after its link is clicked, the sentence's
     fragment was gone. Headings stay tracked on every other address. */
  function keepSentenceAddress() {
    let kept = null;
    const remember = (hash) => {
      kept = hash && namesSentences(hash, sentenceIds()) ? hash : null;
    };
    remember(location.hash);
    window.addEventListener("hashchange", () => remember(location.hash));
    // A link within the page decides at once, before the scroll it causes is tracked.
    document.addEventListener(
      "click",
      (event) => {
        const link = event.target.closest?.("a[href]");
        if (link && link.origin === location.origin && link.pathname === location.pathname) {
          remember(link.hash);
        }
      },
      true,
    );
    const replace = history.replaceState;
    history.replaceState = function (...call) {
      const url = call[2]; // (state, unused, url): a call without url keeps the address as it is
      if (kept && url !== undefined && url !== null) {
        const next = new URL(url, location.href);
        if (next.pathname === location.pathname && next.hash !== kept) {
          next.hash = kept;
          call[2] = next.href;
        }
      }
      return replace.apply(this, call);
    };
  }

  /* ---- part 3: quoting a selection of sentences --------------------------------------------------- */
  // The control shows beside a selection made only of the interpretation's sentences. It copies the
  // selection exactly as the browser gives it, in quotation marks, the source line with the ids of the
  // sentences it touches, and the link to them. Alt+Q does the same, and a selection made from the
  // keyboard is announced with that shortcut. Returns what the control copies now, for copyButtons.

  function quoteSelection(control, press) {
    let quoting = null; // what the control would copy now
    let byKeyboard = false;

    function selectedText(node, range) {
      const text = node.nodeValue;
      const end = node === range.endContainer ? range.endOffset : text.length;
      return text.slice(node === range.startContainer ? range.startOffset : 0, end);
    }

    // The sentences whose text is selected, or null when the selection holds anything else.
    function touched(range) {
      const root = range.commonAncestorContainer;
      const walker = document.createTreeWalker(root.nodeType === 1 ? root : root.parentNode, NodeFilter.SHOW_TEXT);
      const found = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!range.intersectsNode(node) || !/\S/.test(selectedText(node, range))) continue;
        if (node.parentNode.closest("[hidden], .quote-selection")) continue; // not on screen, not copied
        const sentence = node.parentNode.closest(".sentence");
        if (!sentence) return null;
        if (found[found.length - 1] !== sentence) found.push(sentence);
      }
      return found.length ? found : null;
    }

    function quoteOf(selection) {
      if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
      const range = selection.getRangeAt(0);
      const text = selection.toString();
      if (!/\S/.test(text) || !control.closest("article").contains(range.commonAncestorContainer)) {
        return null;
      }
      const sentences = touched(range);
      if (!sentences) return null;
      const first = sentences[0].id;
      const last = sentences[sentences.length - 1].id;
      // On the full text a sentence's own address is on its Q&A page; a passage across two parts stays here.
      const home = sentences[0].querySelector("[data-url]");
      const across = partOf(first) !== partOf(last);
      const address = home && !across ? home.getAttribute("data-url").split("#")[0] : pageAddress();
      return {
        end: range,
        last: sentences[sentences.length - 1],
        text: quoteText({
          text,
          source: control.getAttribute("data-source"),
          range: control.getAttribute("data-range"),
          first,
          last,
          address,
        }),
      };
    }

    // The selection as it is now; the last one shown only where nothing is selected any more.
    function current() {
      const selection = window.getSelection();
      return selection && !selection.isCollapsed ? quoteOf(selection) : quoting;
    }

    // Right after the paragraph of the last selected sentence, so that Tab from the selection soon reaches
    // it; shown under the end of the selection.
    function place(quote) {
      const paragraph = quote.last.parentNode;
      if (paragraph.nextSibling !== control) paragraph.parentNode.insertBefore(control, paragraph.nextSibling);
      const range = quote.end;
      control.hidden = false;
      const rects = range.getClientRects();
      const end = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
      const box = (control.offsetParent || document.body).getBoundingClientRect();
      const width = control.offsetWidth;
      const left = Math.max(8, Math.min(end.right - width, document.documentElement.clientWidth - width - 8));
      control.style.left = `${left - box.left}px`;
      control.style.top = `${end.bottom - box.top + 6}px`;
    }

    function follow() {
      const next = quoteOf(window.getSelection());
      const region = document.querySelector(".share-status");
      if (!next) {
        quoting = null;
        if (!control.contains(document.activeElement)) control.hidden = true;
        return;
      }
      if (byKeyboard && !quoting && region) tell(region, control.getAttribute("data-hint"), 6000);
      quoting = next;
      place(next);
    }

    let pending;
    document.addEventListener("selectionchange", () => {
      clearTimeout(pending);
      pending = setTimeout(follow, 120);
    });
    document.addEventListener("pointerdown", (event) => {
      byKeyboard = false;
      // Pressing the control must not undo the selection it quotes.
      if (control.contains(event.target)) event.preventDefault();
    });
    document.addEventListener("keydown", (event) => {
      byKeyboard = true;
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyQ" && current()) {
        event.preventDefault();
        press(control.querySelector("button"));
      }
    });
    window.addEventListener("resize", () => {
      if (quoting) place(quoting);
    });
    return () => current()?.text;
  }

  /* ---- part 4: hover cards of a name link: on hover and on focus, Esc closes ---------------------- */
  // Each hover card is in the page already, hidden, and named by the name link's aria-describedby. It stays
  // open while the pointer is on the name link or on the card itself.

  function hoverCards() {
    const NAME_LINK = ".sentence a[aria-describedby]";
    let shown = null;
    let opening;
    let closing;

    function hoverCardOf(link) {
      const card = document.getElementById(link.getAttribute("aria-describedby"));
      return card?.classList.contains("hover-card") ? card : null;
    }

    function open(link) {
      clearTimeout(opening);
      clearTimeout(closing);
      const card = hoverCardOf(link);
      if (!card) return;
      if (shown && shown.card !== card) close();
      link.removeAttribute("title"); // the card says more, and two boxes would cover each other
      card.hidden = false;
      shown = { link, card };
      const rects = link.getClientRects();
      const at = rects.length ? rects[0] : link.getBoundingClientRect();
      const box = (card.offsetParent || document.body).getBoundingClientRect();
      const width = card.offsetWidth;
      const height = card.offsetHeight;
      const left = Math.max(8, Math.min(at.left, document.documentElement.clientWidth - width - 8));
      const below = at.bottom + 6 + height <= window.innerHeight || at.top - 6 - height < 0;
      card.style.left = `${left - box.left}px`;
      card.style.top = `${(below ? at.bottom + 6 : at.top - 6 - height) - box.top}px`;
    }

    function close() {
      clearTimeout(opening);
      clearTimeout(closing);
      if (shown) shown.card.hidden = true;
      shown = null;
    }

    function within(node) {
      return node?.closest ? node.closest(`${NAME_LINK}, .hover-card`) : null;
    }

    document.addEventListener("mouseover", (event) => {
      const over = within(event.target);
      if (!over) return;
      clearTimeout(closing);
      if (over.matches(NAME_LINK) && (!shown || shown.link !== over)) {
        clearTimeout(opening);
        opening = setTimeout(() => open(over), 150);
      }
    });
    document.addEventListener("mouseout", (event) => {
      if (!within(event.target) || within(event.relatedTarget)) return;
      clearTimeout(opening);
      if (shown && shown.link !== document.activeElement) closing = setTimeout(close, 300);
    });
    document.addEventListener("focusin", (event) => {
      const link = event.target.closest?.(NAME_LINK);
      if (link) open(link);
      else if (shown) close();
    });
    document.addEventListener("focusout", (event) => {
      if (shown && shown.link === event.target) close();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && shown) close();
    });
  }

  /* ---- the page ----------------------------------------------------------------------------------- */

  if (typeof module !== "undefined") {
    // tests/js/: the parts that need no page
    module.exports = { fill, today, rangeIds, namesSentences, rangeFragment, quoteText };
    return;
  }
  const offers = {};
  const press = copyButtons(offers);
  sentenceRanges();
  keepSentenceAddress();
  const control = document.querySelector(".quote-selection");
  if (control) offers.quote = quoteSelection(control, press);
  hoverCards();
})();
