// Turns a WASI preview 1 core module that follows the canonical ABI by hand into a component:
// embeds the world's WIT (component-type section), then wraps it with the preview 1 reactor adapter.
// Uses jco's JS API because the `jco embed` CLI of jco 1.35.0 panics on file paths.
//
// usage: node componentize.mjs <core.wasm> <wit dir> <world> <out component.wasm>
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { componentEmbed, componentNew, preview1AdapterReactorPath } from '@bytecodealliance/jco';

const [corePath, witDir, world, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node componentize.mjs <core.wasm> <wit dir> <world> <out component.wasm>');
  process.exit(2);
}

const witFiles = (await readdir(witDir)).filter((f) => f.endsWith('.wit')).sort();
if (witFiles.length !== 1) {
  throw new Error(`${witDir}: expected exactly one .wit file (one package), found ${witFiles.length}`);
}
const witSource = await readFile(join(witDir, witFiles[0]), 'utf8');
const embedded = await componentEmbed({ binary: await readFile(corePath), witSource, world });
const component = await componentNew(embedded, [['wasi_snapshot_preview1', await readFile(preview1AdapterReactorPath())]]);
await writeFile(outPath, component);
