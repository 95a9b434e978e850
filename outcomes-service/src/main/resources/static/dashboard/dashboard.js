// The outcomes dashboard: reads the signed-in organisation's figures from the API with its bearer token and draws
// them. A token arrives by the sign-in form or once in the URL fragment (#token=...), which never reaches a server,
// and is kept in this tab's sessionStorage only.
'use strict';

const COLOURS = ['#1f6f8b', '#c4512e', '#5b8c2a', '#8a4fa3', '#b8860b', '#2f4b7c'];
const today = new Date().toISOString().slice(0, 10);

function token() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem('token', decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('token');
}

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

async function get(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
  if (!response.ok) {
    throw new Error(path.split('?')[0] + ': ' + response.status);
  }
  return response.json();
}

function percent(rate) {
  return rate === null || rate === undefined ? '–' : (100 * rate).toFixed(1) + ' %';
}

function show(metric, value, text) {
  const element = document.querySelector('[data-metric="' + metric + '"]');
  element.dataset.value = value === null || value === undefined ? '' : String(value);
  element.textContent = text;
}

function note(metric, text) {
  document.querySelector('[data-n="' + metric + '"]').textContent = text;
}

async function retention(months) {
  const figure = await get('/api/v1/metrics/retention?months=' + months + '&asOf=' + today);
  const r = figure.result;
  show('retention-' + months, r.rate, percent(r.rate));
  note('retention-' + months, r.retained + ' of ' + r.denominator + ' (' + r.excludedDeceased + ' died, '
      + r.censored + ' censored) · ' + figure.revision.toLowerCase().replace('_', ' '));
}

async function firstHand() {
  const year = today.slice(0, 4) + '-01-01';
  const figure = await get('/api/v1/metrics/first-hand-leases?asOf=' + today + '&from=' + year + '&to=' + today);
  const r = figure.result;
  show('first-hand-share', r.share, percent(r.share));
  note('first-hand-share', r.firstHand + ' of ' + r.activeTenancies + ' active tenancies; '
      + r.conversionsToFirstHand + ' converted this year');
}

async function engagement() {
  const month = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 15).toISOString().slice(0, 7);
  const figure = await get('/api/v1/metrics/engagement?month=' + month + '&asOf=' + today);
  const r = figure.result;
  const perMonth = r.contactsPerParticipantMonth;
  show('contacts-per-participant-month', perMonth, perMonth === null ? '–' : perMonth.toFixed(2));
  note('engagement', 'contacts per participant-month in ' + month + '; ' + r.participantsWithoutContact
      + ' without contact; offers declined ' + percent(r.declineRate));
}

async function curves() {
  const figure = await get('/api/v1/metrics/retention-curve/breakdown?asOf=' + today + '&by=COHORT_YEAR');
  const datasets = [];
  let steps = 0;
  figure.result.forEach((group, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = [{ x: 0, y: 1, lower: 1, upper: 1 }].concat(group.result.map(step => ({
      x: step.time / 30.4375, y: step.survival, lower: step.lower, upper: step.upper })));
    steps += group.result.length;
    const label = group.category.replace('COHORT:', 'moved in ') + ' (n = ' + group.participants + ')';
    datasets.push({ label: label, data: points.map(p => ({ x: p.x, y: p.upper })), borderWidth: 0,
      pointRadius: 0, stepped: true, fill: '+1', backgroundColor: colour + '26', showLine: true });
    datasets.push({ label: label + ' lower', data: points.map(p => ({ x: p.x, y: p.lower })), borderWidth: 0,
      pointRadius: 0, stepped: true, fill: false, showLine: true });
    datasets.push({ label: label, data: points.map(p => ({ x: p.x, y: p.y })), borderColor: colour,
      borderWidth: 2, pointRadius: 0, stepped: true, fill: false, showLine: true });
  });
  document.querySelector('[data-metric="curve-steps"]').dataset.value = String(steps);
  document.querySelector('[data-metric="curve-steps"]').dataset.groups = String(figure.result.length);
  document.querySelector('[data-metric="curve-steps"]').textContent = figure.result.length
      + ' move-in cohorts; event: housing lost without rehousing within 14 days; deaths and long-term care censored.';
  new Chart(document.getElementById('curves'), {
    type: 'scatter',
    data: { datasets: datasets },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: 'months since first move-in' }, min: 0 },
                y: { title: { display: true, text: 'share still housed' }, min: 0, max: 1 } },
      plugins: { legend: { labels: { filter: item => item.datasetIndex % 3 === 2 } } }
    }
  });
}

