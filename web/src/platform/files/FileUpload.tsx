import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { isErrorBody } from '../api/errors.ts';
import { currentLang } from '../i18n/lang.ts';
import { useFT } from './i18n/ft.ts';
import { DOCUMENT_ACCEPT, MAX_UPLOAD_MB, PHOTO_ACCEPT, type StoredFile } from './types.ts';
import './files.css';

type Item = UploadFile<unknown>;

const isStored = (x: unknown): x is StoredFile =>
  typeof x === 'object' && x !== null && typeof (x as StoredFile).id === 'string' && 'url' in x;

const toItem = (f: StoredFile): Item => ({
  uid: f.id,
  name: f.name,
  status: 'done',
  url: f.url,
  thumbUrl: f.url,
  response: f,
});

const storedOf = (list: Item[]) =>
  list.flatMap((f) => (f.status === 'done' && isStored(f.response) ? [f.response] : []));

export interface FileUploadProps {
  /** The files (a form field's value): uploaded, not yet saved with the record, or already attached. */
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
  /** photo: JPEG/PNG/WebP with thumbnails; document: photos, PDF, Word, Excel as a list. */
  kind?: 'photo' | 'document';
  max?: number;
  id?: string;
  disabled?: boolean;
}

/**
 * Upload widget for a form field: each file goes to POST /api/files as soon as it is picked
 * (with the session cookie); the field's value is the uploaded files, which the form sends as
 * ids when the record is saved. Removing a file before saving just drops it from the value.
 */
export function FileUpload({ value, onChange, kind = 'photo', max = 20, id, disabled }: FileUploadProps) {
  const ft = useFT();
  const { message } = App.useApp();
  const [list, setList] = useState<Item[]>(() => (value ?? []).map(toItem));

  // the form set or reset the value (loading a record, resetFields): show that
  useEffect(() => {
    setList((current) => {
      if (current.some((f) => f.status === 'uploading')) return current;
      const same =
        storedOf(current)
          .map((f) => f.id)
          .join() === (value ?? []).map((f) => f.id).join();
      return same ? current : (value ?? []).map(toItem);
    });
  }, [value]);

  const photo = kind === 'photo';
  return (
    <Upload
      id={id}
      action="/api/files"
      name="file"
      withCredentials
      headers={{ 'Accept-Language': currentLang() }}
      accept={photo ? PHOTO_ACCEPT : DOCUMENT_ACCEPT}
      listType={photo ? 'picture-card' : 'text'}
      multiple={max > 1}
      maxCount={max}
      fileList={list}
      disabled={disabled}
      beforeUpload={(file) => {
        if (file.size <= MAX_UPLOAD_MB * 1024 * 1024) return true;
        void message.error(ft('files.tooLarge', { name: file.name, mb: MAX_UPLOAD_MB }));
        return Upload.LIST_IGNORE;
      }}
      onChange={({ file, fileList }) => {
        let next = fileList.map((f) =>
          f.status === 'done' && isStored(f.response)
            ? { ...f, url: f.response.url, thumbUrl: f.response.url }
            : f,
        );
        if (file.status === 'error') {
          const reason = isErrorBody(file.response) ? file.response.message : (file.error?.message ?? '');
          void message.error(ft('files.failed', { name: file.name, reason }));
          next = next.filter((f) => f.uid !== file.uid);
        }
        setList(next);
        if (file.status !== 'uploading') onChange?.(storedOf(next));
      }}
    >
      {list.length >= max || disabled ? null : photo ? (
        <button type="button" className="gf-upload-add">
          <PlusOutlined />
          <div>{ft('files.uploadPhoto')}</div>
        </button>
      ) : (
        <Button icon={<UploadOutlined />}>{ft('files.uploadFile')}</Button>
      )}
    </Upload>
  );
}

/** The hint under an upload field: accepted types and size. */
export function useUploadHint(kind: 'photo' | 'document' = 'photo'): string {
  const ft = useFT();
  return ft(kind === 'photo' ? 'files.photoHint' : 'files.documentHint', { mb: MAX_UPLOAD_MB });
}
