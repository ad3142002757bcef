// The fixed demo logins, shared by the seed, the README and the end-to-end tests.
// Client-safe: plain constants, no server import.

export const demoPassword = "permanence-demo";

/**
 * The TOTP secret (base32, RFC 6238: SHA-1, 6 digits, 30 s) the demo staff accounts are enrolled
 * with, so the demo and the end-to-end tests can pass the staff second factor. Public on purpose:
 * add it to an authenticator app, or run `npm run staff:totp -- moderation@demo.permanence.fr`.
 * Real staff accounts get their own random secret at their first login.
 */
export const demoStaffTotpSecret = "PERMANENCEDEMOSTAFFTOTP234567ABC";

type DemoAccount = {
  email: string;
  password: string;
  displayName: string;
  /** Who this is, in French, for the CLI summary and the README. */
  description: string;
  organization?: string;
  /** Public profile slug, for secretaries. */
  slug?: string;
};

export const demoAccounts = {
  cabinet: {
    email: "cabinet@demo.permanence.fr",
    password: demoPassword,
    displayName: "Hélène Vasseur",
    description: "Entreprise — Cabinet médical des Tilleuls, Lyon",
    organization: "Cabinet médical des Tilleuls",
  },
  artisan: {
    email: "artisan@demo.permanence.fr",
    password: demoPassword,
    displayName: "Marc Guérin",
    description: "Entreprise — Plomberie Guérin et Fils, Nantes",
    organization: "Plomberie Guérin et Fils",
  },
  secretaire: {
    email: "secretaire@demo.permanence.fr",
    password: demoPassword,
    displayName: "Claire Morel",
    description: "Secrétaire médicale indépendante, profil publié, Paris (sur site à 15 km)",
    slug: "claire-morel",
  },
  remplacante: {
    email: "remplacante@demo.permanence.fr",
    password: demoPassword,
    displayName: "Émilie Garnier",
    description:
      "Secrétaire médicale indépendante, profil publié, Paris — a remplacé Claire Morel une semaine le mois dernier",
    slug: "emilie-garnier",
  },
  nouvelle: {
    email: "nouvelle@demo.permanence.fr",
    password: demoPassword,
    displayName: "Inès Benali",
    description: "Secrétaire, profil en attente de validation, Bordeaux",
    slug: "ines-benali",
  },
  agence: {
    email: "agence@demo.permanence.fr",
    password: demoPassword,
    displayName: "Nathalie Roux",
    description: "Agence — Télésecrétariat Provence, Marseille",
    organization: "Télésecrétariat Provence",
  },
  membre: {
    email: "membre@demo.permanence.fr",
    password: demoPassword,
    displayName: "Laura Fabre",
    description: "Secrétaire membre de Télésecrétariat Provence, profil publié",
    organization: "Télésecrétariat Provence",
    slug: "laura-fabre",
  },
  membre2: {
    email: "membre2@demo.permanence.fr",
    password: demoPassword,
    displayName: "Sandrine Giraud",
    description: "Secrétaire membre de Télésecrétariat Provence, profil publié",
    organization: "Télésecrétariat Provence",
    slug: "sandrine-giraud",
  },
  moderation: {
    email: "moderation@demo.permanence.fr",
    password: demoPassword,
    displayName: "Julien Mercier",
    description: "Équipe Permanence — modérateur",
  },
  admin: {
    email: "admin@demo.permanence.fr",
    password: demoPassword,
    displayName: "Sophie Lambert",
    description: "Équipe Permanence — administratrice",
  },
} as const satisfies Record<string, DemoAccount>;

export type DemoAccountKey = keyof typeof demoAccounts;
