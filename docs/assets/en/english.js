// The English pages' side-by-side view: the button in the translation notice shows every sentence's
// Chinese original beside it (and remembers the choice); without it the original shows on hover and focus.
(() => {
  "use strict";
  const KEY = "plan-bilingual";
  const button = document.querySelector("[data-bilingual]");
  if (!button) return;
  function show(on) {
    document.body.classList.toggle("bilingual", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    try {
      localStorage.setItem(KEY, on ? "1" : "0");
    } catch {
      /* file:// or private mode: not kept */
    }
  }
  let stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    /* as above */
  }
  show(stored === "1");
  button.addEventListener("click", () => {
    show(!document.body.classList.contains("bilingual"));
  });
})();
