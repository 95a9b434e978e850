// The outcomes dashboard: reads the signed-in organisation's figures from the API with its bearer token and draws
// them, in English, Swedish or Norwegian (texts.js). A token arrives by the sign-in form or once in the URL fragment
// (#token=...), which never reaches a server, and is kept in this tab's sessionStorage only.
'use strict';

const COLOURS = ['#1f6f8b', '#c4512e', '#5b8c2a', '#8a4fa3', '#b8860b', '#2f4b7c'];
const today = new Date().toISOString().slice(0, 10);

/** A call the API refused for the caller: 401 (no valid sign-in) or 403. */
class Refused extends Error {
  constructor(status) {
    super(String(status));
    this.status = status;
  }
}

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
  if (response.status === 401 || response.status === 403) {
    throw new Refused(response.status);
  }
  if (!response.ok) {
    throw new Error(path.split('?')[0] + ': ' + response.status);
  }
  return response.json();
}

/** A statistics API path in the dashboard's language. */
function statistics(path) {
  return path + (path.includes('?') ? '&' : '?') + 'lang=' + LANGUAGE.lang;
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

function revision(figure) {
  return figure.revision === 'PROVISIONAL' ? t('provisionalFigure')
      : figure.revision === 'FINAL' ? t('finalFigure') : figure.revision.toLowerCase().replace('_', ' ');
}

async function municipalityName(country, municipality) {
  const list = await get(statistics('/api/v2/codelists/vs_' + country + '_municipality'));
  const value = list.values.find(v => v.code === municipality);
  return value ? value.label : municipality;
}

async function retention(months) {
  const figure = await get('/api/v1/metrics/retention?months=' + months + '&asOf=' + today);
  const r = figure.result;
  show('retention-' + months, r.rate, percent(r.rate));
  note('retention-' + months, t('retentionNote', r.retained, r.denominator, r.excludedDeceased, r.censored) + ' · '
      + revision(figure));
}

async function firstHand() {
  const year = today.slice(0, 4) + '-01-01';
  const figure = await get('/api/v1/metrics/first-hand-leases?asOf=' + today + '&from=' + year + '&to=' + today);
  const r = figure.result;
  show('first-hand-share', r.share, percent(r.share));
  note('first-hand-share', t('firstHandNote', r.firstHand, r.activeTenancies, r.conversionsToFirstHand));
}

async function engagement() {
  const month = new Date(new Date().getFullYear(), new Date().getMonth() - 1, 15).toISOString().slice(0, 7);
  const figure = await get('/api/v1/metrics/engagement?month=' + month + '&asOf=' + today);
  const r = figure.result;
  const perMonth = r.contactsPerParticipantMonth;
  show('contacts-per-participant-month', perMonth, perMonth === null ? '–' : perMonth.toFixed(2));
  note('engagement', t('engagementNote', month, r.participantsWithoutContact, percent(r.declineRate)));
}

let curvesChart = null;

/** Every cohort's curve, and the 95 % band of one cohort at a time: four bands at once hide the curves. */
function drawCurves(groups, banded) {
  const datasets = [];
  groups.forEach((group, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = [{ x: 0, y: 1, lower: 1, upper: 1 }].concat(group.result.map(step => ({
      x: step.time / 30.4375, y: step.survival, lower: step.lower, upper: step.upper })));
    const label = t('movedIn', group.category.replace('COHORT:', '')) + ' (n = ' + group.participants + ')';
    if (group.category === banded) {
      datasets.push({ label: 'band upper', data: points.map(p => ({ x: p.x, y: p.upper })), borderWidth: 0,
        pointRadius: 0, stepped: true, fill: '+1', backgroundColor: colour + '33', showLine: true, band: true });
      datasets.push({ label: 'band lower', data: points.map(p => ({ x: p.x, y: p.lower })), borderWidth: 0,
        pointRadius: 0, stepped: true, fill: false, showLine: true, band: true });
    }
    datasets.push({ label: label, data: points.map(p => ({ x: p.x, y: p.y })), borderColor: colour,
      borderWidth: 2, pointRadius: 0, stepped: true, fill: false, showLine: true });
  });
  document.querySelector('[data-metric="curve-steps"]').dataset.bands = String(groups.some(g => g.category === banded) ? 1 : 0);
  if (curvesChart) {
    curvesChart.destroy();
  }
  curvesChart = new Chart(document.getElementById('curves'), {
    type: 'scatter',
    data: { datasets: datasets },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: t('monthsSince') }, min: 0 },
                y: { title: { display: true, text: t('shareHoused') }, min: 0, max: 1 } },
      plugins: { legend: { labels: { filter: item => !datasets[item.datasetIndex].band } } }
    }
  });
}

