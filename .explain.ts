import { createClient } from "@libsql/client";
import { planSecretaryFilter } from "#search/filter";
import { searchStatements } from "#search/embedded/search-sql";
import { buildTextMatch } from "#search/embedded/text-query";
import { Vocabulary } from "#search/embedded/vocabulary";
import { attrCode, indexSpecs } from "#search/embedded/index-spec";
import { secretaryFacets } from "#search/query";
const client = createClient({ url: "file:" + process.argv[2] });
const req: any = JSON.parse(process.argv[3]!);
const request = { index: "secretaries", text: "", filters: {}, sort: "relevance", page: 1, perPage: 20, facets: [...secretaryFacets], ...req };
const plan = planSecretaryFilter(request.filters);
const vocab = new Vocabulary(client, "secretaries");
const text = await buildTextMatch(request.text, vocab);
console.log(JSON.stringify(text).slice(0, 600));
const st = searchStatements(request, plan, text.kind === "match" ? text : null, { wanted: true, compact: true });
for (const [name, s] of Object.entries({ page: st.page, stats: st.stats, facets: st.facets })) {
  if (!s) continue;
  const plan = await client.execute({ sql: "EXPLAIN QUERY PLAN " + s.text, args: s.args });
  console.log("==", name, s.text.slice(0, 300));
  for (const r of plan.rows) console.log("   ", r.detail);
  for (let i = 0; i < 2; i++) { const t = performance.now(); const r = await client.execute({ sql: s.text, args: s.args }); console.log("   ms", (performance.now() - t).toFixed(1), "rows", r.rows.length); }
}
