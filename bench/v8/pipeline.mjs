// The orchestrated pipeline on Node's V8: the same core modules the JVM runs on Chicory
// (apps/target/core), linked by hand. The orchestrator's contract imports (validate, price,
// reserve) are served by the domain modules' exports: arguments and results are copied between
// the modules' memories following the canonical ABI (the layouts of apps/wit/deps/orders/types.wit), each
// module allocating through its own cabi_realloc and freeing through its cabi_post_* export.
// fermyon:spin/config answers the component variables; fermyon:spin/redis.publish keeps the event
// in memory (as the JVM host's in-memory sink does); WASI preview 1 is node:wasi with no access.
//
// usage: node pipeline.mjs <core dir> <order.json> <warmup> <samples>
// prints one JSON line: {"status", "body", "latency": {"p50_us", "p90_us", "p99_us", "mean_us", "orders_per_s", "samples"}}
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { join } from 'node:path';

// Canonical ABI layouts (size, alignment, where pointers sit) of the types that cross modules.
const STRING = { kind: 'string', size: 8, align: 4 };
const U8 = { kind: 'scalar', size: 1, align: 1 };
const U32 = { kind: 'scalar', size: 4, align: 4 };
const U64 = { kind: 'scalar', size: 8, align: 8 };
const list = (elem) => ({ kind: 'list', elem, size: 8, align: 4 });
const record = (size, align, fields) => ({ kind: 'record', size, align, fields });
const option = (payloadOffset, payload, size, align) => ({ kind: 'option', payloadOffset, payload, size, align });
const result = (payloadOffset, ok, err, size, align) => ({ kind: 'result', payloadOffset, ok, err, size, align });

const LINE = record(24, 8, [[0, STRING], [8, U32], [16, U64]]);
const OPTION_STRING = option(4, STRING, 12, 4);
const ORDER = record(44, 4, [[0, STRING], [8, STRING], [16, STRING], [24, list(LINE)], [32, OPTION_STRING]]);
const PRICED_LINE = record(40, 8, [[0, STRING], [8, U32], [16, U64], [24, U64], [32, U64]]);
const PRICED_ORDER = record(80, 8, [[0, STRING], [8, STRING], [16, STRING], [24, list(PRICED_LINE)], [32, OPTION_STRING],
  [48, U64], [56, U64], [64, U64], [72, U64]]);
const RESERVED_LINE = record(16, 4, [[0, STRING], [8, U32], [12, U32]]);
const RESERVATION = record(32, 8, [[0, STRING], [8, STRING], [16, list(RESERVED_LINE)], [24, U64]]);
const PROBLEM = record(16, 4, [[0, STRING], [8, STRING]]);
const REJECTION = record(12, 4, [[0, U8], [4, list(PROBLEM)]]);

// How a record arrives flattened as core parameters, in order.
const ORDER_FLAT = ['string', 'string', 'string', list(LINE), 'option-string'];
const PRICED_ORDER_FLAT = ['string', 'string', 'string', list(PRICED_LINE), 'option-string', 'u64', 'u64', 'u64', 'u64'];

/** One instantiated core module: its memory and allocator, with views refreshed when memory grows. */
class Module {
  constructor(name, instance) {
    this.name = name;
    this.exports = instance.exports;
    this.memory = instance.exports.memory;
    this.realloc = instance.exports.cabi_realloc;
    this.buffer = null;
  }

  view() {
    if (this.buffer !== this.memory.buffer) {
      this.buffer = this.memory.buffer;
      this.bytes = new Uint8Array(this.buffer);
      this.data = new DataView(this.buffer);
    }
    return this;
  }

  alloc(size, align) {
    return size === 0 ? align : this.realloc(0, 0, align, size);
  }

  u32(ptr) {
    return this.view().data.getUint32(ptr, true);
  }

  setU32(ptr, value) {
    this.view().data.setUint32(ptr, value, true);
  }

  /** Copies len bytes from src's memory into a fresh block of this module. */
  copyIn(src, ptr, len, align) {
    const np = this.alloc(len, align);
    this.view().bytes.set(src.view().bytes.subarray(ptr, ptr + len), np);
    return np;
  }
}

/**
 * Rewrites the pointers of a value of `type` that was byte-copied from src@sp to dst@dp: every
 * string and list it owns is copied into dst's memory.
 */
