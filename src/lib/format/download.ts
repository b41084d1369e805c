/** Browser only: offers content as a file download (nothing leaves the machine). */

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers `text` as a download (CSV in UTF-8 unless `type` says otherwise). */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
	downloadBlob(new Blob([text], { type }), filename);
}
