import type { ContractVigilanceStatus } from "#app/domain/compliance/vigilance.server";
import { formatDate } from "#app/lib/dates";

/**
 * For the business of a contract of €5,000 excl. VAT or more: the provider's attestation de
 * vigilance (art. L8222-1 du code du travail). Nothing for smaller contracts or for the provider.
 */
export function ContractVigilanceSection({ vigilance }: { vigilance: ContractVigilanceStatus }) {
  if (!vigilance.required) return null;
  return (
    <section className="card stack" aria-labelledby="attestation-vigilance">
      <h2 id="attestation-vigilance">Attestation de vigilance URSSAF</h2>
      <p className="muted">
        Ce contrat atteint 5 000 € HT : vous devez vérifier l’attestation de vigilance de votre prestataire,
        puis tous les six mois tant qu’il dure.
      </p>
      {vigilance.available && vigilance.expiresOn ? (
        <p>
          Attestation valable jusqu’au {formatDate(vigilance.expiresOn)} :{" "}
          <a href={vigilance.downloadUrl} download>
            télécharger l’attestation
          </a>
        </p>
      ) : (
        <p className="notice warning">
          Aucune attestation valide : demandez-la à votre prestataire (par la messagerie du contrat).
        </p>
      )}
    </section>
  );
}
