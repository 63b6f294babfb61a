// What the Node tests of the site's browser scripts share: the repository's root, the scripts themselves,
// and what the build writes into them (tests/js/build_tables.py, run with the project's Python).
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");

function python() {
  if (process.env.PLAN_PYTHON) return process.env.PLAN_PYTHON;
  const venv = path.join(ROOT, ".venv", "bin", "python");
  return fs.existsSync(venv) ? venv : "python3";
}

/* The engine's tables as plansite/search.py makes them for this plan, and `texts` folded by the build */
function buildSide(texts = []) {
  const output = execFileSync(python(), [path.join(__dirname, "build_tables.py")], {
    input: JSON.stringify(texts),
    encoding: "utf-8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output);
}

/* A script of docs/assets/, loaded as Node loads a module (it exports its parts only there) */
function script(relative) {
  return require(path.join(ROOT, "docs", "assets", relative));
}

/* The search plugin's separator in mkdocs.yml, with which the theme and the engine split a query into words */
function separator() {
  const config = fs.readFileSync(path.join(ROOT, "mkdocs.yml"), "utf-8");
  const quoted = /^\s*separator:\s*'((?:[^']|'')*)'/m.exec(config);
  if (!quoted) throw new Error("mkdocs.yml: no single-quoted search separator");
  return quoted[1].replace(/''/g, "'");
}

module.exports = { ROOT, buildSide, script, separator };
