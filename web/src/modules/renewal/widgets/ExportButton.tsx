import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../platform/api/errors.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { useRT } from '../i18n/rt.ts';

type Download = () => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The file name the server gives (Content-Disposition, RFC 5987 first), else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const cd = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

/** "导出 Excel": every row matching the list's current filters, as the server writes it. */
export function ExportButton({ download, fileName }: { download: Download; fileName: string }) {
  const t = useT();
  const rt = useRT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await download().catch((e: unknown) => {
        throw new ApiError(0, { code: 'NETWORK', message: e instanceof Error ? e.message : String(e) });
      });
      if (!r.response.ok) throw ApiError.fromResponse(r.response, r.error);
      const url = URL.createObjectURL(r.data as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(r.response, fileName);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {rt('common.export')}
    </Button>
  );
}
