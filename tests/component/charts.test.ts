import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import DataTable from '../../src/lib/charts/DataTable.svelte';
import RagChip from '../../src/lib/charts/RagChip.svelte';

describe('chart components', () => {
	test('a RAG chip says its rating in words and draws its shape, not just a colour', () => {
		const { body } = render(RagChip, { props: { rag: 'A', count: 3 } });
		expect(body).toContain('Amber');
		expect(body).toContain('<strong>3</strong>');
		expect(body).toMatch(/<path d="M5,0 L10,5 L5,10 L0,5 Z"/);
		const blank = render(RagChip, { props: { rag: null } }).body;
		expect(blank).toContain('Not rated');
	});

	test('a data table has a caption, column headers and row headers, and shows markup as text', () => {
		const { body } = render(DataTable, {
			props: {
				caption: 'Trend of <b>M</b>',
				columns: [
					{ key: 'period', label: 'Period' },
					{ key: 'value', label: 'Value', numeric: true }
				],
				rows: [
					{ period: '2016/17 Q3', value: '87.5%' },
					{ period: '<img src=x onerror=alert(1)>', value: 'c' }
				]
			}
		});
		expect(body).toMatch(/<caption[^>]*>Trend of &lt;b>M&lt;\/b><\/caption>/);
		expect(body).toMatch(/<th scope="col"[^>]*>Period<\/th>/);
		expect(body).toMatch(/<th scope="row"[^>]*>2016\/17 Q3<\/th>/);
		expect(body).not.toContain('<img');
	});
});