function fixup(type, src, sp, dst, dp) {
  switch (type.kind) {
    case 'string': {
      const len = src.u32(sp + 4);
      dst.setU32(dp, dst.copyIn(src, src.u32(sp), len, 1));
      return;
    }
    case 'list': {
      const ptr = src.u32(sp);
      const len = src.u32(sp + 4);
      const np = dst.copyIn(src, ptr, len * type.elem.size, type.elem.align);
      dst.setU32(dp, np);
      if (type.elem.kind !== 'scalar') {
        for (let i = 0; i < len; i++) fixup(type.elem, src, ptr + i * type.elem.size, dst, np + i * type.elem.size);
      }
      return;
    }
    case 'record':
      for (const [offset, field] of type.fields) {
        if (field.kind !== 'scalar') fixup(field, src, sp + offset, dst, dp + offset);
      }
      return;
    case 'option':
      if (src.view().bytes[sp] === 1) fixup(type.payload, src, sp + type.payloadOffset, dst, dp + type.payloadOffset);
      return;
    case 'result':
      fixup(src.view().bytes[sp] === 0 ? type.ok : type.err, src, sp + type.payloadOffset, dst, dp + type.payloadOffset);
      return;
    default:
  }
}

/** Copies flattened record arguments of `flat` shape from src into dst (strings and lists into dst's memory). */
function lowerFlat(shape, args, src, dst) {
  const out = [];
  let i = 0;
  for (const piece of shape) {
    if (piece === 'string') {
      const len = args[i + 1];
      out.push(dst.copyIn(src, args[i], len, 1), len);
      i += 2;
    } else if (piece === 'option-string') {
      if (args[i] === 1) {
        const len = args[i + 2];
        out.push(1, dst.copyIn(src, args[i + 1], len, 1), len);
      } else {
        out.push(0, 0, 0);
      }
      i += 3;
    } else if (piece === 'u64') {
      out.push(args[i]);
      i += 1;
    } else {
      const listPtr = args[i];
      const len = args[i + 1];
      const np = dst.copyIn(src, listPtr, len * piece.elem.size, piece.elem.align);
      for (let k = 0; k < len; k++) fixup(piece.elem, src, listPtr + k * piece.elem.size, dst, np + k * piece.elem.size);
      out.push(np, len);
      i += 2;
    }
  }
  return out;
}

/** An import of the caller served by the callee's export: lower args, call, copy the result to the caller's return pointer, post-return. */
function link(caller, callee, exportName, argShape, resultType) {
  return (...args) => {
    const retptr = args.pop();
    const resultPtr = callee.exports[exportName](...lowerFlat(argShape, args, caller(), callee));
    const dst = caller();
    dst.view().bytes.set(callee.view().bytes.subarray(resultPtr, resultPtr + resultType.size), retptr);
    fixup(resultType, callee, resultPtr, dst, retptr);
    callee.exports['cabi_post_' + exportName](resultPtr);
  };
}

async function instantiate(name, bytes, imports) {
  const module = await WebAssembly.compile(bytes);
  const needsWasi = WebAssembly.Module.imports(module).some((i) => i.module === 'wasi_snapshot_preview1');
  const wasi = needsWasi ? new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true }) : null;
  const instance = await WebAssembly.instantiate(module, { ...(wasi ? wasi.getImportObject() : {}), ...imports });
  if (wasi && instance.exports._initialize) wasi.initialize(instance);
  return new Module(name, instance);
}

const textDecoder = new TextDecoder();
const textEncoder = new TextEncoder();