async function qualityOfLife() {
  const figure = await get('/api/v1/metrics/quality-of-life-change?instrument=WHOQOL_BREF&followUp=MONTH_12&asOf='
      + today);
  const domains = figure.result.filter(c => c.score.endsWith('_100'));
  const body = document.querySelector('#qol-table tbody');
  domains.forEach(d => {
    const row = body.insertRow();
    row.dataset.score = d.score;
    row.dataset.mean = d.change.mean === null ? '' : String(d.change.mean);
    [d.score.replace('_100', ''), d.change.n,
     d.change.mean === null ? '–' : d.change.mean.toFixed(1),
     d.change.lower === null ? '–' : d.change.lower.toFixed(1) + ' to ' + d.change.upper.toFixed(1)]
      .forEach(text => { row.insertCell().textContent = text; });
  });
  new Chart(document.getElementById('qol'), {
    type: 'bar',
    data: { labels: domains.map(d => d.score.replace('_100', '')),
            datasets: [{ label: 'mean change (points)', data: domains.map(d => d.change.mean),
                         backgroundColor: '#1f6f8b' }] },
    options: { animation: false, maintainAspectRatio: false }
  });
}

async function national(country, county, municipality) {
  const id = 'HF02_' + country;
  document.getElementById('national-id').textContent = id;
  const regions = [country, county, municipality].join(',');
  const headers = { headers: { Authorization: 'Bearer ' + token() } };
  // the newest released quarter: the metadata notes the provisional ones, which this panel does not show
  const metadata = await fetch('/api/v2/tables/' + id + '/metadata', headers);
  if (metadata.status === 404) {
    document.getElementById('national-release').textContent = 'not released yet';
    return;
  }
  if (!metadata.ok) {
    throw new Error('/api/v2/tables/' + id + '/metadata: ' + metadata.status);
  }
  const periods = (await metadata.json()).dimension.period.category;
  const released = Object.keys(periods.index)
      .filter(code => !(periods.note && periods.note[code]))
      .sort((a, b) => periods.index[a] - periods.index[b]);
  if (released.length === 0) {
    document.getElementById('national-release').textContent = 'not released yet';
    return;
  }
  const path = '/api/v2/tables/' + id + '/data';
  const response = await fetch(path + '?valuecodes[region]=' + regions
      + '&valuecodes[breakdown]=TOTAL,SEX:FEMALE,SEX:MALE,SEX:OTHER,SEX:UNKNOWN'
      + '&valuecodes[period]=' + released[released.length - 1] + '&valuecodes[contents]=numerator,denominator,rate',
      headers);
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  const data = await response.json();
  const periodIndex = data.dimension.period.category.index;
  const period = Object.keys(periodIndex)[0];
  document.getElementById('national-release').textContent = 'release ' + data.extension.release[period].id;
  const regionIndex = data.dimension.region.category.index;
  const breakdownIndex = data.dimension.breakdown.category.index;
  const breakdowns = Object.keys(breakdownIndex).sort((a, b) => breakdownIndex[a] - breakdownIndex[b]);
  const head = document.querySelector('#national thead').insertRow();
  head.insertCell().textContent = 'region';
  breakdowns.forEach(b => { head.insertCell().textContent = data.dimension.breakdown.category.label[b]; });
  const sizes = data.size;
  Object.keys(regionIndex).sort((a, b) => regionIndex[a] - regionIndex[b]).forEach(region => {
    const row = document.querySelector('#national tbody').insertRow();
    row.insertCell().textContent = data.dimension.region.category.label[region];
    breakdowns.forEach(b => {
      const position = ((regionIndex[region] * sizes[1] + breakdownIndex[b]) * sizes[2]) * sizes[3] + 2;
      const status = data.status[String(position)];
      const cell = row.insertCell();
      cell.dataset.cell = region + '|' + b;
      if (status === ':') {
        cell.textContent = ':';
        cell.className = 'suppressed';
      } else {
        const value = data.value[position];
        cell.textContent = value === null ? '.' : value.toFixed(1) + ' %' + (status === 'p' || status === 'r' ? ' ' + status : '');
      }
    });
  });
}

async function main() {
  document.getElementById('as-of').textContent = today;
  document.body.dataset.asOf = today;
  const jwt = token();
  if (!jwt) {
    document.getElementById('sign-in').hidden = false;
    document.getElementById('token-form').addEventListener('submit', event => {
      event.preventDefault();
      sessionStorage.setItem('token', document.getElementById('token-input').value.trim());
      location.reload();
    });
    return;
  }
  const who = claims(jwt);
  document.getElementById('scope').textContent = '· ' + who.org + ' (' + who.country + ' ' + who.municipality + ')';
  document.getElementById('dashboard').hidden = false;
  try {
    await Promise.all([retention(6), retention(12), retention(24), firstHand(), engagement(), curves(),
      qualityOfLife(), national(who.country, who.municipality.slice(0, 2), who.municipality)]);
    document.body.dataset.ready = 'true';
  } catch (e) {
    const error = document.getElementById('error');
    error.hidden = false;
    error.textContent = 'Could not load every figure: ' + e.message;
    document.body.dataset.ready = 'error';
  }
}

main();
