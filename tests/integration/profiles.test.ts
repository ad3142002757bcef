import { beforeAll, describe, expect, it } from "vitest";
import { transitionProfile } from "#app/domain/profiles/profile-transition.server";
import { EMAIL_NOT_VERIFIED_MESSAGE, PROFILE_OWNER_ONLY_MESSAGE } from "#app/domain/profiles/profiles.policy";
import { profileMessages } from "#app/domain/profiles/profiles.schema";
import { db } from "#app/lib/db.server";
import * as ownProfile from "#app/routes/compte+/profil";
import * as publicProfile from "#app/routes/secretaires+/$slug";
import * as secretaryList from "#app/routes/secretaires+/_index";
import { reindexSecretaries } from "#tests/factories/search-profiles";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Fields = Record<string, string | string[] | undefined>;

const longBio =
  "Secrétaire médicale depuis huit ans, je gère l’accueil téléphonique et les rendez-vous de trois cabinets.\nÀ distance ou sur place.";

const validForm: Fields = {
  intent: "save",
  headline: "Secrétaire médicale à distance",
  bio: longBio,
  skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
  sectors: ["MEDICAL"],
  software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
  languages: ["fr", "en"],
  yearsExperience: "8",
  hourlyRate: "32,50",
  billingModes: ["HOURLY", "PER_TASK"],
  "taskPrices.CALL_ANSWERED": "0,80",
  "taskPrices.APPOINTMENT_BOOKED": "1,20",
  remote: "on",
  onSite: "on",
  basePostcode: "69003",
  baseCommune: "Lyon",
  radiusKm: "20",
  "availability.lundi.start": "09:00",
  "availability.lundi.end": "12:00",
  "availability.vendredi.start": "14:00",
  "availability.vendredi.end": "18:30",
  availableFrom: "2026-11-26",
};

const storedColumns = {
  status: true,
  headline: true,
  bio: true,
  skills: true,
  sectors: true,
  software: true,
  languages: true,
  yearsExperience: true,
  hourlyRateCents: true,
  taskPrices: true,
  billingModes: true,
  remote: true,
  onSite: true,
  basePostcode: true,
  baseCommune: true,
  baseInseeCode: true,
  baseLatitude: true,
  baseLongitude: true,
  radiusKm: true,
  availability: true,
  availableFrom: true,
  submittedAt: true,
  publishedAt: true,
  updatedAt: true,
} as const;

const stored = (userId: string) =>
  db.secretaryProfile.findUniqueOrThrow({ where: { userId }, select: storedColumns });
const historyOf = (profileId: string) =>
  db.profileStatusChange.findMany({
    where: { profileId },
    select: { from: true, to: true, actorId: true, reason: true },
  });

async function post(userId: string | undefined, fields: Fields, options: { csrf?: boolean } = {}) {
  return runRoute(ownProfile.action, await formRequest("/compte/profil", fields, { userId, ...options }));
}
const save = (userId: string, overrides: Fields = {}) => post(userId, { ...validForm, ...overrides });

