/** Reads the reference tables (communes, ETH, provinces, sectors). */
export const COMMUNES_SQL = `SELECT code_insee, nom, nom_kanak, code_postal, province, province_secondaire, eth,
  aire_coutumiere, population_2025 AS population, variantes FROM ref_communes ORDER BY nom`;
export const ETH_SQL = `SELECT code_eth AS code, libelle, province, confirme = 'oui' AS confirme FROM ref_eth ORDER BY libelle`;
export const PROVINCES_SQL = `SELECT code, libelle, libelle_court FROM ref_provinces ORDER BY code = 'PN' DESC, code = 'PS' DESC, code`;
export const SECTEURS_SQL = `SELECT code, libelle FROM ref_secteurs`;
export const MOTIFS_SQL = `SELECT motif_sortie, categorie_sortie, libelle FROM ref_motifs`;
