/** Messages of the platform's file widgets (Chinese, the reference catalogue). */
export const filesZh = {
  'files.upload': '上传',
  'files.uploadPhoto': '上传照片',
  'files.uploadFile': '上传文件',
  'files.uploading': '正在上传…',
  'files.remove': '移除 {name}',
  'files.failed': '{name} 上传失败：{reason}',
  'files.tooLarge': '{name} 超过 {mb} MB，请压缩后再上传',
  'files.photoHint': 'JPEG、PNG 或 WebP，单个不超过 {mb} MB',
  'files.documentHint': '照片、PDF、Word 或 Excel，单个不超过 {mb} MB',
  'files.max': '最多 {n} 个文件',
  'files.open': '打开 {name}',
  'files.none': '无',
} as const;

export type FilesKey = keyof typeof filesZh;