describe("/compte/profil: who may use it", () => {
  it("sends an anonymous visitor to the login page, for reading and for posting", async () => {
    const read = await runRoute(ownProfile.loader, await getRequest("/compte/profil"));
    expect(read.status).toBe(302);
    expect(read.location).toBe("/connexion?redirectTo=%2Fcompte%2Fprofil");
    const write = await post(undefined, validForm);
    expect(write.location).toMatch(/^\/connexion\?/);
  });

  it.each([
    ["a business", () => createBusiness()],
    ["an agency owner", () => createAgencyOwner()],
    ["a moderator", () => createStaff("MODERATOR")],
    ["an admin", () => createStaff("ADMIN")],
  ])("refuses %s with a 403 and creates no profile", async (_label, make) => {
    const user = await make();
    const read = await runRoute(ownProfile.loader, await getRequest("/compte/profil", { userId: user.id }));
    expect(read.status).toBe(403);
    expect(read.data.message).toBe(PROFILE_OWNER_ONLY_MESSAGE);
    const write = await save(user.id);
    expect(write.status).toBe(403);
    expect(await db.secretaryProfile.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shows a secretary her own profile and status, without her e-mail", async () => {
    const secretary = await createSecretary({ headline: "Télésecrétaire" });
    const page = await runRoute(
      ownProfile.loader,
      await getRequest("/compte/profil", { userId: secretary.id }),
    );
    expect(page.status).toBe(200);
    expect(page.data.profile).toMatchObject({
      status: "DRAFT",
      slug: secretary.profile.slug,
      headline: "Télésecrétaire",
    });
    expect(page.data.emailVerified).toBe(true);
    expect(page.data.missing).toEqual([
      "une présentation d’au moins 80 caractères",
      "au moins une compétence",
      "au moins un mode de facturation",
    ]);
    expect(JSON.stringify(page.data)).not.toContain(secretary.email);
    expect(page.data.profile).not.toHaveProperty("id");
  });

  it("lets an agency member edit her own profile and shows her agency", async () => {
    const owner = await createAgencyOwner({ organizationName: "Allô Secrétariat" });
    const member = await createSecretary({ agencyId: owner.organization.id });
    const page = await runRoute(ownProfile.loader, await getRequest("/compte/profil", { userId: member.id }));
    expect(page.data.profile.agencyName).toBe("Allô Secrétariat");
    const result = await save(member.id);
    expect(result.status).toBe(302);
    expect((await stored(member.id)).headline).toBe(validForm.headline);
  });

  it("creates the draft of a secretary account that has none yet", async () => {
    const secretary = await createSecretary();
    await db.secretaryProfile.delete({ where: { userId: secretary.id } });
    const page = await runRoute(
      ownProfile.loader,
      await getRequest("/compte/profil", { userId: secretary.id }),
    );
    expect(page.data.profile.status).toBe("DRAFT");
    expect(await db.secretaryProfile.count({ where: { userId: secretary.id } })).toBe(1);
  });
});

describe("saving the profile", () => {
  it("stores every field, with the base commune geocoded, and keeps the draft status", async () => {
    const secretary = await createSecretary();
    const result = await save(secretary.id);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/profil?enregistre=1");
    const { updatedAt: _u, ...profile } = await stored(secretary.id);
    expect(profile).toEqual({
      status: "DRAFT",
      headline: "Secrétaire médicale à distance",
      bio: longBio,
      skills: ["PHONE_ANSWERING", "APPOINTMENT_BOOKING"],
      sectors: ["MEDICAL"],
      software: ["DOCTOLIB", "GOOGLE_CALENDAR"],
      languages: ["fr", "en"],
      yearsExperience: 8,
      hourlyRateCents: 3250,
      taskPrices: [
        { task: "CALL_ANSWERED", unitPriceCents: 80 },
        { task: "APPOINTMENT_BOOKED", unitPriceCents: 120 },
      ],
      billingModes: ["HOURLY", "PER_TASK"],
      remote: true,
      onSite: true,
      basePostcode: "69003",
      baseCommune: "Lyon 3e Arrondissement",
      baseInseeCode: "69383",
      baseLatitude: 45.7534,
      baseLongitude: 4.8692,
      radiusKm: 20,
      availability: [
        { day: 1, start: "09:00", end: "12:00" },
        { day: 5, start: "14:00", end: "18:30" },
      ],
      availableFrom: new Date("2026-11-26T00:00:00Z"),
      submittedAt: null,
      publishedAt: null,
    });
    expect(await historyOf(secretary.profile.id)).toEqual([]);
  });

  it("keeps a published profile published: edits are live", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const before = await stored(secretary.id);
    expect((await save(secretary.id, { headline: "Nouveau titre" })).status).toBe(302);
    const after = await stored(secretary.id);
    expect(after).toMatchObject({
      status: "PUBLISHED",
      headline: "Nouveau titre",
      publishedAt: before.publishedAt,
    });
  });

  it("clears the base and the radius of a remote-only profile", async () => {
    const secretary = await createSecretary();
    await save(secretary.id);
    await save(secretary.id, { onSite: undefined, basePostcode: "", baseCommune: "", radiusKm: "" });
    expect(await stored(secretary.id)).toMatchObject({
      onSite: false,
      basePostcode: null,
      baseCommune: null,
      baseInseeCode: null,
      baseLatitude: null,
      baseLongitude: null,
      radiusKm: null,
    });
  });

  it("stores markup in the bio as plain text", async () => {
    const secretary = await createSecretary();
    const bio = `<script>alert("x")</script>\n<img src=x onerror=alert(1)> et ${"du texte ".repeat(10)}`;
    await save(secretary.id, { bio });
    expect((await stored(secretary.id)).bio).toBe(bio.trim());
  });

  it.each<[string, Fields, string, string]>([
    [
      "a headline over 120 characters",
      { headline: "x".repeat(121) },
      "headline",
      profileMessages.headlineTooLong,
    ],
    ["no skill", { skills: undefined }, "skills", profileMessages.skillsMin],
    [
      "an unknown skill code",
      { skills: ["PHONE_ANSWERING", "DROP_TABLE"] },
      "skills",
      profileMessages.skillUnknown,
    ],
    ["no language", { languages: undefined }, "languages", profileMessages.languagesMin],
    ["experience over 50 years", { yearsExperience: "60" }, "yearsExperience", profileMessages.experience],
    [
      "an hourly rate of 5 €",
      { hourlyRate: "5" },
      "hourlyRate",
      "Le montant doit être compris entre 12\u00a0€ et 150\u00a0€",
    ],
    ["hourly billing without a rate", { hourlyRate: "" }, "hourlyRate", profileMessages.hourlyRateRequired],
    [
      "per-task billing without prices",
      { "taskPrices.CALL_ANSWERED": "", "taskPrices.APPOINTMENT_BOOKED": "" },
      "taskPrices",
      profileMessages.taskPriceRequired,
    ],
    ["no billing mode", { billingModes: undefined }, "billingModes", profileMessages.billingModesMin],
    ["on-site without a radius", { radiusKm: "" }, "radiusKm", profileMessages.radiusRequired],
    ["a radius of 500 km", { radiusKm: "500" }, "radiusKm", profileMessages.radius],
    [
      "an end time before the start",
      { "availability.lundi.end": "08:00" },
      "availability.lundi.end",
      profileMessages.endBeforeStart,
    ],
    [
      "an unknown postcode",
      { basePostcode: "01999", baseCommune: "" },
      "basePostcode",
      "Nous ne connaissons pas ce code postal. Vérifiez-le.",
    ],
    [
      "a postcode shared by two communes",
      { basePostcode: "01000", baseCommune: "" },
      "baseCommune",
      "Plusieurs communes ont le code postal 01000 : Bourg-en-Bresse, Saint-Denis-lès-Bourg. Indiquez la vôtre.",
    ],
    [
      "a commune that does not match the postcode",
      { basePostcode: "01000", baseCommune: "Lyon" },
      "baseCommune",
      "« Lyon » ne correspond pas au code postal 01000. Communes possibles : Bourg-en-Bresse, Saint-Denis-lès-Bourg.",
    ],
  ])(
    "refuses %s with its message next to the field and writes nothing",
    async (_label, overrides, field, message) => {
      const secretary = await createSecretary();
      const before = await stored(secretary.id);
      const result = await save(secretary.id, {
        ...overrides,
        headline: overrides.headline ?? "Titre modifié",
      });
      expect(result.status).toBe(400);
      expect(result.data.error[field]).toEqual([message]);
      expect(await stored(secretary.id)).toEqual(before);
    },
  );

  it("edits only the session's profile: ids slipped into the form are ignored", async () => {
    const other = await createSecretary({ status: "PUBLISHED", headline: "Profil de l’autre" });
    const secretary = await createSecretary();
    const otherBefore = await stored(other.id);
    const result = await save(secretary.id, {
      profileId: other.profile.id,
      userId: other.id,
      slug: other.profile.slug,
    });
    expect(result.status).toBe(302);
    expect(await stored(other.id)).toEqual(otherBefore);
    expect((await stored(secretary.id)).headline).toBe(validForm.headline);
  });

  it("refuses a post without the CSRF token", async () => {
    const secretary = await createSecretary();
    const before = await stored(secretary.id);
    const result = await post(secretary.id, validForm, { csrf: false });
    expect(result.status).toBe(403);
    expect(await stored(secretary.id)).toEqual(before);
  });
});

