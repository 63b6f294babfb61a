/* The copy buttons: a node's canonical link or its GB/T 7714 citation, and a sentence's canonical link.
   The page carries the address and the citation up to its access date; the day of copying is added here.
   The confirmation goes to the page's live region (.share-status), whose words the page also carries. */
(function () {
  "use strict";

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
    return { kind: "link", text: url };
  }

  // Where the asynchronous clipboard is missing or refused (file:// is not a secure context in every
  // browser), the older way: select the text in a field nobody sees and ask the browser to copy it.
  function copyBySelection(text) {
    var field = document.createElement("textarea");
    var focused = document.activeElement;
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-share]") : null;
    var region = document.querySelector(".share-status");
    if (!button || !region) return;
    var copied = wanted(button);
    copy(copied.text).then(
      function () { tell(region, region.getAttribute("data-" + copied.kind), 4000); },
      function () { tell(region, region.getAttribute("data-failed") + copied.text, 0); }
    );
  });
})();
