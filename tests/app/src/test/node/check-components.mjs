// Checks every component of the OCI context with jco and prints what each exports and imports.
//
//   node check-components.mjs <oci-dir>
//
// Each .wasm is decoded to WIT (componentWit) and transpiled (transpileBytes), which validates the
// whole component; any failure exits non-zero naming the file.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
import { transpileBytes } from '@bytecodealliance/jco-transpile';

const [ociDir] = process.argv.slice(2);
if (!ociDir) {
  console.error('usage: check-components.mjs <oci-dir>');
  process.exit(2);
}
const items = (wit, kind) => [...wit.matchAll(new RegExp(`^\\s*${kind}\\s+([^;\\s]+);`, 'gm'))].map((m) => m[1]);
const report = {};
for (const file of readdirSync(ociDir).filter((f) => f.endsWith('.wasm')).sort()) {
  try {
    const bytes = readFileSync(join(ociDir, file));
    const wit = await componentWit(bytes);
    await transpileBytes(bytes, { name: file.replace(/\.wasm$/, '') });
    report[file] = { exports: items(wit, 'export'), imports: items(wit, 'import') };
  } catch (e) {
    console.error(`${join(ociDir, file)}: ${e.message ?? e}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(report));
