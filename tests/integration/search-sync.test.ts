// The sync from the database to the search engine: real SQLite, the real embedded engine in this
// test file's DATA_DIR, the real routes and domain functions that change profiles. The only
// stand-in is the engine being down, as the engine itself reports it (SearchUnavailableError).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { removeTeamMember } from "#app/domain/agencies/team.server";
import { updateOwnOrganization } from "#app/domain/organizations/organizations.server";
import { db } from "#app/lib/db.server";
import * as ownProfile from "#app/routes/compte+/profil";
import { createEmbeddedEngine } from "#search/embedded/embedded-engine";
import type { SecretaryDocument } from "#search/documents";
import { SearchUnavailableError, type SearchEngine } from "#search/engine";
import { enqueueProfileOfUser } from "#search/sync/outbox";
import { backoffMs, startSearchWorker, type SearchWorker } from "#search/sync/search-worker";
import { invited, postInvitation } from "#tests/factories/agency-invitations";
import { decide, pendingProfile } from "#tests/factories/moderation";
import { createAgencyOwner, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Fields = Record<string, string | string[] | undefined>;

const profileForm: Fields = {
  intent: "save",
  headline: "Secrétaire médicale à distance",
  bio: "Secrétaire médicale depuis huit ans, je gère l’accueil téléphonique et les rendez-vous de trois cabinets.",
  skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
  sectors: ["MEDICAL"],
  software: ["DOCTOLIB"],
  languages: ["fr", "en"],
  yearsExperience: "8",
  hourlyRate: "32,50",
  billingModes: ["HOURLY"],
  remote: "on",
  onSite: "on",
  basePostcode: "69003",
  baseCommune: "Lyon",
  radiusKm: "20",
  "availability.lundi.start": "09:00",
  "availability.lundi.end": "12:00",
  availableFrom: "2026-11-26",
};

const engines: SearchEngine[] = [];
async function openEngine(file: string): Promise<SearchEngine> {
  const engine = await createEmbeddedEngine({ url: `file:${path.join(process.env.DATA_DIR!, file)}` });
  await engine.setup();
  engines.push(engine);
  return engine;
}

const writes: (keyof SearchEngine)[] = ["upsert", "remove", "replaceAll", "count"];

/**
 * The engine as seen from the worker: down while `down` is true for the methods in `failOn`
 * (nothing reaches the real engine then), and with a hook run after each accepted upsert.
 */
function switchable(real: SearchEngine, failOn = writes, afterUpsert?: () => Promise<void>) {
  const state = { down: false, upserted: [] as string[][] };
  const guard = (method: keyof SearchEngine) => {
    if (state.down && failOn.includes(method)) throw new SearchUnavailableError("moteur injoignable (test)");
  };
  const engine: SearchEngine = {
    name: real.name,
    setup: () => real.setup(),
    search: (request) => real.search(request),
    close: async () => undefined,
    async upsert(index, documents) {
      guard("upsert");
      state.upserted.push(documents.map((document) => document.id));
      await real.upsert(index, documents);
      await afterUpsert?.();
    },
    async remove(index, ids) {
      guard("remove");
      return real.remove(index, ids);
    },
    async replaceAll(index, documents) {
      guard("replaceAll");
      return real.replaceAll(index, documents);
    },
    async count(index) {
      guard("count");
      return real.count(index);
    },
  };
  return { engine, state };
}

/** The hit for this profile, as search returns it (displayed attributes only), or null. */
async function hit(engine: SearchEngine, profileId: string): Promise<Partial<SecretaryDocument> | null> {
  const response = await engine.search({
    index: "secretaries",
    text: "",
    filters: {},
    sort: "newest",
    facets: [],
    page: 1,
    perPage: 50,
  });
  const found = response.hits.filter((h) => h.id === profileId);
  expect(found.length).toBeLessThanOrEqual(1);
  if (!found[0]) return null;
  const { _distanceKm: _d, ...document } = found[0];
  return document as SecretaryDocument;
}

const outboxOf = (documentId: string) =>
  db.searchOutbox.findMany({
    where: { documentId },
    orderBy: { id: "asc" },
    select: { id: true, indexName: true, attempts: true, nextAttemptAt: true, lastError: true },
  });

async function saveProfile(userId: string, fields: Fields) {
  const result = await runRoute(ownProfile.action, await formRequest("/compte/profil", fields, { userId }));
  expect(result.status, JSON.stringify(result.data)).toBe(302);
}

let engine: SearchEngine;
let worker: SearchWorker;
let moderator: { id: string };
let admin: { id: string };

beforeAll(async () => {
  moderator = await createStaff("MODERATOR");
  admin = await createStaff("ADMIN");
  engine = await openEngine("search.db");
  worker = startSearchWorker({ engine, poll: false });
  await worker.drainOnce(); // the start-up check, on an empty database
});

afterAll(async () => {
  await worker.stop();
  for (const opened of engines) await opened.close();
});

describe("changes reach the index through the outbox", () => {
  it("a profile approved by a moderator appears once the worker has run", async () => {
    const secretary = await pendingProfile({ headline: "Télésecrétaire juridique", name: "Claire Vidal" });
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
    const decision = await decide(secretary.profile.id, { intent: "approve" }, moderator.id);
    expect(decision.status).toBe(302);

    expect(await outboxOf(secretary.profile.id)).toHaveLength(1);
    expect(await hit(engine, secretary.profile.id)).toBeNull();
    expect(await worker.drainOnce()).toBe(1);

    expect(await hit(engine, secretary.profile.id)).toMatchObject({
      displayName: "Claire Vidal",
      headline: "Télésecrétaire juridique",
      kind: "INDEPENDENT",
    });
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
  });

  it("saving a published profile updates its document with the new values", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED", displayName: "Julie Moreau" });
    await saveProfile(secretary.id, profileForm);
    await worker.drainOnce();
    const saved = await hit(engine, secretary.profile.id);
    expect(saved).toMatchObject({
      headline: "Secrétaire médicale à distance",
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
      hourlyRateCents: 3250,
      onSite: true,
      baseCommune: expect.stringContaining("Lyon"),
      radiusKm: 20,
      availabilitySlots: ["1-MATIN"],
      availableFrom: Date.UTC(2026, 10, 26),
    });
    const stored = await db.secretaryProfile.findUniqueOrThrow({
      where: { id: secretary.profile.id },
      select: { baseLatitude: true, baseLongitude: true },
    });
    expect(saved?._geo).toEqual({
      lat: Math.round(stored.baseLatitude! * 200) / 200,
      lng: Math.round(stored.baseLongitude! * 200) / 200,
    });

    await saveProfile(secretary.id, {
      ...profileForm,
      headline: "Assistante administrative",
      onSite: undefined,
    });
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({
      headline: "Assistante administrative",
      onSite: false,
      _geo: null,
      baseCommune: null,
    });
  });

  it("saving a draft writes an outbox row but indexes nothing", async () => {
    const secretary = await createSecretary({ status: "DRAFT" });
    await saveProfile(secretary.id, profileForm);
    expect(await outboxOf(secretary.profile.id)).toHaveLength(1);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toBeNull();
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
  });

  it("a refused save writes no outbox row", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const result = await runRoute(
      ownProfile.action,
      await formRequest(
        "/compte/profil",
        { ...profileForm, basePostcode: "00000" },
        { userId: secretary.id },
      ),
    );
    expect(result.status).toBe(400);
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
  });

  it("unpublishing removes the document", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    await saveProfile(secretary.id, profileForm);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).not.toBeNull();

    await saveProfile(secretary.id, { intent: "unpublish" });
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toBeNull();
  });

  it("a moderator's suspension removes the document and reinstating brings it back", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    await saveProfile(secretary.id, profileForm);
    await worker.drainOnce();

    const suspend = { intent: "suspend", reasonText: "Signalements répétés" };
    expect((await decide(secretary.profile.id, suspend, moderator.id)).status).toBe(302);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toBeNull();

    const reinstate = { intent: "reinstate", reasonText: "Vérification faite" };
    expect((await decide(secretary.profile.id, reinstate, admin.id)).status).toBe(302);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({
      headline: "Secrétaire médicale à distance",
    });
  });

  it("a suspended account's profile leaves the index", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    await saveProfile(secretary.id, profileForm);
    await worker.drainOnce();
    // No screen suspends accounts yet; whatever does must enqueue the profile in its transaction.
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: secretary.id }, data: { suspendedAt: new Date() } });
      await enqueueProfileOfUser(tx, secretary.id);
    });
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toBeNull();
  });

  it("a burst of saves of one profile becomes one write with the last values", async () => {
    const watched = switchable(engine);
    const burstWorker = startSearchWorker({ engine: watched.engine, poll: false });
    await burstWorker.drainOnce(); // its start-up check
    const secretary = await createSecretary({ status: "PUBLISHED" });
    for (const n of [1, 2, 3, 4, 5])
      await saveProfile(secretary.id, { ...profileForm, headline: `Version ${n}` });
    expect(await outboxOf(secretary.profile.id)).toHaveLength(5);

    expect(await burstWorker.drainOnce()).toBe(5);
    await burstWorker.stop();
    expect(watched.state.upserted.flat().filter((id) => id === secretary.profile.id)).toHaveLength(1);
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ headline: "Version 5" });
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
  });
});

