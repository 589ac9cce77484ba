// An SVG document as a PNG: drawn on a canvas filled white, at `scale` times its size.
// The SVG goes to the Image as a UTF-8 blob: URL (the CSP's img-src allows blob:), so non-ASCII
// text survives; the image type goes to canvas.toBlob, the call that encodes.

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

/** PNG of `svg` (markup of a standalone SVG document of `width` × `height` CSS pixels). */
export async function svgToPng(svg: string, width: number, height: number, options: PngOptions = {}, doc: Document = document): Promise<Blob> {
	const scale = options.scale ?? 2;
	const canvas = doc.createElement('canvas');
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round(height * scale);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('This browser cannot draw on a canvas.');

	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = await loadImage(url, doc);
		context.fillStyle = options.background ?? '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
	} finally {
		URL.revokeObjectURL(url);
	}
	return new Promise((resolve, reject) => {
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png');
	});
}
