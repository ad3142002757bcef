// "Télécharger mes données": the zip holds her records and her conversations as she sees them (with
// their files), and nothing of anyone else — not another bidder's thread, message, bid or e-mail.
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { openMissionConversation } from "#app/domain/chat/chat.server";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { uploadVigilanceCertificate } from "#app/domain/compliance/vigilance.server";
import { sendMessage } from "#app/domain/chat/chat.server";
import { exportUserData, resetExportLimits } from "#app/domain/privacy/data-export.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { missionConversation, newClientId } from "#tests/factories/chat";
import { createBid, publishedSecretary } from "#tests/factories/proposals";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

beforeEach(() => {
  resetMessageLimits();
  resetExportLimits();
});

const say = (
  actorId: string,
  conversationId: string,
  body: string,
  attachment?: { fileName: string; bytes: Uint8Array },
) => sendMessage({ actorId, conversationId, clientId: newClientId(), body, attachment });

/** Claire's thread with the business, and a rival bidder's thread on the same mission. */
async function twoThreads() {
  const mine = await missionConversation();
  const rival = await publishedSecretary("Odile Rivale");
  const rivalBid = await createBid(mine.mission.id, rival);
  const { id: rivalConversationId } = await openMissionConversation(db, {
    missionId: mine.mission.id,
    bidderKey: `user:${rival.id}`,
  });
  await say(mine.business.id, mine.conversationId, "Appelez-moi au 06 12 34 56 78, merci.");
  await say(mine.secretary.id, mine.conversationId, "Voici mon CV.", {
    fileName: "cv claire.pdf",
    bytes: pdf,
  });
  await say(mine.business.id, rivalConversationId, "Réponse réservée à Odile.");
  await say(rival.id, rivalConversationId, "Secret de la rivale.");
  return { ...mine, rival, rivalBid, rivalConversationId };
}

async function unzipExport(actorId: string) {
  const { fileName, bytes } = await exportUserData({ actorId });
  const files = unzipSync(bytes);
  const text = strFromU8(files["donnees.json"]!);
  return { fileName, files, text, json: JSON.parse(text) };
}

describe("exportUserData", () => {
  it("gives the secretary her account, profile, bid and thread — masked as she sees it — with her file", async () => {
    const t = await twoThreads();
    const { fileName, files, json } = await unzipExport(t.secretary.id);
    expect(fileName).toMatch(/^permanence-mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(json.account).toMatchObject({
      id: t.secretary.id,
      email: t.secretary.email,
      displayName: "Claire Morel",
    });
    expect(json.profile.slug).toBe(t.secretary.profile.slug);
    expect(json.proposals.map((p: { id: string }) => p.id)).toEqual([t.proposal.id]);
    expect(json.conversations.map((c: { id: string }) => c.id)).toEqual([t.conversationId]);
    const bodies = json.conversations[0].messages.map((m: { body: string }) => m.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).not.toContain("06 12 34 56 78");
    expect(json.conversations[0].messages[0].masked).toBe(true);
    const attachment = json.conversations[0].messages[1].attachments[0];
    expect(attachment.url).toMatch(new RegExp(`^pieces-jointes/${t.conversationId}/.+-cv claire\\.pdf$`));
    expect(Buffer.from(files[attachment.url]!).equals(pdf)).toBe(true);
    expect(json.sessions).toEqual([]);
    expect(files["LISEZMOI.txt"]).toBeDefined();
  });

  it("holds nothing of the rival bidder: her thread, messages, bid, e-mail", async () => {
    const t = await twoThreads();
    const { files, text } = await unzipExport(t.secretary.id);
    for (const secret of [
      t.rivalConversationId,
      "Secret de la rivale",
      "Réponse réservée à Odile",
      t.rivalBid.id,
      t.rival.email,
      t.rival.id,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(files).some((name) => name.includes(t.rivalConversationId))).toBe(false);
  });

  it("gives the business her mission and both threads she takes part in, but no one's e-mail but hers", async () => {
    const t = await twoThreads();
    const { json, text } = await unzipExport(t.business.id);
    expect(json.missionsCreated.map((m: { id: string }) => m.id)).toEqual([t.mission.id]);
    expect(json.memberships[0].organization.name).toBe("Cabinet Lefèvre");
    expect(json.conversations.map((c: { id: string }) => c.id).sort()).toEqual(
      [t.conversationId, t.rivalConversationId].sort(),
    );
    expect(text).toContain(t.business.email);
    expect(text).not.toContain(t.secretary.email);
    expect(text).not.toContain(t.rival.email);
  });

  it("includes sessions without their ids, and her notifications", async () => {
    const t = await twoThreads();
    const session = await db.session.create({
      data: { id: "session-secrete-123", userId: t.secretary.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await db.notification.create({
      data: {
        userId: t.secretary.id,
        type: "PROPOSAL_ACCEPTED",
        title: "Votre proposition",
        body: "Acceptée",
      },
    });
    const { json, text } = await unzipExport(t.secretary.id);
    expect(json.sessions).toHaveLength(1);
    expect(text).not.toContain(session.id);
    expect(json.notifications.map((n: { title: string }) => n.title)).toContain("Votre proposition");
  });

  it("includes her attestations de vigilance, metadata and PDF, and nobody else's", async () => {
    const t = await twoThreads();
    const issuedOn = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    const upload = (actorId: string, fileName: string) =>
      uploadVigilanceCertificate({ actorId, input: { issuedOn, fileName, bytes: pdf } });
    const mine = await upload(t.secretary.id, "urssaf claire.pdf");
    await upload(t.rival.id, "urssaf odile.pdf");
    const { files, json, text } = await unzipExport(t.secretary.id);
    expect(json.vigilanceCertificates).toHaveLength(1);
    const [certificate] = json.vigilanceCertificates;
    expect(certificate).toMatchObject({ id: mine.id, fileName: "urssaf claire.pdf", sizeBytes: pdf.length });
    expect(certificate.issuedOn).toMatch(new RegExp(`^${issuedOn}`));
    expect(certificate.file).toBe(`attestations-vigilance/${mine.id}-urssaf claire.pdf`);
    expect(Buffer.from(files[certificate.file]!)).toEqual(pdf);
    const stored = await db.vigilanceCertificate.findUniqueOrThrow({ where: { id: mine.id } });
    expect(text).not.toContain(stored.storageKey);
    expect(text).not.toContain("urssaf odile");
    expect(Object.keys(files).filter((path) => path.startsWith("attestations-vigilance/"))).toHaveLength(1);
  });

  it("allows 3 exports an hour, then refuses in French", async () => {
    const t = await twoThreads();
    for (let i = 0; i < 3; i++) await exportUserData({ actorId: t.secretary.id });
    const refused = await exportUserData({ actorId: t.secretary.id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("RATE_LIMITED");
    expect((refused as DomainError).message).toMatch(/Réessayez dans/);
  });
});
