// Page-number pagination (previous, numbered pages, next); every link keeps the rest of the query.
import { Link } from "@remix-run/react";

/** 1 … 4 5 [6] 7 8 … 20: the first, the last, and two on each side of the current page. */
export function pageWindow(page: number, totalPages: number): (number | "gap")[] {
  const pages = new Set([1, totalPages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= totalPages) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? (["gap", p] as const) : [p]));
}

export function SearchPagination(props: {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}) {
  const { page, totalPages, hrefFor } = props;
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="search-pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={hrefFor(Math.min(page - 1, totalPages))} rel="prev">
              Précédente
            </Link>
          </li>
        ) : null}
        {pageWindow(Math.min(page, totalPages), totalPages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className="search-page-current">
                  <span className="visually-hidden">Page </span>
                  {p}
                </span>
              ) : (
                <Link to={hrefFor(p)} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              Suivante
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