describe("sending the profile for review", () => {
  it("refuses an incomplete profile, says what is missing and keeps the edits", async () => {
    const secretary = await createSecretary();
    const result = await save(secretary.id, { intent: "submit", headline: "", bio: "Trop court." });
    expect(result.status).toBe(400);
    expect(result.data.error[""]).toEqual([
      "Vos modifications sont enregistrées, mais le profil n’a pas été envoyé pour validation.",
      "Votre profil n’est pas encore complet. Il manque : un titre, une présentation d’au moins 80 caractères.",
    ]);
    const profile = await stored(secretary.id);
    expect(profile).toMatchObject({ status: "DRAFT", bio: "Trop court.", submittedAt: null });
    expect(await historyOf(secretary.profile.id)).toEqual([]);
  });

  it("refuses when the e-mail address is not verified", async () => {
    const secretary = await createSecretary({ verified: false });
    const result = await save(secretary.id, { intent: "submit" });
    expect(result.status).toBe(400);
    expect(result.data.error[""]).toContain(EMAIL_NOT_VERIFIED_MESSAGE);
    expect((await stored(secretary.id)).status).toBe("DRAFT");
    expect(await historyOf(secretary.profile.id)).toEqual([]);
  });

  it("sends a complete profile to review and writes the history row", async () => {
    const secretary = await createSecretary();
    const result = await save(secretary.id, { intent: "submit" });
    expect(result.status).toBe(302);
    expect(result.location).toBe("/compte/profil?envoye=1");
    const profile = await stored(secretary.id);
    expect(profile.status).toBe("PENDING_REVIEW");
    expect(profile.submittedAt).toBeInstanceOf(Date);
    expect(await historyOf(secretary.profile.id)).toEqual([
      { from: "DRAFT", to: "PENDING_REVIEW", actorId: secretary.id, reason: null },
    ]);
  });

  it("shows the rejection reason, then accepts a new submission", async () => {
    const secretary = await createSecretary();
    const staff = await createStaff();
    await save(secretary.id, { intent: "submit" });
    await db.$transaction((tx) =>
      transitionProfile(tx, {
        profileId: secretary.profile.id,
        event: "REJECT",
        actor: { id: staff.id, as: "STAFF" },
        reason: "Précisez vos logiciels.",
      }),
    );
    const page = await runRoute(
      ownProfile.loader,
      await getRequest("/compte/profil", { userId: secretary.id }),
    );
    expect(page.data.profile.status).toBe("REJECTED");
    expect(page.data.rejectionReason).toBe("Précisez vos logiciels.");
    expect((await save(secretary.id, { intent: "submit" })).status).toBe(302);
    expect((await stored(secretary.id)).status).toBe("PENDING_REVIEW");
  });

  it("refuses to send a profile that is already published", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const result = await save(secretary.id, { intent: "submit" });
    expect(result.status).toBe(400);
    expect(result.data.error[""]).toContain(
      "Votre profil est « Publié » : il ne peut pas être envoyé pour validation.",
    );
    expect((await stored(secretary.id)).status).toBe("PUBLISHED");
  });
});

