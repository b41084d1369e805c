/** French alphabetical order (accents after their letter, case ignored first), one collator for the app. */
const collator = new Intl.Collator('fr');

/** Compares two names in French order; for `sort`. */
export const compareFr = (a: string, b: string): number => collator.compare(a, b);
