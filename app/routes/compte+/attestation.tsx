// /compte/attestation — a provider's URSSAF attestation de vigilance: the current one, its validity,
// the history, the upload form (PDF, 5 Mo), and her annual statement of amounts earned.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { requireUser } from "#app/auth/session.server";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { getVigilancePage, uploadVigilanceCertificate } from "#app/domain/compliance/vigilance.server";
import {
  issuedOnSchema,
  MAX_VIGILANCE_BYTES,
  vigilanceMessages,
  type VigilanceCertificateDto,
} from "#app/domain/compliance/vigilance.schema";
import { PayloadTooLargeError, readLimitedMultipart } from "#app/lib/chat-upload.server";
import { readForm } from "#app/lib/csrf.server";
import { formatDate } from "#app/lib/dates";
import { DomainError } from "#app/lib/domain-error";
import { handle, toResponse } from "#app/lib/http.server";

export const meta: MetaFunction = () => [{ title: "Attestation de vigilance — Permanence" }];

const PATH = "/compte/attestation";
const MAX_POST_BYTES = MAX_VIGILANCE_BYTES + 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { page: await handle(() => getVigilancePage({ actorId: user.id })) };
}

/** The bounded multipart post, then the CSRF check on its fields (as the message form does). */
async function readUpload(request: Request): Promise<FormData> {
  const parsed = await readLimitedMultipart(request, {
    fileField: "certificate",
    maxFileBytes: MAX_VIGILANCE_BYTES,
    maxTotalBytes: MAX_POST_BYTES,
  });
  const cookie = request.headers.get("Cookie") ?? "";
  return readForm(new Request(request.url, { method: "POST", body: parsed, headers: { Cookie: cookie } }));
}

const refused = (message: string, status = 400) => data({ message }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Refuse a business (or staff) before reading the file.
  await handle(() => getVigilancePage({ actorId: user.id }));
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return refused(vigilanceMessages.missingFile);
  }
  let formData: FormData;
  try {
    formData = await readUpload(request);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refused(vigilanceMessages.tooBig);
    if (error instanceof PayloadTooLargeError) return refused(vigilanceMessages.tooBig, 413);
    return toResponse(error);
  }
  const issuedOn = issuedOnSchema.safeParse(formData.get("issuedOn") ?? undefined);
  if (!issuedOn.success) return refused(issuedOn.error.issues[0]!.message);
  const file = formData.get("certificate");
  if (!(file instanceof File) || file.size === 0) return refused(vigilanceMessages.missingFile);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    await uploadVigilanceCertificate({
      actorId: user.id,
      input: { issuedOn: issuedOn.data, fileName: file.name, bytes },
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "VALIDATION") return refused(error.message);
    return toResponse(error);
  }
  return redirect(`${PATH}?depose=1`);
}

function Certificate({ certificate }: { certificate: VigilanceCertificateDto }) {
  return (
    <>
      <a href={`${PATH}/${certificate.id}`} download>
        {certificate.fileName}
      </a>{" "}
      — délivrée le {formatDate(certificate.issuedOn)}, valable jusqu’au {formatDate(certificate.expiresOn)}
    </>
  );
}

function CurrentCertificate({
  current,
  largeContracts,
}: {
  current: VigilanceCertificateDto | null;
  largeContracts: number;
}) {
  return (
    <section className="card stack" aria-labelledby="current-title">
      <h2 id="current-title">Attestation en cours</h2>
      {current ? (
        <p>
          <Certificate certificate={current} />
        </p>
      ) : (
        <p className={largeContracts > 0 ? "notice" : undefined}>Aucune attestation valable.</p>
      )}
      <p className="hint">
        {largeContracts > 0
          ? `Vous avez ${largeContracts} contrat(s) de 5 000 € HT ou plus : vos clients concernés peuvent télécharger votre attestation en cours depuis le contrat.`
          : "Les clients d’un contrat de 5 000 € HT ou plus peuvent télécharger votre attestation en cours depuis le contrat."}
      </p>
    </section>
  );
}

function UploadForm({ message }: { message: string | undefined }) {
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="form card stack"
      aria-labelledby="upload-title"
    >
      <h2 id="upload-title">Déposer une nouvelle attestation</h2>
      <p className="hint">
        Téléchargez-la sur urssaf.fr (rubrique « Attestations »). Elle est valable 6 mois à partir de sa date
        de délivrance. Fichier PDF, 5 Mo au plus.
      </p>
      <AuthenticityTokenInput />
      {message ? (
        <p className="error" role="alert" id="upload-error">
          {message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="certificate">Attestation (PDF)</label>
        <input
          id="certificate"
          name="certificate"
          type="file"
          accept="application/pdf,.pdf"
          required
          aria-describedby={message ? "upload-error" : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="issuedOn">Date de délivrance</label>
        <input id="issuedOn" name="issuedOn" type="date" required />
      </div>
      <p>
        <button type="submit">Déposer l’attestation</button>
      </p>
    </Form>
  );
}

export default function VigilancePage() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const year = new Date().getFullYear();
  return (
    <div className="stack">
      <h1>Attestation de vigilance URSSAF</h1>
      {params.get("depose") === "1" ? (
        <p className="notice" role="status">
          Votre attestation est enregistrée.
        </p>
      ) : null}
      <CurrentCertificate current={page.current} largeContracts={page.largeContracts} />
      <UploadForm message={result && "message" in result ? result.message : undefined} />
      {page.history.length > 0 ? (
        <section className="card stack" aria-labelledby="history-title">
          <h2 id="history-title">Historique</h2>
          <ul>
            {page.history.map((certificate) => (
              <li key={certificate.id}>
                <Certificate certificate={certificate} /> {certificate.valid ? "(en cours)" : "(expirée)"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="statement-title">
        <h2 id="statement-title">Relevé annuel des sommes perçues</h2>
        <p>
          Les montants perçus par trimestre et les commissions, tels que Permanence les déclare à
          l’administration fiscale (DAC7) : <a href={`/compte/releve-annuel?annee=${year}`}>relevé {year}</a>,{" "}
          <a href={`/compte/releve-annuel?annee=${year - 1}`}>relevé {year - 1}</a>.
        </p>
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
