/** Node side: reads the reference files from the project's `data/` folder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_FILES, type ReferenceTexts } from './load';

/** Reads every reference file from `dataDir` (default: `data/` of the project). */
export function readReferenceTexts(dataDir = join(process.cwd(), 'data')): ReferenceTexts {
	const texts = {} as ReferenceTexts;
	for (const file of Object.values(REFERENCE_FILES)) texts[file] = readFileSync(join(dataDir, file), 'utf8');
	return texts;
}
