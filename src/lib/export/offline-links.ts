// The report's offline HTML is one file opened from disk: a link to a page of the app (or to
// anywhere else) leads nowhere there. Each link either points at a place in the same file that
// stands for its target, or becomes its plain text.

/** The id of a measure's turn-the-curve chart in the report: what its name links to offline. */
export const measureAnchor = (measureId: string) => `report-measure-${measureId}`;

/** The href, in the offline file, of a link to a measure: its chart in the report, if it has one. */
export const offlineMeasureHref = (measureId: string) => `#${encodeURIComponent(measureAnchor(measureId))}`;

/** Rewrites the links of a cloned report in place so that every one resolves inside it. */
export function keepLinksOffline(root: Element): void {
	const ids = new Set([...root.querySelectorAll('[id]')].map((el) => el.id));
	const resolves = (href: string | null) => {
		if (!href?.startsWith('#') || href.length < 2) return false;
		try {
			return ids.has(decodeURIComponent(href.slice(1)));
		} catch {
			return false; // a malformed escape names no element
		}
	};
	for (const link of root.querySelectorAll('a')) {
		const offline = link.getAttribute('data-offline-href');
		link.removeAttribute('data-offline-href');
		if (resolves(offline)) link.setAttribute('href', offline!);
		else if (!resolves(link.getAttribute('href'))) link.replaceWith(...link.childNodes);
	}
}
