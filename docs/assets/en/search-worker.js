// The English edition's search worker: the theme's own worker (lunr, English stop words and the Porter
// stemmer in the index), with every English word of a query stemmed the same way first. The theme adds a
// trailing wildcard to each word, and lunr runs no stemmer on a wildcard term: without this, "standards"
// would miss the indexed "standard". A Chinese query asks for every one of its characters. The build writes the message number of a query below and appends the
// theme's worker after this file (hooks/site_english.py); the page settings name this file as the worker.
"use strict";
(() => {
  const settings = /* plan:search */ null;
  if (!settings) return;
  const add = self.addEventListener.bind(self);
  // The theme's worker registers its message listener when it loads, right after this file.
  self.addEventListener = (type, listener, options) => {
    if (type !== "message") return add(type, listener, options);
    return add(
      type,
      function (event) {
        const message = event.data;
        if (message && message.type === settings.query && typeof message.data === "string") {
          return listener.call(this, { data: { type: message.type, data: stem(message.data) } });
        }
        return listener.call(this, event);
      },
      options,
    );
  };

  function stem(query) {
    const lunr = self.lunr;
    if (!lunr?.stemmer) {
      console.error(
        "search-worker.js: the theme's worker no longer provides lunr.stemmer (hooks/plansite/material.py)",
      );
      return query;
    }
    // Chinese is indexed a character at a time (mkdocs.en.yml): a page must have every character of the
    // query, or a single common character in some heading would outrank the page that has them all.
    const spelled = query
      .replace(/[\u4e00-\u9fff]+/g, (run) => ` ${Array.from(run, (character) => `+${character}`).join(" ")} `)
      .trim();
    return spelled
      .split(/(\s+)/)
      .map((word) => (/^[A-Za-z]{3,}$/.test(word) ? lunr.stemmer(new lunr.Token(word.toLowerCase())).toString() : word))
      .join("");
  }
})();
