export type EmailContent = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
};

/** Escapes a value for HTML text and double- or single-quoted attributes. */
export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** One plain-text and one HTML rendering of the same French message; every value is escaped. */
export function renderEmail(content: EmailContent): { subject: string; text: string; html: string } {
  const text = [
    content.greeting,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label} : ${content.action.url}`, ""] : []),
    ...(content.footnote ? [content.footnote, ""] : []),
    "— L’équipe Permanence",
  ].join("\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1c2430;line-height:1.5">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${content.action ? `<p><a href="${escapeHtml(content.action.url)}" style="background:#1f4e79;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p><p style="font-size:13px;color:#4a5566">Ou copiez ce lien : ${escapeHtml(content.action.url)}</p>` : ""}
${content.footnote ? `<p style="font-size:13px;color:#4a5566">${escapeHtml(content.footnote)}</p>` : ""}
<p>— L’équipe Permanence</p></body></html>`;
  return { subject: content.subject, text, html };
}
