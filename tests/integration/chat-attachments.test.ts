import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { attachmentMessages, sanitizeFileName } from "#app/domain/chat/chat-attachment-rules.server";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { getAttachment, getConversation, listConversations, sendMessage } from "#app/domain/chat/chat.server";
import { MAX_ATTACHMENT_BYTES } from "#app/domain/chat/chat.schema";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { getEnv } from "#app/lib/env.server";
import { missionConversation, newClientId } from "#tests/factories/chat";
import { publishedSecretary } from "#tests/factories/proposals";

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
function zipOf(name: string) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from("payload"), Buffer.alloc(50)]);
}

const uploadsDir = () => path.join(getEnv().dataDir, "uploads");
const storedFiles = (): string[] =>
  fs.existsSync(uploadsDir())
    ? fs
        .readdirSync(uploadsDir(), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

beforeEach(() => resetMessageLimits());

async function rejection(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const sendFile = (actorId: string, conversationId: string, fileName: string, bytes: Uint8Array, body = "") =>
  sendMessage({ actorId, conversationId, clientId: newClientId(), body, attachment: { fileName, bytes } });

describe("attachments", () => {
  it("masks contact details in a file's name for the other side before a contract, as in the text", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const sent = await sendFile(secretary.id, conversationId, "CV appelez 0612345678.pdf", pdf);
    expect(sent.message.attachments[0]!.fileName).toContain("0612345678");
    const theirs = await getConversation({ actorId: business.id, conversationId });
    expect(theirs.messages[0]!.attachments[0]!.fileName).not.toContain("0612345678");
    const [summary] = await listConversations({ actorId: business.id });
    expect(summary!.lastMessage!.excerpt).toMatch(/^Pièce jointe : /);
    expect(summary!.lastMessage!.excerpt).not.toContain("0612345678");
    const attachmentId = sent.message.attachments[0]!.id;
    const download = await getAttachment({ actorId: business.id, conversationId, attachmentId });
    expect(download.fileName).not.toContain("0612345678");
    const own = await getAttachment({ actorId: secretary.id, conversationId, attachmentId });
    expect(own.fileName).toContain("0612345678");
  });

  it("accepts a PDF and a PNG, stores the sniffed type and serves the bytes to participants", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const sent = await sendFile(secretary.id, conversationId, "CV Claire.pdf", pdf, "Mon CV");
    const image = await sendFile(secretary.id, conversationId, "photo.pdf", png);
    expect(sent.message.attachments).toEqual([
      expect.objectContaining({
        fileName: "CV Claire.pdf",
        mimeType: "application/pdf",
        sizeBytes: pdf.length,
      }),
    ]);
    // The name says PDF, the bytes say PNG: the bytes win.
    expect(image.message.attachments[0]).toMatchObject({ mimeType: "image/png" });
    const attachmentId = sent.message.attachments[0]!.id;
    expect(sent.message.attachments[0]!.url).toBe(
      `/messages/${conversationId}/pieces-jointes/${attachmentId}`,
    );
    const fetched = await getAttachment({ actorId: business.id, conversationId, attachmentId });
    expect(fetched).toMatchObject({
      fileName: "CV Claire.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf.length,
    });
    expect(Buffer.compare(fetched.bytes, pdf)).toBe(0);
    const row = await db.messageAttachment.findUniqueOrThrow({ where: { id: attachmentId } });
    expect(row.storageKey).toMatch(new RegExp(`^${conversationId}/[a-f0-9]{32}$`));
    expect(row.storageKey).not.toContain("CV");
    const view = await getConversation({ actorId: business.id, conversationId });
    expect(view.messages.map((m) => m.attachments.length)).toEqual([1, 1]);
  });

  it("accepts UTF-8 text by extension only", async () => {
    const { secretary, conversationId } = await missionConversation();
    const csv = await sendFile(
      secretary.id,
      conversationId,
      "planning.csv",
      Buffer.from("jour;heures\nlundi;3\n"),
    );
    expect(csv.message.attachments[0]).toMatchObject({ mimeType: "text/csv" });
    const binary = Buffer.from([0x41, 0x00, 0x42, 0xff, 0xfe]);
    const refused = await rejection(sendFile(secretary.id, conversationId, "notes.txt", binary));
    expect(refused.message).toBe(attachmentMessages.refused);
  });

  it.each([
    ["an ELF binary named .pdf", "facture.pdf", elf],
    ["a Windows executable named .png", "photo.png", exe],
    ["a bare zip named .docx", "contrat.docx", zipOf("evil.exe")],
    ["a shell script named .exe", "lisez-moi.exe", Buffer.from("#!/bin/sh\nrm -rf /\n")],
  ])("refuses %s and writes nothing", async (_label, fileName, bytes) => {
    const { secretary, conversationId } = await missionConversation();
    const before = storedFiles().length;
    const refused = await rejection(
      sendFile(secretary.id, conversationId, fileName, bytes, "Voici le fichier"),
    );
    expect(refused).toMatchObject({ code: "VALIDATION", message: attachmentMessages.refused });
    expect(await db.message.count({ where: { conversationId } })).toBe(0);
    expect(await db.messageAttachment.count({ where: { conversationId } })).toBe(0);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses a file over 10 Mo and an empty one", async () => {
    const { secretary, conversationId } = await missionConversation();
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(await rejection(sendFile(secretary.id, conversationId, "gros.pdf", big))).toMatchObject({
      code: "VALIDATION",
      message: attachmentMessages.tooBig,
    });
    expect(
      (await rejection(sendFile(secretary.id, conversationId, "vide.pdf", Buffer.alloc(0)))).message,
    ).toBe(attachmentMessages.empty);
    expect(await db.message.count({ where: { conversationId } })).toBe(0);
  });

  it("serves nothing to an outsider, nor across conversations", async () => {
    const { secretary, conversationId } = await missionConversation();
    const other = await missionConversation();
    const { message } = await sendFile(secretary.id, conversationId, "cv.pdf", pdf);
    const attachmentId = message.attachments[0]!.id;
    const stranger = await publishedSecretary("Zoé Inconnue");
    expect(
      (await rejection(getAttachment({ actorId: stranger.id, conversationId, attachmentId }))).code,
    ).toBe("NOT_FOUND");
    // A participant of another conversation cannot reach it through her own conversation id.
    const crossed = getAttachment({
      actorId: other.secretary.id,
      conversationId: other.conversationId,
      attachmentId,
    });
    expect((await rejection(crossed)).code).toBe("NOT_FOUND");
  });

  it("sanitises the displayed name", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\x\\devis<1>?.pdf")).toBe("devis1.pdf");
    expect(sanitizeFileName("rapport\u0000\u202e.pdf")).toBe("rapport.pdf");
    expect(sanitizeFileName("...")).toBe("piece-jointe");
    expect(sanitizeFileName(`${"a".repeat(200)}.pdf`)).toBe(`${"a".repeat(116)}.pdf`);
  });
});
