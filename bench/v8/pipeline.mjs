// The orchestrated pipeline on Node's V8: the same core modules the JVM runs on Chicory
// (apps/target/core), linked by hand. The orchestrator's contract imports (validate, price,
// reserve) are served by the domain modules' exports: arguments and results are copied between
// the modules' memories following the canonical ABI, each module allocating through its own
// cabi_realloc and freeing through its cabi_post_* export. The layouts are the ones the build
// generates from apps/wit (apps/target/bindings/js/layouts.mjs, by orchestrator/bindgen, with the
// JVM host's own layout code). fermyon:spin/config answers the component variables;
// fermyon:spin/redis.publish keeps the event in memory (as the JVM host's in-memory sink does);
// WASI preview 1 is node:wasi with no access.
//
// usage: node pipeline.mjs <core dir> <order.json> <warmup> <samples>
// prints one JSON line: {"status", "body", "latency": {"p50_us", "p90_us", "p99_us", "mean_us", "orders_per_s", "samples"}}
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** The discriminant of a variant stored at ptr. */
function discriminant(type, module, ptr) {
  const data = module.view().data;
  switch (type.discriminantSize) {
    case 1: return data.getUint8(ptr);
    case 2: return data.getUint16(ptr, true);
    default: return data.getUint32(ptr, true);
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
    case 'variant': {
      const payload = type.cases[discriminant(type, src, sp)];
      if (payload && payload.kind !== 'scalar') fixup(payload, src, sp + type.payloadOffset, dst, dp + type.payloadOffset);
      return;
    }
    default:
  }
}

/**
 * Copies the flat values args[i..] of a value of `type` from src to dst (strings and lists into
 * dst's memory), appending them to out; returns the index after them.
 */
function copyFlat(type, args, i, src, dst, out) {
  switch (type.kind) {
    case 'string': {
      const len = args[i + 1];
      out.push(dst.copyIn(src, args[i], len, 1), len);
      return i + 2;
    }
    case 'list': {
      const ptr = args[i];
      const len = args[i + 1];
      const np = dst.copyIn(src, ptr, len * type.elem.size, type.elem.align);
      if (type.elem.kind !== 'scalar') {
        for (let k = 0; k < len; k++) fixup(type.elem, src, ptr + k * type.elem.size, dst, np + k * type.elem.size);
      }
      out.push(np, len);
      return i + 2;
    }
    case 'record':
      for (const [, field] of type.fields) i = copyFlat(field, args, i, src, dst, out);
      return i;
    case 'variant': {
      const payload = type.cases[args[i]];
      out.push(args[i]);
      let next = i + 1;
      if (payload) next = copyFlat(payload, args, next, src, dst, out);
      for (; next < i + type.flat; next++) out.push(args[next]);
      return next;
    }
    default:
      for (let k = 0; k < type.flat; k++) out.push(args[i + k]);
      return i + type.flat;
  }
}

