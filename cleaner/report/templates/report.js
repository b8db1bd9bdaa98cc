// cleaner report: draws the article and corpus views from the JSON embedded in the page.
// Every piece of data reaches the page through textContent or a property, never as markup.
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function readJSON(id) {
    var s = document.getElementById(id);
    return s ? JSON.parse(s.textContent) : null;
  }
  function pct(x) { return (100 * x).toFixed(1) + '%'; }
  function fmt(n) { return Number(n).toLocaleString('en'); }

  var D = readJSON('report-data');
  var RULES = D.rules;      // [id, category index, source]
  var REASONS = D.reasons;  // strings
  var CATS = D.cats;        // category names; colour class c<i>

  function item(a, j) {
    var t = a.items[j];
    var r = RULES[t[0]];
    return { j: j, rule: r[0], cat: r[1], source: r[2], reason: REASONS[t[1]], conf: t[2], stage: t[3],
             text: t[4], cand: t[5] === 1, selector: t[6] };
  }
  function tip(it) {
    var s = it.rule + (it.cand ? ' (candidate, kept)' : '') + '\n' + it.reason + '\nconfidence ' + it.conf.toFixed(2);
    if (it.selector) s += '\nHTML selector: ' + it.selector;
    return s + '\n' + it.source;
  }

  // ---------------------------------------------------------------- article view
  function renderArticle(root, a, back) {
    root.textContent = '';
    if (back) {
      var b = el('button', 'link', '\u2190 back to the corpus');
      b.addEventListener('click', function () { location.hash = ''; });
      root.appendChild(b);
    }
    var items = a.items.map(function (_, j) { return item(a, j); });
    var removals = items.filter(function (it) { return !it.cand; });
    var cands = items.filter(function (it) { return it.cand; });

    root.appendChild(el('h2', null, a.id));
    var meta = el('div', 'meta');
    function m(label, value) {
      var s = el('span'); s.appendChild(el('b', null, label + ': ')); s.appendChild(document.createTextNode(value));
      meta.appendChild(s);
    }
    if (a.url) m('url', a.url);
    m('input', a.kind); m('language', a.lang);
    m('removed', removals.length + ' pieces, ' + fmt(a.tok[0]) + ' of ' + fmt(a.tok[1]) + ' tokens (' +
      pct(a.tok[1] ? a.tok[0] / a.tok[1] : 0) + ')');
    m('candidates kept', String(cands.length));
    var pl = el('span', 'badge ' + a.placement, a.placement === 'exact' ? 'placement exact' : 'placement approximate');
    meta.appendChild(pl);
    root.appendChild(meta);
    (a.notes || []).forEach(function (n) { root.appendChild(el('p', 'note', n)); });
    if (a.error) root.appendChild(el('p', 'note', 'error: ' + a.error));
    if (a.html) {
      root.appendChild(el('p', 'note', 'HTML page: ' + fmt(a.html[0]) + ' words of visible text; extracted ' +
        fmt(a.html[1]) + ' words (the extractor dropped about ' + fmt(Math.max(0, a.html[0] - a.html[1])) +
        '); HTML rules removed ' + a.html[2] + ' element' + (a.html[2] === 1 ? '' : 's') +
        ' before extraction (listed on the right). The left pane shows the extracted text.'));
    }

    // toggles
    var hiddenCats = {}, hiddenRules = {};
    var catCount = {}, ruleCount = {};
    items.forEach(function (it) {
      catCount[it.cat] = (catCount[it.cat] || 0) + 1;
      ruleCount[it.rule] = (ruleCount[it.rule] || [it.cat, 0]);
      ruleCount[it.rule][1] += 1;
    });
    var tg = el('div', 'toggles');
    tg.appendChild(el('span', 'label', 'Categories'));
    Object.keys(catCount).map(Number).sort(function (x, y) { return CATS[x] < CATS[y] ? -1 : 1; }).forEach(function (c) {
      tg.appendChild(toggle('cat', CATS[c], c, catCount[c], function (on) { hiddenCats[c] = !on; apply(); }));
    });
    root.appendChild(tg);
    var tr = el('div', 'toggles');
    tr.appendChild(el('span', 'label', 'Rules'));
    Object.keys(ruleCount).sort().forEach(function (r) {
      tr.appendChild(toggle('rule', r, ruleCount[r][0], ruleCount[r][1], function (on) { hiddenRules[r] = !on; apply(); }));
    });
    root.appendChild(tr);
    var tv = el('div', 'toggles');
    tv.appendChild(el('span', 'label', 'View'));
    var mode = el('select');
    mode.id = 'view-mode';
    [['side', 'side by side (synchronised scroll)'], ['inter', 'interleaved (raw with removals struck through)']].forEach(function (o) {
      var op = el('option', null, o[1]); op.value = o[0]; mode.appendChild(op);
    });
    tv.appendChild(mode);
    root.appendChild(tv);

    // panes
    var grid = el('div', 'article');
    var rawWrap = el('div'), cleanWrap = el('div'), sideWrap = el('div');
    rawWrap.appendChild(el('div', 'pane-title', a.placement === 'exact' ? 'raw (normalized input)' : 'raw (rebuilt, approximate)'));
    cleanWrap.appendChild(el('div', 'pane-title', 'clean'));
    sideWrap.appendChild(el('div', 'pane-title', 'removed (' + removals.length + ') and candidates (' + cands.length + ')'));
    var raw = el('div', 'pane raw'), clean = el('div', 'pane clean'), side = el('ol', 'side');
    rawWrap.appendChild(raw); cleanWrap.appendChild(clean); sideWrap.appendChild(side);
    cleanWrap.className = 'pane-wrap clean';
    grid.appendChild(rawWrap); grid.appendChild(cleanWrap); grid.appendChild(sideWrap);
    root.appendChild(grid);
    mode.addEventListener('change', function () {
      grid.classList.toggle('interleaved', mode.value === 'inter');
      cleanWrap.hidden = mode.value === 'inter';
    });

    var rawKept = [], cleanKept = [], marks = {};
    var kept = [];
    a.ops.forEach(function (op) {
      if (typeof op === 'string') { raw.appendChild(document.createTextNode(op)); return; }
      if (typeof op === 'number') {
        var it = items[op];
        var s = el('span', 'rm c' + it.cat, it.text);
        s.title = tip(it);
        s.dataset.i = String(op);
        s.dataset.rule = it.rule;
        s.dataset.cat = CATS[it.cat];
        raw.appendChild(s);
        marks[op] = s;
        return;
      }
      var k = el('span', 'k', a.clean.slice(op[0], op[1]));
      if (op.length > 2) {
        var ci = items[op[2]];
        k.className = 'k cand c' + ci.cat;
        k.title = tip(ci);
        k.dataset.i = String(op[2]);
        marks[op[2]] = k;
      }
      raw.appendChild(k);
      rawKept.push(k);
      kept.push(op);
    });
    var pos = 0;
    kept.forEach(function (op) {
      if (op[0] > pos) clean.appendChild(document.createTextNode(a.clean.slice(pos, op[0])));
      var k = el('span', 'k', a.clean.slice(op[0], op[1]));
      clean.appendChild(k);
      cleanKept.push(k);
      pos = Math.max(pos, op[1]);
    });
    if (pos < a.clean.length) clean.appendChild(document.createTextNode(a.clean.slice(pos)));

    var lis = [];
    items.forEach(function (it) {
      var li = el('li', 'c' + it.cat + (it.cand ? ' candidate' : ''));
      li.appendChild(el('span', 'rule', it.rule));
      li.appendChild(document.createTextNode(' ' + it.conf.toFixed(2) + (it.cand ? ' \u00b7 candidate, kept' : '') +
        (it.stage === 'html' ? ' \u00b7 HTML stage' : '')));
      li.appendChild(el('div', null, it.reason));
      if (it.selector) li.appendChild(el('div', 'muted', 'selector: ' + it.selector));
      li.appendChild(el('span', 'snip', '\u201c' + it.text.replace(/\s+/g, ' ').slice(0, 160) + '\u201d'));
      li.title = tip(it);
      li.addEventListener('click', function () {
        var t = marks[it.j];
        if (!t) return;
        t.scrollIntoView({ block: 'center' });
        t.classList.add('flash');
        setTimeout(function () { t.classList.remove('flash'); }, 1200);
      });
      side.appendChild(li);
      lis.push(li);
    });

    function apply() {
      items.forEach(function (it, j) {
        var off = !!(hiddenCats[it.cat] || hiddenRules[it.rule]);
        lis[j].classList.toggle('off', off);
        var mk = marks[j];
        if (mk) mk.classList.toggle(it.cand ? 'plain' : 'off', off);
      });
    }
    syncScroll(raw, clean, rawKept, cleanKept);
  }

  function toggle(kind, name, cat, count, onChange) {
    var lab = el('label');
    var cb = el('input');
    cb.type = 'checkbox';
    cb.checked = true;
    cb.dataset[kind] = name;
    cb.className = 'toggle-' + kind;
    cb.addEventListener('change', function () { onChange(cb.checked); });
    var sw = el('span', 'sw c' + cat);
    lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(document.createTextNode(name + ' (' + count + ')'));
    return lab;
  }

  // Scrolling one pane brings the same kept piece to the same place in the other.
  function syncScroll(a, b, ak, bk) {
    var lock = null;
    function first(list, top) {
      var lo = 0, hi = list.length - 1;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        var e = list[mid];
        if (e.offsetTop + e.offsetHeight <= top) lo = mid + 1; else hi = mid;
      }
      return lo;
    }
    function follow(src, dst, sk, dk) {
      if (lock === dst || !sk.length) return;
      var i = first(sk, src.scrollTop);
      var s = sk[i], d = dk[i];
      var frac = s.offsetHeight ? (src.scrollTop - s.offsetTop) / s.offsetHeight : 0;
      lock = src;
      dst.scrollTop = d.offsetTop + Math.max(0, frac) * d.offsetHeight;
      requestAnimationFrame(function () { lock = null; });
    }
    a.addEventListener('scroll', function () { follow(a, b, ak, bk); });
    b.addEventListener('scroll', function () { follow(b, a, bk, ak); });
  }

  // ---------------------------------------------------------------- tables
  // cols: [{t: title, num: bool, v: function(row) -> sortable value, s: function(row) -> text or Node}]
  function table(root, id, cols, rows, opts) {
    opts = opts || {};
    var size = opts.page || 25, page = 0, key = opts.sort === undefined ? null : opts.sort, desc = opts.desc !== false;
    var view = rows.slice();
    var wrap = el('div');
    var tbl = el('table');
    tbl.id = id;
    var thead = el('thead'), hr = el('tr');
    var ths = cols.map(function (c, i) {
      var th = el('th', c.num ? 'num' : '', c.t);
      if (c.tip) th.title = c.tip;
      th.addEventListener('click', function () {
        if (key === i) desc = !desc; else { key = i; desc = !!c.num; }
        sort(); page = 0; draw();
      });
      hr.appendChild(th);
      return th;
    });
    thead.appendChild(hr); tbl.appendChild(thead);
    var tbody = el('tbody'); tbl.appendChild(tbody);
    var pager = el('div', 'pager');
    var prev = el('button', null, '\u2039 previous'), next = el('button', null, 'next \u203a'), info = el('span');
    prev.addEventListener('click', function () { if (page > 0) { page--; draw(); } });
    next.addEventListener('click', function () { if ((page + 1) * size < view.length) { page++; draw(); } });
    pager.appendChild(prev); pager.appendChild(info); pager.appendChild(next);
    wrap.appendChild(tbl); if (rows.length > size) wrap.appendChild(pager);
    root.appendChild(wrap);
    function sort() {
      if (key === null) return;
      var f = cols[key].v;
      view.sort(function (x, y) { var p = f(x), q = f(y); var r = p < q ? -1 : p > q ? 1 : 0; return desc ? -r : r; });
    }
    function draw() {
      ths.forEach(function (th, i) { th.classList.toggle('sorted', i === key); th.classList.toggle('asc', i === key && !desc); });
      tbody.textContent = '';
      view.slice(page * size, (page + 1) * size).forEach(function (r) {
        var tr = el('tr');
        if (opts.rowKey) tr.dataset.key = opts.rowKey(r);
        cols.forEach(function (c) {
          var td = el('td', (c.num ? 'num' : '') + (c.mono ? ' mono' : ''));
          var v = c.s ? c.s(r) : c.v(r);
          if (v instanceof Node) td.appendChild(v); else td.textContent = String(v);
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      info.textContent = 'rows ' + fmt(Math.min(view.length, page * size + 1)) + '\u2013' +
        fmt(Math.min(view.length, (page + 1) * size)) + ' of ' + fmt(view.length);
    }
    wrap.filter = function (pred) { view = rows.filter(pred); sort(); page = 0; draw(); };
    sort(); draw();
    return wrap;
  }

  // ---------------------------------------------------------------- corpus view
  var chunkCache = {};
  function article(i) {
    var c = Math.floor(i / D.chunk);
    if (!chunkCache[c]) chunkCache[c] = readJSON('articles-' + c);
    return chunkCache[c][i - c * D.chunk];
  }

  function renderCorpus() {
    var T = D.totals;
    var totals = document.getElementById('totals');
    var cards = el('div', 'cards');
    [[fmt(T.documents), 'documents'], [fmt(T.touched) + ' (' + pct(T.documents ? T.touched / T.documents : 0) + ')', 'documents touched'],
     [fmt(T.removals), 'removals'], [fmt(T.candidates), 'candidates kept'],
     [fmt(T.tokens_removed) + ' (' + pct(T.tokens ? T.tokens_removed / T.tokens : 0) + ')', 'tokens removed of ' + fmt(T.tokens)],
     [fmt(T.errors), 'errors'], [fmt(T.approximate), 'documents placed approximately']].forEach(function (c) {
      var d = el('div', 'card'); d.appendChild(el('div', 'n', c[0])); d.appendChild(el('div', 'l', c[1])); cards.appendChild(d);
    });
    totals.appendChild(cards);
    if (T.approximate) {
      totals.appendChild(el('p', 'note', T.approximate + ' documents carry neither raw text nor layout (batch lines): ' +
        'their article views place removals by offset in the clean text, approximately.'));
    }
    var root = document.getElementById('corpus-tables');
    var N = T.documents || 1;
    var grid = el('div', 'grid2');
    var left = el('div'), right = el('div');
    grid.appendChild(left); grid.appendChild(right);
    root.appendChild(grid);

    left.appendChild(el('h2', null, 'Removals per rule'));
    table(left, 'rule-table', [
      { t: 'rule', mono: true, v: function (r) { return RULES[r[0]][0]; } },
      { t: 'category', v: function (r) { return CATS[RULES[r[0]][1]]; } },
      { t: 'removals', num: true, v: function (r) { return r[1]; }, s: function (r) { return fmt(r[1]); } },
      { t: 'documents', num: true, v: function (r) { return r[2]; }, s: function (r) { return fmt(r[2]); } },
      { t: 'share of docs', num: true, v: function (r) { return r[2] / N; }, s: function (r) { return pct(r[2] / N); } },
      { t: 'tokens removed', num: true, v: function (r) { return r[3]; }, s: function (r) { return fmt(r[3]); } },
    ], D.ruleRows, { sort: 2, page: 50, rowKey: function (r) { return RULES[r[0]][0]; } });

    right.appendChild(el('h2', null, 'Removals per category'));
    table(right, 'category-table', [
      { t: 'category', v: function (r) { return CATS[r[0]]; }, s: function (r) {
        var s = el('span'); s.appendChild(el('span', 'sw c' + r[0])); s.appendChild(document.createTextNode(CATS[r[0]])); return s; } },
      { t: 'removals', num: true, v: function (r) { return r[1]; }, s: function (r) { return fmt(r[1]); } },
      { t: 'documents', num: true, v: function (r) { return r[2]; }, s: function (r) { return fmt(r[2]); } },
      { t: 'share of docs', num: true, v: function (r) { return r[2] / N; }, s: function (r) { return pct(r[2] / N); } },
      { t: 'tokens removed', num: true, v: function (r) { return r[3]; }, s: function (r) { return fmt(r[3]); } },
    ], D.catRows, { sort: 1, page: 50, rowKey: function (r) { return CATS[r[0]]; } });

    function groupCols(name) {
      return [
        { t: name, v: function (r) { return r[0]; } },
        { t: 'documents', num: true, v: function (r) { return r[1]; }, s: function (r) { return fmt(r[1]); } },
        { t: 'touched', num: true, v: function (r) { return r[2] / (r[1] || 1); }, s: function (r) { return fmt(r[2]) + ' (' + pct(r[2] / (r[1] || 1)) + ')'; } },
        { t: 'removals', num: true, v: function (r) { return r[3]; }, s: function (r) { return fmt(r[3]); } },
        { t: 'tokens removed', num: true, v: function (r) { return r[4] / (r[5] || 1); }, s: function (r) { return fmt(r[4]) + ' (' + pct(r[4] / (r[5] || 1)) + ')'; } },
      ];
    }
    left.appendChild(el('h2', null, 'Per site'));
    table(left, 'site-table', groupCols('site'), D.siteRows, { sort: 1, page: 20 });
    right.appendChild(el('h2', null, 'Per language'));
    table(right, 'lang-table', groupCols('language'), D.langRows, { sort: 1, page: 20 });

    root.appendChild(el('h2', null, 'Sampled removals per rule (with context)'));
    D.samples.forEach(function (s) {
      var det = el('details', 'samples');
      det.appendChild(el('summary', null, RULES[s[0]][0] + ' \u2014 ' + s[1].length + ' sample' + (s[1].length === 1 ? '' : 's')));
      var drawn = false;
      det.addEventListener('toggle', function () {
        if (drawn || !det.open) return;
        drawn = true;
        s[1].forEach(function (x) {
          var p = el('div', 'sample');
          var open = el('button', 'link', D.docs[x[0]][0]);
          open.addEventListener('click', function () { location.hash = '#doc=' + x[0]; });
          p.appendChild(open); p.appendChild(document.createTextNode(': '));
          p.appendChild(el('span', 'ctx', '\u2026' + x[1]));
          var r = el('span', 'rm c' + RULES[s[0]][1], x[2]); p.appendChild(r);
          p.appendChild(el('span', 'ctx', x[3] + '\u2026'));
          det.appendChild(p);
        });
      });
      root.appendChild(det);
    });

    root.appendChild(el('h2', null, 'Documents (sorted by removed share; click an id to open its article view)'));
    var filter = el('input', 'filter');
    filter.type = 'search';
    filter.placeholder = 'filter by id, site or language';
    root.appendChild(filter);
    var docs = D.docs.map(function (d, i) { return [i].concat(d); });
    var dt = table(root, 'doc-table', [
      { t: 'id', v: function (r) { return r[1]; }, s: function (r) {
        var b = el('button', 'link open-doc', r[1]); b.addEventListener('click', function () { location.hash = '#doc=' + r[0]; }); return b; } },
      { t: 'site', v: function (r) { return r[2]; } },
      { t: 'lang', v: function (r) { return r[3]; } },
      { t: 'removals', num: true, v: function (r) { return r[4]; } },
      { t: 'candidates', num: true, v: function (r) { return r[5]; } },
      { t: 'tokens removed', num: true, v: function (r) { return r[6]; }, s: function (r) { return fmt(r[6]) + ' / ' + fmt(r[7]); } },
      { t: 'removed share', num: true, v: function (r) { return r[7] ? r[6] / r[7] : 0; }, s: function (r) { return pct(r[7] ? r[6] / r[7] : 0); } },
      { t: 'error', v: function (r) { return r[9] || ''; } },
    ], docs, { sort: 6, page: 50, rowKey: function (r) { return String(r[0]); } });
    filter.addEventListener('input', function () {
      var q = filter.value.toLowerCase();
      dt.filter(function (r) { return !q || (r[1] + ' ' + r[2] + ' ' + r[3]).toLowerCase().indexOf(q) >= 0; });
    });
  }

  // ---------------------------------------------------------------- routing
  var corpusView = document.getElementById('corpus-view');
  var articleView = document.getElementById('article-view');
  if (D.mode === 'article') {
    articleView.hidden = false;
    renderArticle(articleView, D.article, false);
  } else {
    renderCorpus();
    var route = function () {
      var m = /^#doc=(\d+)$/.exec(location.hash);
      if (m && +m[1] < D.docs.length) {
        corpusView.hidden = true;
        articleView.hidden = false;
        renderArticle(articleView, article(+m[1]), true);
        window.scrollTo(0, 0);
      } else {
        articleView.hidden = true;
        articleView.textContent = '';
        corpusView.hidden = false;
      }
    };
    window.addEventListener('hashchange', route);
    route();
  }
  document.documentElement.dataset.ready = '1';
})();
