// A hostile client of one service, driven by its OpenAPI document: schema-driven fuzzing with fast-check (the default),
// or, with --mode matrix, the authorization matrix (see runMatrix).
//
//   node fuzz.mjs --doc ../docs/api/tenancy-service.openapi.json --base http://127.0.0.1:8081 \
//        --db postgresql://postgres@127.0.0.1:5432/tenancy --secret <HS256 secret> --requests 10000 --seed 42
//
// Every request is generated from the document: an operation, then a body, path and query parameters built from its
// schemas, valid or mutated in one of the categories below. Each response is checked at once:
//   - no 5xx;
//   - every error is application/problem+json;
//   - no response repeats an identity number the request carried;
//   - a rejected request (4xx) stored nothing: the service's event store has as many rows after it as before.
// fast-check shrinks the first request that breaks a check to a smallest one and prints it. The figures are printed
// as a table and written as JSON (--out) for the Java harness, SchemaFuzzIT, which asserts them.

import fc from 'fast-check';
import pg from 'pg';
import crypto from 'node:crypto';
import fs from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const doc = JSON.parse(fs.readFileSync(args.doc, 'utf8'));
const base = args.base;
const requests = Number(args.requests ?? 1000);
const seed = Number(args.seed ?? Date.now() % 2147483647);
const service = args.service ?? doc.info.title;
const secret = args.secret;

// ---- tokens ---------------------------------------------------------------------------------------------------------

const b64url = (data) => Buffer.from(data).toString('base64url');
function token(role, country = 'SE', municipality = '1280', org = 'malmo-bostad-forst') {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: 'fuzz', roles: [role], country, municipality, org, iat: now, exp: now + 7200 }));
  const signature = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}
const REPORTER = token('reporter');
const ANALYST = token('analyst');

// ---- identity numbers: valid ones of each scheme, to put where they belong and where they do not --------------------

const pad = (n, width) => String(n).padStart(width, '0');
function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(d / 10) + (d % 10);
  }
  return (10 - (sum % 10)) % 10;
}
function mod11(digits, weights) {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}
// born 1940-1999: a Norwegian individual number 000-499 belongs to that century
const birth = fc.record({ year: fc.integer({ min: 1940, max: 1999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
// Swedish personnummer (dayOffset 0) or samordningsnummer (60), written as 12 digits with a hyphen
const swedish = (dayOffset) => fc.tuple(birth, fc.integer({ min: 1, max: 999 })).map(([b, serial]) => {
  const short = pad(b.year % 100, 2) + pad(b.month, 2) + pad(b.day + dayOffset, 2) + pad(serial, 3);
  return `${b.year}${short.slice(2, 6)}-${short.slice(6)}${luhn(short)}`;
});
// Norwegian fødselsnummer (dayOffset 0) or D-nummer (40): 11 digits with two mod-11 control digits
const norwegian = (dayOffset) => fc.tuple(birth, fc.integer({ min: 0, max: 499 })).map(([b, individual]) => {
  const stem = pad(b.day + dayOffset, 2) + pad(b.month, 2) + pad(b.year % 100, 2) + pad(individual, 3);
  const k1 = mod11(stem, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
  const k2 = mod11(stem + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  return k1 === 10 || k2 === 10 ? null : stem + k1 + k2;
}).filter((n) => n !== null);
// every identity number generated, so that an echo is looked for exactly (a UUID's digits are not one)
const GENERATED = new Set();
const remembered = (arb) => arb.map((id) => { GENERATED.add(id.replace(/\D/g, '')); return id; });
const anyIdentity = remembered(fc.oneof(swedish(0), swedish(60), norwegian(0), norwegian(40)));
// the forms a response could echo an identity number in
function echoForms(identity) {
  const digits = identity.replace(/\D/g, '');
  return [digits, digits.slice(-10), digits.slice(-10, -4) + '-' + digits.slice(-4)].filter((f) => f.length >= 10);
}

// ---- hostile values -------------------------------------------------------------------------------------------------

const INJECTIONS = [
  "' OR '1'='1", "1; DROP TABLE domainevententry;--", '"; SELECT pg_sleep(5);--', '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}', '{{7*7}}', '../../../../etc/passwd', '%00', '\r\nSet-Cookie: a=b', '$(id)', '`id`',
  '{"$gt": ""}', 'A'.repeat(65), '\u202e\u0000\u0007', 'NaN', '-0', '1e309',
];
const DATES = [
  '0000-01-01', '-0001-01-01', '+10000-01-01', '9999-12-31', '1899-12-31', '1900-01-01', '2026-02-29', '2026-02-30',
  '2026-13-01', '2026-00-10', '2026-1-1', '20260101', '2026-01-01T00:00:00', '2026-01-01Z', '', ' 2026-01-01', '2099-01-01',
];
const jsonScalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }),
  fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...INJECTIONS),
  anyIdentity,
  fc.integer({ min: 1, max: 60_000 }).map((n) => 'x'.repeat(n)),
);

// ---- the document ---------------------------------------------------------------------------------------------------

function deref(schema) {
  while (schema && schema.$ref) {
    schema = schema.$ref.split('/').slice(1).reduce((node, key) => node[key], doc);
  }
  return schema ?? {};
}
const typeOf = (schema) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type)
  ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);

