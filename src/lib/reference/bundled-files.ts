/** Browser side: the reference files of `data/`, bundled as text by Vite at build time. */
import { REFERENCE_FILES, type ReferenceTexts } from './load';

const raw = import.meta.glob('/data/*.csv', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The bundled reference texts, keyed by file name. */
export function bundledReferenceTexts(): ReferenceTexts {
	const texts = {} as ReferenceTexts;
	for (const file of Object.values(REFERENCE_FILES)) {
		const text = raw[`/data/${file}`];
		if (text === undefined) throw new Error(`Fichier de référence absent du build : data/${file}`);
		texts[file] = text;
	}
	return texts;
}
