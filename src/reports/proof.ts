/**
 * The proof of the checks in a report: the catalog of faulty implementations that ran, how many
 * checks each one fails, and the checks none of them fails (nobody has shown those can fail).
 */
import type { Proof } from "../harness/prove.js";
import { escapeMarkup } from "./markup.js";
import { mdRow, mdText } from "./markdown-syntax.js";

function verdict(proof: Proof): string {
  const n = proof.variants.length;
  return proof.unproven.length === 0
    ? `Every check is failed by at least one of the ${n} faulty implementations, so each is proven able to fail.`
    : `${proof.unproven.length} check(s) are failed by none of the ${n} faulty implementations: nothing shows they can catch a bug.`;
}

function collateralNote(proof: Proof): string {
  return proof.collateralOnly.length === 0 ? "" : `${proof.collateralOnly.length} check(s) fail only when their whole scenario or sequence cannot run (collateral), never on their own.`;
}

export function proofMarkdown(proof: Proof): string {
  const rows = proof.variants.map((v) => mdRow([`\`${mdText(v.id, 80)}\``, mdText(v.bug, 160), String(v.failing.length)]));
  return [
    "### Proof of the checks",
    "",
    verdict(proof),
    ...(proof.unproven.length ? ["", `Unproven: ${proof.unproven.slice(0, 30).map((id) => `\`${mdText(id, 120)}\``).join(", ")}${proof.unproven.length > 30 ? ", …" : ""}`] : []),
    ...(collateralNote(proof) ? ["", collateralNote(proof)] : []),
    "",
    `<details><summary>${proof.variants.length} faulty implementations</summary>`,
    "",
    mdRow(["variant", "bug", "checks it fails"]),
    "|---|---|---:|",
    ...rows,
    "",
    "</details>",
  ].join("\n");
}

export function proofHtml(proof: Proof): string {
  const rows = proof.variants.map((v) => `<tr><td><code>${escapeMarkup(v.id)}</code></td><td>${escapeMarkup(v.bug)}</td><td class="mono">${v.failing.length}</td></tr>`);
  const unproven = proof.unproven.length
    ? `<p class="fail">Unproven checks:</p><ul>${proof.unproven.map((id) => `<li class="check fail" data-status="unproven"><code>${escapeMarkup(id)}</code></li>`).join("")}</ul>`
    : "";
  const collateral = proof.collateralOnly.length
    ? `<details><summary>${escapeMarkup(collateralNote(proof))}</summary><ul>${proof.collateralOnly.map((id) => `<li><code>${escapeMarkup(id)}</code></li>`).join("")}</ul></details>`
    : "";
  return [
    `<section id="proof"><h2>Proof of the checks</h2>`,
    `<p>${escapeMarkup(verdict(proof))}</p>`,
    unproven,
    collateral,
    `<details><summary>The ${proof.variants.length} faulty implementations (one documented bug each)</summary>`,
    `<table class="all-checks"><thead><tr><th>variant</th><th>bug</th><th>checks it fails</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    `</details></section>`,
  ].join("\n");
}
