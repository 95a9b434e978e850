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

/** The JSON of a GET; null for a 404 when {@code missing} allows it (a table without a release). */
async function get(path, missing) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
  if (response.status === 401 || response.status === 403) {
    throw new Refused(response.status);
  }
  if (missing && response.status === 404) {
    return null;
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

/** A national table's newest released quarter, or null: the metadata notes the provisional ones, not shown here. */
async function newestReleased(id) {
  const metadata = await get(statistics('/api/v2/tables/' + id + '/metadata'), true);
  if (metadata === null) {
    return null;
  }
  const periods = metadata.dimension.period.category;
  const released = Object.keys(periods.index)
      .filter(code => !(periods.note && periods.note[code]))
      .sort((a, b) => periods.index[a] - periods.index[b]);
  return released.length === 0 ? null : released[released.length - 1];
}

/** A national table's cells for regions and breakdowns in one quarter, every content, in the page's language. */
function tableData(id, regions, breakdowns, period) {
  return get(statistics('/api/v2/tables/' + id + '/data?valuecodes[region]=' + regions.join(',')
      + '&valuecodes[breakdown]=' + breakdowns + '&valuecodes[period]=' + period + '&valuecodes[contents]=*'));
}

/**
 * Writes one content of a cell into a table cell: ':' suppressed, '.' undefined, else the value (a rate with one
 * decimal and %, a count as it is) with its mark r or p.
 */
function fill(cell, data, region, breakdown, content) {
  const index = name => data.dimension[name].category.index;
  const sizes = data.size;
  const position = ((index('region')[region] * sizes[1] + index('breakdown')[breakdown]) * sizes[2]) * sizes[3]
      + index('contents')[content];
  const status = data.status[String(position)];
  const value = data.value[position];
  cell.dataset.value = status === ':' ? ':' : value === null ? '.' : String(value);
  if (status === ':') {
    cell.textContent = ':';
    cell.className = 'suppressed';
  } else if (value === null) {
    cell.textContent = '.';
  } else {
    const mark = status === 'p' || status === 'r' ? ' ' + status : '';
    const percent = content === 'rate' || content.endsWith(':percent');
    cell.textContent = (percent ? value.toFixed(1) + ' %' : String(value)) + mark;
  }
}

async function national(country, county, municipality) {
  const id = 'HF02_' + country;
  document.getElementById('national-id').textContent = id;
  const period = await newestReleased(id);
  if (period === null) {
    document.getElementById('national-release').textContent = t('notReleased');
    return;
  }
  const data = await tableData(id, [country, county, municipality],
      'TOTAL,SEX:FEMALE,SEX:MALE,SEX:OTHER,SEX:UNKNOWN', period);
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
  Object.keys(regionIndex).sort((a, b) => regionIndex[a] - regionIndex[b]).forEach(region => {
    const row = document.querySelector('#national tbody').insertRow();
    row.insertCell().textContent = data.dimension.region.category.label[region];
    breakdowns.forEach(b => {
      const cell = row.insertCell();
      cell.dataset.cell = region + '|' + b;
      fill(cell, data, region, b, 'rate');
    });
  });
}

/**
 * The national indicators beside retention (HF06-HF14), each table's newest released quarter, with the content shown:
 * a count, a rate, the programmes' mean fidelity in % of the maximum, or a mean change of quality of life.
 */
const INDICATORS = [['HF06', 'count'], ['HF07', 'count'], ['HF08', 'rate'], ['HF09', 'count'], ['HF10', 'rate'],
  ['HF11', 'mean:percent'], ['HF12', 'mean:physical_100'], ['HF12', 'mean:psychological_100'],
  ['HF12', 'mean:social_100'], ['HF12', 'mean:environment_100'], ['HF13', 'mean:satisfaction_mean'],
  ['HF14', 'mean:vas']];

/**
 * The indicators for the nation, the county and the municipality (fidelity and quality of life: means over programmes
 * and persons), and the nation's new enrolments by homelessness situation at entry with each situation's share of them.
 */
async function indicators(country, county, municipality) {
  const regions = [country, county, municipality];
  const codes = [...new Set(INDICATORS.map(([code]) => code))];
  const fetched = Object.fromEntries(await Promise.all(codes.map(async code => {
    const id = code + '_' + country;
    const period = await newestReleased(id);
    return [code, { id, period, data: period === null ? null : await tableData(id, regions, 'TOTAL', period) }];
  })));
  const tables = INDICATORS.map(([code, content]) => ({ ...fetched[code], content }));
  const shown = tables.find(table => table.data !== null);
  if (!shown) {
    document.getElementById('indicators-quarter').textContent = t('notReleased');
    return;
  }
  document.getElementById('indicators-quarter').textContent = shown.data.dimension.period.category.label[shown.period];
  const head = document.querySelector('#indicators thead').insertRow();
  head.insertCell().textContent = t('indicator');
  regions.forEach(region => {
    head.insertCell().textContent = shown.data.dimension.region.category.label[region];
  });
  tables.forEach(table => {
    const row = document.querySelector('#indicators tbody').insertRow();
    row.dataset.table = table.id;
    row.dataset.period = table.period || '';
    row.dataset.content = table.content;
    const contents = table.data === null ? null : table.data.dimension.contents.category.label;
    row.insertCell().textContent = table.data === null ? table.id
        : table.data.label + (table.content.includes(':') ? ': ' + contents[table.content] : '');
    regions.forEach(region => {
      const cell = row.insertCell();
      cell.dataset.indicator = table.id + '|' + table.content + '|' + region;
      if (table.data === null) {
        cell.textContent = t('notReleased');
      } else {
        fill(cell, table.data, region, 'TOTAL', table.content);
      }
    });
  });
  const enrolments = tables.find(table => table.id.startsWith('HF07') && table.data !== null);
  if (!enrolments) {
    return;
  }
  // every situation of the country, from the table's own metadata, as counts and shares of the nation's total
  const data = await tableData(enrolments.id, [country], 'SITUATION:*,TOTAL', enrolments.period);
  document.getElementById('situations-title').textContent =
      t('situationsTitle', data.dimension.region.category.label[country]);
  const index = data.dimension.breakdown.category.index;
  const situations = Object.keys(index).filter(code => code !== 'TOTAL').sort((a, b) => index[a] - index[b]);
  const total = document.createElement('td');
  fill(total, data, country, 'TOTAL', 'count');
  situations.forEach(situation => {
    const row = document.querySelector('#situations tbody').insertRow();
    row.insertCell().textContent = data.dimension.breakdown.category.label[situation];
    const count = row.insertCell();
    count.dataset.situation = situation;
    fill(count, data, country, situation, 'count');
    const share = row.insertCell();
    const n = Number(count.dataset.value);
    const of = Number(total.dataset.value);
    share.textContent = Number.isNaN(n) || Number.isNaN(of) || of === 0 ? '–' : (100 * n / of).toFixed(1) + ' %';
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
      qualityOfLife(), fidelity(), national(who.country, who.municipality.slice(0, 2), who.municipality),
      indicators(who.country, who.municipality.slice(0, 2), who.municipality)]);
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
