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

describe("the size of a post, checked before the CSRF token and the participant (one request holds little memory)", () => {
  const MB = 1024 * 1024;

  /** A hand-built multipart post: any parts, sent chunked (no Content-Length) unless `length` is given. */
  async function rawPost(conversationId: string, userId: string, parts: Part[], length?: number) {
    const request = await multipartRequest(`/messages/${conversationId}`, {}, { userId, csrf: false });
    const form = new FormData();
    for (const part of parts) {
      if (part.file) form.append(part.name, new File([part.file as BlobPart], part.filename ?? "f.pdf"));
      else form.append(part.name, part.value ?? "");
    }
    const headers = new Headers(request.headers);
    if (length !== undefined) headers.set("Content-Length", String(length));
    const body = new Request("http://localhost", { method: "POST", body: form });
    headers.set("Content-Type", body.headers.get("Content-Type")!);
    return new Request(request.url, {
      method: "POST",
      body: body.body,
      headers,
      duplex: "half",
    } as RequestInit);
  }
  type Part = { name: string; value?: string; file?: Uint8Array; filename?: string };

  it("refuses with 413 a declared length over 10 Mo + 64 Ko, without reading the body", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const request = await rawPost(
      conversationId,
      business.id,
      [{ name: "intent", value: "send" }],
      10 * MB + 64 * 1024 + 1,
    );
    const result = await runRoute(conversationPage.action, request, { conversationId });
    expect(result.status).toBe(413);
    expect(result.data.message).toMatch(/dépassent 10 Mo/);
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses with 413 many file parts whose total is too large, even sent chunked with no length", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const chunk = new Uint8Array(3 * MB);
    const files = Array.from({ length: 4 }, (_, i) => ({
      name: `extra${i}`,
      file: chunk,
      filename: `f${i}.pdf`,
    }));
    const request = await rawPost(conversationId, business.id, [{ name: "intent", value: "send" }, ...files]);
    expect(request.headers.get("Content-Length")).toBeNull();
    const result = await runRoute(conversationPage.action, request, { conversationId });
    expect(result.status).toBe(413);
    expect(await db.message.count({ where: { conversationId } })).toBe(1);
  });

  it("refuses with 413 text fields over 64 Ko", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const request = await rawPost(conversationId, business.id, [
      { name: "intent", value: "send" },
      { name: "padding", value: "x".repeat(65 * 1024) },
    ]);
    expect((await runRoute(conversationPage.action, request, { conversationId })).status).toBe(413);
  });

  it("keeps one file, the one named « attachment »: other file parts and a second attachment are dropped", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const form = await multipartRequest(
      `/messages/${conversationId}`,
      { intent: "send", clientId: "one-file-0001", body: "Deux fichiers" },
      { userId: business.id, file: { name: "devis.pdf", bytes: pdf, type: "application/pdf" } },
    );
    const fields = await form.formData();
    fields.append("attachment", new File([pdf as BlobPart], "second.pdf", { type: "application/pdf" }));
    fields.append("autre", new File([pdf as BlobPart], "autre.pdf", { type: "application/pdf" }));
    const request = new Request(form.url, {
      method: "POST",
      body: fields,
      headers: { Cookie: form.headers.get("Cookie")! },
    });
    const result = await runRoute(conversationPage.action, request, { conversationId });
    expect(result.status).toBe(302);
    const attachments = await db.messageAttachment.findMany({ where: { conversationId } });
    expect(attachments.map((a) => a.fileName)).toEqual(["devis.pdf"]);
  });

  it("gives the typed text back when a message is refused, so that it is not lost without JavaScript", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
    const request = await multipartRequest(
      `/messages/${conversationId}`,
      { intent: "send", clientId: "keep-text-0001", body: "Voici le devis signé." },
      { userId: business.id, file: { name: "devis.pdf", bytes: exe, type: "application/pdf" } },
    );
    const result = await runRoute(conversationPage.action, request, { conversationId });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "send", body: "Voici le devis signé." });
  });
});
