import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "#app/domain/moderation/audit.server";
import { db } from "#app/lib/db.server";
import * as journal from "#app/routes/moderation+/journal";
import { decide, pendingProfile } from "#tests/factories/moderation";
import { createStaff } from "#tests/factories/users";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

let moderator: { id: string };
beforeAll(async () => {
  moderator = await createStaff("MODERATOR", { displayName: "Marc Modérateur" });
});

describe("journal", () => {
  const journalAs = async (userId: string, search = "") =>
    runRoute(journal.loader, await getRequest(`/moderation/journal${search}`, { userId }));

  it("lists actions newest first and filters by action and by actor", async () => {
    const first = await createStaff("MODERATOR", { displayName: "Jeanne Journal" });
    const second = await createStaff("MODERATOR", { displayName: "Paul Journal" });
    const a = await pendingProfile();
    const b = await pendingProfile();
    await decide(a.profile.id, { intent: "approve" }, first.id);
    await decide(b.profile.id, { intent: "reject", reasonCode: "RATE_UNREALISTIC" }, second.id);

    const all = await journalAs(first.id);
    expect(all.status).toBe(200);
    const targets = all.data.entries.map((e: { targetId: string }) => e.targetId);
    expect(targets.indexOf(b.profile.id)).toBeLessThan(targets.indexOf(a.profile.id));
    expect(all.data.options.actors.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(["Jeanne Journal", "Paul Journal"]),
    );

    const rejects = await journalAs(first.id, "?action=PROFILE_REJECT");
    expect(rejects.data.entries.length).toBeGreaterThan(0);
    expect(rejects.data.entries.every((e: { action: string }) => e.action === "PROFILE_REJECT")).toBe(true);

    const bySecond = await journalAs(first.id, `?actor=${second.id}`);
    expect(bySecond.data.entries).toEqual([
      expect.objectContaining({
        actorName: "Paul Journal",
        action: "PROFILE_REJECT",
        targetId: b.profile.id,
        reason: "Tarif irréaliste",
      }),
    ]);
    const both = await journalAs(first.id, `?actor=${second.id}&action=PROFILE_APPROVE`);
    expect(both.data.entries).toEqual([]);
    expect(both.data.total).toBe(0);
  });

  it("pages by 50", async () => {
    const busy = await createStaff("ADMIN", { displayName: "Bruno Occupé" });
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 53; i++) {
        await audit.recordAudit(tx, {
          actorId: busy.id,
          action: "PROFILE_APPROVE",
          targetType: "SecretaryProfile",
          targetId: `p${i}`,
        });
      }
    });
    const page1 = await journalAs(busy.id, `?actor=${busy.id}`);
    expect(page1.data.entries).toHaveLength(50);
    expect(page1.data.total).toBe(53);
    expect(page1.data.pageCount).toBe(2);
    const page2 = await journalAs(busy.id, `?actor=${busy.id}&page=2`);
    expect(page2.data.entries).toHaveLength(3);
    const seen = new Set([...page1.data.entries, ...page2.data.entries].map((e: { id: string }) => e.id));
    expect(seen.size).toBe(53);
  });

  it.each([
    ["?action=drop%20table", "Ce filtre d’action n’est pas valide."],
    ["?actor=%3Cscript%3E", "Ce filtre de membre de l’équipe n’est pas valide."],
    ["?page=-1", "Le numéro de page n’est pas valide."],
  ])("answers 400 for %s", async (search, message) => {
    const result = await journalAs(moderator.id, search);
    expect(result.status).toBe(400);
    expect(result.data.message).toBe(message);
  });

  it("offers no way to change or delete an entry", () => {
    // Reads and the one append; findLatestAuditEntry is a read (a reinstatement undoes the suspension it finds).
    expect(Object.keys(audit).sort()).toEqual([
      "findLatestAuditEntry",
      "listAuditEntries",
      "listAuditFilterOptions",
      "recordAudit",
    ]);
    expect("action" in journal).toBe(false);
  });
});
