/* The copy buttons: a node's canonical link, its GB/T 7714 citation or a Markdown link, and a sentence's
   canonical link.
   The page carries the address and the citation up to its access date; the day of copying is added here.
   The confirmation goes to the page's live region (.share-status), in the words of the page's language. */
(function () {
  "use strict";

  // What a confirmation says, by the page's <html lang>; written in by the build (plansite/share.py).
  var WORDS = /* plan:share */ null;
  function said(kind) {
    var words = WORDS && (WORDS[document.documentElement.lang] || WORDS["zh-CN"]);
    if (!words) console.error("share.js: the build did not write in the confirmations' words");
    return (words && words[kind]) || "";
  }

  function today() {
    var now = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function pageAddress() {
    // The online address, also in the offline copy, whose own address is a file on disk.
    var canonical = document.querySelector('link[rel="canonical"]');
    return (canonical ? canonical.href : location.href).split("#")[0];
  }

  function wanted(button) {
    var kind = button.getAttribute("data-share");
    if (kind === "quote") {
      var quote = currentQuote();
      return quote && { kind: "quote", text: quote.text };
    }
    if (kind === "sentence") {
      // On the full text a sentence names its own Q&A page (data-url); elsewhere it is on that page.
      var home = button.getAttribute("data-url");
      return { kind: "link", text: home || pageAddress() + "#" + button.closest(".sentence").id };
    }
    var owner = button.closest("[data-url]");
    var url = owner.getAttribute("data-url");
    if (kind === "cite") {
      return { kind: "cite", text: owner.getAttribute("data-cite") + "[" + today() + "]. " + url + "." };
    }
    if (kind === "markdown") return { kind: "markdown", text: owner.getAttribute("data-markdown") };
    return { kind: "link", text: url };
  }

  // Where the asynchronous clipboard is missing or refused (file:// is not a secure context in every
  // browser), the older way: select the text in a field nobody sees and ask the browser to copy it.
  function copyBySelection(text) {
    var field = document.createElement("textarea");
    var focused = document.activeElement;
    var selection = window.getSelection();
    var kept = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    var done = false;
    field.value = text;
    field.setAttribute("readonly", "");
    field.setAttribute("aria-hidden", "true");
    field.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0";
    document.body.appendChild(field);
    field.select();
    try {
      done = document.execCommand("copy");
    } catch (error) {
      done = false;
    }
    document.body.removeChild(field);
    if (focused && focused.focus) focused.focus();
    if (kept) {  // the reader's own selection (a quoted passage) comes back as it was
      selection.removeAllRanges();
      selection.addRange(kept);
    }
    return done;
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyBySelection(text)) throw new Error("not copied");
      });
    }
    return copyBySelection(text) ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  var hide;
  function tell(region, message, linger) {
    region.classList.add("share-status--shown");
    region.textContent = "";
    clearTimeout(hide);
    // Emptied first and filled a moment later, so that a screen reader announces a repeated message too.
    setTimeout(function () { region.textContent = message; }, 30);
    if (linger) {
      hide = setTimeout(function () {
        region.classList.remove("share-status--shown");
        region.textContent = "";
      }, linger);
    }
  }

  function press(button) {
    var region = document.querySelector(".share-status");
    var copied = region && wanted(button);
    if (!copied) return;
    copy(copied.text).then(
      function () { tell(region, said(copied.kind), 4000); },
      function () { tell(region, said("failed") + copied.text, 0); }
    );
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-share]") : null;
    if (button) press(button);
  });

  // ---- A range of sentences: #q6-s2-s3 is q6-s2 to q6-s3 -------------------------------------------
  // The first sentence's id, then the last one's number (or its whole id, where a page holds several parts,
  // as the full text does). Only ASCII letters, digits and hyphens: chat apps link it whole. A single
  // sentence (#q6-s2) is the browser's own :target, untouched.
  var RANGE = /^([a-z0-9]+)-s(\d+)-(?:([a-z0-9]+)-)?s(\d+)$/;
  var IN_RANGE = "sentence--in-range";

  function sentencesFrom(first, last) {
    if (last.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) {
      var swap = first; first = last; last = swap;  // written backwards: the same sentences
    }
    var all = Array.prototype.slice.call(document.querySelectorAll(".sentence"));
    return all.slice(all.indexOf(first), all.indexOf(last) + 1);
  }

  function rangeOf(hash) {
    var found = RANGE.exec(hash.replace(/^#/, ""));
    if (!found) return [];
    var first = document.getElementById(found[1] + "-s" + found[2]);
    var last = document.getElementById((found[3] || found[1]) + "-s" + found[4]);
    if (!first || !first.classList.contains("sentence")) return [];
    if (!last || !last.classList.contains("sentence")) return [first];  // a range past the end: its start
    return sentencesFrom(first, last);
  }

  function showRange() {
    var marked = document.querySelectorAll("." + IN_RANGE);
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove(IN_RANGE);
    var range = rangeOf(location.hash);
    for (var j = 0; j < range.length; j++) range[j].classList.add(IN_RANGE);
    if (range.length) range[0].scrollIntoView({ block: "start" });
  }

  function part(id) { return id.replace(/-s\d+$/, ""); }

  function rangeFragment(first, last) {
    if (first === last) return first;
    return first + "-" + (part(first) === part(last) ? last.slice(part(last).length + 1) : last);
  }

  showRange();
  window.addEventListener("hashchange", showRange);

  // ---- Quoting a selection of sentences ----------------------------------------------------------
  // The control (hooks/plansite/quoting.py) shows beside a selection made only of the interpretation's
  // sentences. It copies the selection exactly as the browser gives it, in quotation marks, the source
  // line with the ids of the sentences it touches, and the link to them. Alt+Q does the same, and a
  // selection made from the keyboard is announced with that shortcut.
  var control = document.querySelector(".quote-selection");
  var quoting = null;  // what the control would copy now
  var byKeyboard = false;

  function selectedText(node, range) {
    var text = node.nodeValue;
    var end = node === range.endContainer ? range.endOffset : text.length;
    return text.slice(node === range.startContainer ? range.startOffset : 0, end);
  }

  function touched(range) {
    // The sentences whose text is selected, or null when the selection holds anything else.
    var root = range.commonAncestorContainer;
    var walker = document.createTreeWalker(root.nodeType === 1 ? root : root.parentNode, NodeFilter.SHOW_TEXT);
    var found = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!range.intersectsNode(node) || !/\S/.test(selectedText(node, range))) continue;
      if (node.parentNode.closest("[hidden], .quote-selection")) continue;  // not on screen, not copied
      var sentence = node.parentNode.closest(".sentence");
      if (!sentence) return null;
      if (found[found.length - 1] !== sentence) found.push(sentence);
    }
    return found.length ? found : null;
  }

  function quoteOf(selection) {
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var text = selection.toString();
    if (!/\S/.test(text) || !control.closest("article").contains(range.commonAncestorContainer)) return null;
    var sentences = touched(range);
    if (!sentences) return null;
    var first = sentences[0].id, last = sentences[sentences.length - 1].id;
    var fragment = rangeFragment(first, last);
    // On the full text a sentence's own address is on its Q&A page; a passage across two parts stays here.
    var home = sentences[0].querySelector("[data-url]");
    var across = part(first) !== part(last);
    var base = home && !across ? home.getAttribute("data-url").split("#")[0] : pageAddress();
    var ids = first === last ? first : control.getAttribute("data-range").replace("{first}", first).replace("{last}", last);
    return {
      end: range,
      last: sentences[sentences.length - 1],
      text: "\u201c" + text + "\u201d\n" + control.getAttribute("data-source").replace("{ids}", ids) + "\n" + base + "#" + fragment
    };
  }

  function currentQuote() {
    // The selection as it is now; the last one shown only where nothing is selected any more.
    var selection = window.getSelection();
    return selection && !selection.isCollapsed ? quoteOf(selection) : quoting;
  }

  function place(quote) {
    // Right after the paragraph of the last selected sentence, so that Tab from the selection soon reaches
    // it; shown under the end of the selection.
    var paragraph = quote.last.parentNode;
    if (paragraph.nextSibling !== control) paragraph.parentNode.insertBefore(control, paragraph.nextSibling);
    var range = quote.end;
    control.hidden = false;
    var rects = range.getClientRects();
    var end = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    var box = (control.offsetParent || document.body).getBoundingClientRect();
    var width = control.offsetWidth;
    var left = Math.max(8, Math.min(end.right - width, document.documentElement.clientWidth - width - 8));
    control.style.left = left - box.left + "px";
    control.style.top = end.bottom - box.top + 6 + "px";
  }

  function followSelection() {
    var next = quoteOf(window.getSelection());
    var region = document.querySelector(".share-status");
    if (!next) {
      quoting = null;
      if (!control.contains(document.activeElement)) control.hidden = true;
      return;
    }
    if (byKeyboard && !quoting && region) tell(region, control.getAttribute("data-hint"), 6000);
    quoting = next;
    place(next);
  }

  if (control) {
    var pending;
    document.addEventListener("selectionchange", function () {
      clearTimeout(pending);
      pending = setTimeout(followSelection, 120);
    });
    document.addEventListener("pointerdown", function (event) {
      byKeyboard = false;
      // Pressing the control must not undo the selection it quotes.
      if (control.contains(event.target)) event.preventDefault();
    });
    document.addEventListener("keydown", function (event) {
      byKeyboard = true;
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyQ" && currentQuote()) {
        event.preventDefault();
        press(control.querySelector("button"));
      }
    });
    window.addEventListener("resize", function () { if (quoting) place(quoting); });
  }

  // ---- Previews of a named item: on hover and on focus, Esc closes -------------------------------
  // Each preview is in the page already (hooks/plansite/mentions.py), hidden, and named by the link's
  // aria-describedby. It stays open while the pointer is on the link or on the preview itself.
  var MENTION = ".sentence a[aria-describedby]";
  var shown = null, opening, closing;

  function previewOf(link) {
    var preview = document.getElementById(link.getAttribute("aria-describedby"));
    return preview && preview.classList.contains("mention-preview") ? preview : null;
  }

  function open(link) {
    clearTimeout(opening);
    clearTimeout(closing);
    var preview = previewOf(link);
    if (!preview) return;
    if (shown && shown.preview !== preview) close();
    link.removeAttribute("title");  // the preview says more, and two boxes would cover each other
    preview.hidden = false;
    shown = { link: link, preview: preview };
    var rects = link.getClientRects();
    var at = rects.length ? rects[0] : link.getBoundingClientRect();
    var box = (preview.offsetParent || document.body).getBoundingClientRect();
    var width = preview.offsetWidth, height = preview.offsetHeight;
    var left = Math.max(8, Math.min(at.left, document.documentElement.clientWidth - width - 8));
    var below = at.bottom + 6 + height <= window.innerHeight || at.top - 6 - height < 0;
    preview.style.left = left - box.left + "px";
    preview.style.top = (below ? at.bottom + 6 : at.top - 6 - height) - box.top + "px";
  }

  function close() {
    clearTimeout(opening);
    clearTimeout(closing);
    if (shown) shown.preview.hidden = true;
    shown = null;
  }

  function within(node) {
    return node && node.closest ? node.closest(MENTION + ", .mention-preview") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var over = within(event.target);
    if (!over) return;
    clearTimeout(closing);
    if (over.matches(MENTION) && (!shown || shown.link !== over)) {
      clearTimeout(opening);
      opening = setTimeout(function () { open(over); }, 150);
    }
  });
  document.addEventListener("mouseout", function (event) {
    if (!within(event.target) || within(event.relatedTarget)) return;
    clearTimeout(opening);
    if (shown && shown.link !== document.activeElement) closing = setTimeout(close, 300);
  });
  document.addEventListener("focusin", function (event) {
    var link = event.target.closest ? event.target.closest(MENTION) : null;
    if (link) open(link);
    else if (shown) close();
  });
  document.addEventListener("focusout", function (event) {
    if (shown && shown.link === event.target) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) close();
  });
})();
