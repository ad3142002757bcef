import { describe, expect, it } from "vitest";
import { askQuestion, sendMessage } from "#app/domain/chat/chat.server";
import { db } from "#app/lib/db.server";
import * as conversationPage from "#app/routes/messages+/$conversationId";
import * as listPage from "#app/routes/messages+/_index";
import * as missionPage from "#app/routes/missions+/$missionId";
import { openMissionWithBusiness, publishedSecretary, signPledgeFor } from "#tests/factories/proposals";
import { renderPage } from "#tests/setup/render-page";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

type Page = { loader: Parameters<typeof runRoute>[0]; default: React.ComponentType };

/** The page as the server renders it (no JavaScript): its HTML and its visible text. */
async function render(
  page: Page,
  path: string,
  userId: string,
  params: Record<string, string> = {},
  actionData?: unknown,
) {
  const result = await runRoute(page.loader, await getRequest(path, { userId }), params);
  expect(result.status).toBe(200);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, kind: true } });
  return renderPage({ Component: page.default, path, loaderData: result.data, rootData: { user }, actionData });
}

async function conversation(spec: Parameters<typeof openMissionWithBusiness>[0] = {}) {
  const { business, mission } = await openMissionWithBusiness(spec);
  const secretary = await publishedSecretary();
  if (spec.medicalSecrecy) await signPledgeFor(secretary.id);
  const { conversationId } = await askQuestion({
    actorId: secretary.id,
    missionId: mission.id,
    clientId: `render-${mission.id}`,
    body: "Bonjour, une question sur les horaires.",
  });
  return { business, secretary, conversationId };
}

describe("conversation pages, rendered without JavaScript", () => {
  it("escapes a script, links only web and mail addresses safely, and says why details are masked", async () => {
    const { business, secretary, conversationId } = await conversation();
    const body =
      "Voici <script>alert(1)</script> le lien https://exemple.fr/doc et javascript:alert(2) ; écrivez à contact@cabinet-lefevre.fr";
    await sendMessage({ actorId: business.id, conversationId, clientId: "render-send-01", body });
    const path = `/messages/${conversationId}`;

    const seen = await render(conversationPage, path, secretary.id, { conversationId });
    expect(seen.html).not.toContain("<script>alert");
    expect(seen.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(seen.html).toMatch(
      /<a href="https:\/\/exemple\.fr\/doc" (?=[^>]*target="_blank")(?=[^>]*rel="noopener noreferrer nofollow")[^>]*>/,
    );
    expect(seen.html).not.toMatch(/href="javascript:/i);
    expect(seen.text).not.toContain("contact@cabinet-lefevre.fr");
    expect(seen.text).toContain("Coordonnées masquées : elles seront visibles une fois le contrat signé");
    expect(seen.text).toContain("Signaler ce message");
    expect(seen.html).toMatch(/<form method="post"[^>]*enctype="multipart\/form-data"/i);

    const sent = await render(conversationPage, path, business.id, { conversationId });
    expect(sent.text).toContain("contact@cabinet-lefevre.fr");
    expect(sent.text).toContain("Vos coordonnées sont masquées pour votre interlocuteur");
    // The secretary opened the page after the message: the business sees it read.
    expect(sent.text).toMatch(/Lu/);
  });

  it("a refused message (no JavaScript) comes back with its text in the box", async () => {
    const { business, conversationId } = await conversation();
    const refusal = {
      intent: "send",
      message: "Ce type de fichier n’est pas accepté.",
      body: "Mon <brouillon> long",
    };
    const page = await render(
      conversationPage,
      `/messages/${conversationId}`,
      business.id,
      { conversationId },
      refusal,
    );
    expect(page.text).toContain("Ce type de fichier n’est pas accepté.");
    expect(page.html).toMatch(/<textarea[^>]*name="body"[^>]*>Mon &lt;brouillon&gt; long<\/textarea>/);
  });

  it("announces typing through a one-time status, not a live line re-read at every update", async () => {
    const { business, conversationId } = await conversation();
    const page = await render(conversationPage, `/messages/${conversationId}`, business.id, {
      conversationId,
    });
    expect(page.html).toMatch(/<p class="chat-typing" aria-hidden="true">/);
    expect(page.html).toMatch(/<p class="visually-hidden" role="status">/);
  });

  it("reminds everyone of medical secrecy on a medical mission", async () => {
    const { business, conversationId } = await conversation({ medicalSecrecy: true });
    const page = await render(conversationPage, `/messages/${conversationId}`, business.id, {
      conversationId,
    });
    expect(page.text).toContain("Ne partagez aucune donnée de patient dans la messagerie.");
  });

  it("lists conversations with the counterpart, the mission, an excerpt and an unread badge", async () => {
    const { business } = await conversation();
    const list = await render(listPage, "/messages", business.id);
    expect(list.text).toContain("Claire Morel");
    expect(list.text).toContain("Bonjour, une question sur les horaires.");
    // The badge's number is hidden from screen readers, who read the words instead (an aria-label
    // on a <span> is not read).
    expect(list.html).not.toContain("aria-label=");
    expect(list.html).toMatch(
      /<span aria-hidden="true">1<\/span><span class="visually-hidden">1 message non lu<\/span>/,
    );
    const empty = await render(listPage, "/messages", (await publishedSecretary("Personne")).id);
    expect(empty.text).toContain("Vous n’avez encore aucune conversation.");
  });

  it("offers « Poser une question » on an open mission to a secretary, not to its business", async () => {
    const { business, mission } = await openMissionWithBusiness();
    const secretary = await publishedSecretary();
    const path = `/missions/${mission.id}`;
    const asked = await render(missionPage, path, secretary.id, { missionId: mission.id });
    expect(asked.text).toContain("Poser une question");
    expect(asked.html).toContain(`action="/messages/question?mission=${mission.id}"`);
    const owner = await render(missionPage, path, business.id, { missionId: mission.id });
    expect(owner.text).not.toContain("Poser une question");
  });
});
