import { beforeAll, describe, expect, it } from "vitest";
import { decide, mailsTo, pendingProfile, writesFor } from "#tests/factories/moderation";
import { createSecretary, createStaff } from "#tests/factories/users";

let moderator: { id: string };
let admin: { id: string };
beforeAll(async () => {
  moderator = await createStaff("MODERATOR", { displayName: "Marc Modérateur" });
  admin = await createStaff("ADMIN", { displayName: "Alice Admin" });
});

describe("decisions", () => {
  it("approves: publishes, writes history and audit, e-mails the public link", async () => {
    const secretary = await pendingProfile();
    const result = await decide(secretary.profile.id, { intent: "approve" }, moderator.id);
    expect(result.status).toBe(302);
    expect(result.location).toBe("/moderation?decision=approve");

    const { profile, history, audits } = await writesFor(secretary.profile.id);
    expect(profile.status).toBe("PUBLISHED");
    expect(profile.publishedAt).not.toBeNull();
    expect(history).toEqual([
      { from: "PENDING_REVIEW", to: "PUBLISHED", actorId: moderator.id, reason: null },
    ]);
    expect(audits).toEqual([
      {
        actorId: moderator.id,
        action: "PROFILE_APPROVE",
        reason: null,
        before: { status: "PENDING_REVIEW" },
        after: { status: "PUBLISHED" },
      },
    ]);
    const [mail] = await mailsTo(secretary.email);
    expect(mail?.subject).toBe("Votre profil est publié sur Permanence");
    expect(mail?.text).toContain(`/secretaires/${secretary.profile.slug}`);
  });

  it("rejects with a listed reason and details: the secretary gets both and a link to fix her profile", async () => {
    const secretary = await pendingProfile();
    const result = await decide(
      secretary.profile.id,
      {
        intent: "reject",
        reasonCode: "PROFILE_INCOMPLETE",
        reasonText: "Ajoutez vos disponibilités <b>svp</b>.",
      },
      admin.id,
    );
    expect(result.location).toBe("/moderation?decision=reject");
    const reason = "Profil incomplet — Ajoutez vos disponibilités <b>svp</b>.";
    const { profile, history, audits } = await writesFor(secretary.profile.id);
    expect(profile.status).toBe("REJECTED");
    expect(history).toEqual([{ from: "PENDING_REVIEW", to: "REJECTED", actorId: admin.id, reason }]);
    expect(audits).toEqual([
      {
        actorId: admin.id,
        action: "PROFILE_REJECT",
        reason,
        before: { status: "PENDING_REVIEW" },
        after: { status: "REJECTED" },
      },
    ]);
    const [mail] = await mailsTo(secretary.email);
    expect(mail?.subject).toBe("Votre profil doit être complété avant publication");
    expect(mail?.text).toContain(`Motif : ${reason}`);
    expect(mail?.text).toContain("/compte/profil");
    expect(mail?.html).not.toContain("<b>svp</b>");
  });

  it("rejects with OTHER using the moderator's own words", async () => {
    const secretary = await pendingProfile();
    await decide(
      secretary.profile.id,
      { intent: "reject", reasonCode: "OTHER", reasonText: "Photo floue." },
      moderator.id,
    );
    expect((await writesFor(secretary.profile.id)).history[0]?.reason).toBe("Photo floue.");
  });

  it("suspends a published profile, then reinstates it", async () => {
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const suspended = await decide(
      secretary.profile.id,
      { intent: "suspend", reasonText: "Signalements répétés" },
      moderator.id,
    );
    expect(suspended.location).toBe(`/moderation/profils/${secretary.profile.id}?decision=suspend`);
    expect((await writesFor(secretary.profile.id)).profile.status).toBe("SUSPENDED");

    const reinstated = await decide(
      secretary.profile.id,
      { intent: "reinstate", reasonText: "Vérification faite" },
      admin.id,
    );
    expect(reinstated.location).toBe(`/moderation/profils/${secretary.profile.id}?decision=reinstate`);
    const { profile, history, audits } = await writesFor(secretary.profile.id);
    expect(profile.status).toBe("PUBLISHED");
    expect(history).toEqual([
      { from: "PUBLISHED", to: "SUSPENDED", actorId: moderator.id, reason: "Signalements répétés" },
      { from: "SUSPENDED", to: "PUBLISHED", actorId: admin.id, reason: "Vérification faite" },
    ]);
    expect(audits.map((a) => [a.action, a.before, a.after])).toEqual([
      ["PROFILE_SUSPEND", { status: "PUBLISHED" }, { status: "SUSPENDED" }],
      ["PROFILE_REINSTATE", { status: "SUSPENDED" }, { status: "PUBLISHED" }],
    ]);
    const subjects = (await mailsTo(secretary.email)).map((m) => m.subject).sort();
    expect(subjects).toEqual(["Votre profil est de nouveau visible", "Votre profil est suspendu"]);
  });

  it.each([
    ["a rejection without a reason", { intent: "reject" }, "reasonCode", "Choisissez un motif de refus."],
    [
      "an unknown reason code",
      { intent: "reject", reasonCode: "TOO_EXPENSIVE" },
      "reasonCode",
      "Choisissez un motif de refus.",
    ],
    [
      "OTHER without details",
      { intent: "reject", reasonCode: "OTHER", reasonText: "  " },
      "reasonText",
      "Précisez le motif du refus.",
    ],
    [
      "details over 1000 characters",
      { intent: "reject", reasonCode: "MISLEADING", reasonText: "x".repeat(1001) },
      "reasonText",
      "Le motif ne doit pas dépasser 1\u00a0000 caractères.",
    ],
    [
      "a suspension without a reason",
      { intent: "suspend", reasonText: "" },
      "reasonText",
      "Indiquez le motif de la suspension.",
    ],
    ["an unknown decision", { intent: "delete" }, "intent", "Choisissez une décision."],
  ])("refuses %s with a French message and writes nothing", async (_label, fields, field, message) => {
    const secretary = await pendingProfile();
    const result = await decide(secretary.profile.id, fields, moderator.id);
    expect(result.status).toBe(400);
    expect(result.data.error[field]).toContain(message);
    const { profile, history, audits } = await writesFor(secretary.profile.id);
    expect(profile.status).toBe("PENDING_REVIEW");
    expect(history).toEqual([]);
    expect(audits).toEqual([]);
    expect(await mailsTo(secretary.email)).toEqual([]);
  });

  it("answers 409 when another moderator decided first, and changes nothing more", async () => {
    const secretary = await pendingProfile();
    await decide(secretary.profile.id, { intent: "approve" }, admin.id);
    const late = await decide(
      secretary.profile.id,
      { intent: "reject", reasonCode: "INAPPROPRIATE" },
      moderator.id,
    );
    expect(late.status).toBe(409);
    expect(late.data.error[""]).toEqual([
      "Ce profil n’est plus « En attente de validation » : il est maintenant « Publié ». " +
        "Un autre membre de l’équipe l’a sans doute traité entre-temps ; votre décision n’a pas été enregistrée.",
    ]);
    const { profile, history, audits } = await writesFor(secretary.profile.id);
    expect(profile.status).toBe("PUBLISHED");
    expect(history).toHaveLength(1);
    expect(audits.map((a) => a.action)).toEqual(["PROFILE_APPROVE"]);
    expect(await mailsTo(secretary.email)).toHaveLength(1);
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const secretary = await pendingProfile();
    const results = await Promise.all([
      decide(secretary.profile.id, { intent: "approve" }, admin.id),
      decide(secretary.profile.id, { intent: "reject", reasonCode: "MISLEADING" }, moderator.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const { history, audits } = await writesFor(secretary.profile.id);
    expect(history).toHaveLength(1);
    expect(audits).toHaveLength(1);
  });

  it("does not suspend a profile that is still pending (409)", async () => {
    const secretary = await pendingProfile();
    const result = await decide(
      secretary.profile.id,
      { intent: "suspend", reasonText: "Spam" },
      moderator.id,
    );
    expect(result.status).toBe(409);
    expect((await writesFor(secretary.profile.id)).profile.status).toBe("PENDING_REVIEW");
  });
});
