import { createEmbeddedEngine } from "#search/embedded/embedded-engine";
import { secretaryFacets } from "#search/query";
const engine = await createEmbeddedEngine({ url: "file:" + process.argv[2] });
for (const q of ["agenda", "agnda", "secretaire medcale", "comptabilite", "rdv medical"]) {
  const times = []; let r;
  for (let i = 0; i < 6; i++) { const t = performance.now(); r = await engine.search({ index: "secretaries", text: q, filters: {}, sort: "relevance", page: 1, perPage: 20, facets: [...secretaryFacets] }); times.push(performance.now() - t); }
  console.log(q.padEnd(25), times.map((x) => x.toFixed(1)).join(" "), "total", r.total);
}