describe("withdrawing the profile", () => {
  it.each(["PUBLISHED", "PENDING_REVIEW"])(
    "takes a %s profile back to draft, with history",
    async (status) => {
      const secretary = await createSecretary({ status });
      const result = await post(secretary.id, { intent: "unpublish" });
      expect(result.location).toBe("/compte/profil?retire=1");
      expect((await stored(secretary.id)).status).toBe("DRAFT");
      expect(await historyOf(secretary.profile.id)).toEqual([
        { from: status, to: "DRAFT", actorId: secretary.id, reason: null },
      ]);
    },
  );

  it("refuses to withdraw a draft", async () => {
    const secretary = await createSecretary();
    const result = await post(secretary.id, { intent: "unpublish" });
    expect(result.status).toBe(409);
    expect(result.data.message).toBe("Action impossible : le profil est « Brouillon ».");
    expect(await historyOf(secretary.profile.id)).toEqual([]);
  });

  it("refuses a business trying to withdraw anything", async () => {
    const business = await createBusiness();
    expect((await post(business.id, { intent: "unpublish" })).status).toBe(403);
  });
});

async function publishedSecretary(index: number, extra: { skills?: string[]; suspended?: boolean } = {}) {
  const secretary = await createSecretary({
    status: "PUBLISHED",
    headline: `Secrétaire ${index}`,
    suspended: extra.suspended,
  });
  await db.secretaryProfile.update({
    where: { id: secretary.profile.id },
    data: {
      publishedAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      skills: extra.skills ?? ["TYPING"],
      hourlyRateCents: 3000,
      onSite: true,
      baseCommune: "Lyon 3e Arrondissement",
      radiusKm: 15,
      baseLatitude: 45.7534,
      baseLongitude: 4.8692,
    },
  });
  return secretary;
}

