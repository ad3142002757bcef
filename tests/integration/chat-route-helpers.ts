// Shared by the /messages route tests: a conversation to work in and the composer's multipart post.
import { startSession } from "#app/auth/session.server";
import { askQuestion } from "#app/domain/chat/chat.server";
import { commitCsrfToken } from "#app/lib/csrf.server";
import { openMissionWithBusiness, publishedSecretary } from "#tests/factories/proposals";
import { createBusiness } from "#tests/factories/users";
import { cookiePair } from "#tests/setup/requests";

const origin = "http://localhost:3000";
export const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

/** A business, a secretary who asked a question about its mission, and their conversation. */
export async function conversationWithQuestion() {
  const { business, mission } = await openMissionWithBusiness();
  const secretary = await publishedSecretary();
  const { conversationId } = await askQuestion({
    actorId: secretary.id,
    missionId: mission.id,
    clientId: `question-${mission.id}`,
    body: "Bonjour, quels logiciels utilisez-vous ?",
  });
  return { business, secretary, mission, conversationId, outsider: await createBusiness() };
}

/** The composer's multipart post, with a valid CSRF token unless told otherwise. */
export async function multipartRequest(
  path: string,
  fields: Record<string, string>,
  options: { userId: string; file?: { name: string; bytes: Uint8Array; type?: string }; csrf?: boolean },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const cookies = [cookiePair(await startSession(options.userId))];
  if (options.csrf !== false) {
    const [token, setCookie] = await commitCsrfToken(new Request(origin));
    form.append("csrf", token);
    cookies.push(cookiePair(setCookie!));
  }
  if (options.file) {
    form.append(
      "attachment",
      new File([options.file.bytes as BlobPart], options.file.name, { type: options.file.type ?? "" }),
    );
  }
  return new Request(new URL(path, origin), {
    method: "POST",
    body: form,
    headers: { Cookie: cookies.join("; ") },
  });
}
