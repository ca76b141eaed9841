// The rep's status in the Tasklist's header: Available, Away (optionally for a while) or Off. It reads and sets
// NoHold's /api/me with the Tasklist's own sign-in: the session cookie, and the CSRF token of the XSRF-TOKEN cookie
// sent back in X-XSRF-TOKEN, as the Tasklist does. Going away hands on the contacts whose promise falls in the
// absence; the case history says so. Shown only to people who have a status (reps and supervisors).

const CHOICES = [
  {value: 'AVAILABLE', label: 'Available'},
  {value: 'AWAY', label: 'Away'},
  {value: 'AWAY:30', label: 'Away for 30 minutes'},
  {value: 'AWAY:60', label: 'Away for an hour'},
  {value: 'OFF', label: 'Off'}
];

// NoHold's API is at the root of the server the Tasklist comes from: the app root without its last segment
function apiRoot() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.replace(/\/[^/]*$/, '') + '/api';
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function call(method, path, body) {
  const response = await fetch(apiRoot() + path, {
    method,
    credentials: 'same-origin',
    headers: Object.assign({'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken()},
      body ? {'Content-Type': 'application/json'} : {}),
    body: body ? JSON.stringify(body) : undefined
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (answer.fields || []).map(f => f.field + ' ' + f.message).join('; ');
    throw new Error(fields || answer.detail || ('HTTP ' + response.status));
  }
  return answer;
}

function timeOfDay(instant) {
  return new Date(instant).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
}

function render(node) {
  node.innerHTML = '';
  const box = document.createElement('span');
  box.className = 'nohold-status';
  box.style.cssText = 'display:none;align-items:center;gap:6px;padding:10px 12px;color:inherit';
  const label = document.createElement('label');
  label.textContent = 'Status';
  label.htmlFor = 'nohold-status-select';
  label.style.cssText = 'margin:0;font-weight:normal';
  const select = document.createElement('select');
  select.id = 'nohold-status-select';
  select.style.cssText = 'width:auto;color:#333;height:26px;padding:0 4px;border-radius:3px;border:1px solid #ccc';
  CHOICES.forEach(choice => {
    const option = document.createElement('option');
    option.value = choice.value;
    option.textContent = choice.label;
    select.appendChild(option);
  });
  const note = document.createElement('span');
  note.className = 'nohold-status-note';
  note.setAttribute('role', 'status');
  note.style.cssText = 'font-size:12px;opacity:.9';
  box.append(label, select, note);
  node.appendChild(box);

  let me = null;

  function show(current) {
    me = current;
    box.dataset.status = current.status;
    select.value = current.status;
    note.textContent = current.status === 'AWAY' && current.awayUntil ? 'back at ' + timeOfDay(current.awayUntil) : '';
  }

  call('GET', '/me').then(current => {
    if (!current.status) {
      return; // head of service, administrators: no status of their own
    }
    box.style.display = 'inline-flex';
    show(current);
  }).catch(() => {
  });

  select.addEventListener('change', () => {
    const [status, minutes] = select.value.split(':');
    const body = {status};
    if (minutes) {
      body.until = new Date(Date.parse(me.now) + Number(minutes) * 60000).toISOString();
    }
    select.disabled = true;
    call('PUT', '/me/status', body)
      .then(show)
      .catch(error => {
        select.value = me.status;
        note.textContent = 'not changed: ' + error.message;
      })
      .finally(() => {
        select.disabled = false;
      });
  });
}

export default {
  id: 'nohold.status',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render
};