// A regular expression fast-check can generate from: Java's lookaheads are dropped, and the result is filtered by the
// full pattern.
function dropLookarounds(pattern) {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) {
      let depth = 0;
      for (; i < pattern.length; i++) {
        if (pattern[i] === '\\') { i++; continue; }
        if (pattern[i] === '(') depth++;
        if (pattern[i] === ')' && --depth === 0) break;
      }
      continue;
    }
    out += pattern[i];
  }
  return out;
}
function matching(pattern) {
  const full = new RegExp(`^(?:${pattern})$`);
  return fc.stringMatching(new RegExp(`^(?:${dropLookarounds(pattern)})$`)).filter((s) => full.test(s));
}

const today = new Date();
const isoDay = (d) => d.toISOString().slice(0, 10);
const plausibleDate = fc.date({ min: new Date('2024-01-01'), max: new Date(today.getTime() - 86_400_000), noInvalidDate: true }).map(isoDay);

// a value the schema allows (the service's own rules may still refuse it)
function valid(schema, name = '', depth = 0) {
  schema = deref(schema);
  if (name === 'participant') {
    return fc.oneof(
      fc.record({ scheme: fc.constant('SE_PERSONNUMMER'), value: remembered(fc.oneof(swedish(0), swedish(60))) }),
      fc.record({ scheme: fc.constant('NO_FODSELSNUMMER'), value: remembered(fc.oneof(norwegian(0), norwegian(40))) }),
      fc.record({ scheme: fc.constant('LOCAL_REFERENCE'), value: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/) }));
  }
  if (schema.enum) return fc.constantFrom(...schema.enum.filter((v) => v !== null));
  switch (typeOf(schema)) {
    case 'string':
      if (schema.format === 'date') return plausibleDate;
      if (schema.format === 'date-time') return plausibleDate.map((d) => `${d}T12:00:00Z`);
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.pattern) return matching(schema.pattern);
      return fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.min(schema.maxLength ?? 20, 20) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 100, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(valid(schema.items ?? {}, name, depth + 1), { maxLength: 4 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      if (schema.properties) {
        const fields = Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => [key, valid(s, key, depth + 1)]));
        return fc.record(fields, { requiredKeys: schema.required ?? [] });
      }
      if (schema.additionalProperties) {
        const keys = name === 'answers' ? fc.constantFrom(...[...Array(26).keys()].map((i) => `Q${i + 1}`), ...[...Array(12).keys()].map((i) => `S${i + 1}`), 'MO', 'SC', 'UA', 'PD', 'AD', 'VAS')
          : fc.stringMatching(/^[A-Z]{1,3}[0-9]{1,2}$/);
        return fc.dictionary(keys, valid(schema.additionalProperties, '', depth + 1), { maxKeys: 30 });
      }
      return fc.constant({});
    }
    default:
      return jsonScalar;
  }
}

