// Renames exports of a core module: node rename-exports.mjs <in.wasm> <out.wasm> <from>=<to>...
//
// Why: some guest languages (AssemblyScript) cannot spell canonical ABI export names such as
// `acme:inventory/inventory@0.1.0#reserve`; their build exports a plain name and renames it here
// with binaryen's JS API.
import { readFileSync, writeFileSync } from 'node:fs';
import binaryen from 'binaryen';

const [input, output, ...renames] = process.argv.slice(2);
if (!input || !output || renames.length === 0) {
  console.error('usage: rename-exports.mjs <in.wasm> <out.wasm> <from>=<to>...');
  process.exit(2);
}

const module = binaryen.readBinary(readFileSync(input));
// Validate against every feature: this step only renames, it must not judge the guest's features.
module.setFeatures(binaryen.Features.All);
for (const rename of renames) {
  const [from, to] = rename.split(/=(.*)/s);
  const ref = module.getExport(from);
  if (!ref) {
    console.error(`${input}: no export named '${from}' to rename to '${to}'`);
    process.exit(1);
  }
  const info = binaryen.getExportInfo(ref);
  if (info.kind !== binaryen.ExternalFunction) {
    console.error(`${input}: export '${from}' is not a function`);
    process.exit(1);
  }
  module.removeExport(from);
  module.addFunctionExport(info.value, to);
}
if (!module.validate()) {
  console.error(`${input}: module is invalid after renaming exports`);
  process.exit(1);
}
writeFileSync(output, module.emitBinary());
module.dispose();
