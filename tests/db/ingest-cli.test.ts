import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS_DIR } from '../fixtures/ingest/corpus';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `npm run validate -- args` as a user would, with its exit code and output. */
function validate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile('npm', ['run', '--silent', 'validate', '--', ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
		});
	});
}

const fixture = (name: string) => join(CORPUS_DIR, name);
// Building the validator and starting DuckDB take a while on a busy machine: a generous limit, not a timing test.
const SLOW = 240_000;

describe('npm run validate', () => {
	test('a good file: its reading and what it would change, exit code 0', { timeout: SLOW }, async () => {
		const run = await validate(fixture('ok-windows-1252-pound.csv'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('ok-windows-1252-pound.csv (Measures, long form)');
		expect(run.stdout).toContain('Read as Windows-1252 text, comma-separated, Windows line breaks (CRLF).');
		expect(run.stdout).toContain('T01 Spend on CSE awareness materials (£) (new measure): 4 new values');
		expect(run.stdout).toContain('0 errors, 0 warnings. Ready to import.');
		expect(run.stdout).toContain('1 file checked: 0 with errors, 1 ready to import.');
	});

	test('a bad file with --json: every problem located, errors told from warnings, exit code 1', { timeout: SLOW }, async () => {
		const run = await validate(fixture('bad-wide-bad-cells.csv'), fixture('ok-numerator-denominator.csv'), '--json');
		expect(run.code).toBe(1);
		const [bad, good] = JSON.parse(run.stdout);
		expect(bad).toMatchObject({ file: 'bad-wide-bad-cells.csv', ready: false, errors: 4, warnings: 0, format: 'measures-wide' });
		expect(bad.problems[1]).toMatchObject({ severity: 'error', file: 'bad-wide-bad-cells.csv', row: 2, column: '2018/19 Q2', value: 'five' });
		expect(bad.problems[1].message).toMatch(/^"five" is not a number/);
		expect(bad.problems[1].fix).toMatch(/^Write a number/);
		expect(bad.reading.sentences[0]).toBe('Read as UTF-8 text, comma-separated, Unix line breaks (LF).');
		expect(good).toMatchObject({ file: 'ok-numerator-denominator.csv', ready: true, errors: 0, warnings: 1 });
		expect(good.problems[0]).toMatchObject({ severity: 'warning', row: 4, column: 'value', value: '90' });
	});

	test('without files it says how to use it', { timeout: SLOW }, async () => {
		const run = await validate();
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('Usage: npm run validate -- FILE... [--sheet NAME] [--json]');
	});
});
