import { useMemo } from 'react';
import { renderSVG } from 'uqr';
import './link-sheet.css';

export interface LinkSheetRow {
  /** What the resident looks for: 3幢1单元302室, or an owner's name. */
  label: string;
  /** The full URL the QR code holds. */
  url: string;
  /** Optional small print beside the label (e.g. 已使用). */
  note?: string;
}

/**
 * A printable sheet of one-time links: per row a QR code (uqr's SVG), the label and the URL, to
 * cut out and hand to each household. Used by the surveys (a link per unit) and the ballots (a
 * link per owner). The print CSS hides everything else on the page.
 */
export function LinkSheet({
  title,
  subtitle,
  rows,
}: {
  title: string;
  subtitle?: string;
  rows: LinkSheetRow[];
}) {
  return (
    <section className="link-sheet" aria-label={title}>
      <header className="link-sheet-head">
        <h2>{title}</h2>
        {subtitle ? <p>{subtitle}</p> : null}
      </header>
      <ol className="link-sheet-grid">
        {rows.map((r) => (
          <LinkCard key={r.url} row={r} />
        ))}
      </ol>
    </section>
  );
}

function LinkCard({ row }: { row: LinkSheetRow }) {
  const src = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(row.url, { border: 1 }))}`,
    [row.url],
  );
  return (
    <li className="link-sheet-card">
      <img className="link-sheet-qr" src={src} alt={`二维码 ${row.label}`} />
      <div className="link-sheet-text">
        <strong>{row.label}</strong>
        {row.note ? <span className="link-sheet-note">{row.note}</span> : null}
        <code>{row.url}</code>
      </div>
    </li>
  );
}
