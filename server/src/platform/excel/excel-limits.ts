/**
 * Limits on uploaded workbooks, checked before any XML parser sees the file.
 *
 * Measured on a real workbook: 100,000 rows × 10 columns (names, 18-digit IDs, mobiles, region
 * codes, addresses, amounts) written by exceljs is a 5.5 MB file of 16 ZIP entries that unpack
 * to 55 MB (sheet 40 MB at ratio 9, shared strings 15 MB at ratio 14). Excel and WPS write a
 * little more per cell (styles), up to ~90 MB for the same rows. The limits below sit well
 * above that (a 200,000-row upload of that shape still passes), and far below what a crafted
 * archive needs to hurt: every entry is inflated once, at most to its declared size, at upload.
 */
export interface ExcelLimits {
  /** Size of the uploaded file. */
  maxFileBytes: number;
  /**
   * Sum of the declared uncompressed sizes of every ZIP entry; entries are refused if they
   * unpack to more than they declare, so this bounds the bytes actually inflated too.
   */
  maxUncompressedBytes: number;
  /** Largest compression ratio allowed for an entry bigger than `ratioCheckMinBytes`. */
  maxEntryRatio: number;
  ratioCheckMinBytes: number;
  /** Entries in the archive (a real workbook has 10–20; a few hundred with very many sheets). */
  maxEntries: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
}

const MB = 1024 * 1024;

export const EXCEL_LIMITS: ExcelLimits = {
  maxFileBytes: 20 * MB,
  // 3.6 × the 100k-row workbook above; a 20 MB file of ordinary sheets unpacks to ~150–200 MB
  maxUncompressedBytes: 200 * MB,
  // ordinary sheets compress 8–15 ×; only bombs (long runs of one byte) reach 100
  maxEntryRatio: 100,
  ratioCheckMinBytes: 1 * MB,
  maxEntries: 1000,
  maxRows: 200_000,
};

/**
 * Ceiling of the JavaScript heap of the thread that parses an import's sheet (V8 old
 * generation, MB). Parsing the 100,000-row workbook above stays under ~150 MB (shared
 * strings are cached); a file that needs more fails its job instead of taking the server down.
 */
export const IMPORT_PARSE_HEAP_MB = 512;

/** Rows read, validated, staged and exported per round trip. */
export const EXCEL_CHUNK_ROWS = 1000;

/** Excel's own limit of rows on a sheet, less the header row. */
export const EXPORT_MAX_ROWS = 1_048_575;
