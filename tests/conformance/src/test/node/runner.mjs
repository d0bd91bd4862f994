// Runs conformance cases against a component transpiled by `jco transpile`, on Node.
//
// usage: node runner.mjs <transpiled module.js>   (cases as JSON on stdin, results as JSON on stdout)
//
// Input:  [{ "export": "ns:pkg/iface@ver" | null, "function": "kebab-name",
//            "params": [type...], "result": type | null, "args": [value...] }, ...]
// Output: [{ "value": value | null } | { "trap": "message" }, ...]   (one entry per case, in order)
//
// Types:  "bool" | "s8" ... "u64" | "f32" | "f64" | "char" | "string"
//         | {"list": t} | {"option": t} | {"tuple": [t...]} | {"result": {"ok": t|null, "err": t|null}}
//         | {"record": {"name": n, "fields": [{"name": n, "type": t}...]}}
//         | {"variant": {"name": n, "cases": [{"name": n, "type": t|null}...]}}
//         | {"enum": {"name": n, "cases": [n...]}} | {"flags": {"name": n, "flags": [n...]}}
//
// Values (the same encoding the Java side writes, so results compare as text):
//   bool -> true/false; s8..u32 -> number; s64/u64 -> decimal string;
//   f32/f64 -> "nan" or the IEEE bits as lowercase hex (8 / 16 digits: exact, keeps -0);
//   char -> code point number; string -> string; list<u8> -> lowercase hex string;
//   list / tuple -> array; record -> object, fields in declaration order;
//   variant -> {"case": n} or {"case": n, "value": v}; enum -> case name;
//   flags -> array of the set flags in declaration order; option -> null or {"some": v};
//   result -> {"ok": v|null} or {"err": v|null}.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

const TYPED_ARRAYS = {
  s8: Int8Array, u8: Uint8Array, s16: Int16Array, u16: Uint16Array, s32: Int32Array,
  u32: Uint32Array, s64: BigInt64Array, u64: BigUint64Array, f32: Float32Array, f64: Float64Array,
};

function kind(type) {
  return typeof type === 'string' ? type : Object.keys(type)[0];
}

// jco writes an option as the value or undefined, except an option whose payload is itself an
// option: that outer one is {tag: 'none'} | {tag: 'some', val}.
function isOption(type) {
  return type !== null && typeof type === 'object' && 'option' in type;
}

function toJs(type, v) {
  switch (kind(type)) {
    case 'bool': case 's8': case 'u8': case 's16': case 'u16': case 's32': case 'u32': case 'string':
      return v;
    case 's64': case 'u64':
      return BigInt(v);
    case 'f32':
      if (v === 'nan') return NaN;
      u32[0] = parseInt(v, 16);
      return f32[0];
    case 'f64':
      if (v === 'nan') return NaN;
      u64[0] = BigInt('0x' + v);
      return f64[0];
    case 'char':
      return String.fromCodePoint(v);
    case 'list': {
      const element = type.list;
      if (element === 'u8') return Uint8Array.from(Buffer.from(v, 'hex'));
      const items = v.map((x) => toJs(element, x));
      return typeof element === 'string' && TYPED_ARRAYS[element] ? TYPED_ARRAYS[element].from(items) : items;
    }
    case 'option':
      if (isOption(type.option)) {
        return v === null ? { tag: 'none' } : { tag: 'some', val: toJs(type.option, v.some) };
      }
      return v === null ? undefined : toJs(type.option, v.some);
    case 'tuple':
      return type.tuple.map((t, i) => toJs(t, v[i]));
    case 'result':
      return 'ok' in v
        ? { tag: 'ok', val: type.result.ok === null ? undefined : toJs(type.result.ok, v.ok) }
        : { tag: 'err', val: type.result.err === null ? undefined : toJs(type.result.err, v.err) };
    case 'record':
      return Object.fromEntries(type.record.fields.map((f) => [camel(f.name), toJs(f.type, v[f.name])]));
    case 'variant': {
      const c = type.variant.cases.find((x) => x.name === v.case);
      return c.type === null ? { tag: c.name } : { tag: c.name, val: toJs(c.type, v.value) };
    }
    case 'enum':
      return v;
    case 'flags':
      return Object.fromEntries(type.flags.flags.map((f) => [camel(f), v.includes(f)]));
    default:
      throw new Error(`unknown type ${JSON.stringify(type)}`);
  }
}

