// An SVG document as a PNG: drawn on a canvas filled white, at `scale` times its size.
// The SVG goes to the Image as a UTF-8 blob: URL (the CSP's img-src allows blob:), so non-ASCII
// text survives; the image type goes to the call that encodes.

export interface PngOptions {
	/** Device pixels per CSS pixel; default 2. */
	scale?: number;
	/** Canvas colour under the drawing; default white. */
	background?: string;
}

function loadImage(url: string, doc: Document): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new (doc.defaultView ?? window).Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('The browser could not draw the chart as an image.'));
		image.src = url;
	});
}

/**
 * The canvas as PNG bytes, encoded at once. Chromium's toBlob (and an OffscreenCanvas's
 * convertToBlob) waits for an idle period, and while the report makes its export pack there is
 * none: each image then waited a full second (the pack's 36 charts took 38 s). toDataURL encodes
 * in the call, a few tens of milliseconds for a chart at twice its size.
 */
function encodePng(canvas: HTMLCanvasElement): Blob {
	const url = canvas.toDataURL('image/png');
	if (!url.startsWith('data:image/png;base64,')) throw new Error('The browser could not encode the PNG.');
	const text = atob(url.slice(url.indexOf(',') + 1));
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
	return new Blob([bytes], { type: 'image/png' });
}

/** PNG of `svg` (markup of a standalone SVG document of `width` × `height` CSS pixels). */
export async function svgToPng(svg: string, width: number, height: number, options: PngOptions = {}, doc: Document = document): Promise<Blob> {
	const scale = options.scale ?? 2;
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	let image: HTMLImageElement;
	try {
		image = await loadImage(url, doc);
	} finally {
		URL.revokeObjectURL(url);
	}
	const canvas = doc.createElement('canvas');
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round(height * scale);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot draw on a canvas.');
	context.fillStyle = options.background ?? '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	return encodePng(canvas);
}
