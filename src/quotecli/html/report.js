// quotecli report: the quotes table, filtered, sorted and shown one page at a time.
// Rows come from the JSON block with id report-data; text is set with
// textContent only, so nothing in a quote can become markup.
(() => {
  "use strict";
  const block = document.getElementById("report-data");
  if (!block) return;
  const data = JSON.parse(block.textContent);
  const $ = (id) => document.getElementById(id);
  const rows = data.rows.map((r, i) => {
    const article = data.articles[r[4]] || { label: "", base: null };
    return {
      speaker: r[0], kind: r[1], text: r[2], date: r[3], article: article.label,
      href: article.base === null ? null : article.base + "#q-" + r[5], rule: r[6], i,
      haystack: (r[0] + "\n" + r[2] + "\n" + article.label).toLowerCase(),
    };
  });
  const state = { speaker: "", kind: "", words: "", sort: null, dir: 1, page: 0 };
  const size = data.pageSize || 50;
  const tbody = document.querySelector("#quote-table tbody");
  let shown = rows;

  function select() {
    const words = state.words.toLowerCase().split(/\s+/).filter(Boolean);
    shown = rows.filter((row) =>
      (!state.speaker || row.speaker === state.speaker) &&
      (!state.kind || row.kind === state.kind) &&
      words.every((w) => row.haystack.includes(w)));
    if (state.sort) {
      const key = state.sort;
      const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
      shown = shown.slice().sort((a, b) =>
        state.dir * collator.compare(a[key], b[key]) || a.i - b.i);
    }
    state.page = 0;
    draw();
  }

  function cell(tr, text, cls) {
    const td = document.createElement("td");
    if (cls) td.className = cls;
    if (text instanceof Node) td.append(text); else td.textContent = text;
    tr.append(td);
  }

  function draw() {
    const pages = Math.max(1, Math.ceil(shown.length / size));
    state.page = Math.min(state.page, pages - 1);
    const first = state.page * size;
    const fragment = document.createDocumentFragment();
    for (const row of shown.slice(first, first + size)) {
      const tr = document.createElement("tr");
      cell(tr, row.speaker, "speaker");
      cell(tr, row.kind, "kind");
      cell(tr, row.text, "words");
      if (row.href) {
        const a = document.createElement("a");
        a.href = row.href;
        a.textContent = row.article;
        cell(tr, a, "article");
      } else {
        cell(tr, row.article, "article");
      }
      cell(tr, row.date, "date");
      fragment.append(tr);
    }
    tbody.replaceChildren(fragment);
    const total = shown.length === rows.length ? "" : ` (of ${rows.length.toLocaleString()})`;
    $("table-status").textContent = shown.length
      ? `Quotes ${(first + 1).toLocaleString()}–${Math.min(first + size, shown.length).toLocaleString()}` +
        ` of ${shown.length.toLocaleString()}${total}`
      : `No quote matches${total}.`;
    $("page-at").textContent = `Page ${state.page + 1} of ${pages}`;
    $("page-prev").disabled = state.page === 0;
    $("page-next").disabled = state.page >= pages - 1;
  }

  let typing = 0;
  $("f-speaker").addEventListener("change", (e) => { state.speaker = e.target.value; select(); });
  $("f-kind").addEventListener("change", (e) => { state.kind = e.target.value; select(); });
  $("f-text").addEventListener("input", (e) => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.words = e.target.value; select(); }, 120);
  });
  $("page-prev").addEventListener("click", () => { state.page -= 1; draw(); });
  $("page-next").addEventListener("click", () => { state.page += 1; draw(); });
  for (const th of document.querySelectorAll("#quote-table th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.sort;
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      for (const other of document.querySelectorAll("#quote-table th[data-sort]")) {
        other.removeAttribute("aria-sort");
      }
      th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      select();
    });
  }
  // A speaker's bar in the chart filters the table to their quotes (and scrolls to it).
  for (const bar of document.querySelectorAll("#chart-speakers a[data-value]")) {
    bar.addEventListener("click", () => {
      $("f-speaker").value = bar.dataset.value;
      state.speaker = bar.dataset.value;
      select();
    });
  }
  select();
})();
