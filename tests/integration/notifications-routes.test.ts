// The notification pages: each role sees and changes only its own; unsubscribing works without a
// login with the e-mail's token and refuses anything else without side effects.
import { describe, expect, it } from "vitest";
import { notify } from "#app/domain/notifications/notifications.server";
import { unsubscribeToken } from "#app/domain/notifications/unsubscribe-token.server";
import { db } from "#app/lib/db.server";
import * as preferences from "#app/routes/compte+/notifications";
import * as list from "#app/routes/notifications+/_index";
import * as unsubscribePage from "#app/routes/notifications+/desabonnement";
import { notificationsOf } from "#tests/factories/notifications";
import { createAgencyOwner, createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const roles = {
  business: () => createBusiness(),
  secretary: () => createSecretary(),
  "agency owner": () => createAgencyOwner(),
  moderator: () => createStaff(),
};

async function notified(userId: string, title: string, link: string | null = "/compte/paiements") {
  await notify(db, { userIds: [userId], type: "PAYMENT_RECEIVED", title, body: "", link });
  return (await notificationsOf(userId)).find((n) => n.title === title)!;
}

const emailModeOf = async (userId: string) =>
  (await db.notificationPreference.findUnique({ where: { userId } }))?.emailMode ?? "IMMEDIATE (défaut)";

describe("/notifications", () => {
  it("sends anonymous visitors to the login page, for the list and its actions", async () => {
    const page = await runRoute(list.loader, await getRequest("/notifications"));
    expect(page).toMatchObject({ status: 302, location: "/connexion?redirectTo=%2Fnotifications" });
    const post = await runRoute(list.action, await formRequest("/notifications", { intent: "read-all" }));
    expect(post.status).toBe(302);
    expect(post.location).toMatch(/^\/connexion/);
  });

  for (const [role, create] of Object.entries(roles)) {
    it(`shows a ${role} only their own notifications`, async () => {
      const [user, other] = [await create(), await createBusiness()];
      await notified(user.id, "Le mien");
      await notified(other.id, "Pas le mien");
      const page = await runRoute(list.loader, await getRequest("/notifications", { userId: user.id }));
      expect(page.status).toBe(200);
      expect(page.data.items.map((i: { title: string }) => i.title)).toEqual(["Le mien"]);
      expect(page.data.unread).toBe(1);
    });
  }

  it("following a notification marks it read and goes where it leads; someone else's is 404", async () => {
    const [user, other] = [await createSecretary(), await createSecretary()];
    const mine = await notified(user.id, "Paiement envoyé");
    const stolen = await runRoute(
      list.action,
      await formRequest("/notifications", { intent: "open", notificationId: mine.id }, { userId: other.id }),
    );
    expect(stolen.status).toBe(404);
    expect((await notificationsOf(user.id))[0]!.readAt).toBeNull();
    const opened = await runRoute(
      list.action,
      await formRequest("/notifications", { intent: "open", notificationId: mine.id }, { userId: user.id }),
    );
    expect(opened).toMatchObject({ status: 302, location: "/compte/paiements" });
    expect((await notificationsOf(user.id))[0]!.readAt).not.toBeNull();
  });

  it("never redirects off the site, even if a stored link says so", async () => {
    const user = await createBusiness();
    const links = ["//evil.example/x", "/\\evil.example/x", "/\t/evil.example", "https://evil.example"];
    for (const [i, link] of links.entries()) {
      const odd = await notified(user.id, `Lien étrange ${i}`, link);
      const opened = await runRoute(
        list.action,
        await formRequest("/notifications", { intent: "open", notificationId: odd.id }, { userId: user.id }),
      );
      expect(opened.location, link).toBe("/notifications");
    }
  });

  it("marks all read; refuses a post without the CSRF token and an unknown intent", async () => {
    const user = await createBusiness();
    await notified(user.id, "Un");
    await notified(user.id, "Deux");
    const forged = await runRoute(
      list.action,
      await formRequest("/notifications", { intent: "read-all" }, { userId: user.id, csrf: false }),
    );
    expect(forged.status).toBe(403);
    const unknown = await runRoute(
      list.action,
      await formRequest("/notifications", { intent: "delete" }, { userId: user.id }),
    );
    expect(unknown.status).toBe(400);
    expect((await notificationsOf(user.id)).every((n) => n.readAt === null)).toBe(true);
    const done = await runRoute(
      list.action,
      await formRequest("/notifications", { intent: "read-all" }, { userId: user.id }),
    );
    expect(done).toMatchObject({ status: 302, location: "/notifications" });
    expect((await notificationsOf(user.id)).every((n) => n.readAt !== null)).toBe(true);
  });
});

describe("/compte/notifications", () => {
  it("sends anonymous visitors to the login page", async () => {
    const page = await runRoute(preferences.loader, await getRequest("/compte/notifications"));
    expect(page.status).toBe(302);
    const post = await runRoute(
      preferences.action,
      await formRequest("/compte/notifications", { emailMode: "NEVER" }),
    );
    expect(post.status).toBe(302);
  });

  for (const [role, create] of Object.entries(roles)) {
    it(`lets a ${role} choose their own e-mail frequency, and only theirs`, async () => {
      const [user, other] = [await create(), await createBusiness()];
      const page = await runRoute(
        preferences.loader,
        await getRequest("/compte/notifications", { userId: user.id }),
      );
      expect(page.data).toEqual({ emailMode: "IMMEDIATE" });
      const saved = await runRoute(
        preferences.action,
        await formRequest("/compte/notifications", { emailMode: "DAILY" }, { userId: user.id }),
      );
      expect(saved.data).toMatchObject({ ok: true });
      expect(await emailModeOf(user.id)).toBe("DAILY");
      expect(await emailModeOf(other.id)).toBe("IMMEDIATE (défaut)");
    });
  }

  it("refuses an unknown choice (400, French message) and a post without the CSRF token", async () => {
    const user = await createSecretary();
    const bad = await runRoute(
      preferences.action,
      await formRequest("/compte/notifications", { emailMode: "HOURLY" }, { userId: user.id }),
    );
    expect(bad).toMatchObject({
      status: 400,
      data: { ok: false, message: "Choisissez une fréquence d’e-mails." },
    });
    const forged = await runRoute(
      preferences.action,
      await formRequest("/compte/notifications", { emailMode: "NEVER" }, { userId: user.id, csrf: false }),
    );
    expect(forged.status).toBe(403);
    expect(await emailModeOf(user.id)).toBe("IMMEDIATE (défaut)");
  });
});

describe("/notifications/desabonnement", () => {
  const path = (token: string) => `/notifications/desabonnement?token=${encodeURIComponent(token)}`;

  it("with the e-mail's token: a confirmation page, then NEVER, without logging in", async () => {
    const user = await createSecretary();
    const token = unsubscribeToken(user.id);
    const page = await runRoute(unsubscribePage.loader, await getRequest(path(token)));
    expect(page).toMatchObject({ status: 200, data: { ok: true, token, alreadyOff: false } });
    expect(await emailModeOf(user.id)).toBe("IMMEDIATE (défaut)");
    const done = await runRoute(unsubscribePage.action, await formRequest(path(token), { token }));
    expect(done.data).toMatchObject({ done: true });
    expect(await emailModeOf(user.id)).toBe("NEVER");
  });

  it("a bad, forged or missing token: a clear French error and nothing changes", async () => {
    const [user, victim] = [await createSecretary(), await createBusiness()];
    const forged = `${victim.id}.${unsubscribeToken(user.id).split(".")[1]}`;
    for (const token of [forged, "n-importe-quoi", `${unsubscribeToken(victim.id)}0`]) {
      const page = await runRoute(unsubscribePage.loader, await getRequest(path(token)));
      expect(page.status).toBe(400);
      expect(page.data).toMatchObject({
        ok: false,
        message: expect.stringMatching(/lien de désabonnement n’est pas valide/),
      });
      const post = await runRoute(unsubscribePage.action, await formRequest(path(token), { token }));
      expect(post.status).toBe(400);
    }
    const missing = await runRoute(unsubscribePage.loader, await getRequest("/notifications/desabonnement"));
    expect(missing.status).toBe(400);
    // A token only in the form (not the link) still needs the CSRF token.
    const noCsrf = await runRoute(
      unsubscribePage.action,
      await formRequest(
        "/notifications/desabonnement",
        { token: unsubscribeToken(victim.id) },
        { csrf: false },
      ),
    );
    expect(noCsrf.status).toBe(403);
    // A bad token in the link, whatever the form says: refused.
    const badLink = await runRoute(
      unsubscribePage.action,
      await formRequest(path("x"), { token: unsubscribeToken(victim.id) }, { csrf: false }),
    );
    expect(badLink.status).toBe(400);
    expect(await emailModeOf(victim.id)).toBe("IMMEDIATE (défaut)");
  });

  it("one-click (RFC 8058): the mail client's POST to the link, no cookie and no CSRF token, unsubscribes", async () => {
    const user = await createSecretary();
    const request = new Request(new URL(path(unsubscribeToken(user.id)), "http://localhost:3000"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const done = await runRoute(unsubscribePage.action, request);
    expect(done).toMatchObject({ status: 200, data: { done: true } });
    expect(await emailModeOf(user.id)).toBe("NEVER");
  });
});
