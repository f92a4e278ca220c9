// The search page. Reads the words (?q=) and the filters (?country=…,
// repeatable, one parameter per facet) from the address, runs the search
// with the language's Pagefind bundle, and shows the results and the facets.
// Every change goes back into the address, so a search can be shared as a
// link. Loaded only by the search page; the rest of the site has no script.

const root = document.getElementById("search");
if (root) start(root);

// Results shown at first, then at each "show more": each is a small
// download, and a browser opens six connections to a host at once.
const FIRST = 6;
const MORE = 12;

async function start(root) {
  const t = root.dataset;
  // A count in words by the page's language's plural rules: the forms
  // (`{"one": "{n} result…", "other": …}`) come from the theme's strings,
  // the browser's CLDR rules choose, as the build's do.
  const rules = new Intl.PluralRules(document.documentElement.lang || "en");
  function counted(forms, n) {
    const f = JSON.parse(forms);
    return (f[rules.select(n)] || f.other).replace("{n}", n);
  }
  const form = root.querySelector("form");
  const input = form.elements.q;
  const status = root.querySelector(".search-status");
  const list = root.querySelector(".search-results");
  const more = root.querySelector(".search-more");
  const panel = root.querySelector(".search-filters");
  const facets = [...root.querySelectorAll(".facet")];
  const names = facets.map((f) => f.dataset.filter);

  let state = read();
  input.value = state.q;

  let pagefind;
  try {
    pagefind = await import(t.bundle + "pagefind.js");
    // The index holds full addresses already: no prefix to add. The search
    // runs on this page, not in a worker: one download fewer.
    const options = { baseUrl: "/", noWorker: true, excerptLength: 20 };
    // The index's own name: the entry file's address is then the one the
    // page preloads, and changes whenever the index does.
    if (t.tag) options.metaCacheTag = t.tag;
    await pagefind.options(options);
  } catch (e) {
    status.textContent = t.error;
    root.dataset.state = "error";
    return;
  }

  // The facets' values are a large download on a big site: they are
  // fetched when the reader opens a facet, or at once when the address
  // already filters. The results come first.
  let facetsReady = null;
  const loadFacets = () => (facetsReady ||= pagefind.filters().catch(() => ({})));
  if (Object.keys(state.filters).length) loadFacets();
  for (const facet of facets) {
    facet.addEventListener("toggle", async () => {
      if (!facet.open || facetsReady) return;
      const mine = run;
      facet.setAttribute("aria-busy", "true");
      await loadFacets();
      facet.removeAttribute("aria-busy");
      if (mine !== run) return; // a newer search draws them
      try {
        facetsFor(await pagefind.search(state.q || null, { filters: wanted() }));
      } catch (e) {
        say(t.error, "error");
      }
    });
  }
  let run = 0; // the latest search; older answers arriving late are dropped
  let shown = [];
  let debounce;
  let focused = null; // the facet checkbox to give focus back to

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(debounce);
    state.q = input.value.trim();
    write(true);
    search();
  });
  input.addEventListener("input", () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      state.q = input.value.trim();
      write(false);
      search();
    }, 350);
  });
  panel.addEventListener("change", (e) => {
    if (e.target.type !== "checkbox") return;
    focused = { name: e.target.name, value: e.target.value };
    state.filters = checked();
    write(true);
    search();
  });
  panel.querySelector(".search-clear").addEventListener("click", () => {
    state.filters = {};
    write(true);
    search();
    input.focus();
  });
  more.addEventListener("click", () => show(run, list.children.length, MORE, true));
  window.addEventListener("popstate", () => {
    state = read();
    input.value = state.q;
    search();
  });

  search();

  function read() {
    const p = new URLSearchParams(location.search);
    const filters = {};
    for (const n of names) {
      const values = p.getAll(n).filter((v) => v);
      if (values.length) filters[n] = values;
    }
    return { q: (p.get("q") || "").trim(), filters };
  }

  function write(push) {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    for (const n of names) for (const v of state.filters[n] || []) p.append(n, v);
    const url = location.pathname + (p.toString() ? "?" + p : "");
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  // Within a facet any chosen value will do; across facets, all must hold.
  function wanted() {
    const filters = {};
    for (const [n, values] of Object.entries(state.filters)) filters[n] = { any: values };
    return filters;
  }

  function checked() {
    const filters = {};
    for (const box of panel.querySelectorAll("input:checked")) {
      (filters[box.name] ||= []).push(box.value);
    }
    return filters;
  }

  // `data-state` (prompt, loading, done, error) lets styles and tests
  // know where the page is.
  function say(text, state) {
    status.textContent = text;
    root.dataset.state = state;
  }

  async function search() {
    const mine = ++run;
    const filtered = Object.keys(state.filters).length > 0;
    if (!state.q && !filtered) {
      list.replaceChildren();
      more.hidden = true;
      panel.hidden = true;
      say(t.prompt, "prompt");
      return;
    }
    say(t.loading, "loading");
    if (filtered) loadFacets();
    // A language with no page yet has an empty bundle: nothing to find.
    if (!t.tag) {
      list.replaceChildren();
      more.hidden = true;
      panel.hidden = true;
      root.dataset.count = 0;
      say((state.q ? t.none : t.noneFiltered).replace("{q}", state.q), "done");
      return;
    }
    let found;
    try {
      if (facetsReady) await facetsReady;
      found = await pagefind.search(state.q || null, { filters: wanted() });
    } catch (e) {
      if (mine === run) say(t.error, "error");
      return;
    }
    if (mine !== run || !found) return; // a newer search has started
    shown = found.results;
    root.dataset.count = shown.length;
    list.replaceChildren();
    facetsFor(found);
    focused = null;
    const n = shown.length;
    const q = state.q;
    await show(mine, 0, FIRST, false);
    if (mine !== run) return;
    if (!q) say((n ? counted(t.filtered, n) : t.noneFiltered), "done");
    else say((n === 0 ? t.none : counted(t.results, n)).replace("{q}", q), "done");
    // For the benchmark: when the first results were on screen.
    if (!performance.getEntriesByName("search-results").length) performance.mark("search-results");
  }

  // Shows `count` more results, from `from` on.
  async function show(mine, from, count, focus) {
    const slice = shown.slice(from, from + count);
    more.hidden = true;
    const data = await Promise.all(slice.map((r) => r.data()));
    if (mine !== run) return;
    const items = data.map(item);
    list.append(...items);
    more.hidden = list.children.length >= shown.length;
    // After "show more", move to the first new result for keyboard users.
    if (focus && items[0]) items[0].querySelector("a").focus();
  }

  function item(d) {
    const li = document.createElement("li");
    const article = el("article", "item result");
    const h = el("h2");
    const a = el("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    h.append(a);
    article.append(h);
    const line = [d.meta.kind, d.meta.date].filter((x) => x).join(" · ");
    if (line) {
      const meta = el("p", "meta");
      meta.textContent = line;
      article.append(meta);
    }
    const excerpt = el("p", "excerpt");
    excerpt.append(...marked(d.excerpt));
    article.append(excerpt);
    li.append(article);
    return li;
  }

  // Pagefind's excerpt is text with `<mark>` around matched words (and
  // `<`, `>` escaped): turned into nodes, never into HTML.
  function marked(excerpt) {
    const text = (s) =>
      document.createTextNode(s.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
    return excerpt.split(/<\/?mark>/).map((part, i) => {
      if (i % 2 === 0) return text(part);
      const m = el("mark");
      m.append(text(part));
      return m;
    });
  }

  // The values of each facet among the results of the words alone, each
  // with how many of those results have it (so the numbers do not change
  // while boxes are ticked); chosen values always stay.
  function facetsFor(found) {
    let any = false;
    for (const facet of facets) {
      const name = facet.dataset.filter;
      const total = found.totalFilters[name] || {};
      const chosen = state.filters[name] || [];
      const values = Object.keys(total)
        .filter((v) => total[v] > 0 || chosen.includes(v))
        .concat(chosen.filter((v) => !(v in total)));
      values.sort((a, b) =>
        name === "year" ? b.localeCompare(a) : a.localeCompare(b, document.documentElement.lang),
      );
      const ul = facet.querySelector("ul");
      ul.replaceChildren(
        ...values.map((v, i) => {
          const li = el("li");
          const box = el("input");
          box.type = "checkbox";
          box.name = name;
          box.value = v;
          box.id = `f-${name}-${i}`;
          box.checked = chosen.includes(v);
          const label = el("label");
          label.htmlFor = box.id;
          label.append(v + " ");
          const count = el("span", "facet-count");
          count.textContent = `(${total[v] || 0})`;
          label.append(count);
          li.append(box, label);
          return li;
        }),
      );
      // The list was drawn anew: give focus back to the box just used.
      if (focused && focused.name === name) {
        const again = [...ul.querySelectorAll("input")].find((b) => b.value === focused.value);
        if (again) again.focus();
      }
      // Until the values are loaded every facet stays, closed, to be opened.
      facet.hidden = facetsReady !== null && values.length === 0;
      if (chosen.length) facet.open = true;
      any ||= !facet.hidden;
    }
    panel.hidden = !any || found.results.length === 0 && !Object.keys(state.filters).length;
  }
}

function el(tag, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return e;
}