// a value of the field's name and place, but wrong: another type, a hostile string, a date that is not one
function wrong(schema) {
  schema = deref(schema);
  const t = typeOf(schema);
  const options = [jsonScalar.filter((v) => typeof v !== (t === 'integer' ? 'number' : t)), hostileString];
  if (t === 'string' && schema.format === 'date') options.push(fc.constantFrom(...DATES));
  if (t === 'integer') options.push(fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 63, 1.5, -1, '7', '0x10'));
  if (schema.enum) options.push(fc.constantFrom(...schema.enum.map((v) => ` ${v}`), ...schema.enum.map((v) => String(v).toLowerCase()), 0, 1));
  return fc.oneof(...options);
}

// ---- requests -------------------------------------------------------------------------------------------------------

const operations = [];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
    const params = (op.parameters ?? []).map((p) => ({ ...p, schema: deref(p.schema) }));
    const bodySchema = op.requestBody ? deref(op.requestBody.content?.['application/json']?.schema) : null;
    // the media type the operation declares (JSON, or NDJSON for the bulk endpoint)
    const mediaType = Object.keys(op.requestBody?.content ?? {})[0] ?? 'application/json';
    operations.push({ path, method: method.toUpperCase(), params, bodySchema, mediaType, id: op.operationId, logged: op['x-access-log'] === true });
  }
}

// ids of things that exist, so that path parameters reach the rules behind them; filled by setUp()
const existing = {};
const pathValue = (name, schema) => fc.oneof(
  { weight: 6, arbitrary: existing[name]?.length ? fc.constantFrom(...existing[name]) : valid(schema) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: anyIdentity },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) });

const CATEGORIES = ['valid', 'wrong type or value', 'boundary and impossible dates', 'unicode and control characters',
  'huge strings and arrays', 'deep nesting', 'duplicate keys', 'wrong content type', 'identity numbers out of place',
  'injection strings', 'idempotency key replayed with another body', 'query parameters'];

function field(object) {
  const keys = Object.keys(object);
  return keys.length ? fc.constantFrom(...keys) : fc.constant('x');
}

