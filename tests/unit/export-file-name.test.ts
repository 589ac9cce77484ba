import { describe, expect, test } from 'vitest';
import { fileName, MAX_SLUG, slug } from '../../src/lib/export/file-name';

describe('fileName', () => {
	test('is the title as lower-case words joined by hyphens, with the extension', () => {
		expect(fileName('RAG trajectory: Raising awareness', 'svg')).toBe('rag-trajectory-raising-awareness.svg');
		expect(fileName('Young people’s voice', 'png')).toBe('young-peoples-voice.png');
		expect(fileName("Parents' and carers' views", '.CSV')).toBe('parents-and-carers-views.csv');
	});

	test('is ASCII only: accents dropped, other characters become hyphens', () => {
		expect(fileName('Café spend (£) – 2016–2018', 'csv')).toBe('cafe-spend-2016-2018.csv');
		expect(fileName('Children aged 0–17 / 10,000 & more', 'csv')).toBe('children-aged-0-17-10000-and-more.csv');
		expect(fileName('Ünïcödé ☃ 😀 ™', 'svg')).toMatch(/^[a-z0-9-]+\.svg$/);
		expect(fileName('../../etc/passwd', 'svg')).toBe('etc-passwd.svg');
	});

	test('is at most 80 characters before the extension, cut between words', () => {
		const title = 'Assessments where child sexual exploitation was a factor: rate per 10,000 children in North East Lincolnshire';
		const name = fileName(title, 'png');
		expect(name.length - '.png'.length).toBeLessThanOrEqual(MAX_SLUG);
		expect(name).toBe('assessments-where-child-sexual-exploitation-was-a-factor-rate-per-10000-children.png');
		// The home page's longest titles fit whole.
		expect(fileName('Assessments where child sexual exploitation was a factor: rate per 10,000 children', 'csv')).toBe(
			'assessments-where-child-sexual-exploitation-was-a-factor-rate-per-10000-children.csv'
		);
		expect(fileName('x'.repeat(200), 'csv')).toBe(`${'x'.repeat(80)}.csv`);
		expect(fileName('a', 'svg; rm -rf')).toBe('a.svgrmrf');
	});

	test('falls back to "chart" when the title has nothing ASCII, and avoids names Windows refuses', () => {
		expect(fileName('', 'svg')).toBe('chart.svg');
		expect(fileName('£ – ’', 'png')).toBe('chart.png');
		expect(fileName('CON', 'csv')).toBe('con-chart.csv');
		expect(fileName('Nul', 'svg')).toBe('nul-chart.svg');
	});

	test('slug has no leading, trailing or doubled hyphens', () => {
		for (const title of ['  --a--b--  ', ': a :: b :', '!!!a!!!']) expect(slug(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});
});
