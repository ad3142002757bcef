import { createEmbeddedEngine } from "#search/embedded/embedded-engine";
import { secretaryFacets } from "#search/query";
const engine = await createEmbeddedEngine({ url: "file:" + process.argv[2] });
const extra = JSON.parse(process.argv[3] ?? "{}");
for (const q of ["secretaire medcale", "asistante juridique", "agnda", "comptabilite", "acceuil telephonique", "rdv medical", "secretaire a distance"]) {
  const times = [];
  let r;
  for (let i = 0; i < 5; i++) { const t = performance.now(); r = await engine.search({ index: "secretaries", text: q, filters: {}, sort: "relevance", page: 1, perPage: 20, facets: [...secretaryFacets], ...extra }); times.push(performance.now() - t); }
  console.log(q.padEnd(25), times.map((x) => x.toFixed(1)).join(" "), "total", r.total);
}
