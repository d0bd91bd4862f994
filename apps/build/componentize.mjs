// Turns a core module into a component for one world, then checks the component.
//
//   node componentize.mjs <wit-dir> <world> <core.wasm> <component.wasm>
//
// 1. embed the world's WIT (component-type custom section), 2. wrap the module with the WASI
// preview 1 reactor adapter, 3. check the component: its WIT must export exactly the world's
// exports and import nothing outside the world's imports and WASI (decoded with jco's
// wasm-tools, which fails on a malformed component).
// jco's JS API is used rather than the CLI: jco 1.35's `jco embed` panics on any file path
// ("os error 44": its wasm-tools runs in a WASI sandbox that cannot open host paths).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  componentEmbed,
  componentNew,
  componentWit,
  componentWitMetadataForWorld,
} from '@bytecodealliance/jco-transpile/wasm-tools';
import { witSource } from './wit-source.mjs';

const ADAPTER = fileURLToPath(
  new URL('../../node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm', import.meta.url),
);

function interfaceName(meta) {
  const v = meta.version;
  return `${meta.namespace}:${meta.package}/${meta.interface}` + (v ? `@${v.major}.${v.minor}.${v.patch}` : '');
}

/** The `import x;` / `export x;` lines of the component's root world. */
function componentItems(wit, kind) {
  return [...wit.matchAll(new RegExp(`^\\s*${kind}\\s+([^;\\s]+);`, 'gm'))].map((m) => m[1]);
}

function check(wit, worldMeta) {
  const problems = [];
  const wantExports = new Set(worldMeta.exports.map(interfaceName));
  const haveExports = new Set(componentItems(wit, 'export'));
  for (const e of wantExports) if (!haveExports.has(e)) problems.push(`does not export ${e}`);
  for (const e of haveExports) if (!wantExports.has(e)) problems.push(`exports ${e}, which the world does not`);
  const allowedImports = new Set(worldMeta.imports.map(interfaceName));
  for (const i of componentItems(wit, 'import')) {
    if (!allowedImports.has(i) && !i.startsWith('wasi:')) problems.push(`imports ${i}, which the world does not`);
  }
  return problems;
}

const [witDir, world, corePath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: componentize.mjs <wit-dir> <world> <core.wasm> <component.wasm>');
  process.exit(2);
}
try {
  const source = witSource(witDir);
  const embedded = await componentEmbed({ binary: readFileSync(corePath), witSource: source, world });
  const component = await componentNew(embedded, [['wasi_snapshot_preview1', readFileSync(ADAPTER)]]);
  const wit = await componentWit(component);
  const problems = check(wit, await componentWitMetadataForWorld({ tag: 'source', val: source }, world));
  if (problems.length > 0) {
    throw new Error(`component does not match world ${world}:\n  ${problems.join('\n  ')}\ncomponent WIT:\n${wit}`);
  }
  writeFileSync(outPath, component);
} catch (e) {
  console.error(`${corePath} (world ${world}): ${e.message ?? e}`);
  process.exit(1);
}