describe("the in-process poller", () => {
  it("picks changes up on its own and stops cleanly", async () => {
    const polling = startSearchWorker({ engine, intervalMs: 20 });
    const secretary = await createSecretary({ status: "PUBLISHED" });
    await saveProfile(secretary.id, { ...profileForm, headline: "Trouvée sans aide" });
    await vi.waitFor(async () => expect(await outboxOf(secretary.profile.id)).toEqual([]), { timeout: 5000 });
    await polling.stop();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ headline: "Trouvée sans aide" });

    await saveProfile(secretary.id, { ...profileForm, headline: "Après l’arrêt" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outboxOf(secretary.profile.id)).toHaveLength(1);
    await worker.drainOnce();
  });
});

describe("membership and agency changes", () => {
  it("joining, renaming and leaving an agency change kind and agency name", async () => {
    const owner = await createAgencyOwner({ organizationName: "Secrétariat Rhône" });
    const secretary = await createSecretary({ status: "PUBLISHED" });
    await saveProfile(secretary.id, profileForm);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ kind: "INDEPENDENT", agencyName: null });

    const token = await invited(owner.id, secretary.email);
    expect((await postInvitation(token, { intent: "join" }, secretary.id)).status).toBe(302);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({
      kind: "AGENCY",
      agencyName: "Secrétariat Rhône",
    });

    const rename = await updateOwnOrganization({
      actor: { id: owner.id, kind: "AGENCY_OWNER" },
      input: {
        name: "Permanence Lyonnaise",
        legalName: "Permanence Lyonnaise SAS",
        siret: "73282932000074",
        vatNumber: undefined,
        sector: "SERVICES",
        addressLine: "3 place Bellecour",
        postcode: "69002",
        commune: "Lyon",
      },
    });
    expect(rename.ok).toBe(true);
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ agencyName: "Permanence Lyonnaise" });

    await removeTeamMember({ actorId: owner.id, memberId: secretary.id });
    await worker.drainOnce();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ kind: "INDEPENDENT", agencyName: null });
  });
});

