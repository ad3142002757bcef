// Who is notified by each event, grouping, e-mail routing by preference, and who may read what.
import { afterEach, describe, expect, it } from "vitest";
import { acceptProposal } from "#app/domain/contracts/contract-creation.server";
import { addDays, parisToday } from "#app/domain/missions/schedule";
import {
  notify,
  markNotificationRead,
  markAllRead,
  notifyMessageReceived,
  publishNotifications,
  unsubscribe,
  updatePreferences,
  countUnreadNotifications,
  listNotifications,
} from "#app/domain/notifications/notifications.server";
import { notificationEmail } from "#app/domain/notifications/notification-emails";
import { unsubscribeToken } from "#app/domain/notifications/unsubscribe-token.server";
import { declineProposal } from "#app/domain/proposals/proposal-decisions.server";
import { submitProposal } from "#app/domain/proposals/proposals.server";
import { recordTransfer } from "#app/domain/payments/payment-release.server";
import { findPayouts } from "#app/domain/payments/payments.repo.server";
import { autoApproveDueWork } from "#app/domain/work/work-auto-approval.server";
import { logTimeEntry } from "#app/domain/work/work-entries.server";
import { approveAll, disputeWork } from "#app/domain/work/work-review.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import * as missionReview from "#app/routes/moderation+/missions.$missionId";
import * as offerPage from "#app/routes/secretaires+/$slug_.offre";
import { createContract } from "#tests/factories/contracts";
import { createLiveProposal, openMissionFor } from "#tests/factories/contract-proposals";
import { createMission } from "#tests/factories/mission-rows";
import { decide, mailsTo, pendingProfile } from "#tests/factories/moderation";
import {
  addMember,
  notificationsOf,
  outboxTo,
  recordingBus,
  setEmailMode,
} from "#tests/factories/notifications";
import { createBid, openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createBusiness, createSecretary, createStaff } from "#tests/factories/users";
import { createPayment } from "#tests/factories/payments";
import { createEntry } from "#tests/factories/work";
import { formRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

const day = (n: number) => addDays(parisToday(), n);
const NOW = new Date("2026-11-29T12:00:00Z");

async function rejected(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

afterEach(() => recordingBus().reset());

describe("fan-out of each event", () => {
  it("a proposal submitted notifies every member of the mission's business, with an e-mail each", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const colleague = await createSecretary({ displayName: "Julie Collègue" });
    await addMember(business.organization.id, colleague);
    const secretary = await publishedSecretary("Claire Morel");
    const { published } = recordingBus();
    const result = await submitProposal({
      actorId: secretary.id,
      missionId: mission.id,
      input: {
        coverLetter: "Secrétaire médicale depuis dix ans.",
        startDate: day(7),
        memberIds: [],
        terms: { hourlyRateCents: 2800, taskPrices: [], fixedAmountCents: null, milestones: [] },
      },
    });
    expect(result.ok).toBe(true);
    for (const user of [business, colleague]) {
      const [n] = await notificationsOf(user.id);
      expect(n).toMatchObject({
        type: "PROPOSAL_RECEIVED",
        link: `/missions/${mission.id}/propositions`,
        emailState: "QUEUED",
        readAt: null,
      });
      expect(n!.body).toContain("Claire Morel");
      const [mail] = await outboxTo(user.email);
      expect(mail).toMatchObject({ status: "PENDING", kind: "PROPOSAL_RECEIVED", userId: user.id });
      expect(mail!.subject).toMatch(/^Nouvelle proposition/);
      expect(mail!.text).toContain("/notifications/desabonnement?token=");
    }
    expect(await notificationsOf(secretary.id)).toEqual([]);
    expect(published).toContainEqual({
      rooms: `user:${business.id}`,
      event: "notification:count",
      payload: { unread: 1 },
    });
    expect(published.some((p) => p.event === "notification:new" && p.rooms === `user:${colleague.id}`)).toBe(
      true,
    );
  });

  it("a declined bid notifies the bidder with the business's message", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const bid = await createBid(mission.id, secretary);
    await declineProposal({ actorId: business.id, proposalId: bid.id, message: "Poste pourvu en interne." });
    const [n] = await notificationsOf(secretary.id);
    expect(n).toMatchObject({ type: "PROPOSAL_DECLINED", link: "/compte/propositions" });
    expect(n!.body).toContain("Poste pourvu en interne.");
    expect(await notificationsOf(business.id)).toEqual([]);
  });

  it("an accepted bid: one notice for the bidder, the other members asked to accept, not the actor", async () => {
    const business = await createBusiness();
    const mission = await openMissionFor(business, { endDate: new Date("2027-03-31T00:00:00Z") });
    const colleague = await createBusiness();
    await addMember(business.organization.id, colleague);
    const secretary = await createSecretary({ status: "PUBLISHED" });
    const proposal = await createLiveProposal({ missionId: mission.id, bidder: secretary });
    const { contractId } = await acceptProposal({ actorId: business.id, proposalId: proposal.id });
    const types = (rows: { type: string; link: string | null }[]) => rows.map((r) => [r.type, r.link]);
    // The accepted bid already says "relisez et acceptez le contrat": one notice, not two.
    expect(types(await notificationsOf(secretary.id))).toEqual([
      ["PROPOSAL_ACCEPTED", `/contrats/${contractId}`],
    ]);
    expect(await outboxTo(secretary.email)).toHaveLength(1);
    // The member who accepted is not told of her own action; her colleague is.
    expect(await notificationsOf(business.id)).toEqual([]);
    expect(types(await notificationsOf(colleague.id))).toEqual([
      ["CONTRACT_TO_ACCEPT", `/contrats/${contractId}`],
    ]);
  });

  it("a direct offer notifies the secretary it is addressed to", async () => {
    const business = await createBusiness();
    const secretary = await publishedSecretary();
    const request = await formRequest(
      `/secretaires/${secretary.profile.slug}/offre`,
      {
        title: "Remplacement à l’accueil",
        description: "Accueil téléphonique du cabinet pendant deux semaines.",
        skills: ["PHONE_ANSWERING"],
        billingMode: "FIXED",
        fixedAmount: "900",
        hourlyRate: "",
        startDate: day(10),
        endDate: day(24),
        message: "Seriez-vous disponible ?",
      },
      { userId: business.id },
    );
    expect((await runRoute(offerPage.action, request, { slug: secretary.profile.slug })).status).toBe(302);
    const [n] = await notificationsOf(secretary.id);
    expect(n).toMatchObject({ type: "OFFER_RECEIVED", link: "/compte/propositions" });
    expect(n!.title).toContain("Remplacement à l’accueil");
  });

  it("disputed work notifies the worker; approvals of one day are grouped into one line", async () => {
    const c = await createContract({ billingMode: "HOURLY" });
    const entry = () =>
      createEntry({ contractId: c.contract.id, assigneeId: c.primaryAssigneeId, date: "2026-11-20" });
    const disputed = await entry();
    await disputeWork({
      actorId: c.business.id,
      entryId: disputed.id,
      reason: "Heures non prévues",
      now: NOW,
    });
    const [a, b] = [await entry(), await entry()];
    await approveAll({ actorId: c.business.id, contractId: c.contract.id, entryIds: [a.id, b.id], now: NOW });
    const rows = await notificationsOf(c.secretary.id);
    expect(rows.map((r) => [r.type, r.count, r.link])).toEqual(
      expect.arrayContaining([
        ["WORK_DISPUTED", 1, `/contrats/${c.contract.id}/travail`],
        ["WORK_APPROVED", 2, `/contrats/${c.contract.id}/travail`],
      ]),
    );
    expect(rows).toHaveLength(2);
    // One e-mail for the grouped line, not one per approved entry.
    const mails = await db.emailOutbox.findMany({ where: { userId: c.secretary.id } });
    expect(mails.map((m) => m.kind).sort()).toEqual(["WORK_APPROVED", "WORK_DISPUTED"]);
  });

  it("a moderation decision notifies the owner in-app only: the decision e-mail is still sent once", async () => {
    const moderator = await createStaff();
    const secretary = await pendingProfile();
    await decide(secretary.profile.id, { intent: "approve" }, moderator.id);
    const [n] = await notificationsOf(secretary.id);
    expect(n).toMatchObject({ type: "MODERATION_OUTCOME", link: "/compte/profil", emailState: "NONE" });
    expect(await outboxTo(secretary.email)).toEqual([]);
    expect(await mailsTo(secretary.email)).toHaveLength(1);
  });
});

