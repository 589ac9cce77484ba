// Build-time entry of the sample data the build ships (see vite.config.ts): evaluating this module
// imports the sample files from data/ in Node with the app's import code, and records the home
// page's answers over the result. All the work happens while the module loads, as Vite's module
// runner wants it.
import { fileURLToPath } from 'node:url';
import { sampleAnswers, sampleSnapshot } from '../src/lib/db/sample-snapshot';

const snapshot: Uint8Array = await sampleSnapshot(fileURLToPath(new URL('../data', import.meta.url)));
const answers: Uint8Array = await sampleAnswers(snapshot);
export default { snapshot, answers };