describe("when the engine is down", () => {
  it("keeps the rows with backoff, then converges once the engine is back", async () => {
    const { engine: flaky, state } = switchable(engine);
    let clock = Date.now() + 60_000;
    const downWorker = startSearchWorker({ engine: flaky, poll: false, now: () => clock });
    await downWorker.drainOnce(); // its start-up check, before the engine goes down
    const secretary = await createSecretary({ status: "PUBLISHED" });
    state.down = true;

    await saveProfile(secretary.id, { ...profileForm, headline: "Avant la panne" });
    expect(await downWorker.drainOnce()).toBe(0);
    let rows = await outboxOf(secretary.profile.id);
    expect(rows).toMatchObject([
      { attempts: 1, lastError: expect.stringContaining("SearchUnavailableError") },
    ]);
    expect(rows[0]!.nextAttemptAt.getTime()).toBe(clock + 1000);

    // Not due yet: left alone. Due: tried again, and the wait doubles.
    await downWorker.drainOnce();
    expect((await outboxOf(secretary.profile.id))[0]!.attempts).toBe(1);
    clock += 1000;
    await downWorker.drainOnce();
    rows = await outboxOf(secretary.profile.id);
    expect(rows).toMatchObject([{ attempts: 2 }]);
    expect(rows[0]!.nextAttemptAt.getTime()).toBe(clock + 2000);

    await saveProfile(secretary.id, { ...profileForm, headline: "Pendant la panne" });
    expect(await downWorker.drainOnce()).toBe(0);
    expect((await outboxOf(secretary.profile.id)).map((row) => row.attempts)).toEqual([2, 1]);
    expect(await hit(engine, secretary.profile.id)).toBeNull();

    state.down = false;
    clock += 2000;
    expect(await downWorker.drainOnce()).toBeGreaterThan(0);
    await downWorker.stop();
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ headline: "Pendant la panne" });
  });

  it("deletes no row when only part of the write went through", async () => {
    const published = await createSecretary({ status: "PUBLISHED" });
    const unpublished = await createSecretary({ status: "PUBLISHED" });
    await saveProfile(published.id, profileForm);
    await saveProfile(unpublished.id, profileForm);
    await worker.drainOnce();

    const { engine: halfDown, state } = switchable(engine, ["remove"]);
    let clock = Date.now() + 60_000;
    const halfWorker = startSearchWorker({ engine: halfDown, poll: false, now: () => clock });
    await halfWorker.drainOnce();
    state.down = true;
    await saveProfile(published.id, { ...profileForm, headline: "Toujours en ligne" });
    await saveProfile(unpublished.id, { intent: "unpublish" });
    expect(await halfWorker.drainOnce()).toBe(0);
    expect(await outboxOf(published.profile.id)).toMatchObject([{ attempts: 1 }]);
    expect(await outboxOf(unpublished.profile.id)).toMatchObject([{ attempts: 1 }]);

    state.down = false;
    clock += 1000;
    expect(await halfWorker.drainOnce()).toBe(2);
    await halfWorker.stop();
    expect(await hit(engine, published.profile.id)).toMatchObject({ headline: "Toujours en ligne" });
    expect(await hit(engine, unpublished.profile.id)).toBeNull();
  });

  it("re-queues a document that changed while its write was in flight", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    let interfere = false;
    const { engine: racing } = switchable(engine, [], async () => {
      if (!interfere) return;
      interfere = false;
      // Another worker's doing: the row of this change was already taken and deleted.
      const data = { headline: "Changée entre-temps" };
      await db.secretaryProfile.update({ where: { id: secretary.profile.id }, data });
    });
    const racingWorker = startSearchWorker({ engine: racing, poll: false });
    await racingWorker.drainOnce();
    await saveProfile(secretary.id, { ...profileForm, headline: "Première version" });
    interfere = true;
    await racingWorker.drainOnce();
    expect(await outboxOf(secretary.profile.id)).toHaveLength(1);

    await racingWorker.drainOnce();
    await racingWorker.stop();
    expect(await hit(engine, secretary.profile.id)).toMatchObject({ headline: "Changée entre-temps" });
    expect(await outboxOf(secretary.profile.id)).toEqual([]);
  });

  it("waits 1 s, 2 s, 4 s … and never more than 5 minutes", () => {
    expect([1, 2, 3, 4, 9, 10, 30].map(backoffMs)).toEqual([
      1000, 2000, 4000, 8000, 256_000, 300_000, 300_000,
    ]);
  });
});

