// Build-time entry of the sample snapshot (see vite.config.ts): evaluating this module imports the
// sample files from data/ in Node, with the app's import code, and gives the snapshot as its default
// export. All the work happens while the module loads, as Vite's module runner wants it.
import { fileURLToPath } from 'node:url';
import { sampleSnapshot } from '../src/lib/db/sample-snapshot';

const snapshot: Uint8Array = await sampleSnapshot(fileURLToPath(new URL('../data', import.meta.url)));
export default snapshot;
