/* Chinese search for this site.
 *
 * The build indexes Chinese as overlapping character pairs (hooks/plansite/search.py explains why). This
 * script reads the reader's query the same way before it reaches the theme's search worker: it folds the
 * query (NFKC, lower case, traditional to simplified, Chinese numerals to digits), maps item names such as
 * 措施5 or 第四问 to their ids, and turns each Chinese word into its pairs, all required. On the way back
 * it marks the query's words in the results, carries them to the page a result opens, and says what to
 * try when nothing was found.
 */
(() => {
  "use strict"

  // Filled in by hooks/site.py at build time from data/ and the site's text.
  const TABLES = /* plan:search-tables */ null
  if (!TABLES || !window.Worker) return

  const QUERY = 2                    // the theme's message type for "run this query"
  const HAN = TABLES.han
  const UNIT = new RegExp(`[0-9]+|[${HAN}]`, "g")
  const RUN = new RegExp(`(?:[0-9]+|[${HAN}])+`, "g")
  const LATIN = /[a-z0-9]*[a-z][a-z0-9]*/g
  const NUMERAL = new RegExp(`[${Object.keys(TABLES.digits).join("")}${Object.keys(TABLES.powers).join("")}]+`, "g")
  const SPLIT = /[\s,，、;；。:：!！?？"“”'‘’()（）《》+\-*~^]+/

  /* 二〇二五 → 2025, 十四 → 14, 一百零五 → 105 (as the build reads them) */
  function numeralValue(numeral) {
    const chars = [...numeral]
    if (!chars.some(c => c in TABLES.powers))
      return chars.map(c => TABLES.digits[c]).join("")
    let total = 0, current = 0
    for (const c of chars) {
      if (c in TABLES.powers) {
        total += (current || 1) * TABLES.powers[c]
        current = 0
      } else {
        current = TABLES.digits[c]
      }
    }
    return String(total + current)
  }

  function simplify(text) {
    return [...text.normalize("NFKC").toLowerCase()].map(c => TABLES.simplified[c] || c).join("")
  }

  function fold(text) {
    return simplify(text).replace(NUMERAL, numeralValue)
  }

  /* 14项措施 → 14_项 项_措 措_施, for one run of Chinese characters and numbers */
  function runPairs(run) {
    const units = run.match(UNIT) || []
    const found = []
    for (let i = 0; i + 1 < units.length; i++)
      found.push(units[i] + TABLES.join + units[i + 1])
    return found
  }

  /* The pairs the build indexes for a text (hooks/plansite/search.py: pairs) */
  function pairs(text) {
    return (fold(text).match(RUN) || []).flatMap(runPairs)
  }

  /* The query the worker runs: ids exact, Chinese as required pairs, Latin words as typed */
  function translate(query) {
    const terms = []
    for (const word of query.split(SPLIT)) {
      if (!word) continue
      const folded = fold(word)
      const id = TABLES.ids[folded]
      if (id) {
        terms.push(`+${id}`)
        continue
      }
      const latin = folded.match(LATIN) || []
      terms.push(...latin)
      for (const run of folded.replace(LATIN, " ").match(RUN) || []) {
        const found = runPairs(run)
        if (found.length)
          terms.push(...found.map(pair => `+${pair}`))
        else
          terms.push(`+${run}${TABLES.join}*`)     // one character: any pair that starts with it
      }
    }
    return terms.length ? [...new Set(terms)].join(" ") : query
  }

  /* What to mark in the results and on the page a result opens: the query's words, simplified */
  function needles(query) {
    const found = []
    for (const word of query.split(SPLIT)) {
      const simple = simplify(word)
      found.push(...simple.match(RUN) || [])
      if (!TABLES.ids[fold(word)]) found.push(...simple.match(LATIN) || [])
    }
    return [...new Set(found)].filter(Boolean)
  }

  let current = ""

  // The theme talks to its worker with postMessage; a query is only ever sent once the worker has
  // answered that its index is ready, long after this script has run, so patching the method here is
  // enough. Offline, window.Worker is the iframe-worker shim's class, which has its own postMessage.
  const send = window.Worker.prototype.postMessage
  window.Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      current = message.data
      message = { ...message, data: translate(message.data) }
    }
    return send.call(this, message, ...rest)
  }

  // Exposed for the site's tests, which check that browser and build fold text alike.
  window.__planSearch = { fold, pairs, translate, needles }

  /* ---- results ------------------------------------------------------------------------------- */

  function markText(root, words) {
    const text = root.textContent
    const targets = []
    for (const word of words) {
      if (text.includes(word)) targets.push(word)
      else if (word.length > 2)
        for (let i = 0; i + 2 <= word.length; i++)
          if (text.includes(word.slice(i, i + 2))) targets.push(word.slice(i, i + 2))
    }
    const cjk = targets.filter(t => new RegExp(`[${HAN}]`).test(t)).sort((a, b) => b.length - a.length)
    if (!cjk.length) return
    const pattern = new RegExp(cjk.map(t => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g")
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes = []
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement.closest("mark")) nodes.push(node)
    for (const node of nodes) {
      const value = node.nodeValue
      pattern.lastIndex = 0
      if (!pattern.test(value)) continue
      const fragment = document.createDocumentFragment()
      let last = 0
      value.replace(pattern, (match, offset) => {
        fragment.append(value.slice(last, offset))
        const mark = document.createElement("mark")
        mark.textContent = match
        fragment.append(mark)
        last = offset + match.length
        return match
      })
      fragment.append(value.slice(last))
      node.replaceWith(fragment)
    }
  }

  function showResults(list) {
    const words = needles(current)
    for (const item of list.querySelectorAll(".md-search-result__item:not([data-plan-marked])")) {
      item.setAttribute("data-plan-marked", "")
      for (const link of item.querySelectorAll("a[href]")) {
        const url = new URL(link.href)
        if (url.searchParams.has("h") && words.length) {
          url.searchParams.set("h", words.join(" "))
          link.href = url.href
        }
      }
      for (const article of item.querySelectorAll("article")) markText(article, words)
    }
  }

  function showHint(meta) {
    let hint = meta.parentElement.querySelector(".search-hint")
    const empty = current.trim() && !meta.closest(".md-search-result").querySelector(".md-search-result__item")
    if (empty && !hint) {
      hint = document.createElement("p")
      hint.className = "search-hint"
      hint.textContent = TABLES.nothing
      meta.after(hint)
    }
    if (hint) hint.hidden = !empty
  }

  function watchResults() {
    const output = document.querySelector(".md-search-result")
    if (!output) return
    const list = output.querySelector(".md-search-result__list")
    const meta = output.querySelector(".md-search-result__meta")
    new MutationObserver(() => {
      showResults(list)
      showHint(meta)
    }).observe(output, { childList: true, subtree: true, characterData: true })
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchResults)
  else watchResults()
})()
