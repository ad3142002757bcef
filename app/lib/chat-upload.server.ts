// Reading the chat composer's multipart post without letting one request hold much memory: the
// Content-Length is checked before the body is read (413), and while parsing — a chunked upload
// has no length — every byte is counted. Only one file part named "attachment" is kept (10 Mo at
// most); text fields share 64 Ko; any other file part is read and dropped.
import {
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";

export const TEXT_FIELDS_BYTES = 64 * 1024;

/** The whole post was too large: answered 413 before reading more. */
export class PayloadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`La requête dépasse ${limit} octets.`);
  }
}

/** Refuses up front a post whose declared length exceeds the limit (before any body byte is read). */
export function checkContentLength(request: Request, limit: number): void {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= limit)) throw new PayloadTooLargeError(limit);
}

type Limits = { fileField: string; maxFileBytes: number; maxTotalBytes: number };

function uploadHandler({ fileField, maxFileBytes, maxTotalBytes }: Limits): UploadHandler {
  let total = 0;
  let textBytes = 0;
  let fileTaken = false;
  return async ({ name, filename, contentType, data }) => {
    const isFile = filename !== undefined;
    const keep = isFile ? name === fileField && filename !== "" && !fileTaken : true;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > maxTotalBytes) throw new PayloadTooLargeError(maxTotalBytes);
      if (!keep) continue;
      size += chunk.byteLength;
      if (isFile && size > maxFileBytes) throw new MaxPartSizeExceededError(name, maxFileBytes);
      if (!isFile && textBytes + size > TEXT_FIELDS_BYTES) throw new PayloadTooLargeError(TEXT_FIELDS_BYTES);
      chunks.push(chunk);
    }
    if (!keep) return undefined;
    if (!isFile) {
      textBytes += size;
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    fileTaken = true;
    return new File(chunks as BlobPart[], filename, { type: contentType });
  };
}

/** The parsed form: its text fields and at most one file, `fileField`. */
export async function readLimitedMultipart(request: Request, limits: Limits): Promise<FormData> {
  checkContentLength(request, limits.maxTotalBytes);
  return unstable_parseMultipartFormData(request, uploadHandler(limits));
}