async function curves() {
  const figure = await get('/api/v1/metrics/retention-curve/breakdown?asOf=' + today + '&by=COHORT_YEAR');
  const groups = figure.result;
  const steps = groups.reduce((sum, g) => sum + g.result.length, 0);
  const element = document.querySelector('[data-metric="curve-steps"]');
  element.dataset.value = String(steps);
  element.dataset.groups = String(groups.length);
  if (groups.length === 0) {
    document.getElementById('curves-chart').hidden = true;
    document.querySelector('label.band').hidden = true;
    document.getElementById('curves-empty').hidden = false;
    document.body.dataset.noData = 'true';
    return;
  }
  element.textContent = t('curveNote', groups.length);
  const select = document.getElementById('band');
  groups.forEach(g => select.add(new Option(t('movedIn', g.category.replace('COHORT:', '')), g.category)));
  // the band of the largest cohort first: its interval is the narrowest
  select.value = groups.reduce((a, b) => (b.participants > a.participants ? b : a)).category;
  select.addEventListener('change', () => drawCurves(groups, select.value));
  drawCurves(groups, select.value);
}

async function qualityOfLife() {
  const figure = await get('/api/v1/metrics/quality-of-life-change?instrument=WHOQOL_BREF&followUp=MONTH_12&asOf='
      + today);
  const domains = figure.result.filter(c => c.score.endsWith('_100'));
  const names = t('qolDomains');
  const name = score => names[score.replace('_100', '')] ?? score.replace('_100', '');
  const body = document.querySelector('#qol-table tbody');
  domains.forEach(d => {
    const row = body.insertRow();
    row.dataset.score = d.score;
    row.dataset.mean = d.change.mean === null ? '' : String(d.change.mean);
    [name(d.score), d.change.n,
     d.change.mean === null ? '–' : d.change.mean.toFixed(1),
     d.change.lower === null ? '–' : d.change.lower.toFixed(1) + ' ' + t('to') + ' ' + d.change.upper.toFixed(1)]
      .forEach(text => { row.insertCell().textContent = text; });
  });
  new Chart(document.getElementById('qol'), {
    type: 'bar',
    data: { labels: domains.map(d => name(d.score)),
            datasets: [{ label: t('meanChangePoints'), data: domains.map(d => d.change.mean),
                         backgroundColor: '#1f6f8b' }] },
    options: { animation: false, maintainAspectRatio: false }
  });
}

async function fidelity() {
  const figure = await get('/api/v1/metrics/fidelity?asOf=' + today);
  const body = document.querySelector('#fidelity tbody');
  if (figure.result.length === 0) {
    document.getElementById('fidelity-empty').hidden = false;
    return;
  }
  figure.result.forEach(programme => {
    const latest = programme.latest;
    const row = body.insertRow();
    row.dataset.programme = programme.programmeId + '|' + programme.scale + '|' + programme.scaleVersion;
    row.dataset.total = String(latest.total);
    row.dataset.percent = String(latest.percentOfMaximum);
    [programme.programmeId,
     programme.scale + ' ' + programme.scaleVersion,
     latest.assessedOn + (programme.current ? '' : ' (' + t('notCurrent') + ')'),
     latest.total + ' / ' + latest.maximum,
     latest.percentOfMaximum.toFixed(1) + ' %',
     Object.entries(latest.domainMeans).map(([d, m]) => d.replace(/_/g, ' ') + ' ' + m.toFixed(1)).join('; ')]
      .forEach(text => { row.insertCell().textContent = text; });
  });
}

