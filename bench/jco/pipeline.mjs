// The orchestrated pipeline on Node as the standard JavaScript component host runs it: the four
// components of the OCI context (apps/target/oci), transpiled by jco, the orchestrator's contract
// imports (validate, price, reserve) linked to the transpiled domain components through their
// generated interfaces, as tests/app's orchestrated flow links them. fermyon:spin/config answers
// the component variables; fermyon:spin/redis.publish keeps the event in memory (as the JVM host's
// in-memory sink and the V8 harness do); WASI is jco's preview2-shim.
//
// usage: node pipeline.mjs <oci dir> <work dir> <order.json> <warmup> <samples>
// prints one JSON line: {"status", "body", "latency": {"p50_us", "p90_us", "p99_us", "mean_us", "orders_per_s", "samples"}}
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transpileBytes } from '@bytecodealliance/jco-transpile';

const [ociDir, workDir, orderFile, warmupText, samplesText] = process.argv.slice(2);
if (!samplesText) {
  console.error('usage: pipeline.mjs <oci dir> <work dir> <order.json> <warmup> <samples>');
  process.exit(2);
}

function write(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

async function transpile(name, map) {
  const { files } = await transpileBytes(readFileSync(join(ociDir, `${name}.wasm`)), { name, map });
  for (const [file, bytes] of Object.entries(files)) write(join(workDir, name, file), bytes);
  return join(workDir, name, `${name}.js`);
}

// The Spin host imports: the component variables, and the last event kept in memory.
const host = { variables: { redis_address: 'redis://127.0.0.1:6379', events_channel: 'orders.events' }, events: 0 };
globalThis.jcoPipelineHost = host;
write(join(workDir, 'spin', 'config.js'), `
export function getConfig(key) {
  const value = globalThis.jcoPipelineHost.variables[key];
  if (value === undefined) throw { tag: 'invalid-key', val: 'no variable named ' + key };
  return value;
}`);
write(join(workDir, 'spin', 'redis.js'), `
export function publish(address, channel, payload) {
  globalThis.jcoPipelineHost.last = payload;
  globalThis.jcoPipelineHost.events++;
}`);

// Each contract import re-exports the function of the transpiled component that implements it.
const steps = { validation: 'validate', pricing: 'price', inventory: 'reserve' };
const map = { 'fermyon:spin/config': '../spin/config.js', 'fermyon:spin/redis': '../spin/redis.js' };
for (const [component, fn] of Object.entries(steps)) {
  await transpile(component);
  write(join(workDir, 'deps', `${component}.js`),
    `import { ${component} } from '../${component}/${component}.js';\nexport const ${fn} = ${component}.${fn};\n`);
  map[`acme:${component}/${component}`] = `../deps/${component}.js`;
}
const { inboundHttp } = await import(pathToFileURL(await transpile('orchestrator', map)).href);

const order = new Uint8Array(readFileSync(orderFile));
const headers = [['content-type', 'application/json']];
const handle = () => inboundHttp.handleRequest({ method: 'post', uri: '/orders', headers, params: [], body: order });

const first = handle();
if (host.events !== 1) throw new Error(`the first order published ${host.events} events, not 1`);
for (let i = 0; i < Number(warmupText); i++) handle();
const samples = Number(samplesText);
const nanos = new Float64Array(samples);
for (let i = 0; i < samples; i++) {
  const start = process.hrtime.bigint();
  handle();
  nanos[i] = Number(process.hrtime.bigint() - start);
}
const expected = 1 + Number(warmupText) + samples;
if (host.events !== expected) throw new Error(`${expected} orders published ${host.events} events`);
nanos.sort();
const at = (p) => nanos[Math.max(0, Math.min(samples - 1, Math.ceil(p * samples) - 1))] / 1000;
const mean = nanos.reduce((a, b) => a + b, 0) / samples / 1000;
console.log(JSON.stringify({
  status: first.status,
  body: first.body === undefined ? null : new TextDecoder().decode(first.body),
  latency: { p50_us: at(0.5), p90_us: at(0.9), p99_us: at(0.99), mean_us: mean, orders_per_s: 1e6 / mean, samples },
}));