describe("fan-out of work and money events", () => {
  it("work logged twice on one day is one 'travail à valider' line for the business", async () => {
    const c = await createContract({ billingMode: "HOURLY", startDate: "2026-11-02" });
    const log = (minutes: number) =>
      logTimeEntry({
        actorId: c.secretary.id,
        contractId: c.contract.id,
        input: { date: "2026-11-27", description: "Standard", minutes } as never,
        now: NOW,
      });
    await log(60);
    await log(30);
    expect(await notificationsOf(c.business.id)).toMatchObject([
      { type: "WORK_SUBMITTED", count: 2, link: `/contrats/${c.contract.id}/travail` },
    ]);
    expect(await notificationsOf(c.secretary.id)).toEqual([]);
  });

  it("automatic approval tells the worker once per contract and day", async () => {
    const c = await createContract({ billingMode: "HOURLY", reviewWindowDays: 7 });
    const submittedAt = new Date(NOW.getTime() - 8 * 86_400_000);
    for (const date of ["2026-11-18", "2026-11-19"])
      await createEntry({ contractId: c.contract.id, assigneeId: c.primaryAssigneeId, date, submittedAt });
    expect(await autoApproveDueWork(NOW)).toBe(2);
    expect(await notificationsOf(c.secretary.id)).toMatchObject([{ type: "WORK_APPROVED", count: 2 }]);
  });

  it("a transfer recorded for a payee notifies her, with the amount", async () => {
    const c = await createContract({ billingMode: "HOURLY" });
    const share = {
      payeeKey: `user:${c.secretary.id}`,
      payeeUserId: c.secretary.id,
      workAmountCents: 30000,
      feeCents: 3000,
    };
    const payment = await createPayment({
      contractId: c.contract.id,
      status: "SUCCEEDED",
      amountCents: 36000,
      feeCents: 3000,
      shares: [share],
    });
    const [payout] = await findPayouts(db, payment.id);
    await recordTransfer({ id: payment.id, contractId: c.contract.id }, payout!, "tr_test_1");
    await recordTransfer({ id: payment.id, contractId: c.contract.id }, payout!, "tr_test_1");
    const rows = await notificationsOf(c.secretary.id);
    expect(rows).toMatchObject([{ type: "PAYMENT_RECEIVED", link: "/compte/paiements" }]);
    expect(rows[0]!.title).toMatch(/^Paiement de 270,00\s€ envoyé$/);
  });

  it("a decision on a mission notifies its author in-app", async () => {
    const moderator = await createStaff();
    const business = await createBusiness();
    const mission = await createMission(business, { status: "PENDING_REVIEW", title: "Accueil du cabinet" });
    const request = await formRequest(
      `/moderation/missions/${mission.id}`,
      { intent: "request-changes", reasonText: "Précisez les horaires." },
      { userId: moderator.id },
    );
    await runRoute(missionReview.action, request, { missionId: mission.id });
    const [n] = await notificationsOf(business.id);
    expect(n).toMatchObject({
      type: "MODERATION_OUTCOME",
      link: `/missions/${mission.id}`,
      body: "Motif : Précisez les horaires.",
    });
    expect(n!.title).toContain("« Accueil du cabinet »");
  });
});

