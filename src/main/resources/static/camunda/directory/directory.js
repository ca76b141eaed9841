// The directory for administrators: regions, routing rules, calendars, backup order, reps, schedules and customers' placement,
// through NoHold's /api with the Tasklist's sign-in (its session and the XSRF-TOKEN cookie's value in X-XSRF-TOKEN).
// Every text from the API is set as text, never as HTML.
(function () {
  'use strict';

  var regions = [];

  function $(selector, root) { return (root || document).querySelector(selector); }

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|;\\s*)' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : '';
  }

  function call(method, path, body) {
    var headers = { 'Accept': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch('/api' + path, {
      method: method, credentials: 'same-origin', headers: headers, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 401) { window.location.href = '/camunda/app/tasklist/'; }
      return response.text().then(function (text) {
        var answer = text ? JSON.parse(text) : null;
        if (!response.ok) {
          var fields = ((answer && answer.fields) || []).map(function (f) { return f.field + ' ' + f.message; });
          throw new Error(fields.length ? fields.join('; ') : (answer && answer.detail) || ('HTTP ' + response.status));
        }
        return answer;
      });
    });
  }

  function say(text, problem) {
    var message = $('#message');
    message.hidden = false;
    message.textContent = text;
    message.className = problem ? 'message problem' : 'message';
  }

  function done(what) {
    return function () { say(what); return refresh(); };
  }

  function failed(error) { say('Not changed: ' + error.message, true); }

  function list(text) {
    return text.split(',').map(function (part) { return part.trim(); }).filter(function (part) { return part; });
  }

  function button(text, onClick) {
    var node = el('button', text, { type: 'button' });
    node.addEventListener('click', onClick);
    return node;
  }

  function input(value, attributes) {
    var node = el('input', null, attributes);
    node.value = value;
    return node;
  }

  function regionChoice(selected) {
    var select = el('select');
    regions.forEach(function (region) {
      var option = el('option', region.name, { value: region.id });
      if (region.id === selected) { option.selected = true; }
      select.appendChild(option);
    });
    return select;
  }

  function renderRegion(region) {
    var box = el('div', null, { 'class': 'region', 'data-region': region.id });
    box.appendChild(el('h3', region.name + ' (' + region.id + ')'));

    var name = input(region.name, { 'aria-label': 'Name of ' + region.id, 'class': 'region-name' });
    var nameRow = el('div', null, { 'class': 'row' });
    nameRow.append(el('label', 'Name'), name, button('Rename', function () {
      call('PUT', '/regions/' + region.id, { name: name.value }).then(done('Region renamed')).catch(failed);
    }));

    var postal = input(region.rules.postalCodes.join(', '), { 'class': 'postal-codes', 'aria-label': 'Postal codes' });
    var phone = input(region.rules.phonePrefixes.join(', '), { 'class': 'phone-prefixes', 'aria-label': 'Phone prefixes' });
    var countries = input(region.rules.countries.join(', '), { 'class': 'countries', 'aria-label': 'Countries' });
    var rulesRow = el('div', null, { 'class': 'row' });
    rulesRow.append(el('label', 'Postal codes'), postal, el('label', 'Phone'), phone, el('label', 'Countries'), countries,
      button('Save rules', function () {
        call('PUT', '/regions/' + region.id + '/rules', {
          postalCodes: list(postal.value), phonePrefixes: list(phone.value), countries: list(countries.value)
        }).then(done('Routing rules saved')).catch(failed);
      }));

    var order = input(region.reps.map(function (rep) { return rep.id; }).join(', '), { 'class': 'backup-order', 'aria-label': 'Backup order' });
    var orderRow = el('div', null, { 'class': 'row' });
    orderRow.append(el('label', 'Backup order'), order, button('Save order', function () {
      call('PUT', '/regions/' + region.id + '/backup-order', { reps: list(order.value) })
        .then(done('Backup order saved')).catch(failed);
    }));

    var repsRow = el('div', null, { 'class': 'row' });
    region.reps.forEach(function (rep) {
      var chip = el('span', null, { 'class': 'rep', 'data-rep': rep.id });
      var target = regionChoice(region.id);
      chip.append(el('span', rep.name + ' (' + rep.status.toLowerCase() + ')'), target,
        button('Move', function () {
          call('PUT', '/reps/' + rep.id + '/region', { region: target.value }).then(done(rep.name + ' moved')).catch(failed);
        }),
        button('Remove', function () {
          if (!window.confirm('Remove ' + rep.name + ' from the directory? Their open tasks move on.')) { return; }
          call('DELETE', '/reps/' + rep.id).then(done(rep.name + ' removed')).catch(failed);
        }));
      repsRow.appendChild(chip);
    });
    box.append(nameRow, rulesRow, orderRow, repsRow);
    return box;
  }

  function renderAudit(rows) {
    var body = $('#audit tbody');
    body.textContent = '';
    rows.forEach(function (row) {
      var tr = el('tr');
      [new Date(row.at).toLocaleString(), row.actor, row.action, row.subject, row.detail || ''].forEach(function (text) {
        tr.appendChild(el('td', text));
      });
      body.appendChild(tr);
    });
  }

  function refresh() {
    return Promise.all([call('GET', '/regions'), call('GET', '/directory/audit?limit=50')]).then(function (answers) {
      regions = answers[0];
      var box = $('#regions');
      box.textContent = '';
      regions.forEach(function (region) { box.appendChild(renderRegion(region)); });
      document.querySelectorAll('select.region-choice').forEach(function (select) {
        var chosen = select.value;
        select.textContent = '';
        regions.forEach(function (region) { select.appendChild(el('option', region.name, { value: region.id })); });
        if (chosen) { select.value = chosen; }
      });
      renderAudit(answers[1]);
    });
  }

  function values(form) {
    var result = {};
    new FormData(form).forEach(function (value, name) { result[name] = typeof value === 'string' ? value.trim() : value; });
    return result;
  }

  function onSubmit(id, handler) {
    $(id).addEventListener('submit', function (event) {
      event.preventDefault();
      handler(values(event.target), event.target);
    });
  }

  onSubmit('#new-region', function (form, node) {
    call('POST', '/regions', form).then(function () { node.reset(); }).then(done('Region added')).catch(failed);
  });
  onSubmit('#new-person', function (form, node) {
    if (!form.password) { delete form.password; }
    call('POST', '/reps', form).then(function () { node.reset(); }).then(done('Person added')).catch(failed);
  });
  onSubmit('#find-customer', function (form) {
    call('GET', '/customers?size=10&q=' + encodeURIComponent(form.q)).then(function (found) {
      var table = $('#customer-hits');
      var body = $('tbody', table);
      body.textContent = '';
      table.hidden = found.items.length === 0;
      if (found.items.length === 0) { say('No customer matches "' + form.q + '"', true); return; }
      $('#message').hidden = true;
      found.items.forEach(function (customer) {
        var tr = el('tr', null, { 'data-customer': customer.id });
        [customer.name + ' (' + customer.id + ')', customer.email || '', customer.phone || '',
          customer.region ? customer.region.name : '', customer.personalRep ? customer.personalRep.name : '',
          String(customer.openCases)].forEach(function (text) { tr.appendChild(el('td', text)); });
        var cell = el('td');
        cell.appendChild(button('Choose', function () {
          var move = $('#move-customer');
          move.customer.value = customer.id;
          if (customer.region) { move.region.value = customer.region.id; }
          move.reason.focus();
        }));
        tr.appendChild(cell);
        body.appendChild(tr);
      });
      if (found.total > found.items.length) {
        say(found.total + ' customers match; the first ' + found.items.length + ' are shown, say more to narrow them down');
      }
    }).catch(function (error) { say('Not found: ' + error.message, true); });
  });
  onSubmit('#move-customer', function (form) {
    var body = { region: form.region, reason: form.reason };
    if (form.personalRep) { body.personalRep = form.personalRep; }
    call('PUT', '/customers/' + encodeURIComponent(form.customer) + '/placement', body)
      .then(function (placed) {
        say('Customer ' + placed.id + ' moved to ' + placed.region + (placed.personalRep ? ', personal rep ' + placed.personalRep : ''));
        return refresh();
      }).catch(failed);
  });
  $('#calendar-load').addEventListener('click', function () {
    var form = $('#calendar');
    call('GET', '/regions/' + encodeURIComponent(form.region.value) + '/calendar').then(function (calendar) {
      form.json.value = JSON.stringify(calendar, null, 2);
    }).catch(failed);
  });
  onSubmit('#calendar', function (form) {
    var body;
    try { body = JSON.parse(form.json); } catch (e) { failed(new Error('the calendar is not JSON')); return; }
    call('PUT', '/regions/' + encodeURIComponent(form.region) + '/calendar', body).then(done('Calendar saved')).catch(failed);
  });
  $('#schedule-load').addEventListener('click', function () {
    var form = $('#schedule');
    call('GET', '/reps/' + encodeURIComponent(form.rep.value.trim()) + '/schedule').then(function (schedule) {
      form.json.value = JSON.stringify(schedule, null, 2);
    }).catch(failed);
  });
  onSubmit('#schedule', function (form) {
    var body;
    try { body = JSON.parse(form.json); } catch (e) { failed(new Error('the schedule is not JSON')); return; }
    call('PUT', '/reps/' + encodeURIComponent(form.rep) + '/schedule', body).then(done('Schedule saved')).catch(failed);
  });

  call('GET', '/me').then(function (me) {
    $('#user').textContent = me.name;
    if (!me.administrator) {
      say('The directory is for administrators.', true);
      return null;
    }
    $('#main').hidden = false;
    return refresh();
  }).catch(failed);
}());