function fromJs(type, x) {
  switch (kind(type)) {
    case 'bool': case 's8': case 'u8': case 's16': case 'u16': case 's32': case 'u32': case 'string':
      return x;
    case 's64': case 'u64':
      return x.toString();
    case 'f32':
      if (Number.isNaN(x)) return 'nan';
      f32[0] = x;
      return u32[0].toString(16).padStart(8, '0');
    case 'f64':
      if (Number.isNaN(x)) return 'nan';
      f64[0] = x;
      return u64[0].toString(16).padStart(16, '0');
    case 'char':
      return x.codePointAt(0);
    case 'list':
      if (type.list === 'u8') return Buffer.from(x).toString('hex');
      return Array.from(x, (e) => fromJs(type.list, e));
    case 'option':
      if (isOption(type.option)) {
        return x.tag === 'none' ? null : { some: fromJs(type.option, x.val) };
      }
      return x === undefined || x === null ? null : { some: fromJs(type.option, x) };
    case 'tuple':
      return type.tuple.map((t, i) => fromJs(t, x[i]));
    case 'result':
      return x.tag === 'ok'
        ? { ok: type.result.ok === null ? null : fromJs(type.result.ok, x.val) }
        : { err: type.result.err === null ? null : fromJs(type.result.err, x.val) };
    case 'record':
      return Object.fromEntries(type.record.fields.map((f) => [f.name, fromJs(f.type, x[camel(f.name)])]));
    case 'variant': {
      const c = type.variant.cases.find((k) => k.name === x.tag);
      if (c === undefined) throw new Error(`variant ${type.variant.name}: unknown case ${x.tag}`);
      return c.type === null ? { case: c.name } : { case: c.name, value: fromJs(c.type, x.val) };
    }
    case 'enum':
      return x;
    case 'flags':
      return type.flags.flags.filter((f) => x[camel(f)]);
    default:
      throw new Error(`unknown type ${JSON.stringify(type)}`);
  }
}

// jco returns the ok payload of a top-level result and throws ComponentError carrying the err payload.
function call(fn, c) {
  const args = c.params.map((t, i) => toJs(t, c.args[i]));
  if (c.result !== null && kind(c.result) === 'result') {
    try {
      return { tag: 'ok', val: fn(...args) };
    } catch (e) {
      if (e !== null && typeof e === 'object' && 'payload' in e) return { tag: 'err', val: e.payload };
      throw e;
    }
  }
  return fn(...args);
}

function lookup(module, c) {
  const owner = c.export === null ? module : module[c.export];
  if (owner === undefined) throw new Error(`the component exports no ${c.export}`);
  const fn = owner[camel(c.function)];
  if (typeof fn !== 'function') throw new Error(`${c.export ?? 'the world'} has no function ${c.function}`);
  return fn;
}

const [modulePath] = process.argv.slice(2);
if (!modulePath) {
  console.error('usage: node runner.mjs <transpiled module.js> < cases.json');
  process.exit(2);
}
const module = await import(pathToFileURL(resolve(modulePath)).href);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = cases.map((c) => {
  const fn = lookup(module, c);
  try {
    const out = call(fn, c);
    return { value: c.result === null ? null : fromJs(c.result, out) };
  } catch (e) {
    return { trap: `${e?.name ?? 'Error'}: ${e?.message ?? String(e)}` };
  }
});
process.stdout.write(JSON.stringify(results));
