import { describe, expect, it } from "vitest";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import { PAGE_SIZE } from "#app/domain/chat/chat.schema";
import { openContractConversation, sendMessage } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import * as conversationPage from "#app/routes/messages+/$conversationId";
import * as listPage from "#app/routes/messages+/_index";
import * as contractLink from "#app/routes/messages+/contrat.$contractId";
import * as unreadRoute from "#app/routes/messages+/non-lus";
import * as questionRoute from "#app/routes/messages+/question";
import { createContract } from "#tests/factories/contracts";
import { openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createStaff } from "#tests/factories/users";
import { conversationWithQuestion, multipartRequest } from "./chat-route-helpers";
import { formRequest, getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

describe("/messages", () => {
  it("sends visitors to the login page and lists only the viewer's conversations", async () => {
    const { business, secretary, outsider, conversationId } = await conversationWithQuestion();
    const anonymous = await runRoute(listPage.loader, await getRequest("/messages"));
    expect(anonymous).toMatchObject({ status: 302, location: "/connexion?redirectTo=%2Fmessages" });
    for (const userId of [business.id, secretary.id]) {
      const page = await runRoute(listPage.loader, await getRequest("/messages", { userId }));
      expect(page.data.conversations.map((c: { id: string }) => c.id)).toEqual([conversationId]);
    }
    const business0 = await runRoute(listPage.loader, await getRequest("/messages", { userId: business.id }));
    expect(business0.data.conversations[0]).toMatchObject({
      unreadCount: 1,
      lastMessage: { senderName: "Claire Morel" },
    });
    const other = await runRoute(listPage.loader, await getRequest("/messages", { userId: outsider.id }));
    expect(other.data.conversations).toEqual([]);
  });

  it("counts unread messages for the header badge, for signed-in users only", async () => {
    const { business } = await conversationWithQuestion();
    const anonymous = await runRoute(unreadRoute.loader, await getRequest("/messages/non-lus"));
    expect(anonymous.status).toBe(302);
    const counted = await runRoute(
      unreadRoute.loader,
      await getRequest("/messages/non-lus", { userId: business.id }),
    );
    expect(counted).toMatchObject({ status: 200, data: { unread: 1 } });
    expect(counted.headers.get("Cache-Control")).toBe("private, no-store");
  });
});

describe("/messages/:conversationId", () => {
  it("is for the participants only, and opening it reads the conversation", async () => {
    const { business, outsider, conversationId } = await conversationWithQuestion();
    const path = `/messages/${conversationId}`;
    const params = { conversationId };
    const anonymous = await runRoute(conversationPage.loader, await getRequest(path), params);
    expect(anonymous.location).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
    for (const userId of [outsider.id, (await createStaff()).id]) {
      expect(
        (await runRoute(conversationPage.loader, await getRequest(path, { userId }), params)).status,
      ).toBe(404);
    }
    const page = await runRoute(
      conversationPage.loader,
      await getRequest(path, { userId: business.id }),
      params,
    );
    expect(page.status).toBe(200);
    expect(page.data.view.messages.map((m: { body: string }) => m.body)).toEqual([
      "Bonjour, quels logiciels utilisez-vous ?",
    ]);
    expect(page.data.clientId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await runRoute(listPage.loader, await getRequest("/messages", { userId: business.id }));
    expect(listed.data.conversations[0].unreadCount).toBe(0);
  });

  it("sends a message by form post once, however many times the same form is posted", async () => {
    const { business, secretary, conversationId } = await conversationWithQuestion();
    const path = `/messages/${conversationId}`;
    const fields = { intent: "send", clientId: "form-post-0001", body: "Nous utilisons Doctolib." };
    for (let attempt = 0; attempt < 2; attempt++) {
      const sent = await runRoute(
        conversationPage.action,
        await multipartRequest(path, fields, { userId: business.id }),
        {
          conversationId,
        },
      );
      expect(sent.status).toBe(302);
      expect(sent.location).toMatch(new RegExp(`^${path}#message-`));
    }
    expect(await db.message.count({ where: { conversationId, clientId: "form-post-0001" } })).toBe(1);
    const page = await runRoute(conversationPage.loader, await getRequest(path, { userId: secretary.id }), {
      conversationId,
    });
    expect(page.data.view.messages.at(-1)).toMatchObject({
      body: "Nous utilisons Doctolib.",
      senderId: business.id,
    });
  });

  it("answers an enhanced (fetch) post with the message instead of a redirect", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const fields = { intent: "send", clientId: "fetch-post-0001", body: "Bonjour !", enhanced: "1" };
    const sent = await runRoute(
      conversationPage.action,
      await multipartRequest(`/messages/${conversationId}`, fields, { userId: business.id }),
      { conversationId },
    );
    expect(sent).toMatchObject({
      status: 200,
      data: { intent: "send", sent: { body: "Bonjour !", clientId: "fetch-post-0001" } },
    });
  });

  it("refuses a post without its CSRF token, from an outsider, or an empty message, writing nothing", async () => {
    const { business, outsider, conversationId } = await conversationWithQuestion();
    const path = `/messages/${conversationId}`;
    const post = (userId: string, fields: Record<string, string>, csrf = true) =>
      multipartRequest(
        path,
        { intent: "send", clientId: `c-${Math.random().toString(36).slice(2, 10)}`, ...fields },
        { userId, csrf },
      );
    const forged = await runRoute(
      conversationPage.action,
      await post(business.id, { body: "Salut" }, false),
      { conversationId },
    );
    expect(forged.status).toBe(403);
    const intruder = await runRoute(conversationPage.action, await post(outsider.id, { body: "Salut" }), {
      conversationId,
    });
    expect(intruder.status).toBe(404);
    const empty = await runRoute(conversationPage.action, await post(business.id, { body: "   " }), {
      conversationId,
    });
    expect(empty).toMatchObject({
      status: 400,
      data: { intent: "send", message: "Écrivez un message ou joignez un fichier." },
    });
    expect(await db.message.count({ where: { conversationId } })).toBe(1);
  });

  it("pages backwards with ?avant=<oldest seq>, and reading an older page marks nothing read", async () => {
    const { business, secretary, conversationId } = await conversationWithQuestion();
    for (let n = 2; n <= PAGE_SIZE + 5; n++) {
      if (n % 15 === 0) resetMessageLimits();
      await sendMessage({
        actorId: secretary.id,
        conversationId,
        clientId: `page-${n}-000`,
        body: `Message ${n}`,
      });
    }
    resetMessageLimits();
    const path = `/messages/${conversationId}`;
    const params = { conversationId };
    const older = await runRoute(
      conversationPage.loader,
      await getRequest(`${path}?avant=6`, { userId: business.id }),
      params,
    );
    expect(older.data.view.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(older.data).toMatchObject({ olderPage: true, view: { hasOlder: false } });
    const unread = await runRoute(
      unreadRoute.loader,
      await getRequest("/messages/non-lus", { userId: business.id }),
    );
    expect(unread.data.unread).toBe(PAGE_SIZE + 5);
    const newest = await runRoute(
      conversationPage.loader,
      await getRequest(path, { userId: business.id }),
      params,
    );
    expect(newest.data.view).toMatchObject({ hasOlder: true, oldestSeq: 6, lastSeq: PAGE_SIZE + 5 });
    expect(newest.data.view.messages).toHaveLength(PAGE_SIZE);
  });

  it("marks the conversation read up to a given message with the read intent", async () => {
    const { business, conversationId } = await conversationWithQuestion();
    const path = `/messages/${conversationId}`;
    const read = await runRoute(
      conversationPage.action,
      await formRequest(path, { intent: "read", seq: "1" }, { userId: business.id }),
      { conversationId },
    );
    expect(read).toMatchObject({ status: 302, location: path });
    expect(
      await db.conversationRead.findFirst({ where: { conversationId, userId: business.id } }),
    ).toMatchObject({
      lastReadSeq: 1,
    });
  });
});

describe("reporting a message", () => {
  it("files a report once for a participant, refuses an outsider and says when it was already sent", async () => {
    const { business, outsider, conversationId } = await conversationWithQuestion();
    const path = `/messages/${conversationId}`;
    const message = await db.message.findFirstOrThrow({ where: { conversationId } });
    const fields = {
      intent: "report",
      messageId: message.id,
      reason: "HARASSMENT",
      details: "Ton agressif.",
    };
    const report = async (userId: string) =>
      runRoute(conversationPage.action, await formRequest(path, fields, { userId }), { conversationId });
    expect(await report(outsider.id)).toMatchObject({ status: 404 });
    expect(await report(business.id)).toMatchObject({ status: 302, location: `${path}?signale=1` });
    const again = await report(business.id);
    expect(again.status).toBe(409);
    expect(again.data.message).toMatch(/déjà signalé/);
    expect(await db.report.count({ where: { targetId: message.id } })).toBe(1);
    const noReason = await runRoute(
      conversationPage.action,
      await formRequest(path, { ...fields, reason: "" }, { userId: business.id }),
      { conversationId },
    );
    expect(noReason).toMatchObject({ status: 400, data: { intent: "report" } });
  });
});

describe("/messages/question", () => {
  it("lets a secretary ask about an open mission and takes her to the conversation", async () => {
    const { mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const path = `/messages/question?mission=${mission.id}`;
    const anonymous = await runRoute(questionRoute.loader, await getRequest(path));
    expect(anonymous.status).toBe(302);
    const fields = {
      missionId: mission.id,
      clientId: "question-form-01",
      body: "Le poste est-il à temps partiel ?",
    };
    const asked = await runRoute(
      questionRoute.action,
      await formRequest(path, fields, { userId: secretary.id }),
    );
    expect(asked.status).toBe(302);
    const conversation = await db.conversation.findFirstOrThrow({ where: { missionId: mission.id } });
    expect(asked.location).toBe(`/messages/${conversation.id}`);
    const empty = await runRoute(
      questionRoute.action,
      await formRequest(
        path,
        { ...fields, clientId: "question-form-02", body: "" },
        { userId: secretary.id },
      ),
    );
    expect(empty.status).toBe(400);
  });

  it("answers 404 to a missing or malformed mission id (it goes back into links and the form's URL)", async () => {
    const secretary = await publishedSecretary();
    for (const mission of ["", "../../compte", "a&redirectTo=//evil.example", "x".repeat(65)]) {
      const path = `/messages/question?mission=${encodeURIComponent(mission)}`;
      const page = await runRoute(questionRoute.loader, await getRequest(path, { userId: secretary.id }));
      expect(page.status, mission).toBe(404);
    }
  });
});

describe("/messages/contrat/:contractId", () => {
  it("sends visitors to the login page and answers 404 when the viewer has no such conversation", async () => {
    const { outsider } = await conversationWithQuestion();
    const path = "/messages/contrat/contrat-inexistant";
    const params = { contractId: "contrat-inexistant" };
    expect((await runRoute(contractLink.loader, await getRequest(path), params)).status).toBe(302);
    expect(
      (await runRoute(contractLink.loader, await getRequest(path, { userId: outsider.id }), params)).status,
    ).toBe(404);
  });

  it("takes both parties of a contract to its conversation", async () => {
    const { contract, business, secretary } = await createContract();
    const { id } = await openContractConversation(db, { contractId: contract.id });
    const path = `/messages/contrat/${contract.id}`;
    const params = { contractId: contract.id };
    for (const userId of [business.id, secretary.id]) {
      const result = await runRoute(contractLink.loader, await getRequest(path, { userId }), params);
      expect(result).toMatchObject({ status: 302, location: `/messages/${id}` });
    }
    const outsider = await runRoute(
      contractLink.loader,
      await getRequest(path, { userId: (await createStaff()).id }),
      params,
    );
    expect(outsider.status).toBe(404);
  });
});