const listPage = async (search = "") =>
  runRoute(secretaryList.loader, await getRequest(`/secretaires${search}`));
const headlines = (cards: { headline: string }[]) => cards.map((card) => card.headline);

describe("/secretaires", () => {
  beforeAll(async () => {
    // This block counts profiles: start from none, whatever earlier tests created.
    await db.secretaryProfile.deleteMany();
    for (let i = 1; i <= 23; i++)
      await publishedSecretary(i, { skills: i % 5 === 0 ? ["MAIL", "TYPING"] : ["TYPING"] });
    await createSecretary({ headline: "Brouillon" });
    await createSecretary({ status: "PENDING_REVIEW", headline: "En attente" });
    await createSecretary({ status: "REJECTED", headline: "Refusée" });
    await createSecretary({ status: "SUSPENDED", headline: "Suspendue" });
    await publishedSecretary(99, { suspended: true });
    // The list comes from the search index; these rows were written directly, so rebuild it.
    await reindexSecretaries();
  });

  it("lists only published profiles of active accounts, newest first, 20 per page with the exact total", async () => {
    const first = await listPage("?tri=recentes");
    expect(first.data.total).toBe(23);
    expect(first.data.totalPages).toBe(2);
    expect(first.data.cards).toHaveLength(20);
    expect(first.data.cards[0].headline).toBe("Secrétaire 23");
    expect(first.data.cards[19].headline).toBe("Secrétaire 4");
    const second = await listPage("?tri=recentes&page=2");
    expect(headlines(second.data.cards)).toEqual(["Secrétaire 3", "Secrétaire 2", "Secrétaire 1"]);
  });

  it("shows a card's public facts only", async () => {
    const { data } = await listPage("?tri=recentes");
    expect(data.cards[0]).toEqual({
      slug: expect.any(String),
      displayName: "Camille Test",
      initials: "CT",
      headline: "Secrétaire 23",
      skills: ["TYPING"],
      hourlyRateCents: 3000,
      remote: true,
      onSite: true,
      baseCommune: "Lyon 3e Arrondissement",
      radiusKm: 15,
      distanceKm: null,
      ratingAverage: null,
      ratingCount: 0,
      availableFrom: null,
      availabilityDays: [],
      verified: false,
      agencyName: null,
    });
    expect(JSON.stringify(data)).not.toMatch(/@exemple\.fr|45\.7534|latitude/);
  });

  it("answers a page past the end with an empty page, not an error", async () => {
    const result = await listPage("?page=9");
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ cards: [], total: 23, page: 9 });
  });

  it.each([["?page=abc"], ["?page=0"], ["?page=-1"]])("refuses %s with a French message", async (search) => {
    const result = await listPage(search);
    expect(result.status).toBe(400);
    expect(result.data.errors).toEqual(["Le numéro de page n’est pas valide."]);
  });

  it("filters by a skill of the taxonomy and refuses an unknown one", async () => {
    const mail = await listPage("?competence=MAIL");
    expect(mail.data.total).toBe(4);
    expect(mail.data.query.skills).toEqual(["MAIL"]);
    const unknown = await listPage("?competence=MAILS");
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors).toEqual(["Cette compétence n’existe pas."]);
    // The bad filter is set aside, not applied: every profile is listed.
    expect(unknown.data.total).toBe(23);
  });
});

