/** "Élodie Martin" → "elodie-martin": lowercase ASCII words joined by dashes, for French URLs. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** A slug with a short random suffix, unique enough to insert without a lookup loop. */
export function uniqueSlug(text: string): string {
  const base = slugify(text) || "profil";
  const suffix = crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).slice(0, 5);
  return `${base}-${suffix}`;
}
