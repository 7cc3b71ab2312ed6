/** Limits on uploaded workbooks, checked before any XML parser sees the file. */
export interface ExcelLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of every ZIP entry. */
  maxUncompressedBytes: number;
  /** Largest compression ratio allowed for an entry bigger than `ratioCheckMinBytes`. */
  maxEntryRatio: number;
  ratioCheckMinBytes: number;
  maxEntries: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
}

const MB = 1024 * 1024;

export const EXCEL_LIMITS: ExcelLimits = {
  maxFileBytes: 20 * MB,
  maxUncompressedBytes: 200 * MB,
  maxEntryRatio: 100,
  ratioCheckMinBytes: 1 * MB,
  maxEntries: 10_000,
  maxRows: 200_000,
};

/** Rows read, validated, staged and exported per round trip. */
export const EXCEL_CHUNK_ROWS = 1000;

/** Excel's own limit of rows on a sheet, less the header row. */
export const EXPORT_MAX_ROWS = 1_048_575;