const viewProfile = async (slug: string, userId?: string) =>
  runRoute(publicProfile.loader, await getRequest(`/secretaires/${slug}`, { userId }), { slug });

describe("/secretaires/:slug", () => {
  it("shows a published profile to anyone, as a DTO without e-mail, ids or coordinates", async () => {
    const secretary = await createSecretary();
    await save(secretary.id, { intent: "save" });
    await db.secretaryProfile.update({ where: { id: secretary.profile.id }, data: { status: "PUBLISHED" } });
    const result = await viewProfile(secretary.profile.slug);
    expect(result.status).toBe(200);
    expect(result.data.preview).toBe(false);
    expect(result.data.profile).toMatchObject({
      displayName: "Camille Test",
      headline: validForm.headline,
      bio: longBio,
      hourlyRateCents: 3250,
      baseCommune: "Lyon 3e Arrondissement",
      radiusKm: 20,
      availableFrom: "2026-11-26",
      availability: [
        { day: 1, start: "09:00", end: "12:00" },
        { day: 5, start: "14:00", end: "18:30" },
      ],
    });
    const json = JSON.stringify(result.data);
    expect(json).not.toContain(secretary.email);
    expect(json).not.toMatch(/45\.7534|4\.8692|69383|"userId"|"id"/);
  });

  it("answers 404 for a draft to visitors, other secretaries and businesses", async () => {
    const draft = await createSecretary({ headline: "Pas encore prête" });
    const otherSecretary = await createSecretary();
    const business = await createBusiness();
    for (const userId of [undefined, otherSecretary.id, business.id]) {
      const result = await viewProfile(draft.profile.slug, userId);
      expect(result.status).toBe(404);
      expect(result.data.message).toBe("Ce profil est introuvable.");
    }
  });

  it("lets the owner and staff preview a non-published profile", async () => {
    const pending = await createSecretary({ status: "PENDING_REVIEW", headline: "En relecture" });
    const moderator = await createStaff("MODERATOR");
    const admin = await createStaff("ADMIN");
    for (const userId of [pending.id, moderator.id, admin.id]) {
      const result = await viewProfile(pending.profile.slug, userId);
      expect(result.status).toBe(200);
      expect(result.data).toMatchObject({
        preview: true,
        profile: { headline: "En relecture", status: "PENDING_REVIEW" },
      });
    }
  });

  it("hides the published profile of a suspended account", async () => {
    const suspended = await createSecretary({ status: "PUBLISHED", suspended: true });
    expect((await viewProfile(suspended.profile.slug)).status).toBe(404);
  });

  it.each([["inconnue-12345"], ["../compte"], ["A-MAJUSCULE"]])(
    "answers 404 for the slug %s",
    async (slug) => {
      expect((await viewProfile(slug)).status).toBe(404);
    },
  );

  it("titles the page with the name and headline", () => {
    const tags = publicProfile.meta({
      data: { profile: { displayName: "Inès Martin", headline: "Télésecrétaire juridique" }, preview: false },
    } as unknown as Parameters<typeof publicProfile.meta>[0]);
    expect(tags).toContainEqual({ title: "Inès Martin — Télésecrétaire juridique — Permanence" });
  });
});
