import { describe, expect, it } from "vitest";
import { MASK, maskContactDetails } from "#app/domain/chat/chat-masking";

describe("maskContactDetails", () => {
  it.each([
    ["Écrivez-moi à claire.morel@gmail.com demain", `Écrivez-moi à ${MASK} demain`],
    ["CLAIRE+pro@exemple.co.uk", MASK],
    ["Appelez le 06 12 34 56 78 svp", `Appelez le ${MASK} svp`],
    ["Appelez le 06.12.34.56.78", `Appelez le ${MASK}`],
    ["Appelez le 06-12-34-56-78.", `Appelez le ${MASK}.`],
    ["Mon portable : +33 6 12 34 56 78", `Mon portable : ${MASK}`],
    ["0612345678", MASK],
    ["Fixe 01 23 45 67 89 ou mail a.b@c.fr", `Fixe ${MASK} ou mail ${MASK}`],
    ["0 6 1 2 3 4 5 6 7 8", MASK],
  ])("masks %s", (text, expected) => {
    expect(maskContactDetails(text)).toBe(expected);
  });

  it.each([
    "Bonjour, je suis disponible le 12/01/2027 à 14h30.",
    "Le tarif est de 30 € de l’heure, 20 heures par mois.",
    "Voir https://permanence.fr/missions pour le détail.",
    "Rendez-vous au 12 rue de la Paix, 75002 Paris.",
  ])("leaves %s alone", (text) => {
    expect(maskContactDetails(text)).toBeNull();
  });

  it("keeps the rest of a long text untouched", () => {
    const text = "Bonjour,\nvoici mon numéro 07 98 76 54 32 et mon adresse x@y.fr.\nÀ bientôt";
    expect(maskContactDetails(text)).toBe(
      `Bonjour,\nvoici mon numéro ${MASK} et mon adresse ${MASK}.\nÀ bientôt`,
    );
  });
});
