// Use cases of the secretary profile: the owner edits, submits and withdraws her own profile
// (found from her user id, never from an id in a form); visitors list and read published ones.
import { resolveAddress, type AddressResolution, type Commune } from "#app/domain/geo/geo.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { uniqueSlug } from "#app/lib/slug";
import { checkProfileTransition, profileStatusLabels, isProfileStatus } from "./profile-machine";
import { transitionProfile } from "./profile-transition.server";
import {
  canHaveProfile,
  EMAIL_NOT_VERIFIED_MESSAGE,
  incompleteMessage,
  missingForReview,
  PROFILE_OWNER_ONLY_MESSAGE,
  profileVisibility,
} from "./profiles.policy";
import * as repo from "./profiles.repo.server";
import {
  type ProfileInput,
  type PublicProfileDto,
} from "./profiles.schema";

const profileNotFound = () => new DomainError("NOT_FOUND", "Ce profil est introuvable.");

async function requireProfileOwner(actorId: string) {
  const account = await repo.findAccountForProfile(actorId);
  if (!account) throw new DomainError("NOT_FOUND", "Ce compte est introuvable.");
  if (!canHaveProfile(account)) throw new DomainError("FORBIDDEN", PROFILE_OWNER_ONLY_MESSAGE);
  return account;
}

const toDateInput = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** What /compte/profil shows: the editable profile, its status and what it lacks for review. */
export async function getOwnProfilePage({ actorId }: { actorId: string }) {
  const account = await requireProfileOwner(actorId);
  let profile = await repo.findEditableProfileByUserId(actorId);
  if (!profile) {
    // Sign-up creates the draft; an account made another way (agency invitation) gets it here.
    await repo.ensureProfileOfUser(actorId, uniqueSlug(account.displayName));
    profile = await repo.findEditableProfileByUserId(actorId);
    if (!profile) throw profileNotFound();
  }
  const { id, availableFrom, ...content } = profile;
  const rejectionReason = profile.status === "REJECTED" ? await repo.findLastRejectionReason(id) : null;
  return {
    profile: { ...content, availableFrom: toDateInput(availableFrom) },
    rejectionReason,
    emailVerified: account.emailVerifiedAt !== null,
    missing: missingForReview(profile),
  };
}

type BaseLocation = Pick<
  repo.ProfileContentData,
  "basePostcode" | "baseCommune" | "baseInseeCode" | "baseLatitude" | "baseLongitude"
>;
type FieldError = { field: "basePostcode" | "baseCommune"; message: string };

const MAX_LISTED = 15;
function listNames(communes: Commune[]): string {
  const names = communes.slice(0, MAX_LISTED).map((c) => c.name);
  const more = communes.length - names.length;
  return more > 0 ? `${names.join(", ")} et ${more} autres` : names.join(", ");
}

function baseError(resolution: Exclude<AddressResolution, { ok: true }>, postcode: string, commune: string) {
  const list = listNames(resolution.candidates);
  if (resolution.reason === "UNKNOWN_POSTCODE") {
    return {
      field: "basePostcode",
      message: "Nous ne connaissons pas ce code postal. Vérifiez-le.",
    } as const;
  }
  if (resolution.reason === "COMMUNE_MISMATCH") {
    const message = `« ${commune} » ne correspond pas au code postal ${postcode}. Communes possibles : ${list}.`;
    return { field: "baseCommune", message } as const;
  }
  const message = commune
    ? `Plusieurs communes correspondent : ${list}. Précisez laquelle.`
    : `Plusieurs communes ont le code postal ${postcode} : ${list}. Indiquez la vôtre.`;
  return { field: "baseCommune", message } as const;
}

/** On-site work needs a geocoded base; remote-only profiles keep none. */
function resolveBase(input: ProfileInput): { ok: true; base: BaseLocation } | ({ ok: false } & FieldError) {
  if (!input.onSite || !input.basePostcode) {
    const none = {
      basePostcode: null,
      baseCommune: null,
      baseInseeCode: null,
      baseLatitude: null,
      baseLongitude: null,
    };
    return { ok: true, base: none };
  }
  const commune = input.baseCommune ?? "";
  const resolution = resolveAddress({ postcode: input.basePostcode, commune });
  if (!resolution.ok) return { ok: false, ...baseError(resolution, input.basePostcode, commune) };
  const found = resolution.commune;
  // The typed postcode is kept: the table may know the commune under another one (geo README).
  const base = {
    basePostcode: input.basePostcode,
    baseCommune: found.name,
    baseInseeCode: found.inseeCode,
    baseLatitude: found.latitude,
    baseLongitude: found.longitude,
  };
  return { ok: true, base };
}

