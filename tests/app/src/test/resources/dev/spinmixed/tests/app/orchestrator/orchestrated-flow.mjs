// Runs the orchestrated wiring on Node: the orchestrator component of the OCI context, transpiled
// by jco with its acme:orders imports served by the transpiled domain components and its Spin
// imports (redis publish, config) by the Node stand-ins below. Prints one JSON result per case.
//
//   node orchestrated-flow.mjs <oci-dir> <work-dir> <cases.json>
//
// A case is {"name", "method", "body" (a string or null), "variables" (name -> value)}; a result is
// {"name", "status", "headers", "body" (text), "events": [{"address", "channel", "payload"}]}.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transpileBytes } from '@bytecodealliance/jco-transpile';

const [ociDir, workDir, casesFile] = process.argv.slice(2);
if (!casesFile) {
  console.error('usage: orchestrated-flow.mjs <oci-dir> <work-dir> <cases.json>');
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

// The Spin host imports: what a case's variables say, and every publish recorded.
const host = { variables: {}, events: [] };
globalThis.orchestratedFlowHost = host;
write(join(workDir, 'spin', 'config.js'), `
export function getConfig(key) {
  const value = globalThis.orchestratedFlowHost.variables[key];
  if (value === undefined) throw { tag: 'invalid-key', val: 'no variable named ' + key };
  return value;
}`);
write(join(workDir, 'spin', 'redis.js'), `
export function publish(address, channel, payload) {
  globalThis.orchestratedFlowHost.events.push({ address, channel, payload: new TextDecoder().decode(payload) });
}`);

// Each contract import re-exports the function of the component that implements it.
const steps = { validation: 'validate', pricing: 'price', inventory: 'reserve' };
const map = { 'fermyon:spin/config': '../spin/config.js', 'fermyon:spin/redis': '../spin/redis.js' };
for (const [component, fn] of Object.entries(steps)) {
  await transpile(component);
  write(join(workDir, 'deps', `${component}.js`),
    `import { ${component} } from '../${component}/${component}.js';\nexport const ${fn} = ${component}.${fn};\n`);
  map[`acme:${component}/${component}`] = `../deps/${component}.js`;
}
const { inboundHttp } = await import(pathToFileURL(await transpile('orchestrator', map)).href);

const decoder = new TextDecoder();
const results = JSON.parse(readFileSync(casesFile, 'utf8')).map(({ name, method, body, variables }) => {
  host.variables = variables;
  host.events = [];
  const response = inboundHttp.handleRequest({
    method, uri: '/orders', headers: [['content-type', 'application/json']], params: [],
    body: body === null ? undefined : new TextEncoder().encode(body),
  });
  return {
    name,
    status: response.status,
    headers: response.headers ?? [],
    body: response.body === undefined ? null : decoder.decode(response.body),
    events: host.events,
  };
});
process.stdout.write(JSON.stringify(results));
