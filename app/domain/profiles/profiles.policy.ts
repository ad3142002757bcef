// Who may do what with a secretary profile, and when a profile may go to review. Pure.
import { profileLimits } from "./profiles.schema";
import type { BillingMode } from "./taxonomy";

type Viewer = { id: string; role: string } | null;

export const PROFILE_OWNER_ONLY_MESSAGE =
  "Cette page est réservée aux secrétaires : seules elles ont un profil public sur Permanence.";

/** Only secretaries have a profile; agency members are secretaries (kind SECRETARY) too. */
export function canHaveProfile(user: { kind: string }): boolean {
  return user.kind === "SECRETARY";
}

export function isStaffRole(role: string): boolean {
  return role === "MODERATOR" || role === "ADMIN";
}

/**
 * "public": anyone sees it; "preview": only its owner or staff, with a banner; "hidden": 404.
 * A hidden profile answers exactly like a missing one, so its existence does not leak.
 */
export function profileVisibility(
  viewer: Viewer,
  profile: { userId: string; status: string },
): "public" | "preview" | "hidden" {
  if (profile.status === "PUBLISHED") return "public";
  if (viewer && (viewer.id === profile.userId || isStaffRole(viewer.role))) return "preview";
  return "hidden";
}

type ReviewableProfile = {
  headline: string;
  bio: string;
  skills: readonly string[];
  billingModes: readonly BillingMode[];
  hourlyRateCents: number | null;
  taskPrices: readonly unknown[];
};

/** What the profile still lacks before a moderator can review it, in French; [] when complete. */
export function missingForReview(profile: ReviewableProfile): string[] {
  const missing: string[] = [];
  if (!profile.headline.trim()) missing.push("un titre");
  if (profile.bio.trim().length < profileLimits.bioMinForReview) {
    missing.push(`une présentation d’au moins ${profileLimits.bioMinForReview} caractères`);
  }
  if (profile.skills.length === 0) missing.push("au moins une compétence");
  if (profile.billingModes.length === 0) missing.push("au moins un mode de facturation");
  if (profile.billingModes.includes("HOURLY") && profile.hourlyRateCents === null) {
    missing.push("votre tarif horaire (vous acceptez la facturation à l’heure)");
  }
  if (profile.billingModes.includes("PER_TASK") && profile.taskPrices.length === 0) {
    missing.push("au moins un prix à la tâche (vous acceptez la facturation à la tâche)");
  }
  return missing;
}

export function incompleteMessage(missing: readonly string[]): string {
  return `Votre profil n’est pas encore complet. Il manque : ${missing.join(", ")}.`;
}

export const EMAIL_NOT_VERIFIED_MESSAGE =
  "Confirmez d’abord votre adresse e-mail avec le lien reçu à l’inscription : c’est nécessaire pour envoyer votre profil en validation.";
