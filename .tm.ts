import { createClient } from "@libsql/client";
import { buildTextMatch } from "#search/embedded/text-query";
import { Vocabulary } from "#search/embedded/vocabulary";
const client = createClient({ url: "file:" + process.argv[2] });
const vocab = new Vocabulary(client, "secretaries");
let t = performance.now(); await vocab.refresh(); console.log("load", (performance.now() - t).toFixed(1), (await client.execute("select count(*) n from secretaries_terms")).rows[0].n);
for (const q of ["secretaire medcale", "asistante juridique", "agnda", "comptabilite", "acceuil telephonique", "rdv medical", "secretaire a distance"]) {
  t = performance.now(); const m = await buildTextMatch(q, vocab); const ms = performance.now() - t;
  console.log(q, ms.toFixed(2), JSON.stringify(m).length, JSON.stringify(m).slice(0, 300));
}
