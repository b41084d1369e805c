/**
 * Browser side of the PNG export: replays a sheet layout (sheet.ts) on a
 * canvas, with the map canvases as images, and saves the result.
 */
import { sheetLayout, type SheetInput } from './sheet';
import { hatchPixels } from './hatch';

/** Draws the sheet at `pixelRatio` and returns the PNG. */
export async function renderSheet(
	input: SheetInput,
	images: readonly CanvasImageSource[],
	pixelRatio = 2
): Promise<Blob> {
	const canvas = document.createElement('canvas');
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('Export impossible : le navigateur refuse le dessin sur canevas.');
	const layout = sheetLayout(input, (text, font) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	});
	canvas.width = Math.ceil(layout.width * pixelRatio);
	canvas.height = Math.ceil(layout.height * pixelRatio);
	ctx.scale(pixelRatio, pixelRatio);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, layout.width, layout.height);

	const tile = hatchPixels();
	const tileCanvas = document.createElement('canvas');
	tileCanvas.width = tile.width;
	tileCanvas.height = tile.height;
	tileCanvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(tile.data), tile.width, tile.height), 0, 0);
	const hatch = ctx.createPattern(tileCanvas, 'repeat');

	for (const op of layout.ops) {
		switch (op.op) {
			case 'text':
				ctx.font = op.font;
				ctx.fillStyle = op.color;
				ctx.fillText(op.text, op.x, op.y);
				break;
			case 'rect':
				if (op.fill !== 'transparent') {
					ctx.fillStyle = op.fill;
					ctx.fillRect(op.x, op.y, op.w, op.h);
				}
				if (op.stroke) {
					ctx.strokeStyle = op.stroke;
					ctx.lineWidth = 1;
					ctx.strokeRect(op.x + 0.5, op.y + 0.5, op.w - 1, op.h - 1);
				}
				break;
			case 'hatch':
				if (hatch) ctx.fillStyle = hatch;
				ctx.fillRect(op.x, op.y, op.w, op.h);
				ctx.strokeStyle = '#9aa7b0';
				ctx.strokeRect(op.x + 0.5, op.y + 0.5, op.w - 1, op.h - 1);
				break;
			case 'label': {
				ctx.font = op.font;
				ctx.textAlign = 'center';
				ctx.textBaseline = 'middle';
				ctx.lineJoin = 'round';
				ctx.lineWidth = 3;
				ctx.strokeStyle = 'rgba(255,255,255,0.95)';
				ctx.fillStyle = '#1d2a33';
				const lineHeight = 14;
				const top = op.y - ((op.lines.length - 1) * lineHeight) / 2;
				op.lines.forEach((line, i) => {
					ctx.font = i === op.lines.length - 1 && op.bold ? op.font.replace('400', '700') : op.font;
					ctx.strokeText(line, op.x, top + i * lineHeight);
					ctx.fillText(line, op.x, top + i * lineHeight);
				});
				ctx.textAlign = 'start';
				ctx.textBaseline = 'alphabetic';
				break;
			}
			case 'map': {
				const image = images[op.index];
				if (image) ctx.drawImage(image, op.x, op.y, op.w, op.h);
				break;
			}
		}
	}
	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Export PNG impossible.'))), 'image/png')
	);
}
