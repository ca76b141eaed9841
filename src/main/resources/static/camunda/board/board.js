// The supervisor's board: GET /api/board with the Tasklist's session and its CSRF token, refreshed every 10 s,
// countdowns ticking every second on the server's clock. Every text from the API is set as text, never as HTML.
(function () {
  'use strict';

  var REFRESH_MS = 10000;
  var TASKLIST_LOGIN = '/camunda/app/tasklist/';
  var RING_NAMES = { ownRep: 'own rep', backup: 'backup', team: 'team', supervisor: 'supervisor' };
  var DEADLINE_NAMES = { PERSONAL_WINDOW: 'to backup', PROMISE: 'promise', RESOLUTION: 'resolution' };

  var serverOffset = 0; // server clock minus browser clock, from the last answer
  var charts = {};
  var timer = null;

  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else if (name === 'dataset') {
        Object.keys(value).forEach(function (key) { node.dataset[key] = value[key]; });
      } else { node.setAttribute(name, value === true ? '' : value); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function cookie(name) {
    var found = document.cookie.split(';').map(function (c) { return c.trim(); })
      .filter(function (c) { return c.indexOf(name + '=') === 0; });
    return found.length ? decodeURIComponent(found[0].substring(name.length + 1)) : null;
  }

  function request(url) {
    var headers = { 'Accept': 'application/json' };
    var token = cookie('XSRF-TOKEN');
    if (token) { headers['X-XSRF-TOKEN'] = token; }
    return fetch(url, { credentials: 'same-origin', headers: headers, cache: 'no-store' });
  }

  function toLogin() {
    window.location.href = TASKLIST_LOGIN;
  }

  function chosenRegion() {
    return new URLSearchParams(window.location.search).get('region');
  }

  function serverNow() {
    return Date.now() + serverOffset;
  }

  function countdown(deadline) {
    if (!deadline) { return '–'; }
    var seconds = Math.round((Date.parse(deadline) - serverNow()) / 1000);
    var late = seconds < 0;
    seconds = Math.abs(seconds);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var text = h > 0 ? h + ' h ' + String(m).padStart(2, '0') + ' min'
      : m + ':' + String(s).padStart(2, '0');
    return late ? 'overdue ' + text : text;
  }

  function tick() {
    document.querySelectorAll('.countdown[data-deadline]').forEach(function (node) {
      node.textContent = countdown(node.dataset.deadline);
      node.classList.toggle('overdue', Date.parse(node.dataset.deadline) < serverNow());
    });
  }

  // a zone the browser does not know is shown in UTC, and says so, rather than leaving the region out
  function inZone(instant, zone, options) {
    try {
      return new Date(instant).toLocaleString('en-GB', Object.assign({ timeZone: zone }, options));
    } catch (e) {
      return new Date(instant).toLocaleString('en-GB', Object.assign({ timeZone: 'UTC' }, options)) + ' UTC';
    }
  }

  function time(instant, zone) {
    if (!instant) { return '–'; }
    return inZone(instant, zone, { hour: '2-digit', minute: '2-digit' });
  }

  function dateTime(instant, zone) {
    if (!instant) { return '–'; }
    return inZone(instant, zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  function share(value) {
    return value === null || value === undefined ? '–' : Math.round(value * 100) + ' %';
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) { return '–'; }
    return seconds < 3600 ? Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s'
      : Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
  }

  function taskLink(item, text) {
    return item.task ? el('a', { href: item.task.link, 'class': 'task', title: item.task.name, text: text })
      : document.createTextNode(text);
  }

  function person(p) {
    return p ? p.name : 'the team';
  }

  function rings(now) {
    var tiles = el('div', { 'class': 'rings' });
    ['ownRep', 'backup', 'team', 'supervisor'].forEach(function (ring) {
      tiles.appendChild(el('div', { 'class': 'tile ' + ring, dataset: { ring: ring } },
        el('b', { text: String(now.rings[ring]) }), el('span', { text: RING_NAMES[ring] })));
    });
    tiles.appendChild(el('div', { 'class': 'tile risk', dataset: { ring: 'atRisk' } },
      el('b', { text: String(now.atRisk) }), el('span', { text: 'at risk' })));
    return tiles;
  }

  function contacts(now) {
    if (!now.contacts.length) { return el('p', { 'class': 'empty', text: 'No open contacts.' }); }
    var body = el('tbody');
    now.contacts.forEach(function (c) {
      body.appendChild(el('tr', { 'class': 'contact' + (c.atRisk ? ' at-risk' : ''), dataset: { 'case': c.caseNumber } },
        el('td', {}, taskLink(c, c.caseNumber)),
        el('td', { text: c.subject || '' }),
        el('td', {}, el('span', { 'class': 'ring ' + c.ring, text: RING_NAMES[c.ring] })),
        el('td', { text: person(c.holder) }),
        el('td', { text: DEADLINE_NAMES[c.deadlineKind] || c.deadlineKind }),
        el('td', { 'class': 'countdown', dataset: { deadline: c.deadline }, text: countdown(c.deadline) })));
    });
    return el('table', { 'class': 'contacts' },
      el('thead', {}, el('tr', {}, el('th', { text: 'case' }), el('th', { text: 'subject' }), el('th', { text: 'ring' }),
        el('th', { text: 'held by' }), el('th', { text: 'next' }), el('th', { text: 'time left' }))), body);
  }

  function escalations(now, zone) {
    if (!now.escalations.length) { return el('p', { 'class': 'empty', text: 'No escalations or approvals waiting.' }); }
    var body = el('tbody');
    now.escalations.forEach(function (e) {
      body.appendChild(el('tr', { 'class': 'escalation' + (e.overdue ? ' at-risk' : ''), dataset: { 'case': e.caseNumber } },
        el('td', {}, taskLink(e, e.caseNumber)), el('td', { text: e.kind === 'APPROVAL' ? 'approval' : 'escalation' }),
        el('td', { text: e.subject || '' }), el('td', { text: dateTime(e.deadline, zone) }),
        el('td', { 'class': 'countdown', dataset: { deadline: e.deadline }, text: countdown(e.deadline) })));
    });
    return el('table', { 'class': 'escalations' }, body);
  }

  function broken(now, zone) {
    if (!now.brokenToday.length) { return el('p', { 'class': 'empty', text: 'No promise broken today.' }); }
    var list = el('ul', { 'class': 'broken' });
    now.brokenToday.forEach(function (b) {
      list.appendChild(el('li', { dataset: { 'case': b.caseNumber } }, taskLink(b, b.caseNumber),
        ' ' + b.channel.toLowerCase() + ', broken at ' + time(b.at, zone)));
    });
    return list;
  }

  function figures(title, p) {
    var byChannel = Object.keys(p.promises.byChannel).map(function (channel) {
      return channel.toLowerCase() + ' ' + share(p.promises.byChannel[channel].keptShare);
    }).join(', ');
    return el('div', { 'class': 'period' }, el('h3', { text: title }), el('dl', {},
      el('dt', { text: 'promises kept' }), el('dd', { 'class': 'kept-share', text: share(p.promises.keptShare) + ' (' + p.promises.kept + ' kept, ' + p.promises.broken + ' broken)' }),
      el('dt', { text: 'by channel' }), el('dd', { text: byChannel || '–' }),
      el('dt', { text: 'continuity' }), el('dd', { text: share(p.continuity.share) + ' of ' + p.continuity.reached + ' by their own rep' }),
      el('dt', { text: 'handovers' }), el('dd', { text: p.handovers.total + ' (backup ' + p.handovers.backup + ', team ' + p.handovers.team + ', supervisor ' + p.handovers.supervisor + ')' }),
      el('dt', { text: 'first answer p50 / p90' }), el('dd', { text: duration(p.firstResponse.p50Seconds) + ' / ' + duration(p.firstResponse.p90Seconds) }),
      el('dt', { text: 'accommodations' }), el('dd', { text: String(p.accommodationsGranted) })));
  }

  function team(members, zone) {
    var body = el('tbody');
    members.forEach(function (m) {
      var shift = m.onShift ? 'on shift until ' + time(m.shiftEndsAt, zone)
        : (m.nextShiftAt ? 'next shift ' + dateTime(m.nextShiftAt, zone) : 'no shift ahead');
      body.appendChild(el('tr', { 'class': 'member', dataset: { rep: m.id } }, el('td', { text: m.name }),
        el('td', { 'class': 'status-' + m.status, text: m.status.toLowerCase() }), el('td', { text: shift }),
        el('td', { text: String(m.openContacts) }),
        el('td', {}, m.oldest ? taskLink(m.oldest, m.oldest.caseNumber) : '–',
          m.oldest ? ' since ' + dateTime(m.oldest.receivedAt, zone) : '')));
    });
    return el('table', { 'class': 'team' }, el('thead', {}, el('tr', {}, el('th', { text: 'rep' }), el('th', { text: 'status' }),
      el('th', { text: 'shift' }), el('th', { text: 'open' }), el('th', { text: 'oldest' }))), body);
  }

  function chart(region, canvas) {
    var slots = region.today.keptAndBroken;
    if (charts[region.region]) { charts[region.region].destroy(); }
    if (typeof Chart === 'undefined') { return; }
    charts[region.region] = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: slots.map(function (s) { return s.label; }),
        datasets: [
          { label: 'kept', data: slots.map(function (s) { return s.kept; }), backgroundColor: '#12b76a', stack: 'p' },
          { label: 'broken', data: slots.map(function (s) { return s.broken; }), backgroundColor: '#f04438', stack: 'p' }
        ]
      },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
        scales: { x: { stacked: true, ticks: { maxTicksLimit: 12 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function render(board) {
    var main = document.getElementById('regions');
    Object.keys(charts).forEach(function (key) { charts[key].destroy(); delete charts[key]; });
    main.replaceChildren();
    board.regions.forEach(function (region) {
      var canvas = el('canvas', { 'aria-label': 'promises kept and broken per hour today', role: 'img' });
      var zone = region.timeZone;
      main.appendChild(el('section', { 'class': 'region', dataset: { region: region.region } },
        el('h2', {}, region.name, ' ', el('small', { text: zone })),
        rings(region.now),
        el('h3', { text: 'open contacts, most urgent first' }), contacts(region.now),
        el('h3', { text: 'escalations and approvals' }), escalations(region.now, zone),
        el('h3', { text: 'promises broken today' }), broken(region.now, zone),
        el('div', { 'class': 'figures' }, figures('today', region.today), figures('this week', region.week)),
        el('h3', { text: 'kept and broken per hour, today' }), el('div', { 'class': 'chart' }, canvas),
        el('h3', { text: 'the team' }), team(region.team, zone)));
      chart(region, canvas);
    });
  }

  function regionFilter(board) {
    var choices = board.choices || [];
    if (choices.length < 2) { return; }
    var select = document.getElementById('region');
    if (!select.options.length) {
      select.appendChild(el('option', { value: '', text: 'all regions' }));
      choices.forEach(function (r) { select.appendChild(el('option', { value: r.id, text: r.name })); });
      select.addEventListener('change', function () {
        var url = new URL(window.location.href);
        if (select.value) { url.searchParams.set('region', select.value); } else { url.searchParams.delete('region'); }
        window.history.replaceState(null, '', url);
        refresh();
      });
    }
    select.value = chosenRegion() || '';
    document.getElementById('region-filter').hidden = false;
  }

  function problem(text) {
    var node = document.getElementById('problem');
    node.textContent = text || '';
    node.hidden = !text;
  }

  function refresh() {
    clearTimeout(timer);
    var region = chosenRegion();
    request('/api/board' + (region ? '?region=' + encodeURIComponent(region) : '')).then(function (answer) {
      if (answer.status === 401) { toLogin(); return null; }
      return answer.json().then(function (body) {
        if (!answer.ok) { problem(body.detail || ('The board could not be loaded (' + answer.status + ').')); return; }
        problem(null);
        serverOffset = Date.parse(body.generatedAt) - Date.now();
        regionFilter(body);
        render(body);
        tick();
        document.getElementById('status').textContent = 'updated ' + new Date(serverNow()).toLocaleTimeString('en-GB');
      });
    }).catch(function () {
      document.getElementById('status').textContent = 'not updated: no connection';
    }).finally(function () {
      timer = setTimeout(refresh, REFRESH_MS);
    });
  }

  // search: GET /api/cases?q= and /api/customers?q= with the same session; the region rules of /api apply
  function caseRows(page) {
    if (!page.items.length) { return el('p', { 'class': 'empty', text: 'No cases found.' }); }
    var body = el('tbody');
    page.items.forEach(function (c) {
      body.appendChild(el('tr', { 'class': 'found-case', dataset: { 'case': c.caseNumber } },
        el('td', { text: c.caseNumber }), el('td', { text: c.customer ? c.customer.name || c.customer.id : '' }),
        el('td', { text: c.region ? c.region.name : 'no region' }), el('td', { text: c.state.toLowerCase().replace('_', ' ') }),
        el('td', { text: c.handler ? c.handler.name : (c.offeredTo ? 'the team' : '–') }),
        el('td', { text: c.promisedByText || '' }), el('td', { text: c.subject || '' })));
    });
    return el('table', {}, el('thead', {}, el('tr', {}, el('th', { text: 'case' }), el('th', { text: 'customer' }),
      el('th', { text: 'region' }), el('th', { text: 'state' }), el('th', { text: 'held by' }), el('th', { text: 'promised' }),
      el('th', { text: 'subject' }))), body);
  }

  function customerRows(page) {
    if (!page.items.length) { return el('p', { 'class': 'empty', text: 'No customers found.' }); }
    var body = el('tbody');
    page.items.forEach(function (c) {
      body.appendChild(el('tr', { 'class': 'found-customer', dataset: { customer: c.id } },
        el('td', { text: c.id }), el('td', { text: c.name || '' }), el('td', { text: c.email || '' }),
        el('td', { text: c.phone || '' }), el('td', { text: c.region ? c.region.name : 'no region' }),
        el('td', { text: c.personalRep ? c.personalRep.name : '–' }), el('td', { text: String(c.openCases) })));
    });
    return el('table', {}, el('thead', {}, el('tr', {}, el('th', { text: 'customer' }), el('th', { text: 'name' }),
      el('th', { text: 'e-mail' }), el('th', { text: 'phone' }), el('th', { text: 'region' }), el('th', { text: 'personal rep' }),
      el('th', { text: 'open cases' }))), body);
  }

  function search(q) {
    var results = document.getElementById('results');
    var query = '?size=20&q=' + encodeURIComponent(q);
    Promise.all([request('/api/cases' + query), request('/api/customers' + query)]).then(function (answers) {
      if (answers.some(function (a) { return a.status === 401; })) { toLogin(); return null; }
      return Promise.all(answers.map(function (a) { return a.json().then(function (body) { return { ok: a.ok, body: body }; }); }));
    }).then(function (found) {
      if (!found) { return; }
      var failed = found.filter(function (f) { return !f.ok; });
      var close = el('button', { type: 'button', 'class': 'close', text: 'close' });
      close.addEventListener('click', function () { results.hidden = true; results.textContent = ''; });
      results.textContent = '';
      results.appendChild(close);
      results.appendChild(el('h2', { text: 'Found for “' + q + '”' }));
      if (failed.length) {
        results.appendChild(el('p', { 'class': 'problem', text: failed[0].body.detail || 'The search failed.' }));
      } else {
        results.appendChild(el('h3', { text: 'cases (' + found[0].body.total + ')' }));
        results.appendChild(caseRows(found[0].body));
        results.appendChild(el('h3', { text: 'customers (' + found[1].body.total + ')' }));
        results.appendChild(customerRows(found[1].body));
      }
      results.hidden = false;
    }).catch(function () { problem('NoHold cannot be reached.'); });
  }

  document.getElementById('search').addEventListener('submit', function (event) {
    event.preventDefault();
    search(document.getElementById('q').value.trim());
  });

  // signed in to the webapps? (the Tasklist's own question; also hands out its CSRF cookie)
  request('/camunda/api/admin/auth/user/default').then(function (answer) {
    if (!answer.ok) { toLogin(); return; }
    answer.json().then(function (user) { document.getElementById('user').textContent = user.userId; });
    refresh();
    setInterval(tick, 1000);
  }).catch(function () { problem('NoHold cannot be reached.'); });
}());
