import { describe, expect, it } from "vitest";
import { canDecideOnProfile, canManageStaff, canModerate } from "#app/domain/moderation/moderation.policy";
import { decisionReason, decisionSchema, parseJournalQuery } from "#app/domain/moderation/moderation.schema";

describe("canModerate", () => {
  it.each([
    ["a moderator", { role: "MODERATOR" }, true],
    ["an admin", { role: "ADMIN" }, true],
    ["a marketplace user", { role: "USER" }, false],
    ["an unknown role", { role: "SUPERUSER" }, false],
    ["a suspended moderator", { role: "MODERATOR", suspended: true }, false],
    ["a suspended admin", { role: "ADMIN", suspended: true }, false],
    ["nobody", null, false],
  ])("%s → %s", (_label, user, allowed) => {
    expect(canModerate(user)).toBe(allowed);
  });
});

describe("canDecideOnProfile", () => {
  const profile = { userId: "owner" };
  it("lets a moderator decide on someone else's profile", () => {
    expect(canDecideOnProfile({ id: "mod", role: "MODERATOR" }, profile)).toBe(true);
  });
  it("never lets anyone decide on their own profile", () => {
    expect(canDecideOnProfile({ id: "owner", role: "ADMIN" }, profile)).toBe(false);
  });
  it("refuses a non-staff user and an actor without id", () => {
    expect(canDecideOnProfile({ id: "x", role: "USER" }, profile)).toBe(false);
    expect(canDecideOnProfile({ role: "MODERATOR" }, profile)).toBe(false);
  });
});

describe("canManageStaff", () => {
  it("is for admins only", () => {
    expect(canManageStaff({ role: "ADMIN" })).toBe(true);
    expect(canManageStaff({ role: "MODERATOR" })).toBe(false);
    expect(canManageStaff({ role: "ADMIN", suspended: true })).toBe(false);
  });
});

describe("decision schema", () => {
  it("requires a reason code to reject and details when the reason is OTHER", () => {
    const missing = decisionSchema.safeParse({ intent: "reject" });
    expect(missing.error?.flatten().fieldErrors.reasonCode).toEqual(["Choisissez un motif de refus."]);
    const other = decisionSchema.safeParse({ intent: "reject", reasonCode: "OTHER" });
    expect(other.error?.flatten().fieldErrors.reasonText).toEqual(["Précisez le motif du refus."]);
  });

  it("caps the free text at 1000 characters", () => {
    const long = decisionSchema.safeParse({ intent: "suspend", reasonText: "x".repeat(1001) });
    expect(long.error?.flatten().fieldErrors.reasonText).toEqual([
      "Le motif ne doit pas dépasser 1\u00a0000 caractères.",
    ]);
    expect(decisionSchema.safeParse({ intent: "suspend", reasonText: "x".repeat(1000) }).success).toBe(true);
  });

  it("refuses an unknown intent", () => {
    expect(decisionSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });

  it("builds the reason the secretary reads", () => {
    expect(decisionReason({ intent: "approve" })).toBeNull();
    expect(decisionReason({ intent: "reject", reasonCode: "RATE_UNREALISTIC" })).toBe("Tarif irréaliste");
    expect(
      decisionReason({
        intent: "reject",
        reasonCode: "PROFILE_INCOMPLETE",
        reasonText: "Ajoutez vos tarifs.",
      }),
    ).toBe("Profil incomplet — Ajoutez vos tarifs.");
    expect(decisionReason({ intent: "reject", reasonCode: "OTHER", reasonText: "Photo floue." })).toBe(
      "Photo floue.",
    );
    expect(decisionReason({ intent: "suspend", reasonText: "Signalements répétés" })).toBe(
      "Signalements répétés",
    );
  });
});

describe("journal query", () => {
  it("treats empty values as no filter and defaults to page 1", () => {
    const parsed = parseJournalQuery(new URLSearchParams("action=&actor=&page="));
    expect(parsed.data).toEqual({ page: 1 });
  });
  it.each(["action=drop table", "actor=a%20b", "page=0", "page=abc"])("refuses %s", (search) => {
    expect(parseJournalQuery(new URLSearchParams(search)).success).toBe(false);
  });
});