describe("at start", () => {
  it("rebuilds an empty index from the database", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED", displayName: "Nadia Benali" });
    const fresh = await openEngine("search-fresh.db");
    expect(await fresh.count("secretaries")).toBe(0);
    const listed = await db.secretaryProfile.count({
      where: { status: "PUBLISHED", user: { suspendedAt: null } },
    });

    const freshWorker = startSearchWorker({ engine: fresh, poll: false });
    await freshWorker.drainOnce();
    await freshWorker.stop();
    expect(await fresh.count("secretaries")).toBe(listed);
    expect(await hit(fresh, secretary.profile.id)).toMatchObject({ displayName: "Nadia Benali" });
  });

  it("rebuilds an index that holds a document the database no longer lists", async () => {
    const gone = await createSecretary({ status: "PUBLISHED" });
    const stale = await openEngine("search-stale.db");
    const first = startSearchWorker({ engine: stale, poll: false });
    await first.drainOnce();
    await first.stop();
    expect(await hit(stale, gone.profile.id)).not.toBeNull();
    // Changed behind the outbox's back (a database restored from a backup, say).
    await db.secretaryProfile.update({ where: { id: gone.profile.id }, data: { status: "DRAFT" } });

    const restarted = startSearchWorker({ engine: stale, poll: false });
    await restarted.drainOnce();
    await restarted.stop();
    expect(await hit(stale, gone.profile.id)).toBeNull();
  });
});
