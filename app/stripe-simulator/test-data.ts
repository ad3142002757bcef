// Stripe's documented test card numbers and test IBANs, and what each one does in the simulator.
export type CardOutcome = "succeeds" | "card_declined" | "insufficient_funds" | "dispute";
export type TestCard = {
  number: string;
  brand: string;
  outcome: CardOutcome;
  label: string;
  availableNow?: boolean;
};

export const TEST_CARDS: TestCard[] = [
  { number: "4242424242424242", brand: "visa", outcome: "succeeds", label: "Visa — paiement accepté" },
  { number: "4000000000000002", brand: "visa", outcome: "card_declined", label: "Visa — paiement refusé" },
  {
    number: "4000000000009995",
    brand: "visa",
    outcome: "insufficient_funds",
    label: "Visa — fonds insuffisants",
  },
  {
    number: "4000000000000341",
    brand: "visa",
    outcome: "card_declined",
    label: "Visa — enregistrée, puis refusée au paiement",
  },
  {
    number: "4000000000000077",
    brand: "visa",
    outcome: "succeeds",
    label: "Visa — fonds disponibles tout de suite",
    availableNow: true,
  },
  { number: "4000000000000259", brand: "visa", outcome: "dispute", label: "Visa — accepté puis contesté" },
  {
    number: "5555555555554444",
    brand: "mastercard",
    outcome: "succeeds",
    label: "Mastercard — paiement accepté",
  },
];

/** Stripe's `pm_card_*` test payment methods. */
export const TEST_PAYMENT_METHODS: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeCustomerFail: "4000000000000341",
  pm_card_bypassPending: "4000000000000077",
  pm_card_createDispute: "4000000000000259",
};

export type TestIban = { iban: string; outcome: "succeeds" | "fails"; label: string };

export const TEST_IBANS: TestIban[] = [
  {
    iban: "FR1420041010050500013M02606",
    outcome: "succeeds",
    label: "IBAN de test — prélèvement réussi après traitement",
  },
  {
    iban: "FR8420041010050500013M02607",
    outcome: "fails",
    label: "IBAN de test — prélèvement rejeté après traitement",
  },
];

export function cardFor(number: string): TestCard | undefined {
  return TEST_CARDS.find((c) => c.number === number.replace(/\s/g, ""));
}

/** Any well-formed IBAN not in the list succeeds, like a real account with funds. */
export function ibanOutcome(iban: string): "succeeds" | "fails" {
  return TEST_IBANS.find((t) => t.iban === normalizeIban(iban))?.outcome ?? "succeeds";
}

export function normalizeIban(iban: string): string {
  return iban.replace(/\s/g, "").toUpperCase();
}

export function isIban(iban: string): boolean {
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(normalizeIban(iban));
}
