import { goto } from '$app/navigation';
import { page } from '$app/state';
import { filtersToSearch, parseFilters, type Filters } from './filters';

/** The filters of the current URL; reading it inside $derived or $effect tracks navigation. */
export function currentFilters(): Filters {
	return parseFilters(page.url.searchParams);
}

/** Moves to the same page with new filters: a history entry, so back and forward work. */
export function setFilters(filters: Filters, extra: Record<string, string | null> = {}): Promise<void> {
	const search = filtersToSearch(filters, extra);
	return goto(`${page.url.pathname}${search}`, { keepFocus: true, noScroll: true });
}
