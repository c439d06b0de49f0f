/** How model ids from different sources are compared: one normal form for every alias. */
const ASCII = /^[\x20-\x7e]*$/;

export function normaliseAlias(id: string): string {
  // NFKC is costly and changes nothing in plain ASCII, which nearly every id is
  const text = ASCII.test(id) ? id : id.normalize("NFKC");
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}
