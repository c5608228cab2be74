// quotecli: the card describing a quote, shown while a quote is hovered or focused.
// Every [data-doc] element holds its quote records in a JSON block of class doc-data;
// a <mark class="q" data-q="i"> is record i. Text is only ever set with textContent.
(() => {
  "use strict";
  const card = document.getElementById("quote-card");
  if (!card) return;
  const parsed = new WeakMap();
  const shown = ["kind", "rule", "also_in_more"];
  let hideTimer = 0;

  function dataOf(doc) {
    if (!parsed.has(doc)) {
      const block = doc.querySelector("script.doc-data");
      parsed.set(doc, block ? JSON.parse(block.textContent) : { quotes: [], links: {} });
    }
    return parsed.get(doc);
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function row(list, term, value) {
    if (value === null || value === undefined || value === "") return;
    list.append(el("dt", term));
    const dd = el("dd");
    if (value instanceof Node) dd.append(value); else dd.textContent = String(value);
    list.append(dd);
  }

  function alsoIn(paths, more, data) {
    const ul = el("ul");
    const links = data.links || {};
    const titles = data.titles || {};
    for (const path of paths) {
      const li = el("li");
      const label = titles[path] || path;
      const href = links[path];
      if (href) {
        const a = el("a", label);
        a.href = href;
        li.append(a);
      } else {
        li.textContent = label;
      }
      ul.append(li);
    }
    if (more) ul.append(el("li", `and ${more} more`));
    return ul;
  }

  function fill(quote, data, colour) {
    const speaker = quote.speaker || {};
    card.replaceChildren();
    card.className = "card " + colour;
    card.append(el("h3", speaker.name || "(unknown speaker)"));
    const role = [speaker.title, speaker.affiliation].filter(Boolean).join(", ");
    if (role) card.append(el("div", role, "role"));
    const list = el("dl");
    row(list, "kind", quote.kind);
    row(list, "speaker", speaker.kind);
    row(list, "as written", speaker.mention && speaker.mention.text);
    row(list, "cue", quote.cue && quote.cue.text);
    row(list, "rule", quote.rule);
    for (const [key, value] of Object.entries(quote)) {
      // Fields added to the record later (act, ...) flow through when they are plain values.
      if (!shown.includes(key) && ["string", "number", "boolean"].includes(typeof value)
          && !["id", "text", "start", "end", "paragraph"].includes(key)) row(list, key, value);
    }
    if (quote.places && quote.places.length) row(list, "places", quote.places.join(", "));
    if (quote.also_in && quote.also_in.length) {
      row(list, "also in", alsoIn(quote.also_in, quote.also_in_more, data));
    }
    card.append(list);
  }

  function place(mark) {
    const box = mark.getBoundingClientRect();
    card.hidden = false;
    const width = card.offsetWidth;
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    card.style.left = (left + window.scrollX) + "px";
    const below = box.bottom + 6 + card.offsetHeight <= window.innerHeight;
    const top = below || box.top < card.offsetHeight + 6 ? box.bottom + 6 : box.top - card.offsetHeight - 6;
    card.style.top = (top + window.scrollY) + "px";
  }

  function show(mark) {
    const doc = mark.closest("[data-doc]");
    if (!doc) return;
    const data = dataOf(doc);
    const quote = data.quotes[Number(mark.dataset.q)];
    if (!quote) return;
    clearTimeout(hideTimer);
    const colour = [...mark.classList].find((c) => /^s(\d+|-unknown)$/.test(c)) || "";
    fill(quote, data, colour);
    place(mark);
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { card.hidden = true; }, 250);
  }

  document.addEventListener("mouseover", (event) => {
    const mark = event.target.closest && event.target.closest("mark.q");
    if (mark) show(mark);
    else if (card.contains(event.target)) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", (event) => {
    const from = event.target.closest && event.target.closest("mark.q, #quote-card");
    if (from && !(event.relatedTarget && from.contains(event.relatedTarget))) hideSoon();
  });
  let opener = null;  // the quote whose card holds the focus, to return to on Escape
  let quiet = false;  // focus handed back by Escape: leave the card closed
  document.addEventListener("focusin", (event) => {
    if (card.contains(event.target)) { clearTimeout(hideTimer); return; }
    const mark = event.target.closest && event.target.closest("mark.q");
    if (mark && !quiet) show(mark);
  });
  document.addEventListener("focusout", (event) => {
    const from = event.target.closest && event.target.closest("mark.q, #quote-card");
    if (from && !(event.relatedTarget && card.contains(event.relatedTarget))) hideSoon();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      const back = card.contains(document.activeElement) ? opener : null;
      card.hidden = true;
      if (back) {
        quiet = true;
        back.focus({ preventScroll: true });
        quiet = false;
      }
      return;
    }
    // Enter on a quote moves into its card, so its links can be reached from the keyboard.
    const mark = event.target.closest && event.target.closest("mark.q");
    if (event.key !== "Enter" || !mark) return;
    show(mark);
    const link = card.querySelector("a");
    if (link) {
      event.preventDefault();
      opener = mark;
      link.focus();
    }
  });
})();
