import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Modal, Radio, Space } from 'antd';
import { useRef, useState } from 'react';
import { isApiError } from '../api/errors.ts';
import { useT } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../widgets/ErrorAlert.tsx';
import { type ImportMode, isFinished, startImport } from './excel.api.ts';
import { ImportProgress } from './ImportProgress.tsx';
import type { useImportJob } from './use-import-job.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Workbooks, and CSV text (UTF-8 or GB18030), which the server reads through the same checks. */
const ACCEPT = `.xlsx,${XLSX_TYPE},.csv,text/csv`;

/**
 * Import from Excel: template link, file, mode (all or nothing / valid rows only), upload as the raw
 * body, then the job's progress (polled every second) and its result with the error report.
 * The caller names the routes (`importUrl(target)`/`templateUrl(target)` or a module's own) and the
 * title; `hideMode` is for the lists that import all or nothing only.
 */
export function ImportModal({
  importUrl,
  templateUrl,
  title,
  hideMode = false,
  open,
  onClose,
  importJob,
}: {
  importUrl: string;
  templateUrl: string;
  title: string;
  hideMode?: boolean;
  open: boolean;
  onClose: () => void;
  importJob: ReturnType<typeof useImportJob>;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [fileError, setFileError] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (v: { file: File; mode: ImportMode }) => startImport(importUrl, v.file, v.mode),
    onSuccess: (job) => {
      importJob.set(job.id);
      setFile(null);
    },
    onError: (e) => {
      if (isApiError(e) && e.field === 'file') setFileError(e.message);
    },
  });

  const { job } = importJob;
  const finished = isFinished(job);
  const close = () => {
    // A finished import has been seen here: forget it. A running one stays on the page.
    if (finished) importJob.set(null);
    upload.reset();
    setFileError(null);
    onClose();
  };

  const submit = () => {
    if (!file) return setFileError(t('excel.fileRequired'));
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setFileError(t('excel.fileType'));
    setFileError(null);
    upload.mutate({ file, mode: hideMode ? 'all' : mode });
  };

  const showForm = !importJob.jobId;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      destroyOnHidden
      width={560}
      footer={
        showForm ? (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              htmlType="submit"
              form="excel-import-form"
              icon={<UploadOutlined aria-hidden />}
              loading={upload.isPending}
            >
              {t('excel.upload')}
            </Button>
          </Space>
        ) : (
          <Space>
            {finished ? <Button onClick={() => importJob.set(null)}>{t('excel.newImport')}</Button> : null}
            <Button type="primary" onClick={close}>
              {finished ? t('excel.done') : t('excel.background')}
            </Button>
          </Space>
        )
      }
    >
      {showForm ? (
        <Form
          id="excel-import-form"
          name="excel-import"
          layout="vertical"
          onFinish={submit}
          className="gf-import-form"
        >
          <p>
            <a href={templateUrl} download>
              <DownloadOutlined aria-hidden /> {t('excel.template')}
            </a>
          </p>
          {upload.error && !(isApiError(upload.error) && upload.error.field === 'file') ? (
            <ErrorAlert error={upload.error} />
          ) : null}
          <Form.Item
            label={t('excel.file')}
            htmlFor="excel-import-file"
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? undefined}
          >
            <div className="gf-file">
              <input
                ref={input}
                id="excel-import-file"
                className="gf-file-input"
                type="file"
                accept={ACCEPT}
                aria-invalid={fileError ? true : undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(null);
                }}
              />
              <Button aria-hidden tabIndex={-1} onClick={() => input.current?.click()}>
                {t('excel.chooseFile')}
              </Button>
              <span className="gf-file-name">{file ? file.name : null}</span>
            </div>
          </Form.Item>
          {hideMode ? (
            <p className="gf-muted gf-small">{t('excel.modeAllOnly')}</p>
          ) : (
            <Form.Item label={t('excel.mode')} htmlFor="excel-import-mode">
              <Radio.Group
                id="excel-import-mode"
                aria-label={t('excel.mode')}
                value={mode}
                onChange={(e) => setMode(e.target.value as ImportMode)}
                options={[
                  { value: 'all', label: t('excel.modeAll') },
                  { value: 'valid', label: t('excel.modeValid') },
                ]}
                className="gf-radio-column"
              />
            </Form.Item>
          )}
        </Form>
      ) : job ? (
        <ImportProgress job={job} />
      ) : (
        <ErrorAlert error={importJob.error} />
      )}
    </Modal>
  );
}
