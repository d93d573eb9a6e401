"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const PAGE_EDITS = 400;
  // Every edit, numbered, with its state: accepted unless a suggestion.
  const edits = [];
  for (const [f, file] of data.files.entries()) {
    for (const chunk of file.chunks) {
      for (const seg of chunk.segments) {
        if (typeof seg !== "string") {
          seg.id = edits.length;
          seg.file = f;
          seg.accepted = seg.applied;
          edits.push(seg);
        }
      }
    }
  }
  const rejectedRules = new Set();
  const el = id => document.getElementById(id);
  const text = s => document.createTextNode(s);

  // Pages: runs of chunks holding about PAGE_EDITS edits.
  const pages = [];
  let current = { items: [], edits: 0 };
  for (const [f, file] of data.files.entries()) {
    for (const [c, chunk] of file.chunks.entries()) {
      const n = chunk.segments.filter(s => typeof s !== "string").length;
      if (current.edits > 0 && current.edits + n > PAGE_EDITS) {
        pages.push(current);
        current = { items: [], edits: 0 };
      }
      current.items.push([f, c]);
      current.edits += n;
    }
  }
  pages.push(current);
  let page = 0;
  let focused = -1;

  function ruleName(r) { return r.name; }

  function renderRules() {
    const body = document.querySelector("#rules tbody");
    const select = el("rule-filter");
    for (const r of data.rules) {
      const row = document.createElement("tr");
      row.dataset.rule = r.name;
      const keep = document.createElement("input");
      keep.type = "checkbox"; keep.className = "keep"; keep.checked = true;
      keep.setAttribute("aria-label", "keep " + r.name);
      keep.addEventListener("change", () => {
        if (keep.checked) rejectedRules.delete(r.name); else rejectedRules.add(r.name);
        for (const e of edits) {
          if (e.rules.includes(r.name)) e.accepted = keep.checked && e.applied;
        }
        update();
      });
      const cell = node => { const td = document.createElement("td"); td.append(node); row.append(td); };
      cell(keep);
      for (const v of [r.from, r.to, r.kind, r.words, r.tokens, r.confidence.toFixed(3),
        r.rate == null ? "" : r.rate.toFixed(3), r.keyness == null ? "" : r.keyness.toFixed(1),
        r.examples.map(([s, d]) => s + " \u2192 " + d).join(", ")]) {
        cell(text(String(v)));
      }
      body.append(row);
      const option = document.createElement("option");
      option.value = r.name; option.textContent = r.name;
      select.append(option);
    }
    const kinds = new Set(edits.map(e => e.kind));
    for (const k of kinds) {
      const option = document.createElement("option");
      option.value = k; option.textContent = k;
      el("kind-filter").append(option);
    }
  }

  function renderFiles() {
    const body = document.querySelector("#files tbody");
    for (const [f, file] of data.files.entries()) {
      const row = document.createElement("tr");
      row.dataset.file = f;
      const link = document.createElement("a");
      link.href = "#file-" + f; link.textContent = file.name;
      link.addEventListener("click", ev => { ev.preventDefault(); goToFile(f); });
      for (const node of [link, text(String(file.edits)), text(String(file.suggestions)), text("")]) {
        const td = document.createElement("td"); td.append(node); row.append(td);
      }
      body.append(row);
    }
  }

  function goToFile(f) {
    const p = pages.findIndex(pg => pg.items.some(([g]) => g === f));
    if (p >= 0) { page = p; renderPage(); }
    const h = el("file-" + f);
    if (h) h.scrollIntoView();
  }

  function editNode(e) {
    const span = document.createElement("span");
    span.className = "edit" + (e.applied ? "" : " suggestion");
    span.dataset.id = e.id;
    span.dataset.kind = e.kind;
    span.title = e.before + " \u2192 " + e.after + " by " + e.label + ", " + e.kind +
      ", confidence " + e.confidence.toFixed(2) + ", line " + e.line + ":" + e.column +
      (e.applied ? "" : " (whole-word suggestion)");
    const del = document.createElement("del"); del.textContent = e.before.replace(/\n/g, "\u23ce\n");
    const ins = document.createElement("ins"); ins.textContent = e.after;
    span.append(del, ins);
    span.addEventListener("click", () => { toggle(e.id); });
    return span;
  }

  function renderPage() {
    const texts = el("texts");
    texts.textContent = "";
    let lastFile = -1;
    let section = null;
    for (const [f, c] of pages[page].items) {
      const file = data.files[f];
      if (f !== lastFile) {
        section = document.createElement("section");
        section.className = "file";
        const h = document.createElement("h2");
        h.id = "file-" + f;
        h.textContent = file.name + (file.whole ? "" : " (the lines around each edit)");
        section.append(h);
        texts.append(section);
        lastFile = f;
      }
      const chunk = file.chunks[c];
      const box = document.createElement("div");
      box.className = "chunk";
      let n = chunk.line;
      let line = null;
      const newLine = () => {
        line = document.createElement("div"); line.className = "line";
        const ln = document.createElement("span"); ln.className = "ln"; ln.textContent = n;
        const code = document.createElement("span"); code.className = "code";
        line.append(ln, code); box.append(line);
        return code;
      };
      let code = newLine();
      for (const seg of chunk.segments) {
        if (typeof seg === "string") {
          const parts = seg.split("\n");
          for (const [i, part] of parts.entries()) {
            if (i > 0) { n += 1; code = newLine(); }
            if (part) code.append(text(part));
          }
        } else {
          code.append(editNode(seg));
          n += (seg.before.match(/\n/g) || []).length;
        }
      }
      if (!code.textContent && box.lastChild === line && box.childNodes.length > 1) box.removeChild(line);
      section.append(box);
    }
    el("page-label").textContent = "page " + (page + 1) + " of " + pages.length;
    el("prev-page").disabled = page === 0;
    el("next-page").disabled = page === pages.length - 1;
    update();
  }

  function toggle(id) {
    const e = edits[id];
    e.accepted = !e.accepted;
    focus(id);
    update();
  }

  function visible(e) {
    const rule = el("rule-filter").value;
    const kind = el("kind-filter").value;
    const minimum = parseFloat(el("confidence-filter").value);
    return (rule === "" || e.rules.includes(rule)) && (kind === "" || e.kind === kind) &&
      e.confidence >= minimum;
  }

  function update() {
    const minimum = parseFloat(el("confidence-filter").value);
    el("confidence-value").textContent = minimum.toFixed(2);
    for (const row of document.querySelectorAll("#rules tbody tr")) {
      row.classList.toggle("rejected", rejectedRules.has(row.dataset.rule));
    }
    for (const node of document.querySelectorAll(".edit")) {
      const e = edits[node.dataset.id];
      node.classList.toggle("rejected", !e.accepted);
      node.classList.toggle("filtered", !visible(e));
      node.classList.toggle("current", e.id === focused);
    }
    const accepted = edits.filter(e => e.accepted).length;
    for (const row of document.querySelectorAll("#files tbody tr")) {
      const f = Number(row.dataset.file);
      row.lastChild.textContent = String(edits.filter(e => e.file === f && e.accepted).length);
    }
    el("summary").textContent = accepted + " of " + edits.length + " edits accepted in " +
      data.files.length + (data.files.length === 1 ? " file" : " files") + " by " +
      data.rules.length + (data.rules.length === 1 ? " rule" : " rules");
    document.body.classList.toggle("show-before", el("show-before").checked);
  }

  function focus(id) {
    focused = id;
    const e = edits[id];
    const p = pages.findIndex(pg => pg.items.some(([f, c]) =>
      f === e.file && data.files[f].chunks[c].segments.includes(e)));
    if (p >= 0 && p !== page) { page = p; renderPage(); }
    const node = document.querySelector('.edit[data-id="' + id + '"]');
    if (node) node.scrollIntoView({ block: "center" });
    update();
  }

  function step(by) {
    const shown = edits.filter(visible);
    if (shown.length === 0) return;
    let i = shown.findIndex(e => e.id === focused);
    i = i < 0 ? (by > 0 ? 0 : shown.length - 1) : (i + by + shown.length) % shown.length;
    focus(shown[i].id);
  }

  // The text of one file's chunk with the accepted edits.
  function chunkText(chunk, accepted) {
    return chunk.segments.map(s => typeof s === "string" ? s :
      (accepted && s.accepted ? s.after : s.before)).join("");
  }

  // A patch of the accepted edits: each run of touched lines replaced, no
  // context (patch -p1, git apply --unidiff-zero).
  function patch() {
    let out = "";
    for (const file of data.files) {
      const hunks = [];
      let shift = 0;
      for (const chunk of file.chunks) {
        let oldLine = chunk.line, lineOld = "", lineNew = "", touched = false;
        let run = null;
        const close = () => {
          if (!run) return;
          const oldLines = run.old.split(/(?<=\n)/).filter(x => x !== "");
          const newLines = run.new.split(/(?<=\n)/).filter(x => x !== "");
          const start = run.first;
          hunks.push("@@ -" + start + "," + oldLines.length + " +" + (newLines.length ? start + shift : start + shift - 1) + "," + newLines.length + " @@\n" +
            oldLines.map(l => "-" + l + (l.endsWith("\n") ? "" : "\n\\ No newline at end of file\n")).join("") +
            newLines.map(l => "+" + l + (l.endsWith("\n") ? "" : "\n\\ No newline at end of file\n")).join(""));
          shift += newLines.length - oldLines.length;
          run = null;
        };
        const lineDone = () => {
          const openNew = run && run.new !== "" && !run.new.endsWith("\n");
          if (touched || openNew) {
            if (!run) run = { first: oldLine, old: "", new: "" };
            run.old += lineOld; run.new += lineNew;
          } else {
            close();
          }
          lineOld = ""; lineNew = ""; touched = false; oldLine += 1;
        };
        for (const seg of chunk.segments) {
          if (typeof seg === "string" || !seg.accepted) {
            const s = typeof seg === "string" ? seg : seg.before;
            for (const piece of s.split(/(?<=\n)/)) {
              if (piece === "") continue;
              lineOld += piece; lineNew += piece;
              if (piece.endsWith("\n")) lineDone();
            }
          } else {
            touched = true;
            lineNew += seg.after;
            const pieces = seg.before.split(/(?<=\n)/).filter(x => x !== "");
            for (const [i, piece] of pieces.entries()) {
              lineOld += piece;
              if (piece.endsWith("\n")) { touched = true; lineDone(); touched = i + 1 < pieces.length; }
            }
          }
        }
        if (lineOld !== "" || lineNew !== "") lineDone();
        close();
      }
      if (hunks.length) {
        const path = file.name.replace(/^\.\//, "").replace(/^\//, "");
        const end = /[ \t]/.test(path) ? "\t" : "";
        out += "--- a/" + path + end + "\n+++ b/" + path + end + "\n" + hunks.join("");
      }
    }
    return out;
  }

  function exportRules() {
    const lines = [
      "# textmend rules v1",
      "# Exported from a textmend review page. Unchecked rules are commented out.",
    ];
    for (const r of data.rules) {
      const line = r.from + "\t" + r.to + "\t" + r.kind + "\t# words=" + r.words +
        " tokens=" + r.tokens + " confidence=" + r.confidence.toFixed(3) +
        (r.rate == null ? "" : " rate=" + r.rate.toFixed(3)) +
        (r.keyness == null ? "" : " keyness=" + r.keyness.toFixed(1)) +
        " examples=" + r.examples.map(([s, d]) => s + ">" + d).join(",");
      lines.push(rejectedRules.has(ruleName(r)) ? "#" + r.from + "\t" + r.to : line);
    }
    return lines.join("\n") + "\n";
  }

  function exportText() {
    return data.files.filter(f => f.whole).map(f => f.chunks.map(c => chunkText(c, true)).join("")).join("");
  }

  function offer(content, name, type) {
    const area = el("exported");
    area.value = content;
    area.hidden = false;
    const link = el("download");
    link.href = URL.createObjectURL(new Blob([content], { type }));
    link.download = name;
    link.textContent = "download " + name;
    link.hidden = false;
  }

  renderRules();
  renderFiles();
  renderPage();
  el("export-rules").addEventListener("click", () => offer(exportRules(), "rules.tsv", "text/tab-separated-values"));
  el("export-text").addEventListener("click", () => offer(exportText(), "repaired.txt", "text/plain"));
  el("export-text").disabled = !data.files.some(f => f.whole);
  el("export-patch").addEventListener("click", () => offer(patch(), "repairs.patch", "text/x-diff"));
  el("prev-page").addEventListener("click", () => { if (page > 0) { page -= 1; renderPage(); } });
  el("next-page").addEventListener("click", () => { if (page + 1 < pages.length) { page += 1; renderPage(); } });
  for (const id of ["rule-filter", "kind-filter", "confidence-filter", "show-before"]) {
    el(id).addEventListener("input", update);
  }
  document.addEventListener("keydown", ev => {
    if (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT" || ev.target.tagName === "TEXTAREA") return;
    if (ev.key === "j" || ev.key === "n") step(1);
    else if (ev.key === "k" || ev.key === "p") step(-1);
    else if ((ev.key === "x" || ev.key === " ") && focused >= 0) { ev.preventDefault(); toggle(focused); }
  });
  document.body.dataset.ready = String(edits.length);
  window.textmend = { patch, exportText, exportRules, toggle, step, edits };
  // `#selftest`: what the exports give as the page opens and with every
  // edit rejected, hex-encoded UTF-8 JSON in <pre id="selftest"> (the
  // browser test reads it from the DOM).
  if (location.hash === "#selftest") {
    const opened = { accepted: edits.filter(e => e.accepted).length, text: exportText(), patch: patch(), rules: exportRules() };
    for (const e of edits) if (e.accepted) toggle(e.id);
    const rejected = { accepted: edits.filter(e => e.accepted).length, text: exportText(), patch: patch() };
    const json = JSON.stringify({ ready: edits.length, opened, rejected });
    const hex = Array.from(new TextEncoder().encode(json), b => b.toString(16).padStart(2, "0")).join("");
    const pre = document.createElement("pre");
    pre.id = "selftest";
    pre.textContent = hex;
    document.body.append(pre);
  }
})();
