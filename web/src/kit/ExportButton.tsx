import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../platform/api/errors.ts';
import { fileNameOf, saveBlob } from '../platform/excel/excel.api.ts';
import { useT } from '../platform/i18n/i18n.tsx';
import { errorText } from '../platform/widgets/error-text.ts';

/** An openapi-fetch call with `parseAs: 'blob'`, e.g. `() => api.GET('/api/x/export.xlsx', { params, parseAs: 'blob' })`. */
export type Download = () => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * "导出 Excel": every row matching the list's filters (not one page), as the server writes it
 * (masked, audited), saved under the server's file name or `fileName`; a refusal shows as a message.
 */
export function ExportButton({ download, fileName }: { download: Download; fileName: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await download().catch((e: unknown) => {
        throw new ApiError(0, { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
      });
      // on an error openapi-fetch reads the body as JSON whatever parseAs says: the usual {code, message}
      if (!r.response.ok) throw ApiError.fromResponse(r.response, r.error);
      saveBlob(r.data as Blob, fileNameOf(r.response, fileName));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {t('excel.export')}
    </Button>
  );
}