async function national(country, county, municipality) {
  const id = 'HF02_' + country;
  document.getElementById('national-id').textContent = id;
  const regions = [country, county, municipality].join(',');
  const headers = { headers: { Authorization: 'Bearer ' + token() } };
  // the newest released quarter: the metadata notes the provisional ones, which this panel does not show
  const metadata = await fetch(statistics('/api/v2/tables/' + id + '/metadata'), headers);
  if (metadata.status === 404) {
    document.getElementById('national-release').textContent = t('notReleased');
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
    document.getElementById('national-release').textContent = t('notReleased');
    return;
  }
  const path = '/api/v2/tables/' + id + '/data';
  const response = await fetch(statistics(path + '?valuecodes[region]=' + regions
      + '&valuecodes[breakdown]=TOTAL,SEX:FEMALE,SEX:MALE,SEX:OTHER,SEX:UNKNOWN'
      + '&valuecodes[period]=' + released[released.length - 1] + '&valuecodes[contents]=numerator,denominator,rate'),
      headers);
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  const data = await response.json();
  const periodIndex = data.dimension.period.category.index;
  const period = Object.keys(periodIndex)[0];
  document.getElementById('national-quarter').textContent = data.dimension.period.category.label[period];
  document.getElementById('national-quarter').dataset.period = period;
  document.getElementById('national-release').textContent = t('release', data.extension.release[period].id);
  const regionIndex = data.dimension.region.category.index;
  const breakdownIndex = data.dimension.breakdown.category.index;
  const breakdowns = Object.keys(breakdownIndex).sort((a, b) => breakdownIndex[a] - breakdownIndex[b]);
  const head = document.querySelector('#national thead').insertRow();
  head.insertCell().textContent = t('region');
  breakdowns.forEach(b => {
    const cell = head.insertCell();
    cell.textContent = data.dimension.breakdown.category.label[b];
    cell.dataset.breakdown = b;
  });
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

/** The sign-in form, with what went wrong above it when a token was refused. */
function signIn(problem) {
  document.getElementById('dashboard').hidden = true;
  if (problem) {
    const element = document.getElementById('problem');
    element.hidden = false;
    element.textContent = problem;
  }
  document.getElementById('sign-in').hidden = false;
  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem('token', document.getElementById('token-input').value.trim());
    location.reload();
  });
}

function translate() {
  document.documentElement.lang = LANGUAGE.lang;
  document.body.dataset.lang = LANGUAGE.lang;
  document.body.dataset.languageSource = LANGUAGE.source;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
  const select = document.getElementById('language');
  select.value = LANGUAGE.lang;
  select.addEventListener('change', () => {
    const search = new URLSearchParams(location.search);
    search.set('lang', select.value);
    location.search = search.toString();
  });
}

async function main() {
  translate();
  document.getElementById('as-of').textContent = today;
  document.body.dataset.asOf = today;
  const jwt = token();
  if (!jwt) {
    signIn(null);
    return;
  }
  const who = claims(jwt);
  document.getElementById('dashboard').hidden = false;
  try {
    const name = await municipalityName(who.country, who.municipality).catch(() => who.municipality);
    document.getElementById('scope').textContent = '· ' + name;
    document.body.dataset.municipalityName = name;
    await Promise.all([retention(6), retention(12), retention(24), firstHand(), engagement(), curves(),
      qualityOfLife(), fidelity(), national(who.country, who.municipality.slice(0, 2), who.municipality)]);
    document.body.dataset.ready = 'true';
  } catch (e) {
    if (e instanceof Refused) {
      sessionStorage.removeItem('token');
      signIn(e.status === 401 ? t('expired') : t('forbidden'));
      document.body.dataset.ready = 'refused';
    } else {
      const error = document.getElementById('problem');
      error.hidden = false;
      error.textContent = t('failed', e.message);
      document.body.dataset.ready = 'error';
    }
  }
  // a phone's width must not scroll sideways: tables scroll within their own boxes
  document.body.dataset.overflow = String(document.documentElement.scrollWidth > window.innerWidth);
}

main();