describe("notify", () => {
  it("groups by groupKey while unread: count, newest text, moved to the top, one e-mail", async () => {
    const user = await createBusiness();
    const first = new Date("2026-11-29T08:00:00Z");
    const later = new Date("2026-11-29T09:00:00Z");
    const base = {
      userIds: [user.id],
      type: "MESSAGE_RECEIVED" as const,
      link: "/messages/c1",
      groupKey: "conversation:c1",
    };
    await notify(db, { ...base, title: "Message de Claire", body: "Bonjour", now: first });
    await notify(db, { ...base, title: "Message de Claire", body: "Vous êtes là ?", now: later });
    const [row] = await notificationsOf(user.id);
    expect(await notificationsOf(user.id)).toHaveLength(1);
    expect(row).toMatchObject({ count: 2, body: "Vous êtes là ?", createdAt: later });
    expect(await outboxTo(user.email)).toHaveLength(1);
    await markNotificationRead({ actorId: user.id, notificationId: row!.id });
    await notify(db, { ...base, title: "Message de Claire", body: "Encore moi", now: later });
    expect((await notificationsOf(user.id)).map((r) => r.count)).toEqual([2, 1]);
  });

  it("routes e-mail by preference: IMMEDIATE → outbox, DAILY → digest, NEVER → skipped", async () => {
    const [now, daily, never] = [await createBusiness(), await createBusiness(), await createBusiness()];
    await setEmailMode(daily.id, "DAILY");
    await updatePreferences({ actorId: never.id, input: { emailMode: "NEVER" } });
    await notify(db, {
      userIds: [now.id, daily.id, never.id],
      type: "PAYMENT_RECEIVED",
      title: "Paiement",
      body: "",
      link: null,
    });
    expect((await notificationsOf(now.id))[0]!.emailState).toBe("QUEUED");
    expect((await notificationsOf(daily.id))[0]!.emailState).toBe("DIGEST");
    expect((await notificationsOf(never.id))[0]!.emailState).toBe("SKIPPED");
    expect(await outboxTo(now.email)).toHaveLength(1);
    expect(await outboxTo(daily.email)).toHaveLength(0);
    expect(await outboxTo(never.email)).toHaveLength(0);
    expect(
      await rejected(updatePreferences({ actorId: now.id, input: { emailMode: "WEEKLY" } })),
    ).toMatchObject({
      code: "VALIDATION",
    });
  });

  it("a message notifies only the recipients who are offline, grouped per conversation", async () => {
    const [online, offline] = [await createBusiness(), await createBusiness()];
    const { published } = recordingBus([online.id]);
    const message = { recipientIds: [online.id, offline.id], conversationId: "conv-1", senderName: "Claire" };
    await notifyMessageReceived({ ...message, excerpt: "Le patient M. Durand rappellera" });
    await notifyMessageReceived({ ...message, excerpt: "Rappel" });
    expect(await notificationsOf(online.id)).toEqual([]);
    expect(await notificationsOf(offline.id)).toMatchObject([
      {
        type: "MESSAGE_RECEIVED",
        count: 2,
        body: "Rappel",
        link: "/messages/conv-1",
        groupKey: "conversation:conv-1",
      },
    ]);
    expect(published.filter((p) => p.rooms === `user:${online.id}`)).toEqual([]);
    // One e-mail, which does not carry the message's text (it may hold patient data).
    const mails = await outboxTo(offline.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Nouveau message : Message de Claire");
    expect(`${mails[0]!.text}${mails[0]!.html}`).not.toContain("Durand");
    expect(mails[0]!.text).toContain("/messages/conv-1");
  });
});

describe("reading notifications", () => {
  it("marks only one's own notification read; someone else's is NOT_FOUND and stays unread", async () => {
    const [owner, other] = [await createBusiness(), await createBusiness()];
    await notify(db, {
      userIds: [owner.id],
      type: "WORK_SUBMITTED",
      title: "À valider",
      body: "",
      link: "/contrats/x/travail",
    });
    const [row] = await notificationsOf(owner.id);
    expect((await rejected(markNotificationRead({ actorId: other.id, notificationId: row!.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await notificationsOf(owner.id))[0]!.readAt).toBeNull();
    expect(await markNotificationRead({ actorId: owner.id, notificationId: row!.id })).toEqual({
      link: "/contrats/x/travail",
    });
    expect(await countUnreadNotifications(owner.id)).toBe(0);
  });

  it("lists newest first with the unread count; mark all read publishes zero", async () => {
    const user = await createBusiness();
    for (const title of ["Un", "Deux", "Trois"])
      await notify(db, { userIds: [user.id], type: "PAYMENT_RECEIVED", title, body: "", link: null });
    const page = await listNotifications({ actorId: user.id, page: 1 });
    expect(page).toMatchObject({ unread: 3, page: 1, pageCount: 1 });
    expect(page.items.map((i) => i.typeLabel)).toEqual(["Paiement reçu", "Paiement reçu", "Paiement reçu"]);
    const { published } = recordingBus();
    expect(await markAllRead({ actorId: user.id })).toEqual({ marked: 3 });
    expect(published).toContainEqual({
      rooms: `user:${user.id}`,
      event: "notification:count",
      payload: { unread: 0 },
    });
    await publishNotifications([]);
  });
});

describe("unsubscribe", () => {
  it("a signed token sets NEVER; a forged or altered one changes nothing", async () => {
    const [user, victim] = [await createBusiness(), await createBusiness()];
    const token = unsubscribeToken(user.id);
    const forged = `${victim.id}.${token.split(".")[1]}`;
    expect((await rejected(unsubscribe({ token: forged }))).code).toBe("VALIDATION");
    expect((await rejected(unsubscribe({ token: `${token}x` }))).code).toBe("VALIDATION");
    expect(await db.notificationPreference.findUnique({ where: { userId: victim.id } })).toBeNull();
    await unsubscribe({ token });
    expect(await db.notificationPreference.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      emailMode: "NEVER",
    });
  });

  it("drops what still waited: PENDING e-mails become FAILED « désabonné », digest items SKIPPED", async () => {
    const [user, other] = [await createBusiness(), await createBusiness()];
    const pay = (userIds: string[], title: string) =>
      notify(db, { userIds, type: "PAYMENT_RECEIVED", title, body: "", link: null });
    await pay([user.id, other.id], "Avant");
    await db.emailOutbox.updateMany({ where: { to: user.email }, data: { status: "SENT" } });
    await pay([user.id, other.id], "En attente");
    await setEmailMode(user.id, "DAILY");
    await pay([user.id], "Pour le résumé");
    await unsubscribe({ token: unsubscribeToken(user.id) });
    const rows = (await outboxTo(user.email)).map((r) => [r.subject, r.status, r.lastError]);
    expect(rows.sort()).toEqual([
      ["Paiement envoyé : Avant", "SENT", null],
      ["Paiement envoyé : En attente", "FAILED", "désabonné"],
    ]);
    const states = Object.fromEntries((await notificationsOf(user.id)).map((n) => [n.title, n.emailState]));
    expect(states).toEqual({ Avant: "QUEUED", "En attente": "QUEUED", "Pour le résumé": "SKIPPED" });
    expect((await outboxTo(other.email)).map((r) => r.status)).toEqual(["PENDING", "PENDING"]);
  });
});

describe("notification e-mails", () => {
  it("escape every value in the HTML, the footer's links included (a quote closes no attribute)", () => {
    const mail = notificationEmail(
      { name: "Anne O'Hara" },
      { type: "PAYMENT_RECEIVED", title: `Paiement "<b>"`, body: "", link: "/compte/paiements" },
      { appUrl: "https://permanence.test/o'x", unsubscribeToken: "t" },
    );
    expect(mail.html).not.toContain("'");
    expect(mail.html).toContain('href="https://permanence.test/o&#39;x/notifications/desabonnement?token=t"');
    expect(mail.html).toContain("Anne O&#39;Hara");
  });
});
