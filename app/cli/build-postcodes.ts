// Rebuilds app/domain/geo/postcodes.json from the communes CSV kept outside the repository
// (see app/domain/geo/README.md). The app only ever reads the JSON; this script is the one
// place that knows about the CSV, so it runs by hand when the reference data changes:
//   npx tsx app/cli/build-postcodes.ts [path-to-csv]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One row of postcodes.json: [name, INSEE code, latitude, longitude]. */
export type CommuneRow = [name: string, inseeCode: string, latitude: number, longitude: number];
export type PostcodeTable = Record<string, CommuneRow[]>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const defaultCsv = path.resolve(repoRoot, "../shared/data/france_communes_2022.csv");
const outputPath = path.join(repoRoot, "app/domain/geo/postcodes.json");

// The source gives one postcode per commune. Paris 16e is the only arrondissement with two
// (75016 south, 75116 north) and the file lists only 75116, so 75016 would be unknown.
const EXTRA_POSTCODES: Record<string, string[]> = { "75116": ["75016"] };

/** RFC 4180 parser: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"' && (quoted || field === "")) {
      quoted = !quoted;
    } else if (quoted || (char !== "," && char !== "\n" && char !== "\r")) {
      field += char;
    } else {
      endField();
      if (char === ",") continue;
      if (char === "\r" && text[i + 1] === "\n") i++;
      rows.push(row);
      row = [];
    }
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function toRecords(rows: string[][]): Record<string, string>[] {
  const [header = [], ...body] = rows;
  return body
    .filter((cells) => cells.some((cell) => cell.trim() !== ""))
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""])));
}

function coordinate(value: string | undefined): number | null {
  if (!value || !/^-?\d+(\.\d+)?$/.test(value.trim())) return null;
  return Number(Number(value).toFixed(4));
}

/**
 * Groups communes by postcode. Arrondissements of Paris, Lyon and Marseille keep their own
 * postcodes; their parent commune is kept too because the source files it under a postcode no
 * arrondissement uses (75000, 69000, 13000), which people do write and which then resolves to
 * the city centre instead of failing.
 */
export function buildPostcodeTable(csvText: string): PostcodeTable {
  const table: PostcodeTable = {};
  for (const record of toRecords(parseCsv(csvText))) {
    const latitude = coordinate(record.LATITUDE);
    const longitude = coordinate(record.LONGITUDE);
    const inseeCode = record.REF_INSEE ?? "";
    if (latitude === null || longitude === null || !record.NAME) continue;
    const postcodes = (record.ZIP_CODES ?? "").split(",").map((code) => code.trim());
    for (const postcode of [...postcodes, ...(EXTRA_POSTCODES[inseeCode] ?? [])]) {
      if (!/^\d{5}$/.test(postcode)) continue;
      const communes = (table[postcode] ??= []);
      if (communes.some(([, code]) => code === inseeCode)) continue;
      communes.push([record.NAME, inseeCode, latitude, longitude]);
    }
  }
  return table;
}

/** One postcode per line, keys and communes sorted, so a rebuild gives a readable git diff. */
export function serializePostcodeTable(table: PostcodeTable): string {
  const lines = Object.keys(table)
    .sort()
    .map((postcode) => {
      const communes = [...(table[postcode] ?? [])].sort(([, a], [, b]) => (a < b ? -1 : 1));
      return `${JSON.stringify(postcode)}:${JSON.stringify(communes)}`;
    });
  return `{\n${lines.join(",\n")}\n}\n`;
}

function main(csvPath: string): void {
  const table = buildPostcodeTable(fs.readFileSync(csvPath, "utf8"));
  const json = serializePostcodeTable(table);
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  fs.writeFileSync(outputPath, json);
  const communes = Object.values(table).reduce((sum, list) => sum + list.length, 0);
  console.log(
    `${path.relative(process.cwd(), outputPath)}: ${Object.keys(table).length} postcodes, ` +
      `${communes} entries, ${Buffer.byteLength(json)} bytes`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ? path.resolve(process.argv[2]) : defaultCsv);
}
