// Small French formats shared by the page, the PDF and the CSV. Pure, client-safe.

/** 2000 → "20 %", 550 → "5,5 %", 0 → "0 %". */
export function vatRateLabel(bps: number): string {
  return `${(bps / 100).toLocaleString("fr-FR", { maximumFractionDigits: 2 })}\u00A0%`;
}

/** 1.5 → "1,5" (quantities keep at most 2 decimals). */
export const formatQuantity = (quantity: number) =>
  quantity.toLocaleString("fr-FR", { maximumFractionDigits: 2 });
