import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "#app/auth/password.server";
import { startSession } from "#app/auth/session.server";
import { createStaffAccount } from "#app/domain/moderation/staff-accounts.server";
import { db } from "#app/lib/db.server";
import { DomainError } from "#app/lib/domain-error";
import { createBusiness, createSecretary, createStaff, uniqueEmail } from "#tests/factories/users";
import { projectRoot } from "#tests/setup/paths";

const userByEmail = (email: string) =>
  db.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      kind: true,
      role: true,
      displayName: true,
      emailVerifiedAt: true,
      passwordHash: true,
    },
  });

const refusal =
  "Cette adresse appartient déjà à un compte de la place de marché (entreprise, secrétaire ou agence). " +
  "Les comptes de l’équipe sont séparés : utilisez une autre adresse e-mail.";

describe("createStaffAccount", () => {
  it("creates a verified moderator with a strong random password and records it", async () => {
    const email = uniqueEmail("modo");
    const result = await createStaffAccount({
      email: `  ${email.toUpperCase()} `,
      role: "MODERATOR",
      name: "Nadia Roux",
    });
    expect(result).toMatchObject({ outcome: "created", email, role: "MODERATOR", previousRole: null });
    expect(result.password.length).toBeGreaterThanOrEqual(20);

    const user = await userByEmail(email);
    expect(user).toMatchObject({ kind: "STAFF", role: "MODERATOR", displayName: "Nadia Roux" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, result.password)).toBe(true);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { targetType: "User", targetId: user.id },
      select: { action: true, actorId: true, after: true },
    });
    expect(entry).toEqual({ action: "STAFF_CREATE", actorId: user.id, after: { role: "MODERATOR" } });
  });

  it("creates an admin and names it after the address when no name is given", async () => {
    const email = uniqueEmail("chef");
    await createStaffAccount({ email, role: "ADMIN" });
    expect(await userByEmail(email)).toMatchObject({ role: "ADMIN", displayName: email.split("@")[0] });
  });

  it("gives two accounts two different passwords", async () => {
    const a = await createStaffAccount({ email: uniqueEmail("a"), role: "MODERATOR" });
    const b = await createStaffAccount({ email: uniqueEmail("b"), role: "MODERATOR" });
    expect(a.password).not.toBe(b.password);
  });

  it("promotes an existing moderator, replaces the password and signs her out everywhere", async () => {
    const staff = await createStaff("MODERATOR");
    const before = await userByEmail(staff.email);
    await startSession(staff.id);
    const result = await createStaffAccount({ email: staff.email, role: "ADMIN" });
    expect(result).toMatchObject({
      outcome: "updated",
      role: "ADMIN",
      previousRole: "MODERATOR",
      userId: staff.id,
    });

    const after = await userByEmail(staff.email);
    expect(after.role).toBe("ADMIN");
    expect(after.displayName).toBe(before.displayName);
    expect(await verifyPassword(after.passwordHash, result.password)).toBe(true);
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(0);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { targetId: staff.id, action: "STAFF_UPDATE" },
      select: { before: true, after: true },
    });
    expect(entry).toEqual({ before: { role: "MODERATOR" }, after: { role: "ADMIN" } });
  });

  it("never demotes an admin when run without --admin", async () => {
    const staff = await createStaff("ADMIN");
    const result = await createStaffAccount({ email: staff.email, role: "MODERATOR" });
    expect(result.role).toBe("ADMIN");
    expect((await userByEmail(staff.email)).role).toBe("ADMIN");
  });

  it.each([
    ["a business", () => createBusiness()],
    ["a secretary", () => createSecretary()],
  ])("refuses the address of %s and changes nothing", async (_label, factory) => {
    const existing = await factory();
    const before = await userByEmail(existing.email);
    const auditCount = await db.auditLog.count();
    const attempt = createStaffAccount({ email: existing.email, role: "ADMIN" });
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toThrow(refusal);
    expect(await userByEmail(existing.email)).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it("refuses an invalid address or role with a French message", async () => {
    const count = await db.user.count();
    await expect(createStaffAccount({ email: "pas-un-email", role: "MODERATOR" })).rejects.toThrow(
      "L’adresse e-mail n’est pas valide.",
    );
    // @ts-expect-error the role comes from the command line in real use
    await expect(createStaffAccount({ email: uniqueEmail(), role: "USER" })).rejects.toThrow(
      "Le rôle doit être MODERATOR ou ADMIN.",
    );
    expect(await db.user.count()).toBe(count);
  });
});

describe("npm run staff:create (the command itself)", () => {
  const run = (...args: string[]) =>
    promisify(execFile)(
      path.join(projectRoot, "node_modules/.bin/tsx"),
      ["app/cli/staff-create.ts", ...args],
      {
        cwd: projectRoot,
        env: { ...process.env, NODE_ENV: "test" },
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );

  it("prints the password once with the login address", async () => {
    const email = uniqueEmail("cli");
    const result = await run(email, "--admin", "--name", "Claire Console");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Compte d’équipe créé : ${email} (administrateur).`);
    expect(result.stdout).toMatch(/\/connexion\?redirectTo=%2Fmoderation/);
    const password = result.stdout.match(/notez-le\) : (\S+)/)?.[1];
    const user = await userByEmail(email);
    expect(user).toMatchObject({ role: "ADMIN", displayName: "Claire Console" });
    expect(await verifyPassword(user.passwordHash, password!)).toBe(true);
  });

  it("exits with code 1 and a French message for a marketplace address, a bad address or no address", async () => {
    const business = await createBusiness();
    const refused = await run(business.email);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(refusal);
    expect((await userByEmail(business.email)).role).toBe("USER");

    expect(await run("pas-un-email")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("L’adresse e-mail n’est pas valide."),
    });
    expect(await run()).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Utilisation : npm run staff:create"),
    });
  });
});
