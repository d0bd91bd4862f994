// Runs the app's domain components on Node, transpiled by jco from the components in the OCI
// context, over the cases the JUnit test runs on Chicory; prints one JSON result per case.
//
//   node parity.mjs <oci-dir> <work-dir> <cases.json>
//
// Values travel as JSON in the WIT shape: kebab-case field names, every integer a decimal string
// (u64 does not fit a JSON number), a missing option as null, a result as {"ok": …} or {"err": …}.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transpileBytes } from '@bytecodealliance/jco-transpile';

const U32_FIELDS = new Set(['quantity', 'remaining']);
const U64_FIELDS = new Set([
  'unit-price-cents', 'line-total-cents', 'discount-cents', 'subtotal-cents', 'tax-cents', 'total-cents',
]);

const camel = (kebab) => kebab.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const kebab = (camelCase) => camelCase.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** A JSON value of the cases file as jco expects it. */
function toJs(value, field) {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => toJs(v, field));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), toJs(v, k)]));
  }
  if (U32_FIELDS.has(field)) return Number(value);
  if (U64_FIELDS.has(field)) return BigInt(value);
  return value;
}

/** A value jco returned, as JSON in the WIT shape. */
function fromJs(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint' || typeof value === 'number') return value.toString();
  if (Array.isArray(value)) return value.map(fromJs);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [kebab(k), fromJs(v)]));
  }
  return value;
}

/** jco returns a result's ok value and throws its err value; a trap throws an Error. */
function call(fn, arg) {
  try {
    return { ok: fn(arg) };
  } catch (e) {
    if (e instanceof Error) throw e;
    return { err: e };
  }
}

async function load(ociDir, workDir, name) {
  const { files } = await transpileBytes(readFileSync(join(ociDir, `${name}.wasm`)), { name });
  for (const [file, bytes] of Object.entries(files)) {
    const path = join(workDir, name, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  return import(pathToFileURL(join(workDir, name, `${name}.js`)).href);
}

const [ociDir, workDir, casesFile] = process.argv.slice(2);
if (!casesFile) {
  console.error('usage: parity.mjs <oci-dir> <work-dir> <cases.json>');
  process.exit(2);
}
const { validation } = await load(ociDir, workDir, 'validation');
const { pricing } = await load(ociDir, workDir, 'pricing');
const { inventory } = await load(ociDir, workDir, 'inventory');
const steps = {
  validate: (v) => call(validation.validate, v),
  price: (v) => call(pricing.price, v),
  reserve: (v) => call(inventory.reserve, v),
};

/** validate -> price -> reserve, stopping at the first rejection, as the orchestrator does. */
function pipeline(order) {
  const results = [];
  let value = order;
  for (const step of ['validate', 'price', 'reserve']) {
    const result = steps[step](value);
    results.push(result);
    if (!('ok' in result)) break;
    value = result.ok;
  }
  return results;
}

const results = JSON.parse(readFileSync(casesFile, 'utf8')).map(({ name, step, input }) => {
  const value = toJs(input);
  return { name, result: fromJs(step === 'pipeline' ? pipeline(value) : steps[step](value)) };
});
process.stdout.write(JSON.stringify(results));
