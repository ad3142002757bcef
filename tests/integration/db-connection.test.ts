import { describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server";

// @libsql/client gives its connection away to each interactive transaction and opens a fresh one,
// without our PRAGMAs, for what follows; app/lib/db.server.ts keeps transactions on the tuned one.
const pragma = async (name: string) => {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);
  return Number(Object.values(rows[0] ?? {})[0]);
};

describe("the SQLite connection", () => {
  it("keeps foreign keys, the busy timeout and synchronous=NORMAL after interactive transactions", async () => {
    for (let i = 0; i < 3; i++) await db.$transaction(async (tx) => tx.user.count());
    expect(await pragma("foreign_keys")).toBe(1);
    expect(await pragma("busy_timeout")).toBe(5000);
    expect(await pragma("synchronous")).toBe(1);
  });

  it("enforces foreign keys inside a transaction and rolls the whole transaction back", async () => {
    const before = await db.organization.count();
    await expect(
      db.$transaction(async (tx) => {
        await tx.organization.create({ data: { kind: "BUSINESS", name: "Cabinet test FK", slug: "cabinet-test-fk" } });
        await tx.membership.create({ data: { userId: "no-such-user", organizationId: "no-such-org", role: "OWNER" } });
      }),
    ).rejects.toThrow();
    expect(await db.organization.count()).toBe(before);
  });

  it("lets queries outside a transaction run after a rolled-back one", async () => {
    await expect(db.$transaction(async () => Promise.reject(new Error("abandon")))).rejects.toThrow("abandon");
    expect(await pragma("foreign_keys")).toBe(1);
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
  });
});