function requestFor(op) {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(p.name, p.schema)])));
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valid(p.schema, p.name)])),
    { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) });
  const body = op.bodySchema ? valid(op.bodySchema) : fc.constant(undefined);
  const plain = fc.record({ path, query, body });
  const build = (category, parts, extra = {}) => ({ op, category, ...parts, ...extra });
  const options = [fc.constant('valid').chain(() => plain.map((p) => build('valid', p)))];
  options.push(plain.chain((p) => fc.record({ key: field(p.query) , value: wrong(queryParams.find((q) => q.name)?.schema ?? {}), drop: fc.boolean() })
    .map(({ key, value, drop }) => {
      const q = { ...p.query };
      if (drop && queryParams.some((x) => x.required)) delete q[queryParams.find((x) => x.required).name];
      else q[key] = value;
      return build('query parameters', { ...p, query: q });
    })));
  if (op.bodySchema) {
    const props = deref(op.bodySchema).properties ?? {};
    const mutateField = (category, valueArb) => plain.chain((p) => fc.tuple(field(props), valueArb)
      .map(([key, value]) => build(category, { ...p, body: { ...p.body, [key]: value } })));
    options.push(plain.chain((p) => field(props).chain((key) => wrong(props[key] ?? {})
      .map((value) => build('wrong type or value', { ...p, body: { ...p.body, [key]: value } })))));
    options.push(mutateField('boundary and impossible dates', fc.constantFrom(...DATES)));
    options.push(mutateField('unicode and control characters', fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }))));
    options.push(plain.chain((p) => fc.oneof(
      fc.tuple(field(props), fc.integer({ min: 1000, max: 400_000 })).map(([key, n]) => build('huge strings and arrays', { ...p, body: { ...p.body, [key]: 'é'.repeat(n) } })),
      fc.tuple(field(props), fc.integer({ min: 1000, max: 80_000 })).map(([key, n]) => build('huge strings and arrays', { ...p, body: { ...p.body, [key]: Array(n).fill(1) } })),
      fc.integer({ min: 50, max: 5000 }).map((n) => build('huge strings and arrays', { ...p, body: { ...p.body, ...Object.fromEntries([...Array(n).keys()].map((i) => [`k${i}`, i])) } })))));
    options.push(plain.chain((p) => fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom('[', '{"a":'))
      .map(([n, open]) => build('deep nesting', { ...p, raw: open.repeat(n) + '1' + (open === '[' ? ']' : '}').repeat(n) }))));
    options.push(plain.chain((p) => field(props).map((key) => {
      const json = JSON.stringify(p.body ?? {});
      const duplicate = `"${key}":${JSON.stringify(p.body?.[key] ?? null)},`;
      return build('duplicate keys', { ...p, raw: json.replace('{', `{${duplicate}`) });
    })));
    options.push(plain.chain((p) => fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', null,
      'application/json; charset=UTF-16', 'multipart/form-data; boundary=x', 'application/*')
      .map((type) => build('wrong content type', { ...p, contentType: type }))));
    options.push(mutateField('identity numbers out of place', anyIdentity));
    options.push(plain.chain((p) => fc.tuple(anyIdentity, fc.constantFrom('SE_PERSONNUMMER', 'NO_FODSELSNUMMER', 'LOCAL_REFERENCE'))
      .map(([value, scheme]) => build('identity numbers out of place', { ...p, body: { ...p.body, participant: { scheme, value } } }))));
    options.push(mutateField('injection strings', fc.constantFrom(...INJECTIONS)));
    if (op.method === 'POST') {
      options.push(fc.tuple(plain, plain, fc.oneof(fc.uuid(), anyIdentity))
        .map(([first, second, key]) => build('idempotency key replayed with another body', first, { replay: second.body, key })));
    }
  } else {
    options.push(plain.chain((p) => fc.tuple(fc.constantFrom(...Object.keys(p.path).concat(['x'])), fc.oneof(anyIdentity, fc.constantFrom(...INJECTIONS)))
      .map(([key, value]) => build('identity numbers out of place', { ...p, path: { ...p.path, [key]: value } }))));
    options.push(plain.chain((p) => anyIdentity.map((id) => build('identity numbers out of place', { ...p, query: { ...p.query, knownAt: id } }))));
  }
  return fc.oneof(...options);
}
const anyRequest = fc.constantFrom(...operations).chain(requestFor);

// ---- sending and judging --------------------------------------------------------------------------------------------

const db = args.db ? new pg.Client({ connectionString: args.db }) : null;
// the tables a request stores into: the event store of a writing service; --table names others
const storedTables = (args.table ?? 'domainevententry,idempotent_request').split(',');
async function stored() {
  if (!db) return 0;
  const counts = storedTables.map((table) => `(SELECT count(*) FROM ${table})`).join(' + ');
  const result = await db.query(`SELECT (${counts})::int AS n`);
  return result.rows[0].n;
}

function identitiesIn(request) {
  const sent = JSON.stringify([request.path, request.query, request.body, request.raw, request.replay, request.key]);
  return [...new Set(sent.match(/\d+(?:[-+]\d+)?/g) ?? [])]
    .map((run) => run.replace(/\D/g, ''))
    .filter((digits) => GENERATED.has(digits))
    .flatMap(echoForms);
}

function url(request) {
  let path = request.op.path;
  for (const [name, value] of Object.entries(request.path)) {
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    if (value !== undefined) query.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const q = query.toString();
  return base + path + (q ? `?${q}` : '');
}

async function send(request, body, key) {
  const headers = { Authorization: `Bearer ${request.op.method === 'GET' ? ANALYST : REPORTER}` };
  if (request.contentType !== null) headers['Content-Type'] = request.contentType ?? 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  const init = { method: request.op.method, headers };
  if (request.op.method !== 'GET') init.body = request.raw ?? (body === undefined ? '' : JSON.stringify(body));
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url(request), init);
      return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
    } catch (e) {
      if (attempt >= 2) return { status: 0, type: '', text: String(e.cause?.code ?? e.message) };
    }
  }
}

