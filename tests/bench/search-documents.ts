// Synthetic but realistic secretary documents for the search benchmark: the demo seed's own
// generator (names, headlines, bios, skills, rates, places across France), mapped through the
// real document mapper, then replicated with fresh ids and slightly moved bases up to the size.
import { buildSeedPlan } from "#app/cli/seed/plan";
import type { SecretaryDocument } from "#search/documents";
import { roundCoordinate } from "#search/documents";
import { toSecretaryDocument } from "#search/sync/secretary-document";

export function benchDocuments(count: number): SecretaryDocument[] {
  const base = Math.min(count, 10_000);
  const plan = buildSeedPlan({ secretaries: base, businesses: 0, seed: 42, now: new Date("2026-11-26T00:00:00Z") });
  const agencies = new Map(plan.organizations.map((o) => [o.id, o.name]));
  const names = new Map(plan.users.map((u) => [u.id, u.displayName]));
  const seedDocs = plan.profiles.map((p) =>
    toSecretaryDocument({
      ...p,
      status: "PUBLISHED",
      publishedAt: p.publishedAt ?? p.createdAt,
      user: { displayName: names.get(p.userId) ?? "Secrétaire", suspendedAt: null },
      agency: p.agencyId ? { name: agencies.get(p.agencyId) ?? "Agence" } : null,
    }),
  );
  const docs: SecretaryDocument[] = [];
  for (let i = 0; docs.length < count; i++) {
    const source = seedDocs[i % seedDocs.length]!;
    const copy = Math.floor(i / seedDocs.length);
    docs.push(
      copy === 0
        ? source
        : {
            ...source,
            id: `${source.id}-${copy}`,
            slug: `${source.slug}-${copy}`,
            _geo: source._geo
              ? { lat: roundCoordinate(source._geo.lat + ((copy % 5) - 2) * 0.05), lng: roundCoordinate(source._geo.lng + ((copy % 3) - 1) * 0.05) }
              : null,
            publishedAt: source.publishedAt - copy * 3_600_000,
          },
    );
  }
  return docs;
}
