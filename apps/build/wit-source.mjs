// Reads a WIT directory (the main package's *.wit files plus deps/<name>/*.wit) into one WIT
// source text, each dependency nested as `package ns:name { ... }`.
//
// Why: jco 1.35's wasm-tools runs in a WASI sandbox that cannot open host paths (`witPath`
// panics with "os error 44"), so the build hands it the whole package tree as one source.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const PACKAGE_LINE = /^\s*package\s+([^;{\s]+)\s*;/m;

function witFiles(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.wit')).sort().map((f) => join(dir, f));
}

function packageOf(files, dir) {
  const names = new Set(files.map((f) => readFileSync(f, 'utf8').match(PACKAGE_LINE)?.[1]).filter(Boolean));
  if (names.size !== 1) {
    throw new Error(`${dir}: expected one package declaration across its .wit files, found ${[...names].join(', ') || 'none'}`);
  }
  return [...names][0];
}

function bodyWithoutPackageLine(file) {
  return readFileSync(file, 'utf8').replace(PACKAGE_LINE, '');
}

export function witSource(witDir) {
  const mainFiles = witFiles(witDir);
  if (mainFiles.length === 0) throw new Error(`${witDir}: no .wit files`);
  const main = packageOf(mainFiles, witDir);
  let source = `package ${main};\n` + mainFiles.map(bodyWithoutPackageLine).join('\n');
  const depsDir = join(witDir, 'deps');
  if (existsSync(depsDir)) {
    for (const dep of readdirSync(depsDir).sort()) {
      const files = witFiles(join(depsDir, dep));
      const name = packageOf(files, join(depsDir, dep));
      source += `\npackage ${name} {\n${files.map(bodyWithoutPackageLine).join('\n')}\n}\n`;
    }
  }
  return source;
}
