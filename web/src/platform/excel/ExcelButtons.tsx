import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { errorText } from '../widgets/ErrorAlert.tsx';
import {
  downloadExport,
  type ExcelTarget,
  importUrl,
  type OrgExportQuery,
  type PeopleExportQuery,
  setImportDialogOpen,
  templateUrl,
  useImportDialogOpen,
} from './excel.api.ts';
import { ImportModal } from './ImportModal.tsx';
import { useImportJob } from './use-import-job.ts';

type Props = (
  | { target: 'people'; query: PeopleExportQuery }
  | { target: 'organisations'; query: OrgExportQuery }
) & { canImport: boolean };

/** "导出 Excel" (every row matching the current filters) and "导入" (with the write permission). */
export function ExcelButtons(props: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const importOpen = useImportDialogOpen(props.target);
  const setImportOpen = (open: boolean) => setImportDialogOpen(props.target, open);
  // Leaving the page with the dialog open must not leave it marked open.
  useEffect(() => () => setImportDialogOpen(props.target, false), [props.target]);
  const fallback = `${props.target === 'people' ? t('excel.targetPeople') : t('excel.targetOrganisations')}.xlsx`;
  const exportNow = async () => {
    setExporting(true);
    try {
      await downloadExport(props, fallback);
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <Space wrap>
        <Button icon={<FileExcelOutlined aria-hidden />} loading={exporting} onClick={() => void exportNow()}>
          {t('excel.export')}
        </Button>
        {props.canImport ? (
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImportOpen(true)}>
            {t('excel.import')}
          </Button>
        ) : null}
      </Space>
      {props.canImport ? (
        <ImportDialog target={props.target} open={importOpen} onClose={() => setImportOpen(false)} />
      ) : null}
    </>
  );
}

function ImportDialog({
  target,
  open,
  onClose,
}: {
  target: ExcelTarget;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const importJob = useImportJob(target);
  const targetName = target === 'people' ? t('excel.targetPeople') : t('excel.targetOrganisations');
  return (
    <ImportModal
      importUrl={importUrl(target)}
      templateUrl={templateUrl(target)}
      title={t('excel.importTitle', { target: targetName })}
      open={open}
      onClose={onClose}
      importJob={importJob}
    />
  );
}
