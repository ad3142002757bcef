// The restricted archive of what the law makes us keep after an erasure (RetainedRecord).
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db, type Tx } from "#app/lib/db.server";

export type RetainedKind = "INVOICING_IDENTITY" | "BILLING_MANDATE" | "PAYOUT_ACCOUNT" | "TAX_RECORD";

export type RetainedInput = { kind: RetainedKind; payload: Prisma.InputJsonValue };

export async function retainRecords(
  tx: Tx,
  formerUserId: string,
  records: RetainedInput[],
  retainUntil: Date,
): Promise<number> {
  if (records.length === 0) return 0;
  const { count } = await tx.retainedRecord.createMany({
    data: records.map((record) => ({
      formerUserId,
      kind: record.kind,
      payload: record.payload,
      retainUntil,
    })),
  });
  return count;
}

/** Deletes the records whose legal retention has ended (retainUntil strictly in the past). */
export async function deleteExpiredRecords(now: Date): Promise<number> {
  const { count } = await db.retainedRecord.deleteMany({ where: { retainUntil: { lt: now } } });
  return count;
}
