import { PaperClipOutlined } from '@ant-design/icons';
import { Image } from 'antd';
import { useFT } from './i18n/ft.ts';
import { isImage, type StoredFile, sizeText } from './types.ts';
import './files.css';

export interface GalleryItem {
  file: StoredFile | null;
  caption?: string | null;
}

/**
 * Attached files of a record: photos as thumbnails (click to enlarge), other files as download
 * links, each with its caption. Links are the signed ones the record came with.
 */
export function FileGallery({ items, label }: { items: GalleryItem[]; label?: string }) {
  const ft = useFT();
  if (items.length === 0) return <span>{ft('files.none')}</span>;
  return (
    <Image.PreviewGroup>
      <ul className="gf-files" aria-label={label}>
        {items.map((it, i) => {
          const f = it.file;
          const key = f?.id ?? `caption-${i}`;
          if (f && isImage(f)) {
            return (
              <li key={key} className="gf-files-item">
                <Image src={f.url} alt={it.caption || f.name} width={120} height={90} />
                {it.caption ? <div className="gf-files-caption">{it.caption}</div> : null}
              </li>
            );
          }
          return (
            <li key={key} className="gf-files-item gf-files-doc">
              {f ? (
                <a
                  href={f.url}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={ft('files.open', { name: f.name })}
                >
                  <PaperClipOutlined /> {f.name}{' '}
                  <span className="gf-files-caption">({sizeText(f.size)})</span>
                </a>
              ) : null}
              {it.caption ? <div className="gf-files-caption">{it.caption}</div> : null}
            </li>
          );
        })}
      </ul>
    </Image.PreviewGroup>
  );
}
