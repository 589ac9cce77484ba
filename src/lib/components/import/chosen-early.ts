/**
 * Files chosen in a file input before the page's code had started. The input is in the
 * prerendered page from the first paint, so a quick user (or a slow machine) can choose a file
 * before hydration; its change event then finds no handler and the file was silently dropped.
 * On attaching, the input is asked for what it already holds.
 *
 *   <input type="file" onchange={(e) => add(e.currentTarget.files)} {@attach chosenEarly(add)} />
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

export function chosenEarly(take: (files: FileList) => void): Attachment<HTMLInputElement> {
	return (input) => {
		const files = input.files;
		// Untracked: what `take` reads must not re-run this, or the same files would be taken again.
		if (files && files.length > 0) untrack(() => take(files));
	};
}