export async function load(coreDir, variables) {
  const read = (name) => readFileSync(join(coreDir, name + '.wasm'));
  const validation = await instantiate('validation', read('validation'), {});
  const pricing = await instantiate('pricing', read('pricing'), {});
  const inventory = await instantiate('inventory', read('inventory'), {});
  let orchestrator = null;
  const self = () => orchestrator;
  const published = [];
  const imports = {
    'acme:validation/validation@0.1.0': {
      validate: link(self, validation, 'acme:validation/validation@0.1.0#validate', ORDER_FLAT, result(4, ORDER, REJECTION, 48, 4)),
    },
    'acme:pricing/pricing@0.1.0': {
      price: link(self, pricing, 'acme:pricing/pricing@0.1.0#price', ORDER_FLAT, result(8, PRICED_ORDER, REJECTION, 88, 8)),
    },
    'acme:inventory/inventory@0.1.0': {
      reserve: link(self, inventory, 'acme:inventory/inventory@0.1.0#reserve', PRICED_ORDER_FLAT, result(8, RESERVATION, REJECTION, 40, 8)),
    },
    'fermyon:spin/config': {
      // get-config(key) -> result<string, error>
      'get-config': (keyPtr, keyLen, retptr) => {
        const o = orchestrator.view();
        const key = textDecoder.decode(o.bytes.subarray(keyPtr, keyPtr + keyLen));
        const value = variables[key];
        const text = textEncoder.encode(value === undefined ? 'no variable ' + key : value);
        const np = o.alloc(text.length, 1);
        o.view().bytes.set(text, np);
        o.view().bytes[retptr] = value === undefined ? 1 : 0;
        if (value === undefined) o.view().bytes[retptr + 4] = 0; // error::provider(string)
        const at = value === undefined ? retptr + 8 : retptr + 4;
        o.setU32(at, np);
        o.setU32(at + 4, text.length);
      },
    },
    'fermyon:spin/redis': {
      // publish(address, channel, payload) -> result<_, error>
      publish: (aPtr, aLen, cPtr, cLen, pPtr, pLen, retptr) => {
        const o = orchestrator.view();
        published.push(o.bytes.slice(pPtr, pPtr + pLen));
        if (published.length > 1000) published.shift();
        o.bytes[retptr] = 0;
      },
    },
  };
  orchestrator = await instantiate('orchestrator', read('orchestrator'), imports);
  return { orchestrator, published };
}

/** POST /orders through fermyon:spin/inbound-http.handle-request: returns {status, body}. */
export function handleRequest(o, uri, body) {
  const put = (bytes) => {
    const p = o.alloc(bytes.length, 1);
    o.view().bytes.set(bytes, p);
    return p;
  };
  const uriBytes = textEncoder.encode(uri);
  const name = textEncoder.encode('content-type');
  const value = textEncoder.encode('application/json');
  const headers = o.alloc(16, 4);
  const namePtr = put(name);
  const valuePtr = put(value);
  o.setU32(headers, namePtr);
  o.setU32(headers + 4, name.length);
  o.setU32(headers + 8, valuePtr);
  o.setU32(headers + 12, value.length);
  const uriPtr = put(uriBytes);
  const bodyPtr = put(body);
  const METHOD_POST = 1;
  const r = o.exports['fermyon:spin/inbound-http#handle-request'](METHOD_POST, uriPtr, uriBytes.length, headers, 1, 0, 0, 1, bodyPtr, body.length);
  const v = o.view();
  const status = v.data.getUint16(r, true);
  let answer = null;
  if (v.bytes[r + 16] === 1) {
    const p = v.u32(r + 20);
    answer = v.bytes.slice(p, p + v.u32(r + 24));
  }
  o.exports['cabi_post_fermyon:spin/inbound-http#handle-request'](r);
  return { status, body: answer };
}

async function main() {
  const [coreDir, orderFile, warmupText, samplesText] = process.argv.slice(2);
  const order = readFileSync(orderFile);
  const { orchestrator } = await load(coreDir, { redis_address: 'redis://127.0.0.1:6379', events_channel: 'orders.events' });
  const first = handleRequest(orchestrator, '/orders', order);
  for (let i = 0; i < Number(warmupText); i++) handleRequest(orchestrator, '/orders', order);
  const samples = Number(samplesText);
  const nanos = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    handleRequest(orchestrator, '/orders', order);
    nanos[i] = Number(process.hrtime.bigint() - start);
  }
  nanos.sort();
  const at = (p) => nanos[Math.max(0, Math.min(samples - 1, Math.ceil(p * samples) - 1))] / 1000;
  const mean = nanos.reduce((a, b) => a + b, 0) / samples / 1000;
  console.log(JSON.stringify({
    status: first.status,
    body: first.body === null ? null : textDecoder.decode(first.body),
    latency: { p50_us: at(0.5), p90_us: at(0.9), p99_us: at(0.99), mean_us: mean, orders_per_s: 1e6 / mean, samples },
  }));
}

await main();
