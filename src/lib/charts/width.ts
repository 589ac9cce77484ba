/**
 * A chart's width, as `bind:clientWidth` gives it but without a layout per chart. Svelte's
 * binding reads each element's clientWidth as the element is mounted, so a page of forty charts
 * laid itself out forty times over while it was first drawn (over a second on the home page).
 * Here every chart mounted in one update is measured together, in one layout, and drawn at its
 * width in the same task; a ResizeObserver then follows later changes (the window resized).
 *
 *   let width = $state(0);
 *   <div {@attach trackWidth((w) => (width = w))}>{#if width > 0}…{/if}</div>
 */
import { flushSync, tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

const setters = new Map<Element, (width: number) => void>();
const waiting = new Set<HTMLElement>();
let measuring: Promise<void> | null = null;
let observer: ResizeObserver | null = null;

function measure(): void {
	measuring = null;
	const elements = [...waiting];
	waiting.clear();
	const widths = elements.map((element) => element.clientWidth); // one layout for all of them
	elements.forEach((element, i) => setters.get(element)?.(widths[i]!));
	flushSync(); // drawn at their widths now, not in some later task
}

export function trackWidth(set: (width: number) => void): Attachment<HTMLElement> {
	return (element) => {
		observer ??= new ResizeObserver((entries) => {
			// Called after layout: reading clientWidth here costs nothing.
			for (const entry of entries) setters.get(entry.target)?.((entry.target as HTMLElement).clientWidth);
		});
		setters.set(element, set);
		waiting.add(element);
		measuring ??= Promise.resolve().then(measure);
		observer.observe(element);
		return () => {
			observer?.unobserve(element);
			setters.delete(element);
			waiting.delete(element);
		};
	};
}

/** Resolves once the view is updated and every chart in it is drawn at its width. */
export async function chartsDrawn(): Promise<void> {
	await tick();
	while (measuring) await measuring;
}
