/* The search box, for Chinese readers.
 *
 * The engine itself runs in the theme's worker slot (search-worker.js: ranking, snippets, marks, and the
 * words a result lacks). This script does what must happen in the page:
 *
 * - searches at once when a phrase is pasted with the mouse or committed by an input method: the theme
 *   reads the box only on key-up, so a pasted phrase would otherwise wait for the next key;
 * - says what to try when nothing was found;
 * - checks that the page is as hooks/plansite/material.py says (the search box, the result list, and the
 *   theme's settings pointing at the site's worker) and logs a console error when it is not.
 */
(() => {
  "use strict";

  // What the site assumes about the theme, filled in by the build from hooks/plansite/material.py.
  const SITE = /* plan:search */ null;
  if (!SITE) {
    console.error("search.js: the build did not fill in what the site assumes about the theme");
    return;
  }

  function complain(what) {
    console.error(`search.js: ${what} (see hooks/plansite/material.py)`);
  }

  function checkSettings() {
    const settings = document.getElementById("__config");
    try {
      const url = JSON.parse(settings.textContent).search;
      if (typeof url !== "string" || !url.endsWith(SITE.worker))
        complain(`the theme's settings do not name the site's search worker: ${url}`);
    } catch {
      complain("the theme's settings (#__config) cannot be read");
    }
  }

  /* The theme reads the query on key-up: raise one when text arrives without a key being released */
  function searchOnInput(box) {
    const read = () => box.dispatchEvent(new KeyboardEvent(SITE.event, { bubbles: true }));
    box.addEventListener("input", (event) => {
      if (!event.isComposing) read();
    });
    box.addEventListener("compositionend", read);
  }

  function showHint(output, query) {
    const meta = output.querySelector(SITE.selectors.meta);
    let hint = output.querySelector(".search-hint");
    const empty = query.value.trim() !== "" && !output.querySelector(SITE.selectors.item);
    if (empty && !hint) {
      hint = document.createElement("p");
      hint.className = "search-hint";
      hint.textContent = SITE.nothing;
      meta.after(hint);
    }
    if (hint) hint.hidden = !empty;
  }

  function start() {
    checkSettings();
    const box = document.querySelector(SITE.selectors.input);
    const output = document.querySelector(SITE.selectors.output);
    const missing = Object.entries(SITE.selectors)
      .filter(([name, selector]) => name !== "item" && !document.querySelector(selector))
      .map(([name, selector]) => `${name} (${selector})`);
    if (missing.length) {
      complain(`the search markup changed, not found: ${missing.join(", ")}`);
      return;
    }
    searchOnInput(box);
    new MutationObserver(() => showHint(output, box)).observe(output, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
