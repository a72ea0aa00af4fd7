/* Search page: asks the Pagefind index written beside the site (pagefind/pagefind.js, local)
   and lists one result per paragraph: the text, the section (nearest heading), a snippet with
   the hits marked, and a link to the paragraph's id. Results are built with DOM text nodes
   only (nothing from the index is parsed as HTML). ?q=… in the URL runs a search on load. */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var kinds = form.querySelector(".search-kinds");
  if (kinds) { kinds.hidden = false; }
  var pagefind = null;
  var run = 0;
  // Elements a hit is linked to (the paragraph, note, quotation, register entry...): the
  // nearest one with an id before the hit.
  var BLOCK = /^(p|li|section|figure|blockquote|aside|dd|dt|tr|article|h[1-6])$/i;

  function load() {
    if (!pagefind) {
      var url = new URL(form.getAttribute("data-index"), document.baseURI).href;
      pagefind = import(url).then(function (pf) {
        return Promise.resolve(pf.options ? pf.options({ excerptLength: 30 }) : null).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function kind() {
    var r = form.querySelector("input[name=kind]:checked");
    return r ? r.value : "";
  }

  /* One page's hits grouped by the block they fall in. */
  function paragraphs(data) {
    var words = data.content.split(/[\r\n\s]+/g);
    var anchors = (data.anchors || []).slice().sort(function (a, b) { return a.location - b.location; });
    var groups = [], byId = {};
    data.locations.forEach(function (loc) {
      var block = null, heading = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= loc; i++) {
        var a = anchors[i];
        if (!BLOCK.test(a.element) || !a.id) { continue; }
        if (!block || a.location > block.location) { block = a; }
        if (/^h[1-6]$/i.test(a.element) && a.text) { heading = a; }
      }
      var key = block ? block.id : "";
      if (!byId[key]) {
        var next = anchors.filter(function (a) { return BLOCK.test(a.element) && a.location > loc; })[0];
        byId[key] = { block: block, heading: heading, hits: [], end: next ? next.location : words.length };
        groups.push(byId[key]);
      }
      byId[key].hits.push(loc);
    });
    return { words: words, groups: groups };
  }

  function snippet(words, group) {
    var first = group.hits[0];
    var start = Math.max(group.block ? group.block.location : 0, first - 12);
    var end = Math.min(group.end, start + 32, words.length);
    var p = el("p", "snippet");
    if (start > (group.block ? group.block.location : 0)) { p.appendChild(document.createTextNode("… ")); }
    for (var i = start; i < end; i++) {
      if (i > start) { p.appendChild(document.createTextNode(" ")); }
      if (group.hits.indexOf(i) >= 0) { p.appendChild(el("mark", "", words[i])); }
      else { p.appendChild(document.createTextNode(words[i])); }
    }
    if (end < group.end) { p.appendChild(document.createTextNode(" …")); }
    return p;
  }

  function render(results, query) {
    list.textContent = "";
    var count = 0;
    results.forEach(function (data) {
      var page = data.url.replace(/^\//, "").replace(/[#?].*$/, "");
      var title = (data.meta && data.meta.title) || page;
      var found = paragraphs(data);
      found.groups.slice(0, 8).forEach(function (g) {
        var li = el("li", "search-result");
        var a = el("a", "result-link");
        a.href = page + (g.block ? "#" + encodeURIComponent(g.block.id) : "");
        a.appendChild(el("span", "result-title", title));
        var section = g.heading && g.heading.text && g.heading.text !== title ? g.heading.text : "";
        if (section) {
          a.appendChild(document.createTextNode(" · "));
          a.appendChild(el("span", "result-section", section));
        }
        li.appendChild(a);
        if (data.meta && data.meta.kind) { li.appendChild(el("span", "result-kind", data.meta.kind)); }
        li.appendChild(snippet(found.words, g));
        list.appendChild(li);
        count++;
      });
    });
    status.textContent = count ? count + (count === 1 ? " place" : " places") + " found for “" + query + "”."
                               : "Nothing found for “" + query + "”.";
  }

  function search(query) {
    var mine = ++run;
    query = query.trim();
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching…";
    load().then(function (pf) {
      return pf.search(query);
    }).then(function (res) {
      return Promise.all(res.results.slice(0, 30).map(function (r) { return r.data(); }));
    }).then(function (datas) {
      // the kind of page is a meta field, not a Pagefind filter (see views.xsl)
      var k = kind();
      datas = datas.filter(function (d) { return !k || (d.meta && d.meta.kind === k); });
      if (mine === run) { render(datas, query); }
    }).catch(function (err) {
      status.textContent = "The search index could not be loaded (" + err + "). Pages opened from disk cannot load it; serve the folder over http.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var q = input.value;
    var url = new URL(window.location.href);
    url.searchParams.set("q", q);
    window.history.replaceState(null, "", url.href);
    search(q);
  });
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 200);
  });
  if (kinds) { kinds.addEventListener("change", function () { search(input.value); }); }
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
})();
