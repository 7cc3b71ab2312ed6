import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Modal } from 'antd';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { LinkSheet } from '../communities/widgets/LinkSheet.tsx';
import { PublicUrlAlert, useResidentLinks } from '../communities/widgets/resident-links.tsx';
import { bk } from './api.ts';
import { useBT } from './i18n/bt.ts';

/**
 * The printable sheet of one-time ballot links: per owner the QR code of their resident page
 * (/r/b/{token}) under the configured public address, to hand out door to door. Staff only (the
 * links are credentials).
 */
export function LinkSheetModal({
  ballotId,
  open,
  onClose,
}: {
  ballotId: string;
  open: boolean;
  onClose: () => void;
}) {
  const bt = useBT();
  const sheet = useQuery({
    queryKey: bk.links(ballotId),
    queryFn: () => unwrap(api.GET('/api/renewal/ballots/{id}/links', { params: { path: { id: ballotId } } })),
    enabled: open,
  });
  const residentLinks = useResidentLinks();
  const s = sheet.data;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={bt('ballot.links')}
      width={920}
      footer={
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {bt('ballot.linksPrint')}
        </Button>
      }
    >
      <ErrorAlert error={sheet.error} onRetry={() => void sheet.refetch()} />
      <PublicUrlAlert links={residentLinks} />
      {s && residentLinks.ready ? (
        <LinkSheet
          title={`${s.communityName} · ${bt('tab.ballots')}`}
          subtitle={`${s.question}（${bt('ballot.closesAt')} ${new Date(s.closesAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}）`}
          rows={s.links.map((l) => ({
            label: `${l.units.join('；')} ${l.ownerName}`,
            url: residentLinks.urlOf(l.path),
            ...(l.used ? { note: bt('ballot.linkUsed') } : {}),
          }))}
        />
      ) : null}
    </Modal>
  );
}
