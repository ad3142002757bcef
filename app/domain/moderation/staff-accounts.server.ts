// Creating staff accounts from the server's command line (npm run staff:create). There is no web
// sign-up for staff: whoever can run commands on the server is trusted to name the first admins.
//
// Decision: staff accounts are separate from marketplace accounts. An address already used by a
// business, a secretary or an agency is refused rather than promoted, so that a moderator never
// reviews her own profile or mission and a marketplace session never carries staff powers.
import crypto from "node:crypto";
import { hashPassword } from "#app/auth/password.server";
import { db, type Tx } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { recordAudit } from "./audit.server";
import { staffAccountSchema, type StaffAccountInput, type StaffRoleName } from "./staff-accounts.schema";

export type StaffAccountResult = {
  outcome: "created" | "updated";
  userId: string;
  email: string;
  role: StaffRoleName;
  previousRole: string | null;
  /** Shown once by the command, never stored in clear. */
  password: string;
  suspended: boolean;
};

/**
 * From the staff console (/moderation/equipe): the admin is the audit actor, and an existing
 * account is refused (the console never resets a password by "creating" again).
 */
export type StaffAccountOptions = { actorId?: string; createOnly?: boolean };

const roleRank: Record<string, number> = { USER: 0, MODERATOR: 1, ADMIN: 2 };

/** ~144 random bits, URL-safe so it survives copy-paste from a terminal. */
function generatePassword(): string {
  return crypto.randomBytes(18).toString("base64url");
}

function defaultName(email: string): string {
  const local = email.split("@")[0] ?? "";
  return local.length >= 2 ? local.slice(0, 80) : "Équipe Permanence";
}

/**
 * Creates a verified STAFF user, or updates an existing one: the role only ever goes up (running
 * the command without --admin never demotes an admin) and a fresh password replaces the old one,
 * which signs the account out everywhere — the command doubles as staff password recovery.
 */
export async function createStaffAccount(
  input: StaffAccountInput,
  options: StaffAccountOptions = {},
): Promise<StaffAccountResult> {
  const parsed = staffAccountSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("VALIDATION", parsed.error.issues[0]!.message);
  const { email, role, name } = parsed.data;
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, kind: true, role: true, emailVerifiedAt: true, suspendedAt: true },
    });
    if (!existing)
      return createUser(tx, { email, role, name: name ?? defaultName(email), passwordHash }, options.actorId);
    if (options.createOnly)
      throw new DomainError("CONFLICT", "Un compte existe déjà avec cette adresse e-mail.");
    if (existing.kind !== "STAFF") {
      throw new DomainError(
        "CONFLICT",
        "Cette adresse appartient déjà à un compte de la place de marché (entreprise, secrétaire ou agence). " +
          "Les comptes de l’équipe sont séparés : utilisez une autre adresse e-mail.",
      );
    }
    return updateUser(tx, existing, { role, name, passwordHash });
  });
  return { ...result, email, password };
}

async function createUser(
  tx: Tx,
  input: { email: string; role: StaffRoleName; name: string; passwordHash: string },
  actorId?: string,
) {
  const userId = crypto.randomUUID();
  await tx.user.create({
    data: {
      id: userId,
      email: input.email,
      displayName: input.name,
      passwordHash: input.passwordHash,
      kind: "STAFF",
      role: input.role,
      emailVerifiedAt: new Date(),
    },
    select: { id: true },
  });
  // No signed-in actor runs the command: the account is recorded as acting on itself.
  await recordAudit(tx, {
    actorId: actorId ?? userId,
    action: "STAFF_CREATE",
    targetType: "User",
    targetId: userId,
    reason: actorId ? "Console d’administration" : "Commande staff:create",
    before: null,
    after: { role: input.role },
  });
  return { outcome: "created" as const, userId, role: input.role, previousRole: null, suspended: false };
}

type ExistingStaff = { id: string; role: string; emailVerifiedAt: Date | null; suspendedAt: Date | null };

async function updateUser(
  tx: Tx,
  existing: ExistingStaff,
  input: { role: StaffRoleName; name?: string; passwordHash: string },
) {
  const role: StaffRoleName = (roleRank[existing.role] ?? 0) > roleRank[input.role]! ? "ADMIN" : input.role;
  await tx.user.update({
    where: { id: existing.id },
    data: {
      role,
      passwordHash: input.passwordHash,
      emailVerifiedAt: existing.emailVerifiedAt ?? new Date(),
      ...(input.name ? { displayName: input.name } : {}),
    },
    select: { id: true },
  });
  await tx.session.deleteMany({ where: { userId: existing.id } });
  await recordAudit(tx, {
    actorId: existing.id,
    action: "STAFF_UPDATE",
    targetType: "User",
    targetId: existing.id,
    reason: "Commande staff:create (nouveau mot de passe)",
    before: { role: existing.role },
    after: { role },
  });
  return {
    outcome: "updated" as const,
    userId: existing.id,
    role,
    previousRole: existing.role,
    suspended: existing.suspendedAt !== null,
  };
}