const figures = { service, seed, requests: 0, byCategory: {}, byStatus: {}, serverErrors: 0, notProblemJson: 0, echoes: 0, storedByRejected: 0, connectionFailures: 0 };
const failures = [];

async function judge(request) {
  const echoable = identitiesIn(request);
  const checks = [];
  const exchange = async (body, key) => {
    const before = await stored();
    const response = await send(request, body, key);
    const after = await stored();
    figures.requests++;
    figures.byStatus[response.status] = (figures.byStatus[response.status] ?? 0) + 1;
    const problems = [];
    if (response.status === 0) { figures.connectionFailures++; problems.push(`no response: ${response.text}`); }
    if (response.status >= 500) { figures.serverErrors++; problems.push(`${response.status}`); }
    if (response.status >= 400 && !response.type.startsWith('application/problem+json')) { figures.notProblemJson++; problems.push(`error as ${response.type || 'no content type'}`); }
    const echoed = echoable.find((form) => response.text.includes(form));
    if (echoed) { figures.echoes++; problems.push('echoes an identity number'); }
    if (response.status >= 400 && after !== before) { figures.storedByRejected++; problems.push(`stored ${after - before} rows though refused`); }
    checks.push(...problems.map((p) => `${request.op.method} ${request.op.path} [${request.category}] ${response.status}: ${p}`));
    return response;
  };
  figures.byCategory[request.category] = (figures.byCategory[request.category] ?? 0) + 1;
  if (request.replay !== undefined) {
    await exchange(request.body, request.key);
    await exchange(request.replay, request.key);
  } else {
    await exchange(request.body);
  }
  if (checks.length) failures.push(...checks);
  return checks.length === 0;
}

// ---- things to point path parameters at ----------------------------------------------------------------------------

