/**
 * Non-interactive import (CLI, tests): read files → recognised tables →
 * mapped columns → loaded dataset, all with the user's profile. The app's
 * Données page runs the same steps with a mapping screen in between.
 */
import type { Engine } from '../db/engine';
import { loadDataset, type LoadOptions } from './dataset';
import { ImportError } from './decode';
import { draftsFromRead, preparedFromDraft, type ImportDraft } from './drafts';
import { EMPTY_PROFILE, type MappingProfile } from './mapping';
import type { DatasetReport } from './report';
import type { ReadResult } from './source';

export interface ImportFilesOptions extends Omit<LoadOptions, 'valueMaps'> {
	profile?: MappingProfile;
}

/** Loads read files; throws an ImportError (French) when a table cannot be recognised. */
export async function importFiles(
	engine: Engine,
	results: ReadResult[],
	opts: ImportFilesOptions = {}
): Promise<{ report: DatasetReport; drafts: ImportDraft[] }> {
	const profile = opts.profile ?? EMPTY_PROFILE;
	const drafts = results.flatMap((r) => draftsFromRead(r, profile));
	const unknown = drafts.filter((d) => !d.table);
	if (unknown.length) {
		throw new ImportError(
			`Table non reconnue pour : ${unknown.map((d) => d.id).join(', ')}. ` +
				'Nommez le fichier d’après sa table (ex. parcours.csv) ou indiquez-la dans le profil de correspondance (« fichiers »).'
		);
	}
	const report = await loadDataset(engine, drafts.map(preparedFromDraft), { ...opts, valueMaps: profile.valeurs });
	return { report, drafts };
}