function toContentData(input: ProfileInput, base: BaseLocation): repo.ProfileContentData {
  const { intent: _intent, basePostcode: _p, baseCommune: _c, availableFrom, radiusKm, ...content } = input;
  return {
    ...content,
    ...base,
    radiusKm: input.onSite ? (radiusKm ?? null) : null,
    availableFrom: availableFrom ? new Date(`${availableFrom}T00:00:00Z`) : null,
  };
}

export type SaveProfileResult =
  | { ok: true; submitted: boolean }
  | { ok: false; fieldErrors?: Record<string, string[]>; formErrors?: string[] };

function submitProblems(status: string, data: repo.ProfileContentData, emailVerified: boolean): string[] {
  if (isProfileStatus(status) && !checkProfileTransition(status, "SUBMIT", "OWNER").ok) {
    return [
      `Votre profil est « ${profileStatusLabels[status]} » : il ne peut pas être envoyé pour validation.`,
    ];
  }
  const missing = missingForReview(data);
  return [
    ...(missing.length ? [incompleteMessage(missing)] : []),
    ...(emailVerified ? [] : [EMAIL_NOT_VERIFIED_MESSAGE]),
  ];
}

/**
 * Saves the owner's profile and, for intent "submit", sends it to review in the same transaction.
 * Saving never changes the status: a PUBLISHED profile stays published and edits are live at
 * once. Edits are not re-moderated; abuse is handled through reports (moderation issue).
 * A refused submission still keeps the saved edits, and says so.
 */
export async function saveOwnProfile({ actorId, input }: { actorId: string; input: ProfileInput }) {
  const account = await requireProfileOwner(actorId);
  const resolved = resolveBase(input);
  if (!resolved.ok)
    return { ok: false, fieldErrors: { [resolved.field]: [resolved.message] } } as SaveProfileResult;
  const data = toContentData(input, resolved.base);
  return db.$transaction(async (tx): Promise<SaveProfileResult> => {
    const profile = await repo.findProfileStateByUserId(tx, actorId);
    if (!profile) throw profileNotFound();
    await repo.updateProfileContent(tx, profile.id, data);
    if (input.intent !== "submit") return { ok: true, submitted: false };
    const problems = submitProblems(profile.status, data, account.emailVerifiedAt !== null);
    if (problems.length) {
      const saved = "Vos modifications sont enregistrées, mais le profil n’a pas été envoyé pour validation.";
      return { ok: false, formErrors: [saved, ...problems] };
    }
    await transitionProfile(tx, {
      profileId: profile.id,
      event: "SUBMIT",
      actor: { id: actorId, as: "OWNER" },
    });
    return { ok: true, submitted: true };
  });
}

/** Takes a published or pending profile offline (back to draft); publishing again needs review. */
export async function unpublishOwnProfile({ actorId }: { actorId: string }) {
  await requireProfileOwner(actorId);
  await db.$transaction(async (tx) => {
    const profile = await repo.findProfileStateByUserId(tx, actorId);
    if (!profile) throw profileNotFound();
    await transitionProfile(tx, {
      profileId: profile.id,
      event: "UNPUBLISH",
      actor: { id: actorId, as: "OWNER" },
    });
  });
}

/**
 * A published profile for anyone; a non-published one only for its owner or staff, as a preview.
 * A suspended account's profile is treated as not published.
 */
export async function getPublicProfile({
  slug,
  viewer,
}: {
  slug: string;
  viewer: { id: string; role: string } | null;
}) {
  const found = await repo.findProfileBySlug(slug);
  if (!found) throw profileNotFound();
  const { userId, ownerSuspended, availableFrom, ...content } = found;
  const status = ownerSuspended ? "SUSPENDED" : content.status;
  const visibility = profileVisibility(viewer, { userId, status });
  if (visibility === "hidden") throw profileNotFound();
  const profile: PublicProfileDto = { ...content, availableFrom: toDateInput(availableFrom) };
  return { profile, preview: visibility === "preview" };
}
