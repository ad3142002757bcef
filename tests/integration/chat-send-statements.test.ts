// What one `message:send` costs the database, pinned: every SQL statement the libSQL client runs
// (BEGIN and COMMIT included) while a socket sends one message and the other side receives it. At
// ~1 ms of client overhead per statement, the send latency follows this count (docs/BENCHMARKS.md).
import { Sqlite3Client, Sqlite3Transaction } from "@libsql/client/sqlite3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetMessageLimits } from "#app/domain/chat/chat-rate-limit.server";
import {
  closeAllSockets,
  connectAs,
  emitAck,
  missionConversation,
  newClientId,
  nextEvent,
  startInstance,
  type Instance,
} from "./realtime-harness";

/** The SQL of every statement the libSQL client runs during `work`. */
async function recordStatements(work: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const restore: (() => void)[] = [];
  const spy = (proto: object, method: string, sqlOf: (args: unknown[]) => string) => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = target[method]!;
    target[method] = function (this: unknown, ...args: unknown[]) {
      statements.push(sqlOf(args));
      return original.apply(this, args);
    };
    restore.push(() => (target[method] = original));
  };
  const sqlOf = ([stmt]: unknown[]) =>
    (typeof stmt === "string" ? stmt : (stmt as { sql: string }).sql).replace(/\s+/g, " ").trim();
  spy(Sqlite3Client.prototype, "execute", sqlOf);
  spy(Sqlite3Client.prototype, "transaction", () => "BEGIN");
  spy(Sqlite3Transaction.prototype, "execute", sqlOf);
  spy(Sqlite3Transaction.prototype, "commit", () => "COMMIT");
  try {
    await work();
  } finally {
    for (const undo of restore) undo();
  }
  return statements;
}

/** "VERB Table": the statement's first word and the table it reads or writes (none for a WITH). */
function summary(sql: string): string {
  const verb = sql.split(" ")[0]!;
  if (verb === "WITH") return verb;
  const table = /(?:FROM|INTO|UPDATE)\s+(?:`main`\.)?[`"](\w+)[`"]/.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

let server: Instance;
beforeAll(async () => (server = await startInstance()));
afterAll(async () => server.close());
beforeEach(() => resetMessageLimits());
afterEach(() => closeAllSockets());

describe("the cost of one message:send", () => {
  it("runs a pinned number of SQL statements, from the socket event to the delivery", async () => {
    const { business, secretary, conversationId } = await missionConversation();
    const sender = await connectAs(server.url, business.id);
    const receiver = await connectAs(server.url, secretary.id);
    const send = async (body: string) => {
      const delivered = nextEvent(receiver, "message:new");
      const ack = await emitAck(sender, "message:send", { conversationId, clientId: newClientId(), body });
      expect(ack).toMatchObject({ ok: true });
      await delivered;
    };
    await send("Premier message"); // warms up whatever is loaded once
    const statements = await recordStatements(() => send("Bonjour, le planning de lundi vous convient ?"));
    // Before this was pinned: 26 (docs/BENCHMARKS.md, chat). The session, the access check (members,
    // bid, contract, masking), then numbering, writing and the sender's read mark in one transaction.
    expect(statements.map(summary)).toEqual([
      "SELECT Session",
      "WITH",
      "BEGIN",
      "UPDATE Conversation",
      "INSERT Message",
      "INSERT ConversationRead",
      "COMMIT",
    ]);
  });
});
