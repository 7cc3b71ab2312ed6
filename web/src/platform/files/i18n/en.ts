import type { filesZh } from './zh.ts';

export const filesEn: Record<keyof typeof filesZh, string> = {
  'files.upload': 'Upload',
  'files.uploadPhoto': 'Upload photo',
  'files.uploadFile': 'Upload file',
  'files.uploading': 'Uploading…',
  'files.remove': 'Remove {name}',
  'files.failed': '{name} failed to upload: {reason}',
  'files.tooLarge': '{name} is larger than {mb} MB; compress it and upload again',
  'files.photoHint': 'JPEG, PNG or WebP, up to {mb} MB each',
  'files.documentHint': 'Photos, PDF, Word or Excel, up to {mb} MB each',
  'files.max': 'At most {n} files',
  'files.open': 'Open {name}',
  'files.none': 'None',
};
