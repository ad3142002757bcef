// Published secretaries that reach the search index the way production does: content written,
// approved by staff through transitionProfile (which writes the outbox row), then the outbox
// drained by the real worker into the real engine of this test file's DATA_DIR.
import { lookupPostcode } from "#app/domain/geo/geo.server";
import { transitionProfile } from "#app/domain/profiles/profile-transition.server";
import { db } from "#app/lib/db.server";
import { getSearchEngine } from "#search/engine-factory";
import { loadAllDocuments } from "#search/sync/load-documents";
import { enqueueSearchUpdate } from "#search/sync/outbox";
import { startSearchWorker, type SearchWorker } from "#search/sync/search-worker";
import { createSecretary, createStaff } from "#tests/factories/users";

export type SearchProfileSpec = {
  name: string;
  headline: string;
  bio?: string;
  skills?: string[];
  sectors?: string[];
  software?: string[];
  languages?: string[];
  billingModes?: string[];
  hourlyRateCents?: number | null;
  remote?: boolean;
  /** On site from this postcode's commune, within radiusKm. */
  base?: { postcode: string; radiusKm: number };
  availability?: { day: number; start: string; end: string }[];
  availableFrom?: Date | null;
  verified?: boolean;
  rating?: { average: number; count: number };
  agencyId?: string;
  publishedAt?: Date;
};

let staffId: string | undefined;
let worker: SearchWorker | undefined;

/** Runs the outbox worker once, as the server's in-process worker would on its next tick. */
export async function drainSearchOutbox(): Promise<number> {
  worker ??= startSearchWorker({ engine: getSearchEngine, poll: false });
  return worker.drainOnce();
}

/**
 * Rebuilds the secretaries index from the database with the real mapper, as `npm run
 * search:reindex` does: for tests that write profile rows directly, with no outbox row.
 */
export async function reindexSecretaries(): Promise<void> {
  const engine = await getSearchEngine();
  await engine.replaceAll("secretaries", await loadAllDocuments("secretaries"));
}

function contentOf(spec: SearchProfileSpec) {
  const commune = spec.base ? lookupPostcode(spec.base.postcode)[0] : undefined;
  if (spec.base && !commune) throw new Error(`unknown postcode ${spec.base.postcode}`);
  return {
    headline: spec.headline,
    bio: spec.bio ?? `${spec.headline}. Secrétaire expérimentée, réactive et discrète.`,
    skills: spec.skills ?? ["TYPING"],
    sectors: spec.sectors ?? [],
    software: spec.software ?? [],
    languages: spec.languages ?? ["fr"],
    billingModes: spec.billingModes ?? ["HOURLY"],
    hourlyRateCents: spec.hourlyRateCents === undefined ? 3000 : spec.hourlyRateCents,
    remote: spec.remote ?? true,
    onSite: !!commune,
    basePostcode: commune?.postcode ?? null,
    baseCommune: commune?.name ?? null,
    baseInseeCode: commune?.inseeCode ?? null,
    baseLatitude: commune?.latitude ?? null,
    baseLongitude: commune?.longitude ?? null,
    radiusKm: spec.base?.radiusKm ?? null,
    availability: spec.availability ?? [],
    availableFrom: spec.availableFrom ?? null,
    verified: spec.verified ?? false,
    ratingAverage: spec.rating?.average ?? null,
    ratingCount: spec.rating?.count ?? 0,
  };
}

/** A secretary whose profile is written, approved and (after drainSearchOutbox) searchable. */
export async function publishedSecretary(spec: SearchProfileSpec) {
  staffId ??= (await createStaff()).id;
  const secretary = await createSecretary({
    status: "PENDING_REVIEW",
    displayName: spec.name,
    agencyId: spec.agencyId,
  });
  const profileId = secretary.profile.id;
  await db.$transaction(async (tx) => {
    await tx.secretaryProfile.update({
      where: { id: profileId },
      data: contentOf(spec),
      select: { id: true },
    });
    await transitionProfile(tx, { profileId, event: "APPROVE", actor: { id: staffId!, as: "STAFF" } });
    if (spec.publishedAt) {
      await tx.secretaryProfile.update({ where: { id: profileId }, data: { publishedAt: spec.publishedAt } });
      await enqueueSearchUpdate(tx, "secretaries", profileId);
    }
  });
  return secretary;
}
