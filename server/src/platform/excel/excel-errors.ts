import { AppError, type Bilingual, invalid } from '../http/errors.ts';
import type { ImportColumn } from './excel-list.ts';
import type { ZipProblem } from './zip-inspect.ts';

/** Errors about an uploaded file, all naming the field `file`, Chinese first. */

const FIELD = 'file';
const MB = 1024 * 1024;
const mb = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
const fileInvalid = (code: string, text: Bilingual) => invalid(FIELD, text, code);

export const fileTooLarge = (limit: number) =>
  new AppError(
    'FILE_TOO_LARGE',
    'too_large',
    {
      zh: `文件超过 ${mb(limit)}，请分成几个较小的文件分别导入`,
      en: `The file is larger than ${mb(limit)}; split it into smaller files and import them one by one`,
    },
    FIELD,
  );

export const fileMissing = () =>
  fileInvalid('FILE_MISSING', {
    zh: '请上传 Excel 工作簿（.xlsx）文件',
    en: 'Upload an Excel workbook (.xlsx) file',
  });

const SAVE_AS = {
  zh: '请用导入模板填写，在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后再上传',
  en: 'fill in the import template and save it as an Excel workbook (.xlsx) in Excel or WPS, then upload it',
};

/** What the bytes look like, when they are not an .xlsx: for a message that says what to do. */
export type NotXlsxKind = 'xls' | 'text' | 'word' | 'other_zip' | 'other';

export function notXlsx(kind: NotXlsxKind) {
  const what: Record<NotXlsxKind, Bilingual> = {
    xls: {
      zh: '这是旧版 Excel 97-2003（.xls）文件或加密的工作簿，不能直接导入',
      en: 'This is an old Excel 97-2003 (.xls) file or an encrypted workbook, which cannot be imported',
    },
    text: {
      zh: '这是文本或 CSV 文件（只是扩展名改成了 .xlsx），不能直接导入',
      en: 'This is a text or CSV file (only its name ends in .xlsx), which cannot be imported',
    },
    word: {
      zh: '这是 Word 文档，不是 Excel 工作簿',
      en: 'This is a Word document, not an Excel workbook',
    },
    other_zip: {
      zh: '这是压缩包或其他 Office 文件，不是 Excel 工作簿',
      en: 'This is a ZIP archive or another Office file, not an Excel workbook',
    },
    other: {
      zh: '文件不是 Excel 工作簿（.xlsx）',
      en: 'The file is not an Excel workbook (.xlsx)',
    },
  };
  const w = what[kind];
  return fileInvalid('FILE_NOT_XLSX', {
    zh: `${w.zh}：${SAVE_AS.zh}`,
    en: `${w.en}: ${SAVE_AS.en}`,
  });
}

export function zipRefused(problem: Exclude<ZipProblem, { kind: 'not_zip' }>, limitBytes: number) {
  switch (problem.kind) {
    case 'too_large_unpacked':
      return new AppError(
        'FILE_UNPACKED_TOO_LARGE',
        'too_large',
        {
          zh: `文件解压后超过 ${mb(limitBytes)}，请分成几个较小的文件分别导入`,
          en: `The workbook unpacks to more than ${mb(limitBytes)}; split it into smaller files`,
        },
        FIELD,
      );
    case 'suspicious_ratio':
    case 'too_many_entries':
      return fileInvalid('FILE_SUSPICIOUS', {
        zh: '文件结构异常（压缩比或文件条目数过大），疑似恶意文件，已拒绝。请用导入模板重新填写后上传',
        en: 'The file has an abnormal structure (compression ratio or entry count) and was refused; fill in the import template again',
      });
    case 'corrupt':
      return fileInvalid('FILE_CORRUPT', {
        zh: '文件已损坏或不完整，请在 Excel 中重新保存后上传',
        en: 'The file is damaged or incomplete; save it again in Excel and upload it',
      });
  }
}

export const unreadableWorkbook = () =>
  fileInvalid('FILE_UNREADABLE', {
    zh: '无法读取工作簿的第一个工作表，请在 Excel 中重新保存为 .xlsx 后上传',
    en: 'The first worksheet of the workbook cannot be read; save it again as .xlsx in Excel and upload it',
  });

export const tooManyRows = (rows: number, max: number) =>
  fileInvalid('FILE_TOO_MANY_ROWS', {
    zh: `文件有 ${rows} 行数据，一次最多导入 ${max} 行，请分成几个文件分别导入`,
    en: `The file has ${rows} data rows; at most ${max} can be imported at once, so split it into several files`,
  });

export const noDataRows = () =>
  fileInvalid('FILE_EMPTY', {
    zh: '文件中没有数据行：请在表头下方逐行填写后再上传',
    en: 'The file has no data rows: fill in one row per record below the header row',
  });

/** An archive whose bytes hide something from its central directory, or that holds an archive. */
export function zipTampered(problem: { kind: 'unlisted_data' | 'entry_lies' | 'nested_archive' }) {
  if (problem.kind === 'nested_archive') {
    return fileInvalid('FILE_NESTED_ARCHIVE', {
      zh: '工作簿中嵌有压缩包或其他 Office 文件（如嵌入的对象），不能导入。请把数据复制到导入模板中，另存为 Excel 工作簿（.xlsx）后上传',
      en: 'The workbook holds an archive or another Office file (such as an embedded object) and cannot be imported. Copy the data into the import template, save it as an Excel workbook (.xlsx) and upload that',
    });
  }
  return fileInvalid('FILE_SUSPICIOUS', {
    zh: '文件结构异常（压缩包中有目录未登记的内容，或条目解压后超过其声明的大小），疑似恶意文件，已拒绝。请用导入模板重新填写后上传',
    en: 'The file has an abnormal structure (content its ZIP directory does not list, or an entry unpacking beyond its declared size) and was refused; fill in the import template again',
  });
}

/**
 * The data sheet lacks required columns: names the sheet (the template's, or the first when
 * none is named so) or says it is a CSV, whose first line must be the header.
 */
export function sheetColumnsMissing(
  where: { format: 'xlsx' | 'csv'; sheetName: string },
  missing: ImportColumn[],
) {
  const zh = missing.map((c) => c.header.zh).join('、');
  const en = missing.map((c) => c.header.en).join(', ');
  if (where.format === 'csv') {
    return fileInvalid('FILE_COLUMNS_MISSING', {
      zh: `这是 CSV 文件，但表头中缺少必填列：${zh}。请让第一行（或标题下一行）为模板的表头，各列用逗号分隔，保存为 UTF-8 或 GB18030（“CSV（逗号分隔）”）编码`,
      en: `This is a CSV file, but its header lacks the required column(s): ${en}. Make the first line (or the one below a title) the template's header row, with commas between the columns, saved as UTF-8 or GB18030`,
    });
  }
  return fileInvalid('FILE_COLUMNS_MISSING', {
    zh: `没有找到含全部必填列的工作表：工作表「${where.sheetName}」缺少必填列：${zh}。请下载导入模板，按模板的表头填写`,
    en: `No worksheet holds every required column: sheet "${where.sheetName}" lacks the required column(s): ${en}. Download the import template and keep its header row`,
  });
}
