/** How model ids from different sources are compared: one normal form for every alias. */
export function normaliseAlias(id: string): string {
  return id.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}
