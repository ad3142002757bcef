// The secretary search page on the demo data: as-you-type with JavaScript, a plain GET form
// without it, and the on-site reach (the demo agency, Télésecrétariat Provence, is in Marseille:
// Sandrine Giraud works on site within 20 km of Marseille 8e; Laura Fabre works remotely only).
import { expect, test, type Page } from "@playwright/test";
import { demoAccounts } from "../../app/cli/seed/demo-accounts";

const claire = demoAccounts.secretaire.displayName;
const sandrine = demoAccounts.membre2.displayName;
const laura = demoAccounts.membre.displayName;

const count = (page: Page) => page.getByRole("status").filter({ hasText: /\d+ secrétaires?/ });
const card = (page: Page, name: string) =>
  page.getByRole("article").filter({ has: page.getByRole("link", { name }) });

/** The server fills the index from the seed just after it starts: wait until it answers. */
async function openSearch(page: Page, search = "") {
  await expect(async () => {
    await page.goto(`/secretaires${search}`);
    await expect(count(page)).not.toHaveText(/^0 secrétaire/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test("with JavaScript, results follow the typing, without pressing the button, and the caret stays", async ({
  page,
}) => {
  await openSearch(page);
  const everyone = await count(page).textContent();
  const box = page.getByLabel("Que cherchez-vous ?");
  await box.click();
  await box.pressSequentially("Doctolib", { delay: 40 });
  await expect(page).toHaveURL(/\/secretaires\?q=Doctolib$/);
  await expect(count(page)).not.toHaveText(everyone ?? "");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("Doctolib");

  // One page of verified Doctolib users on the demo data, Claire Morel among them.
  await page.getByRole("checkbox", { name: /^Profils vérifiés uniquement/ }).check();
  await expect(page).toHaveURL(/q=Doctolib&verifiee=oui/);
  await expect(card(page, claire)).toBeVisible();
  await expect(count(page)).toHaveAttribute("aria-live", "polite");
});

test("a reach search around Marseille 6e finds the demo agency's on-site member, with her distance", async ({
  page,
}) => {
  await openSearch(page);
  await page.getByLabel(/Sur place à/).fill("13006");
  await page.getByRole("radio", { name: /^Membres d’une agence/ }).check();
  await expect(page).toHaveURL(/adresse=13006/);
  const found = card(page, sandrine);
  await expect(found).toBeVisible();
  await expect(found).toContainText("Agence Télésecrétariat Provence");
  await expect(found).toContainText(/à \d+ km/);
  await expect(found).toContainText("Se déplace jusqu’à 20 km autour de Marseille 8e Arrondissement");
  await expect(count(page)).toContainText("pouvant se déplacer à Marseille 6e Arrondissement (13006)");
  // Remote only: no on-site reach, so not listed for an address.
  await expect(card(page, laura)).toHaveCount(0);
  await expect(card(page, claire)).toHaveCount(0);
});

test("the home page search box leads to the results", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Que cherchez-vous ?").fill("Doctolib");
  await page.getByLabel("Code postal (facultatif)").fill("75011 Paris");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page).toHaveURL(/\/secretaires\?q=Doctolib&adresse=75011\+Paris/);
  await expect(card(page, claire)).toBeVisible();
  await expect(card(page, claire)).toContainText(/à (moins de 1|\d+) km/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form is a plain GET: filters, sort and pagination work from the URL", async ({ page }) => {
    await openSearch(page);
    await page.getByLabel("Que cherchez-vous ?").fill("Doctolib");
    await page.getByRole("checkbox", { name: /^Prise de rendez-vous \(\d+\)$/ }).check();
    await page.getByLabel("Trier par").selectOption({ label: "Mieux notées" });
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page).toHaveURL(/q=Doctolib/);
    await expect(page).toHaveURL(/competences=APPOINTMENT_BOOKING/);
    await expect(page).toHaveURL(/tri=note/);
    await expect(card(page, claire)).toBeVisible();
    await expect(page.getByLabel("Que cherchez-vous ?")).toHaveValue("Doctolib");
    await expect(page.getByRole("checkbox", { name: /^Prise de rendez-vous/ })).toBeChecked();
  });

  test("pages keep the query, and a bad parameter gives a French message, not an error page", async ({
    page,
  }) => {
    await openSearch(page, "?distance=oui");
    const pagination = page.getByRole("navigation", { name: "Pagination" });
    await pagination.getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/\/secretaires\?distance=oui&page=2$/);
    await expect(pagination.locator("[aria-current=page]")).toHaveText(/2/);

    const response = await page.goto("/secretaires?page=abc&tarifMax=beaucoup");
    expect(response?.status()).toBe(400);
    const problems = page.getByRole("alert").filter({ hasText: "Une partie de la recherche" });
    await expect(problems).toContainText("Le numéro de page n’est pas valide.");
    await expect(problems).toContainText("Le tarif maximum doit être un montant en euros");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trouver une secrétaire");
  });
});
