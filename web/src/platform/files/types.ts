/** A stored file as the API shows it with a record (or right after upload): `url` is a signed, short-lived link. */
export interface StoredFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

/** The server's default limit (GONGFU_FILE_MAX_BYTES); the server's answer is what counts. */
export const MAX_UPLOAD_MB = 20;

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp';
export const DOCUMENT_ACCEPT = `${PHOTO_ACCEPT},application/pdf,.pdf,.docx,.xlsx`;

export const isImage = (f: Pick<StoredFile, 'contentType'>) => f.contentType.startsWith('image/');

/** "1.2 MB", "35 KB". */
export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
