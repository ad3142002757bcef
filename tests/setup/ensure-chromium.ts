// The e2e suite drives Debian's Chromium (Playwright's own browser download cannot work here).
// Finds it, installs it with apt-get when running as root, or explains how to get it.
import { spawnSync } from "node:child_process";
import { findChromium } from "../e2e/chromium";

if (findChromium()) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.log("Chromium introuvable : installation du paquet Debian « chromium »…");
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit" });
  if (update.status === 0 && install.status === 0 && findChromium()) process.exit(0);
}
console.error(
  [
    "Les tests de bout en bout ont besoin de Chromium, introuvable sur cette machine.",
    "  • Debian/Ubuntu : sudo apt-get install -y chromium",
    "  • ou indiquez un Chromium existant : CHROMIUM_PATH=/chemin/vers/chromium npm test",
  ].join("\n"),
);
process.exit(1);
