// Prisma 6 runs here without downloaded engines: the CLI talks to SQLite/libSQL through the
// same driver adapter as the app (see docs/decisions/002-sqlite-libsql-prisma6.md).
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { PrismaConfig } from "prisma";
import { databaseUrl } from "../app/lib/database-url";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("..", "prisma", "schema.prisma"),
  migrations: { path: path.join("..", "prisma", "migrations") },
  async adapter() {
    return new PrismaLibSQL({ url: databaseUrl(), authToken: process.env.DATABASE_AUTH_TOKEN });
  },
} satisfies PrismaConfig;
