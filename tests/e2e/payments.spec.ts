import zlib from "node:zlib";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";
import { pdfText } from "../unit/invoice-pdf-text";
import { login } from "./helpers";

// Issue 5 end to end, on the demo seed and the local Stripe simulator (npm start's): Claire Morel
// and Émilie Garnier (who replaced her one week of last month) onboard on the simulator's hosted
// page; the cabinet saves a SEPA mandate on its hosted checkout; the payments job (every 2 s here)
// has invoiced last month, charges it (SEPA settles after ~20 s) and transfers each payee her
// share; the invoice PDF downloads with every mandatory mention.

const euros = (text: string) => Number(text.replace(/[^\d]/g, ""));

/** Last month in Paris: "YYYY-MM" and its French name ("octobre 2026"). */
function lastParisMonth() {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" })
    .format(new Date())
    .split("-")
    .map(Number);
  const first = new Date(Date.UTC(year!, month! - 2, 1));
  const name = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    first,
  );
  return { month: first.toISOString().slice(0, 7), name };
}

async function asUser(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await login(page, email);
  return page;
}

/** /compte/paiements → the simulator's hosted onboarding → back, then ready once account.updated arrived. */
async function onboard(page: Page) {
  await page.goto("/compte/paiements");
  await expect(page.getByText("Versements non configurés")).toBeVisible();
  await page.getByRole("button", { name: "Configurer mes versements sur Stripe" }).click();
  await expect(page).toHaveURL(/\/simulateur\/onboarding\//);
  await page.getByRole("button", { name: "Valider mes informations" }).click();
  await expect(page).toHaveURL(/\/compte\/paiements\/retour/);
  await expect(page.getByRole("heading", { name: "Compte de versement" })).toBeVisible();
  await expect(async () => {
    await page.goto("/compte/paiements");
    await expect(page.getByText("Versements activés", { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: /sur Stripe/ })).toHaveCount(0);
}

/** Inflates every FlateDecode stream of a PDF, so the unit tests' text reader can read it. */
function inflatedPdf(pdf: Buffer): Buffer {
  const source = pdf.toString("latin1");
  const parts: Buffer[] = [];
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = source.indexOf("endstream", start);
    try {
      parts.push(zlib.inflateSync(pdf.subarray(start, end)));
    } catch {
      // Not a deflated stream (or trailing bytes): nothing to read there.
    }
  }
  return Buffer.concat(parts);
}

/** /compte/facturation → the simulator's hosted checkout → a SEPA mandate on the test IBAN. */
async function saveSepaMandate(cabinet: Page) {
  await cabinet.goto("/compte/facturation");
  await cabinet.getByRole("button", { name: "Enregistrer un mandat SEPA ou une carte" }).click();
  await expect(cabinet).toHaveURL(/\/simulateur\/checkout\//);
  await cabinet.getByRole("radio", { name: "Mandat SEPA sur l’IBAN ci-dessous" }).check();
  await cabinet.getByLabel("IBAN", { exact: true }).fill("FR1420041010050500013M02606");
  await cabinet.getByRole("button", { name: "Enregistrer" }).click();
  await expect(cabinet).toHaveURL(/\/compte\/facturation\?(enregistre|attente)=1/);
  await expect(async () => {
    await cabinet.goto("/compte/facturation");
    await expect(cabinet.getByText("Prélèvement SEPA •••• 2606")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Staff's /moderation/paiements until the month's payment is collected and both transfers sent; their amounts. */
async function waitForTransfers(staff: Page, month: string) {
  const payment = staff
    .getByRole("region")
    .filter({ hasText: "Frappe des comptes rendus" })
    .filter({ hasText: `Mois ${month}` });
  await expect(async () => {
    await staff.goto("/moderation/paiements");
    await expect(payment).toHaveCount(1, { timeout: 1_000 });
    await expect(payment).toContainText("Encaissé", { timeout: 1_000 });
    const sent = payment.getByRole("listitem").filter({ hasText: "Virement envoyé" });
    await expect(sent).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  // Each line reads "user:<id> : 123,45 € — Virement envoyé".
  const sent = (await payment.getByRole("listitem").allTextContents()).map((text) =>
    euros(/ : (.+?) —/.exec(text)![1]!),
  );
  const contractPath = await payment
    .getByRole("link", { name: /Frappe des comptes rendus/ })
    .getAttribute("href");
  return { sent, contractPath: contractPath! };
}

/** "Net dû à …" of each payee on the month's statement, in cents. */
async function statementShares(page: Page, statementPath: string, names: string[]) {
  await page.goto(statementPath);
  const shares: number[] = [];
  for (const name of names) {
    const amount = page
      .locator("dt", { hasText: `Net dû à ${name}` })
      .locator("xpath=following-sibling::dd[1]");
    shares.push(euros((await amount.textContent()) ?? ""));
  }
  return shares;
}

/** The PDF with the page's session: a real (compressed) PDF; its text, read by the unit tests' reader. */
async function downloadPdfText(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/pdf");
  const pdf = await response.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  return pdfText(inflatedPdf(pdf));
}

const mandatoryMentions = (monthName: string) => [
  /Facture n° \S+/,
  "Claire Morel EI",
  /SIREN \d{3} \d{3} \d{3} — SIRET \d{3} \d{3} \d{3} \d{5}/,
  "18 rue Oberkampf",
  "TVA non applicable, art. 293 B du CGI",
  "SCM Cabinet médical des Tilleuls",
  "12 rue Tronchet",
  "Date d’émission : ",
  `Période de la prestation : du 1er ${monthName}`,
  "Date d’échéance : ",
  "Total HT",
  "Total TTC",
  "trois fois le taux d’intérêt légal",
  "Indemnité forfaitaire pour frais de recouvrement due en cas de retard de paiement : 40 €",
  "Facture établie par Permanence au nom et pour le compte de Claire Morel EI",
];

test("a month of approved work is invoiced, charged by SEPA and transferred to the secretary and her replacement", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { month, name: monthName } = lastParisMonth();

  // The secretary and her replacement onboard on the simulator's hosted page; the business saves a mandate.
  await onboard(await asUser(browser, baseURL, demoAccounts.secretaire.email));
  await onboard(await asUser(browser, baseURL, demoAccounts.remplacante.email));
  const cabinet = await asUser(browser, baseURL, demoAccounts.cabinet.email);
  await saveSepaMandate(cabinet);

  // The job closed last month: one invoice in each payee's name, issued under the billing mandate.
  const claireInvoice = cabinet.getByRole("row").filter({ hasText: "Claire Morel EI" });
  await expect(async () => {
    await cabinet.goto("/factures");
    await expect(claireInvoice).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(claireInvoice).toContainText("émise par Permanence sous mandat");
  await expect(cabinet.getByRole("row").filter({ hasText: "Émilie Garnier EI" })).toHaveCount(1);
  const pdfPath = (await claireInvoice.getByRole("link", { name: "PDF" }).getAttribute("href"))!;

  // Staff see the charge collected (SEPA settles after ~20 s) and both transfers sent, each
  // exactly the payee's net on the month's statement.
  const staff = await asUser(browser, baseURL, demoAccounts.moderation.email);
  const { sent, contractPath } = await waitForTransfers(staff, month);
  const shares = await statementShares(cabinet, `${contractPath}/releves/${month}`, [
    demoAccounts.secretaire.displayName,
    demoAccounts.remplacante.displayName,
  ]);
  expect(shares.every((cents) => cents > 0)).toBe(true);
  expect([...sent].sort((a, b) => a - b)).toEqual([...shares].sort((a, b) => a - b));

  // The invoice PDF downloads with every mandatory mention; another business cannot download it.
  const text = await downloadPdfText(cabinet, pdfPath);
  for (const mention of mandatoryMentions(monthName)) expect(text).toMatch(mention);
  const artisan = await asUser(browser, baseURL, demoAccounts.artisan.email);
  expect((await artisan.request.get(pdfPath)).status()).toBe(404);
});
