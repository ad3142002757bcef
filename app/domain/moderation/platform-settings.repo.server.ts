// The PlatformSetting table: settings admins change at run time (today only the commission rate).
import { type db, type Tx } from "#app/lib/db.server";

export const PLATFORM_FEE_KEY = "PLATFORM_FEE_BPS";

export async function findSetting(client: Tx | typeof db, key: string): Promise<string | null> {
  const row = await client.platformSetting.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

export async function writeSetting(tx: Tx, input: { key: string; value: string; updatedById: string }) {
  await tx.platformSetting.upsert({
    where: { key: input.key },
    create: input,
    update: { value: input.value, updatedById: input.updatedById },
    select: { key: true },
  });
}
