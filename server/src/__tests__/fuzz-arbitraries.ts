import fc from 'fast-check';

/**
 * fast-check arbitraries for the route fuzz test, derived from the request schemas in
 * openapi.json: mostly values the schema accepts (so requests reach the services, where the
 * 5xx hide), mixed with hostile strings, numbers and shapes (so the edge is tested too).
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
};

/** Values real records have, for fields that name records: ids found in the database, region codes. */
export interface Pools {
  /** Ids of real records for a field or parameter (its name is the hint: `projectId`, `contractorId` …). */
  ids: (hint: string) => readonly string[];
  regionCodes: readonly string[];
}

export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '名\u0000字',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  "' OR '1'='1",
  "'; drop table users; --",
  '"}]{',
  '\\',
  '%',
  '_%_',
  '\\x00',
  `\${jndi:ldap://x}`,
  '{{7*7}}',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '\u202e\u2066gnp.exe',
  '\u200f\u200e\u061c',
  '\ufeff',
  '\u2028\u2029',
  '\r\n\t\v\f',
  '   ',
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '9'.repeat(40),
  '-1',
  '1.5',
  '١٢٣',
  'true',
  'null',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-13-01',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  'x'.repeat(5000),
  '汉'.repeat(20_000),
  '😀'.repeat(1000),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  -2.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

export const HOSTILE_SHAPES: readonly unknown[] = [
  null,
  [],
  {},
  [null],
  [[[[]]]],
  { a: { b: { c: [{}] } } },
  'text',
  0,
  true,
];

/** Strings of any UTF-16 code units: control characters, lone surrogates, private use … */
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 })
  .map((units) => String.fromCharCode(...units));

/** What issue 9 was about: NUL and lone surrogates, alone and inside ordinary text. */
const BROKEN_TEXT = HOSTILE_STRINGS.filter((v) => v.includes('\u0000') || /[\ud800-\udfff]/.test(v));

/** Text that is almost a number: where a query string's integer is coerced from text. */
const NUMERIC_TEXT = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '1e21',
  '-0',
  '0x10',
  '1_000',
  ' 1',
  '１２',
  '9'.repeat(30),
  '2147483648',
  '-2147483649',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...BROKEN_TEXT), weight: 3 },
  { arbitrary: fc.constantFrom(...NUMERIC_TEXT), weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: codeUnits, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
);

const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS);
const hostileShape = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_SHAPES), weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** Anything a field should not be: a hostile string (most often), number or shape. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 1 },
  { arbitrary: hostileShape, weight: 1 },
);

const UUID_LIKE = /^\^?\[0-9a-fA-F\]\{8\}-/;
const DATE_LIKE = /^\^?(\[0-9\]|\\d)\{4\}-(\[0-9\]|\\d)\{2\}-(\[0-9\]|\\d)\{2\}\$?$/;

const isUuidField = (s: JsonSchema) =>
  s.format === 'uuid' || (typeof s.pattern === 'string' && UUID_LIKE.test(s.pattern));

/** Real calendar days around the test clock's today (2026-03-02), as YYYY-MM-DD. */
const nearbyDate = fc
  .integer({ min: -800, max: 800 })
  .map((d) => new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10));

const SAMPLE_TEXT = ['安吉县', '递铺街道', '张三', '2026-03-02', '330523', '13800138000', '整改完成'];

function stringArb(s: JsonSchema, pools: Pools, hint: string): fc.Arbitrary<string> {
  if (isUuidField(s)) {
    const ids = pools.ids(hint);
    return ids.length > 0
      ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 6 }, { arbitrary: fc.uuid(), weight: 1 })
      : fc.uuid();
  }
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const matching = fc.stringMatching(re);
    const shaped =
      s.maxLength !== undefined || s.minLength !== undefined
        ? matching.filter((v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity))
        : matching;
    const known = DATE_LIKE.test(s.pattern) ? [nearbyDate] : [];
    const codes = pools.regionCodes.filter((c) => re.test(c));
    if (codes.length > 0) known.push(fc.constantFrom(...codes));
    return known.length > 0
      ? fc.oneof(...known.map((arbitrary) => ({ arbitrary, weight: 3 })), { arbitrary: shaped, weight: 1 })
      : shaped;
  }
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, 300);
  const samples = SAMPLE_TEXT.filter((v) => v.length >= minLength && v.length <= maxLength);
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    ...(samples.length > 0 ? [fc.constantFrom(...samples)] : []),
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = s.maximum ?? Number.MAX_SAFE_INTEGER;
  const edges = [min, max, 0, 1].filter((n) => n >= min && n <= max && Number.isFinite(n));
  const within = integer
    ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const unbounded = s.minimum === undefined && s.maximum === undefined;
  const wide = integer ? fc.maxSafeInteger() : fc.double({ noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { arbitrary: within, weight: 3 },
    { arbitrary: fc.constantFrom(...edges), weight: 2 },
    ...(unbounded ? [{ arbitrary: wide, weight: 1 }] : []),
  );
}

/**
 * A value the schema accepts (or nearly: patterns and formats are honoured, cross-field rules
 * are not). `hint` is the field's name, for ids of the right kind of record.
 */
export function valueFor(s: JsonSchema, pools: Pools, hint = ''): fc.Arbitrary<unknown> {
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => valueFor(b, pools, hint)));
  if (s.allOf && s.allOf.length > 0) return valueFor(Object.assign({}, ...s.allOf), pools, hint);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => valueFor({ ...s, type: t }, pools, hint)));
  switch (types[0]) {
    case 'string':
      return stringArb(s, pools, hint);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(s.items ?? {}, pools, hint), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    case 'object':
      return objectArb(s, pools);
    default:
      return s.properties ? objectArb(s, pools) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(s: JsonSchema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = valueFor(v, pools, k);
  const required = (s.required ?? []).filter((k) => k in props);
  const record = fc.record(model, { requiredKeys: required });
  // now and then: a required field missing, or a field nobody asked for
  return fc.oneof(
    { arbitrary: record, weight: 6 },
    {
      arbitrary: fc
        .tuple(record, fc.constantFrom(...(required.length > 0 ? required : ['x'])))
        .map(([r, drop]) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== drop))),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(record, hostileString, hostileValue)
        .map(([r, k, v]) => ({ ...r, [k || 'extra']: v })),
      weight: 1,
    },
  );
}

/** Every place in a JSON value a hostile value may go: the root, each property, each item (paths of keys). */
function placesIn(v: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(path);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) placesIn(x, [...path, i], out);
  } else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) placesIn(x, [...path, k], out);
  return out;
}

/** `v` with the `pick`-th place (modulo their number; the root last, rarely) replaced by `bad`. */
export function spoil(v: unknown, pick: number, bad: unknown): unknown {
  const places = placesIn(v);
  // the root is place 0: prefer a property or an item when there is one
  const at = places.length > 1 ? places[1 + (pick % (places.length - 1))]! : places[0]!;
  if (at.length === 0) return bad;
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = bad;
  return copy;
}

/** How a query or path value travels: as text (an array: the parameter repeated). */
export function asText(v: unknown): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.flatMap((x) => (Array.isArray(x) ? [JSON.stringify(x)] : asText(x)));
  if (v !== null && typeof v === 'object') return [JSON.stringify(v)];
  return [String(v)];
}

/**
 * Percent-encodes text as its UTF-8 bytes, a lone surrogate as the 3 bytes it would have
 * (invalid UTF-8, as a hostile client could send) instead of throwing like encodeURIComponent.
 */
export function percentEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80 && /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(cp))) {
      out += String.fromCharCode(cp);
      continue;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    for (const b of bytes) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
