import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";
import * as conversationPage from "#app/routes/messages+/$conversationId";
import * as attachmentRoute from "#app/routes/messages+/$conversationId_.pieces-jointes.$attachmentId";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";
import { conversationWithQuestion, multipartRequest, pdf } from "./chat-route-helpers";

describe("attachments", () => {
  it("uploads a PDF and serves it to participants only, as a download that is never sniffed or cached", async () => {
    const { business, secretary, outsider, conversationId } = await conversationWithQuestion();
    const path = `/messages/${conversationId}`;
    const file = { name: "Devis été.pdf", bytes: pdf, type: "application/pdf" };
    const fields = { intent: "send", clientId: "with-file-0001", body: "" };
    const sent = await runRoute(
      conversationPage.action,
      await multipartRequest(path, fields, { userId: secretary.id, file }),
      {
        conversationId,
      },
    );
    expect(sent.status).toBe(302);
    const page = await runRoute(conversationPage.loader, await getRequest(path, { userId: business.id }), {
      conversationId,
    });
    const attachment = page.data.view.messages.at(-1).attachments[0];
    expect(attachment).toMatchObject({
      fileName: "Devis été.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf.length,
    });
    const params = { conversationId, attachmentId: attachment.id };
    const download = await attachmentRoute.loader({
      request: await getRequest(attachment.url, { userId: business.id }),
      params,
      context: {},
    } as never);
    expect(download.status).toBe(200);
    expect(Object.fromEntries(download.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Devis _t_.pdf"; filename*=UTF-8''Devis%20%C3%A9t%C3%A9.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const refused = await runRoute(
      attachmentRoute.loader,
      await getRequest(attachment.url, { userId: outsider.id }),
      params,
    );
    expect(refused.status).toBe(404);
    const anonymous = await runRoute(attachmentRoute.loader, await getRequest(attachment.url), params);
    expect(anonymous.status).toBe(302);
  });

  it("refuses a file over 10 Mo with a clear message and writes nothing", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const request = await multipartRequest(
      `/messages/${conversationId}`,
      { intent: "send", clientId: "too-big-0001", body: "Le dossier" },
      { userId: business.id, file: { name: "gros.pdf", bytes: big, type: "application/pdf" } },
    );
    const result = await runRoute(conversationPage.action, request, { conversationId });
    expect(result).toMatchObject({
      status: 400,
      data: { message: "Ce fichier dépasse 10 Mo : envoyez un fichier plus léger." },
    });
    expect(await db.message.count({ where: { conversationId } })).toBe(1);
    expect(await db.messageAttachment.count({ where: { conversationId } })).toBe(0);
  });

  it("refuses an executable disguised as a PDF", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
    const request = await multipartRequest(
      `/messages/${conversationId}`,
      { intent: "send", clientId: "disguised-0001", body: "" },
      { userId: business.id, file: { name: "devis.pdf", bytes: exe, type: "application/pdf" } },
    );
    const result = await runRoute(conversationPage.action, request, { conversationId });
    expect(result.status).toBe(400);
    expect(result.data.message).toMatch(/type de fichier n’est pas accepté/);
    expect(await db.messageAttachment.count({ where: { conversationId } })).toBe(0);
  });
});