async function post(path, body) {
  const response = await fetch(base + path, { method: 'POST', headers: { Authorization: `Bearer ${REPORTER}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (response.status >= 300) throw new Error(`set-up ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
const add = (name, value) => { if (value) (existing[name] ??= []).push(value); };

async function setUp() {
  const people = fc.sample(swedish(0), { numRuns: 3, seed: seed + (args.mode === 'matrix' ? 1 : 0) });
  if (service === 'tenancy-service') {
    for (const value of people) {
      const offer = await post('/api/v1/housing-offers', { participant: { scheme: 'SE_PERSONNUMMER', value }, offeredOn: '2026-01-10', housingType: 'SCATTERED_SITE', landlordType: 'PUBLIC_HOUSING' }).catch(() => ({}));
      add('offerId', offer.offerId);
      const tenancy = await post('/api/v1/tenancies', { participant: { scheme: 'SE_PERSONNUMMER', value }, moveInDate: '2026-02-01', contractType: 'FIRST_HAND_LEASE', securityOfTenure: 'FULL', leaseHolder: 'PARTICIPANT', housingType: 'SCATTERED_SITE', landlordType: 'PUBLIC_HOUSING', rehousing: false });
      add('tenancyId', tenancy.tenancyId);
      add('participantId', tenancy.participantId);
      const absence = await post(`/api/v1/tenancies/${tenancy.tenancyId}/absences`, { startDate: '2026-03-01', reason: 'HOSPITAL' }).catch(() => ({}));
      add('absenceId', absence.absenceId);
    }
  } else if (service === 'support-service') {
    add('programmeId', 'malmo-bostad-forst');
    for (const value of people) {
      const enrolled = await post('/api/v1/enrolments', { participant: { scheme: 'SE_PERSONNUMMER', value }, programmeId: 'malmo-bostad-forst', enrolledOn: '2026-01-05', referralSource: 'OUTREACH', homelessnessSituation: 'SE_1_ACUTE', homelessnessDuration: 'YEARS_2_TO_5', birthYear: 1981 });
      add('participantId', enrolled.participantId);
      const episode = await post(`/api/v1/participants/${enrolled.participantId}/support-episodes`, { startedOn: '2026-01-06', model: 'ICM', plannedContactsPerMonth: 4 });
      add('episodeId', episode.episodeId);
      const offer = await post(`/api/v1/support-episodes/${episode.episodeId}/offers`, { offeredOn: '2026-01-07', serviceType: 'EMPLOYMENT' });
      add('offerId', offer.offerId);
    }
  } else if (service === 'outcomes-service') {
    const response = await fetch(`${base}/api/v2/tables?pageSize=100`, { headers: { Authorization: `Bearer ${ANALYST}` } });
    (await response.json()).tables.forEach((t) => { add('id', t.id); add('tableId', t.id); });
    // the releases that are due (published by the first run against this platform), so that requests name real ones
    await fetch(`${base}/api/v1/operations/releases`, { method: 'POST', headers: { Authorization: `Bearer ${token('operator')}` } });
    const releases = await fetch(`${base}/api/v1/statistics/releases`, { headers: { Authorization: `Bearer ${ANALYST}` } });
    (await releases.json()).releases.forEach((r) => add('releaseId', r.id));
  }
}

// ---- the authorization matrix ---------------------------------------------------------------------------------------
//
// Every operation of the document, with one schema-valid request, sent as each kind of caller: no token, an expired
// one, one signed with another key, one with alg none, one without roles, org, country or municipality, and each role
// from the own municipality (where set-up created everything), another municipality in the same country, and one in
// the other country. Expected: 401 for a token that is not valid (on the public statistics API too: a token sent is
// checked); 403 for a role the rules do not give the operation
// or a missing claim the operation needs; 404 for another municipality's resource; otherwise the request is let
// through (any status but 401, 403 and 5xx). No response to another municipality carries an id of the own one. An
// operation marked x-access-log leaves exactly one access-log entry when it answers 2xx, and none otherwise.

const UNITS = {
  'own municipality': ['SE', '1280', 'malmo-bostad-forst'],
  'another municipality, same country': ['SE', '1281', 'lund-bostad-forst'],
  'a municipality of the other country': ['NO', '0301', 'oslo-housing-first'],
};
const ROLES = ['reporter', 'analyst', 'national', 'operator', 'dpo'];
const OWNED = ['tenancyId', 'offerId', 'absenceId', 'participantId', 'episodeId'];

function allowed(role, method, path) {
  if (method === 'POST' && path === '/api/v1/participant-lookups') return role === 'reporter' || role === 'analyst';
  if (path.startsWith('/api/v1/operations/')) return role === 'operator';
  if (['/api/v1/access-log', '/api/v1/erasures', '/api/v1/subject-access-requests'].includes(path)) return role === 'dpo';
  if (path.endsWith('/subject-access')) return role === 'dpo';
  if (method === 'GET' && path.startsWith('/api/v1/statistics/')) return ['national', 'analyst', 'reporter'].includes(role);
  if (isPublic(path)) return true;
  if (method === 'POST') return role === 'reporter';
  if (method === 'GET') return role === 'reporter' || role === 'analyst';
  return false;
}
const needsUnit = (path) => !path.startsWith('/api/v1/statistics/') && !path.startsWith('/api/v1/operations/') && !isPublic(path);
// the statistics API (PxWebApi 2.0) serves released tables to anyone: a valid token of any role, or none, is let through
function isPublic(path) { return path.startsWith('/api/v2/'); }
// another municipality's resource is a 404; a participant's own list, by pseudonym, is that municipality's entries only
const owned = (op) => OWNED.some((name) => op.path.includes(`{${name}}`) && !(op.method === 'GET' && name === 'participantId'));
// bodies the schema cannot make valid on its own (an instrument's items), so that the request gets as far as the rules
const BODIES = {
  'POST /api/v1/participants/{participantId}/quality-of-life-assessments': () => ({
    assessedOn: isoDay(new Date(today.getTime() - 86_400_000)), instrument: 'MANSA', instrumentVersion: 'v1', timepoint: 'AD_HOC',
    answers: Object.fromEntries([...Array(12).keys()].map((i) => [`S${i + 1}`, 4])),
  }),
};

function rawToken(claims, key = secret, alg = 'HS256') {
  const head = b64url(JSON.stringify({ alg, typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  if (alg === 'none') return `${head}.${body}.`;
  return `${head}.${body}.${crypto.createHmac('sha256', key).update(`${head}.${body}`).digest('base64url')}`;
}
function claims(role, [country, municipality, org]) {
  const now = Math.floor(Date.now() / 1000);
  return { sub: 'matrix', roles: [role], country, municipality, org, iat: now, exp: now + 3600 };
}

function callers(op) {
  const role = ROLES.find((r) => allowed(r, op.method, op.path)) ?? 'reporter';
  const own = UNITS['own municipality'];
  const expired = { ...claims(role, own), iat: 1_600_000_000, exp: 1_600_003_600 };
  const without = (name) => { const c = claims(role, own); delete c[name]; return c; };
  const list = [
    { caller: 'no token', token: null, expect: isPublic(op.path) ? 'let through' : 401 },
    { caller: 'expired token', token: rawToken(expired), expect: 401 },
    { caller: 'wrong signature', token: rawToken(claims(role, own), 'another-secret-another-secret-0123456789'), expect: 401 },
    { caller: 'alg none', token: rawToken(claims(role, own), secret, 'none'), expect: 401 },
    { caller: 'no roles claim', token: rawToken(without('roles')), expect: isPublic(op.path) ? 'let through' : 403 },
  ];
  for (const name of ['org', 'country', 'municipality']) {
    list.push({ caller: `no ${name} claim`, token: rawToken(without(name)), expect: needsUnit(op.path) && allowed(role, op.method, op.path) ? 403 : allowed(role, op.method, op.path) ? 'let through' : 403 });
  }
  for (const r of ROLES) {
    for (const [unitName, unit] of Object.entries(UNITS)) {
      let expect = 'let through';
      if (!allowed(r, op.method, op.path)) expect = 403;
      else if (unitName !== 'own municipality' && owned(op)) expect = 404;
      list.push({ caller: `${r}, ${unitName}`, token: rawToken(claims(r, unit)), expect, foreign: unitName !== 'own municipality' });
    }
  }
  return list;
}

async function accessLogEntries() {
  const result = await db.query('SELECT count(*)::int AS n FROM access_log');
  return result.rows[0].n;
}

async function runMatrix() {
  if (db) await db.connect();
  await setUp();
  let logged = 0;
  const ownIds = OWNED.filter((name) => name !== 'participantId').flatMap((name) => existing[name] ?? []).map(String);
  let size = 0;
  const deviations = [];
  const byExpectation = {};
  for (const op of operations) {
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    const sample = (arb) => fc.sample(arb, { numRuns: 1, seed })[0];
    const request = {
      op,
      path: Object.fromEntries(pathParams.map((p) => [p.name, existing[p.name]?.[0] ?? sample(valid(p.schema, p.name))])),
      query: Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, sample(valid(p.schema, p.name))])),
      body: BODIES[`${op.method} ${op.path}`]?.() ?? (op.bodySchema ? sample(valid(op.bodySchema)) : undefined),
    };
    for (const c of callers(op)) {
      const headers = {};
      if (c.token) headers.Authorization = `Bearer ${c.token}`;
      if (op.method !== 'GET') headers['Content-Type'] = op.mediaType;
      const entriesBefore = op.logged && db ? await accessLogEntries() : 0;
      const response = await fetch(url(request), { method: op.method, headers, body: op.method === 'GET' ? undefined : JSON.stringify(request.body ?? {}) });
      const text = await response.text();
      size++;
      if (op.logged && db) {
        const added = (await accessLogEntries()) - entriesBefore;
        const expected = response.status >= 200 && response.status < 300 ? 1 : 0;
        logged += expected;
        if (added !== expected) {
          deviations.push(`${op.method} ${op.path} as ${c.caller}: answered ${response.status} and left ${added} access-log entries, expected ${expected}`);
        }
      }
      byExpectation[c.expect] = (byExpectation[c.expect] ?? 0) + 1;
      const ok = c.expect === 'let through'
        ? ![401, 403].includes(response.status) && response.status < 500
        : response.status === c.expect;
      const leaked = c.foreign && ownIds.find((id) => text.includes(id));
      if (!ok || leaked) {
        deviations.push(`${op.method} ${op.path} as ${c.caller}: expected ${c.expect}, got ${response.status}${leaked ? ', and the own municipality\'s id ' + leaked : ''}`);
      }
    }
  }
  console.log(`\nAuthorization matrix of ${service}: ${operations.length} operations x ${size / operations.length} callers`);
  const line = (label, value, goal = '') => console.log(`${label.padEnd(48)} ${String(value).padStart(8)}  ${goal}`);
  line('cases', size);
  for (const [expectation, n] of Object.entries(byExpectation)) line(`  expected ${expectation}`, n);
  line('participant reads, each in the access log', logged);
  line('deviations', deviations.length, 'goal 0');
  deviations.slice(0, 30).forEach((d) => console.log(`  ${d}`));
  if (db) await db.end();
  if (args.out) fs.writeFileSync(args.out, JSON.stringify({ service, cases: size, deviations, accessLogged: logged }, null, 2));
  process.exit(deviations.length === 0 ? 0 : 1);
}

// ---- run ------------------------------------------------------------------------------------------------------------

async function runFuzz() {
  if (db) await db.connect();
  await setUp();
  const started = Date.now();
  const judged = async (request) => {
    try {
      return await judge(request);
    } catch (e) {
      failures.push(`${request.op.method} ${request.op.path} [${request.category}]: the fuzzer failed: ${e.message}`);
      return false;
    }
  };
  const details = await fc.check(fc.asyncProperty(anyRequest, judged), { numRuns: requests, seed, endOnFailure: false, maxSkipsPerRun: 1000 });
  figures.seconds = Math.round((Date.now() - started) / 1000);
  figures.shrunk = details.failed ? { counterexample: JSON.stringify(details.counterexample, (k, v) => (k === 'op' ? `${v.method} ${v.path}` : typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}... (${v.length} chars)` : v)).slice(0, 2000), runs: details.numRuns, shrinks: details.numShrinks } : null;
  figures.failures = [...new Set(failures)].slice(0, 20);
  if (db) await db.end();

  const line = (label, value, goal = '') => console.log(`${label.padEnd(48)} ${String(value).padStart(8)}  ${goal}`);
  console.log(`\nSchema-driven fuzzing of ${service} (${operations.length} operations, seed ${seed}, ${figures.seconds} s)`);
  line('requests sent', figures.requests, `(asked for ${requests} generated)`);
  for (const category of CATEGORIES) line(`  ${category}`, figures.byCategory[category] ?? 0);
  line('responses by status', Object.entries(figures.byStatus).map(([s, n]) => `${s}:${n}`).join(' '));
  line('responses 5xx', figures.serverErrors, 'goal 0');
  line('errors not application/problem+json', figures.notProblemJson, 'goal 0');
  line('responses echoing an identity number', figures.echoes, 'goal 0');
  line('rejected requests that stored rows', figures.storedByRejected, 'goal 0');
  line('requests without a response', figures.connectionFailures, 'goal 0');
  if (figures.shrunk) console.log(`smallest failing request: ${figures.shrunk.counterexample}`);
  figures.failures.forEach((f) => console.log(`  ${f}`));
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(figures, null, 2));
  process.exit(figures.serverErrors + figures.notProblemJson + figures.echoes + figures.storedByRejected + figures.connectionFailures === 0 ? 0 : 1);
}

if (args.mode === 'matrix') await runMatrix();
else await runFuzz();
