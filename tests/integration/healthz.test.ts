import { describe, expect, it } from "vitest";
import * as healthz from "#app/routes/healthz";
import { getRequest } from "#tests/setup/requests";
import { runRoute } from "#tests/setup/route-result";

describe("/healthz", () => {
  it("answers ok when the database answers", async () => {
    const result = await runRoute(healthz.loader, await getRequest("/healthz"));
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ status: "ok", database: "ok" });
    expect(result.headers.get("Cache-Control")).toBe("no-store");
  });
});
