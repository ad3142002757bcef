import fs from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { login } from "./helpers";

// The demo cabinet and Claire Morel chat live on their contract's conversation (seeded by
// app/cli/seed/demo-conversations.ts), each in their own browser context: a message appears on the
// other side without a reload, the typing line and the "Lu" receipt follow, and a PDF goes across.

// The seeded conversation's contract mission (app/cli/seed/contract-missions.ts).
const seededMission = "Frappe des comptes rendus de consultation";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function signedIn(browser: Browser, email: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await login(page, email);
  return page;
}

/** Opens the conversation and waits until its socket is connected (the page says data-live="on"). */
async function openLive(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator(".chat[data-live='on']")).toBeVisible();
}

test("a business and a secretary chat live, see typing and read receipts, and exchange a file", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const business = await signedIn(browser, demoAccounts.cabinet.email);
  const secretary = await signedIn(browser, demoAccounts.secretaire.email);
  const run = Date.now().toString(36);
  const text = `Le dossier arrive demain ${run}`;
  const fileName = `planning-${run}.pdf`;
  let url = "";

  await test.step("both open the contract's conversation", async () => {
    await business.goto("/messages");
    await business.getByRole("link").filter({ hasText: seededMission }).first().click();
    await expect(business).toHaveURL(/\/messages\/[^/]+$/);
    url = new URL(business.url()).pathname;
    await expect(business.getByRole("log")).toContainText("Bonjour Claire");
    await openLive(business, url);
    await openLive(secretary, url);
  });

  await test.step("the secretary sees the business typing, then the message without reloading", async () => {
    const composer = business.getByLabel("Votre message");
    await composer.pressSequentially("Le dossier", { delay: 20 });
    await expect(
      // The visible line (a polite status repeats it once for screen readers).
      secretary.locator(".chat-typing").getByText(`${demoAccounts.cabinet.displayName} est en train d’écrire…`),
    ).toBeVisible();
    await composer.fill(text);
    // With the socket up, a text message goes over it (its ack), not through the form post.
    const posts: string[] = [];
    business.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await business.getByRole("button", { name: "Envoyer" }).click();
    await expect(business.getByRole("log").getByText(text)).toBeVisible();
    expect(posts).toEqual([]);
    await expect(secretary.getByRole("log").getByText(text)).toBeVisible();
    await expect(composer).toHaveValue("");
  });

  await test.step("the business sees that the secretary has read it", async () => {
    const mine = business.getByRole("listitem").filter({ hasText: text });
    await expect(mine.getByText("Lu", { exact: true })).toBeVisible();
  });

  await test.step("the secretary sends a PDF and the business downloads it", async () => {
    await secretary
      .getByLabel(/Joindre un fichier/)
      .setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: pdf });
    await secretary.getByRole("button", { name: "Envoyer" }).click();
    await expect(secretary.getByRole("link", { name: fileName })).toBeVisible();
    const link = business.getByRole("link", { name: fileName });
    await expect(link).toBeVisible();
    const [download] = await Promise.all([business.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(await fs.readFile((await download.path())!)).toEqual(pdf);
  });

  await test.step("the secretary's header counts a new message live, on another page", async () => {
    await secretary.goto("/tableau-de-bord");
    const messagesLink = secretary.locator("a.header-counter[data-live='on']").first();
    await expect(messagesLink).toBeVisible();
    const unread = async () =>
      Number((await messagesLink.getAttribute("aria-label"))?.match(/\d+/)?.[0] ?? 0);
    const before = await unread();
    await business.getByLabel("Votre message").fill(`Merci, bien reçu ${run}`);
    await business.getByRole("button", { name: "Envoyer" }).click();
    await expect(business.getByRole("log").getByText(`Merci, bien reçu ${run}`)).toBeVisible();
    // More than one if another test wrote meanwhile; never fewer.
    await expect.poll(unread).toBeGreaterThan(before);
    await expect(messagesLink).toHaveAttribute("aria-label", /^Messages, [1-9]\d* non lus?$/);
  });

  await business.context().close();
  await secretary.context().close();
});

// As the business: the live test counts the secretary's unread messages, which her opening the
// conversation here would reset.
test("without JavaScript, the conversation still works by plain form posts", async ({ browser }) => {
  const business = await signedIn(browser, demoAccounts.cabinet.email, false);
  await business.goto("/messages");
  await business.getByRole("link").filter({ hasText: seededMission }).first().click();
  await expect(business.getByRole("heading", { level: 1 })).toBeVisible();
  const text = `Envoyé sans JavaScript ${Date.now().toString(36)}`;
  await business.getByLabel("Votre message").fill(text);
  await business.getByRole("button", { name: "Envoyer" }).click();
  await expect(business).toHaveURL(/\/messages\/[^/#]+#message-/);
  await expect(business.getByRole("log").getByText(text)).toBeVisible();
  await business.context().close();
});