/** An import of the caller served by the callee's export: lower args, call, copy the result to the caller's return pointer, post-return. */
function link(caller, callee, name, fn) {
  if (fn.paramsInMemory || !fn.resultInMemory) throw new Error(`${name}: this benchmark host links functions with flat parameters and a result in memory`);
  return (...args) => {
    const retptr = args.pop();
    const lowered = [];
    let i = 0;
    for (const param of fn.params) i = copyFlat(param, args, i, caller(), callee, lowered);
    const resultPtr = callee.exports[name](...lowered);
    const dst = caller();
    dst.view().bytes.set(callee.view().bytes.subarray(resultPtr, resultPtr + fn.result.size), retptr);
    fixup(fn.result, callee, resultPtr, dst, retptr);
    callee.exports['cabi_post_' + name](resultPtr);
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

const VALIDATE = 'acme:validation/validation@0.1.0#validate';
const PRICE = 'acme:pricing/pricing@0.1.0#price';
const RESERVE = 'acme:inventory/inventory@0.1.0#reserve';
const GET_CONFIG = 'fermyon:spin/config#get-config';
const HANDLE_REQUEST = 'fermyon:spin/inbound-http#handle-request';

/** The layouts generated with the core modules (apps/target/bindings next to apps/target/core). */
export async function layouts(coreDir) {
  return (await import(pathToFileURL(join(coreDir, '..', 'bindings', 'js', 'layouts.mjs')).href)).functions;
}

export async function load(coreDir, variables) {
  const functions = await layouts(coreDir);
  const read = (name) => readFileSync(join(coreDir, name + '.wasm'));
  const validation = await instantiate('validation', read('validation'), {});
  const pricing = await instantiate('pricing', read('pricing'), {});
  const inventory = await instantiate('inventory', read('inventory'), {});
  let orchestrator = null;
  const self = () => orchestrator;
  const published = [];
  const imports = {
    'acme:validation/validation@0.1.0': {
      validate: link(self, validation, VALIDATE, functions[VALIDATE]),
    },
    'acme:pricing/pricing@0.1.0': {
      price: link(self, pricing, PRICE, functions[PRICE]),
    },
    'acme:inventory/inventory@0.1.0': {
      reserve: link(self, inventory, RESERVE, functions[RESERVE]),
    },
    'fermyon:spin/config': {
      // get-config(key) -> result<string, error>: ok(value), or err(error::provider(reason))
      'get-config': (keyPtr, keyLen, retptr) => {
        const o = orchestrator.view();
        const key = textDecoder.decode(o.bytes.subarray(keyPtr, keyPtr + keyLen));
        const value = variables[key];
        const text = textEncoder.encode(value === undefined ? 'no variable ' + key : value);
        const np = o.alloc(text.length, 1);
        o.view().bytes.set(text, np);
        const result = functions[GET_CONFIG].result;
        const error = result.cases[1];
        let at = retptr + result.payloadOffset;
        o.view().bytes[retptr] = value === undefined ? 1 : 0;
        if (value === undefined) {
          o.view().bytes[at] = error.names.indexOf('provider');
          at += error.payloadOffset;
        }
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
  return { orchestrator, published, functions };
}

/**
 * POST through fermyon:spin/inbound-http.handle-request: returns {status, body}. The request
 * flattens to method, uri, headers, params, body (option<list<u8>>); the response's fields and
 * the body's payload sit where the generated layouts say.
 */
export function handleRequest(o, uri, body, functions) {
  const put = (bytes) => {
    const p = o.alloc(bytes.length, 1);
    o.view().bytes.set(bytes, p);
    return p;
  };
  const { params: [request], result: response } = functions[HANDLE_REQUEST];
  const [[, method], , [, headersType]] = request.fields;
  const header = headersType.elem;
  const uriBytes = textEncoder.encode(uri);
  const name = textEncoder.encode('content-type');
  const value = textEncoder.encode('application/json');
  const headers = o.alloc(header.size, header.align);
  const namePtr = put(name);
  const valuePtr = put(value);
  o.setU32(headers + header.fields[0][0], namePtr);
  o.setU32(headers + header.fields[0][0] + 4, name.length);
  o.setU32(headers + header.fields[1][0], valuePtr);
  o.setU32(headers + header.fields[1][0] + 4, value.length);
  const uriPtr = put(uriBytes);
  const bodyPtr = put(body);
  const r = o.exports[HANDLE_REQUEST](method.names.indexOf('post'), uriPtr, uriBytes.length, headers, 1, 0, 0, 1, bodyPtr, body.length);
  const [[statusAt], , [bodyAt, bodyType]] = response.fields;
  const v = o.view();
  const status = v.data.getUint16(r + statusAt, true);
  let answer = null;
  if (v.bytes[r + bodyAt] === 1) {
    const p = v.u32(r + bodyAt + bodyType.payloadOffset);
    answer = v.bytes.slice(p, p + v.u32(r + bodyAt + bodyType.payloadOffset + 4));
  }
  o.exports['cabi_post_' + HANDLE_REQUEST](r);
  return { status, body: answer };
}

async function main() {
  const [coreDir, orderFile, warmupText, samplesText] = process.argv.slice(2);
  const order = readFileSync(orderFile);
  const { orchestrator, functions } = await load(coreDir, { redis_address: 'redis://127.0.0.1:6379', events_channel: 'orders.events' });
  const first = handleRequest(orchestrator, '/orders', order, functions);
  for (let i = 0; i < Number(warmupText); i++) handleRequest(orchestrator, '/orders', order, functions);
  const samples = Number(samplesText);
  const nanos = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    handleRequest(orchestrator, '/orders', order, functions);
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
