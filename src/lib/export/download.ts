// Saves a Blob as a file: an <a download> pointing at a blob: URL (same origin, so the CSP
// allows it and nothing leaves the browser), clicked, removed, and the URL revoked afterwards.

/** How long the blob: URL lives after the click: long enough for any browser to start saving. */
const REVOKE_AFTER_MS = 10_000;

export function downloadBlob(blob: Blob, name: string, doc: Document = document): void {
	const url = URL.createObjectURL(blob);
	const link = doc.createElement('a');
	link.href = url;
	link.download = name;
	link.hidden = true;
	doc.body.append(link);
	try {
		link.click();
	} finally {
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
	}
}
